import fc from 'fast-check';
import { latLngToCell, gridDisk } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { distanceBandNeighbours, giStar, h3Neighbours } from '../../../server/analysis/getis-ord.js';
import { twoSidedP } from '../../../server/analysis/normal.js';

const chain = [[1], [0, 2], [1, 3], [2, 4], [3]];

describe('giStar', () => {
  it('when five values lie on a chain, then z matches the hand computation', () => {
    // x = [1,2,3,4,10]: n = 5, X̄ = 4, deviations −3,−2,−1,0,6, Σd² = 50, S = √(50/5) = √10.
    // Ends have w = 2 (self + 1): bracket (5·2 − 2²)/4 = 1.5; inner cells w = 3: (15 − 9)/4 = 1.5.
    // Denominator is √10·√1.5 = √15 for every cell. Numerators Σx − 4w:
    //   cell0 3 − 8 = −5, cell1 6 − 12 = −6, cell2 9 − 12 = −3, cell3 17 − 12 = 5, cell4 14 − 8 = 6.
    const { z } = giStar([1, 2, 3, 4, 10], chain);
    const expected = [-5, -6, -3, 5, 6].map((num) => num / Math.sqrt(15));
    z.forEach((zi, i) => expect(zi).toBeCloseTo(expected[i]!, 12));
  });

  it('when z is known, then p equals 2·(1 − Φ(|z|)) from reference tables', () => {
    // Φ from mpmath: 2·(1 − Φ(5/√15)) = 0.19670560245894689, 2·(1 − Φ(6/√15)) = 0.12133525035848215,
    // 2·(1 − Φ(3/√15)) = 0.43857802608099986.
    const { p } = giStar([1, 2, 3, 4, 10], chain);
    const expected = [0.19670560245894689, 0.12133525035848215, 0.43857802608099986, 0.19670560245894689, 0.12133525035848215];
    p.forEach((pi, i) => expect(pi).toBeCloseTo(expected[i]!, 12));
    // Φ(1.96) = 0.9750021048517795 → p = 0.049995790296441.
    expect(twoSidedP(1.96)).toBeCloseTo(2 * (1 - 0.9750021048517795), 14);
  });

  it('when a list repeats an index or names the cell itself, then those entries are ignored', () => {
    const clean = giStar([1, 2, 3, 4, 10], chain);
    const noisy = giStar([1, 2, 3, 4, 10], [[1, 1, 0], [0, 2, 1, 0], [1, 3, 3], [2, 4, 3], [3, 3]]);
    expect(noisy).toEqual(clean);
  });

  it('when there are fewer than three values, then every z is 0 and every p is 1', () => {
    expect(giStar([1, 5], [[1], [0]])).toEqual({ z: [0, 0], p: [1, 1] });
    expect(giStar([], [])).toEqual({ z: [], p: [] });
  });

  it('when all values are equal, then every z is 0 and every p is 1', () => {
    expect(giStar([0.1, 0.1, 0.1, 0.1, 0.1], chain)).toEqual({ z: [0, 0, 0, 0, 0], p: [1, 1, 1, 1, 1] });
  });

  it('when a cell neighbours every other cell, then its z is 0 and p is 1 instead of NaN', () => {
    const { z, p } = giStar([1, 2, 3, 4, 10], [[1, 2, 3, 4], [0], [0], [0], [0]]);
    expect(z[0]).toBe(0);
    expect(p[0]).toBe(1);
    expect(z.slice(1).every((v) => v !== 0 && Number.isFinite(v))).toBe(true);
  });

  it('when a neighbour index is out of range, then it fails at once', () => {
    expect(() => giStar([1, 2, 3], [[5], [], []])).toThrow(RangeError);
  });

  it('when inputs are any finite numbers, then z and p are never NaN', () => {
    const cases = fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 25 }).chain((values) =>
      fc.tuple(
        fc.constant(values),
        fc.array(fc.array(fc.nat({ max: Math.max(0, values.length - 1) }), { maxLength: 8 }), {
          minLength: values.length,
          maxLength: values.length,
        }),
      ),
    );
    fc.assert(
      fc.property(cases, ([values, neighbours]) => {
        const lists = values.length === 0 ? [] : neighbours;
        const { z, p } = giStar(values, lists);
        return z.every(Number.isFinite) && p.every((v) => v >= 0 && v <= 1);
      }),
    );
  });
});

describe('distanceBandNeighbours', () => {
  it('when two points are exactly the threshold apart, then they are neighbours (inclusive)', () => {
    // (0,0)–(3,4) is 5 exactly; (3,4)–(10,0) is √65 > 5; (0,0)–(10,0) is 10.
    expect(distanceBandNeighbours([{ x: 0, y: 0 }, { x: 3, y: 4 }, { x: 10, y: 0 }], 5)).toEqual([[1], [0], []]);
  });

  it('when the threshold is the hypot of the pair but dx²+dy² rounds above its square, then they are still neighbours', () => {
    // dx = 38.01, dy = 31.62: dx²+dy² evaluates to 2444.584500000001 while hypot² gives 2444.5845000000004.
    const a = { x: 27.74, y: 43.5 };
    const b = { x: 65.75, y: 75.12 };
    const threshold = Math.hypot(b.x - a.x, b.y - a.y);
    expect(distanceBandNeighbours([a, b], threshold)).toEqual([[1], [0]]);
  });

  it('when points are random, then the grid index agrees with a brute-force scan', () => {
    let seed = 7;
    const rand = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 100;
    const pts = Array.from({ length: 400 }, () => ({ x: rand(), y: rand() - 50 }));
    const brute = pts.map((a, i) =>
      pts.flatMap((b, j) => (j !== i && Math.hypot(a.x - b.x, a.y - b.y) <= 7.5 ? [j] : [])),
    );
    expect(distanceBandNeighbours(pts, 7.5)).toEqual(brute);
  });

  it('when the threshold is 0, then only coincident points are neighbours', () => {
    expect(distanceBandNeighbours([{ x: 1, y: 1 }, { x: 1, y: 1 }, { x: 2, y: 1 }], 0)).toEqual([[1], [0], []]);
  });
});

describe('h3Neighbours', () => {
  it('when k = 1, then only adjacent cells present in the list are neighbours', () => {
    const centre = latLngToCell(-15.4, 28.3, 7);
    const adjacent = gridDisk(centre, 1).find((c) => c !== centre)!;
    const far = latLngToCell(-9.3, 32.8, 7);
    expect(h3Neighbours([centre, adjacent, far], 1)).toEqual([[1], [0], []]);
    expect(h3Neighbours([centre, adjacent, far], 0)).toEqual([[], [], []]);
  });
});
