import { describe, expect, it } from 'vitest';
import { normalCdf, twoSidedP } from '../../../server/analysis/normal.js';

// Reference values: mpmath.ncdf at 40 significant digits.
describe('normalCdf', () => {
  it('when x = 0, then Φ is exactly one half', () => {
    expect(normalCdf(0)).toBe(0.5);
  });

  it('when x = 1.96, then Φ matches 0.9750021048517795', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
  });

  it('when x = −3, then Φ matches 0.0013498980316301 to 1e-9 (and to 15 digits relative)', () => {
    const phi = normalCdf(-3);
    expect(Math.abs(phi - 0.0013498980316301)).toBeLessThan(1e-9);
    expect(Math.abs(phi / 0.0013498980316300945 - 1)).toBeLessThan(1e-14);
  });

  it('when x is deep in the lower tail (−10), then Φ keeps its relative accuracy', () => {
    expect(Math.abs(normalCdf(-10) / 7.6198530241605261e-24 - 1)).toBeLessThan(1e-13);
  });

  it('when x and −x are evaluated, then Φ(x) + Φ(−x) = 1', () => {
    for (const x of [0.1, 0.5, 0.7, 1.3, 2.5, 4, 6]) {
      expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15);
    }
  });
});

describe('twoSidedP', () => {
  it('when z = ±1.96, then p = 2·(1 − 0.9750021048517795) = 0.049995790296441', () => {
    expect(twoSidedP(1.96)).toBeCloseTo(0.049995790296440872, 14);
    expect(twoSidedP(-1.96)).toBe(twoSidedP(1.96));
  });

  it('when z = 0, then p = 1', () => {
    expect(twoSidedP(0)).toBe(1);
  });

  it('when |z| is huge, then p is 0 rather than NaN', () => {
    expect(twoSidedP(100)).toBe(0);
    expect(twoSidedP(-Infinity)).toBe(0);
  });
});
