import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { cutTopology } from '../../../client/build/cutTopology.js';
import { buildBasemap, REGION } from '../../../client/map/countries.js';

const world = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;

describe('the world borders cut to the basemap region at build time', () => {
  const cut = cutTopology(world, REGION);

  it('when cut to the region, then the file is a fraction of the world', () => {
    expect(JSON.stringify(cut).length).toBeLessThan(JSON.stringify(world).length / 4);
  });

  it('when the basemap is built from the cut, then it has the same land, labels and borders', () => {
    const full = buildBasemap(world);
    const small = buildBasemap(cut);
    expect(small.land).toEqual(full.land);
    expect(small.labels).toEqual(full.labels);
    expect(small.borders.coordinates.length).toBeGreaterThan(0.95 * full.borders.coordinates.length);
    expect(small.coast.coordinates.length).toBeGreaterThan(0.95 * full.coast.coordinates.length);
  });

  it('when an arc is used reversed, then it stays reversed after renumbering', () => {
    const zambia = (cut.objects['countries'] as unknown as { geometries: { id: string; arcs: number[][][] }[] }).geometries.find((g) => g.id === '894');
    const refs = zambia?.arcs.flat(2) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((r) => (r < 0 ? ~r : r) < cut.arcs.length)).toBe(true);
  });
});
