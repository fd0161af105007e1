import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, hotspotClasses } from '../../../server/analysis/fdr.js';

describe('benjaminiHochberg', () => {
  it('when given the classic five p-values at α = 0.05, then the four at or under their k/m·α line are rejected', () => {
    // Sorted: 0.005 ≤ 1/5·0.05 = 0.01, 0.01 ≤ 0.02, 0.03 ≤ 0.03, 0.04 ≤ 0.04, 0.5 > 0.05 → k = 4.
    expect(benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.5], 0.05)).toEqual([true, true, true, true, false]);
  });

  it('when given the Benjamini–Hochberg (1995) example at q = 0.05, then the four smallest are rejected', () => {
    // Line k·0.05/15 = k/300: ranks 1–4 pass (0.0095 ≤ 0.01333); rank 5 0.0201 > 0.01667, and
    // every later p is above its line too (0.0278 > 0.02, 0.0298 > 0.0233, …), so k = 4.
    const p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];
    const order = [14, 3, 9, 0, 7, 12, 1, 5, 11, 2, 13, 4, 8, 10, 6];
    const shuffled = order.map((i) => p[i]!);
    const rejected = benjaminiHochberg(shuffled, 0.05);
    expect(order.filter((_, pos) => rejected[pos]).sort((a, b) => a - b)).toEqual([0, 1, 2, 3]);
  });

  it('when smaller p-values miss their line but a larger one meets it, then the step-up rejects them all', () => {
    // m = 3, α = 0.05: 0.02 > 0.0167 and 0.04 > 0.0333, but 0.045 ≤ 0.05 → k = 3.
    expect(benjaminiHochberg([0.045, 0.02, 0.04], 0.05)).toEqual([true, true, true]);
  });

  it('when a p-value sits exactly on its line k/m·α, then it is rejected despite rounding', () => {
    // m = 10, α = 0.05: rank 7 has line 7/10·0.05 = 0.035, which (7/10)·0.05 rounds to 0.034999…
    const p = [0.001, 0.002, 0.003, 0.004, 0.005, 0.006, 0.035, 0.5, 0.6, 0.7];
    expect(benjaminiHochberg(p, 0.05)).toEqual([...Array<boolean>(7).fill(true), false, false, false]);
  });

  it('when the input is empty, then the result is empty', () => {
    expect(benjaminiHochberg([], 0.05)).toEqual([]);
  });

  it('when a p-value is not in [0, 1], then it fails at once', () => {
    expect(() => benjaminiHochberg([0.1, Number.NaN], 0.05)).toThrow(RangeError);
  });
});

describe('hotspotClasses', () => {
  it('when p-values pass BH at different levels, then bins are ±3/±2/±1 signed by z', () => {
    // m = 4, sorted p = 0.001, 0.02, 0.06, 0.5.
    // α = 0.01: lines 0.0025, 0.005, 0.0075, 0.01 → only 0.001 passes.
    // α = 0.05: lines 0.0125, 0.025, 0.0375, 0.05 → 0.001, 0.02.
    // α = 0.10: lines 0.025, 0.05, 0.075, 0.1 → 0.001, 0.02, 0.06.
    expect(hotspotClasses([2, -2, 1, 3], [0.001, 0.02, 0.06, 0.5])).toEqual([3, -2, 1, 0]);
  });

  it('when many cells compete, then FDR demotes a raw p of 0.04 that would be significant alone', () => {
    // m = 10, p = 0.04 for one cell and 0.9 for the rest: at α = 0.05 its line is 1/10·0.05 = 0.005.
    const p = [0.04, ...Array<number>(9).fill(0.9)];
    const z = [2.05, ...Array<number>(9).fill(0.1)];
    expect(hotspotClasses(z, p)).toEqual(Array<number>(10).fill(0));
  });

  it('when z is exactly 0, then the bin is 0 whatever p is', () => {
    expect(hotspotClasses([0, 3], [0, 0])).toEqual([0, 3]);
  });
});
