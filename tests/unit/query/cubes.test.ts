import { describe, expect, it } from 'vitest';
import { buildPlan, CUBES, dayCube, pickCube } from '../../../server/query/cubes.js';

describe('rollup cubes', () => {
  it('when a query needs some dimensions, then the smallest cube holding them all is read', () => {
    expect(pickCube([])).toBe('flow_point');
    expect(pickCube(['direction', 'point'])).toBe('flow_point');
    expect(pickCube(['od'])).toBe('flow_od');
    expect(pickCube(['od', 'nationality'])).toBe('flow_od_nat');
    expect(pickCube(['od', 'reasons', 'point'])).toBe('flow_od_reason');
    expect(pickCube(['nationality', 'transport'])).toBe('flow_attr');
    expect(pickCube(['vulnerabilities', 'direction'])).toBe('flow_vuln');
    expect(pickCube(['od', 'nationality', 'reasons'])).toBe('flow_cube');
  });

  it('when the rollup is rebuilt, then flow_cube comes from observations and each other cube from a built cube holding its dimensions', () => {
    const plan = buildPlan();
    expect(plan[0]).toMatchObject({ cube: { table: 'flow_cube' }, from: null });
    const built = new Set<string>();
    for (const { cube, from } of plan) {
      if (from) {
        expect(built.has(from.table)).toBe(true);
        expect(cube.dims.every((d) => from.dims.includes(d))).toBe(true);
      }
      built.add(cube.table);
    }
    expect(built.size).toBe(CUBES.length);
    expect(plan.find((p) => p.cube.table === 'flow_od')?.from?.table).toBe('flow_od_nat');
    expect(plan.find((p) => p.cube.table === 'flow_point')?.from?.table).toBe('flow_nat');
  });

  it('when a cube keeps no days, then its day parts are read from flow_cube, and flow_point builds its days from there', () => {
    expect(CUBES.filter((c) => c.days).map((c) => c.table)).toEqual(['flow_point', 'flow_cube']);
    expect(dayCube('flow_point').table).toBe('flow_point');
    expect(dayCube('flow_od_nat').table).toBe('flow_cube');
    expect(dayCube('flow_attr').table).toBe('flow_cube');
    const plan = buildPlan();
    expect(plan.find((p) => p.cube.table === 'flow_point')?.fromDays?.table).toBe('flow_cube');
    expect(plan.filter((p) => p.fromDays).map((p) => p.cube.table)).toEqual(['flow_point']);
  });

  it('when a cube has attributes, then its rows are led by its attribute, or nationality among several (migrations 007, 008)', () => {
    const lead = Object.fromEntries(CUBES.map((c) => [c.table, c.lead]));
    expect(lead).toMatchObject({ flow_nat: 'nationality', flow_od_vuln: 'vulnerabilities_mask', flow_od_reason: 'reasons_mask' });
    expect(lead).toMatchObject({ flow_cube: 'nationality', flow_attr: 'nationality' });
    expect(lead.flow_od).toBeUndefined();
    expect(lead.flow_point).toBeUndefined();
  });
});
