import { greatCircleDistance, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { spreadToCells } from '../../../server/outreach/spread.js';

const nakonde = { lon: 32.758, lat: -9.318 };

describe('spreading counts at monitoring points over H3 cells', () => {
  it('when the spread is 0, then the whole count sits in the cell holding the point', () => {
    const cells = spreadToCells([{ ...nakonde, weight: 40 }], 0, 8);
    expect(cells).toEqual([expect.objectContaining({ cell: latLngToCell(nakonde.lat, nakonde.lon, 8), people: 40 })]);
  });

  it('when spread over 3 km, then every count is kept, only cells within 3 km get any, and nearer cells get more', () => {
    const points = [
      { ...nakonde, weight: 1000 },
      { lon: 32.785, lat: -9.322, weight: 250 },
    ];
    const cells = spreadToCells(points, 3000, 8);
    expect(cells.reduce((s, c) => s + c.people, 0)).toBeCloseTo(1250, 9);
    const single = spreadToCells([points[0] as (typeof points)[0]], 3000, 8);
    const dist = (c: { lat: number; lon: number }) => greatCircleDistance([c.lat, c.lon], [nakonde.lat, nakonde.lon], 'm');
    for (const c of single) expect(dist(c)).toBeLessThanOrEqual(3000);
    const byDistance = [...single].sort((a, b) => dist(a) - dist(b));
    for (let k = 1; k < byDistance.length; k++) expect(byDistance[k]?.people).toBeLessThanOrEqual((byDistance[k - 1]?.people ?? 0) + 1e-9);
    // a 3 km disc holds ~28 km² of 0.74 km² cells
    expect(single.length).toBeGreaterThan(25);
    expect(single.length).toBeLessThan(50);
  });

  it('when a spread is smaller than a cell, then the home cell takes the count rather than losing it', () => {
    const cells = spreadToCells([{ ...nakonde, weight: 7 }], 1, 7);
    expect(cells.map((c) => c.people)).toEqual([7]);
  });

  it('when points have no weight, then there is no demand', () => {
    expect(spreadToCells([{ ...nakonde, weight: 0 }], 3000, 8)).toEqual([]);
  });
});
