import { describe, expect, it } from 'vitest';
import { mannKendall } from '../../../server/analysis/mann-kendall.js';

describe('mannKendall', () => {
  it('when the series [1,2,2,3,5,4] has a tie, then S, tie-corrected Var(S), Z, p and tau match the hand computation', () => {
    // S by anchor: 1 → +5; first 2 → 0,+1,+1,+1 = +3; second 2 → +3; 3 → +2; 5 → −1. S = 12.
    // Var(S) = [6·5·17 − 2·1·9]/18 = (510 − 18)/18 = 492/18 = 27.333…
    // Z = (12 − 1)/√27.333… = 11/5.2281290… = 2.1040031531090164
    // p = 2·(1 − Φ(2.1040031531)) = 0.035378171962853578 (mpmath); tau = 12/15 = 0.8.
    const r = mannKendall([1, 2, 2, 3, 5, 4]);
    expect(r.s).toBe(12);
    expect(r.varS).toBeCloseTo(492 / 18, 12);
    expect(r.z).toBeCloseTo(2.1040031531090164, 12);
    expect(r.p).toBeCloseTo(0.035378171962853578, 12);
    expect(r.tau).toBeCloseTo(0.8, 15);
  });

  it('when the series rises strictly, then tau is 1 and Z uses the −1 continuity correction', () => {
    // n = 5: S = 10, Var(S) = 5·4·15/18 = 16.667, Z = 9/√16.667 = 2.2045407685048603,
    // p = 0.027486336111510347 (mpmath).
    const r = mannKendall([1, 2, 3, 4, 5]);
    expect(r.s).toBe(10);
    expect(r.tau).toBe(1);
    expect(r.z).toBeCloseTo(2.2045407685048603, 12);
    expect(r.p).toBeCloseTo(0.027486336111510347, 12);
  });

  it('when the series falls, then S is negative and Z uses the +1 continuity correction', () => {
    // [3,2,1]: S = −3, Var(S) = 3·2·11/18 = 66/18, Z = −2/√3.6667 = −1.044465935734187.
    const r = mannKendall([3, 2, 1]);
    expect(r.s).toBe(-3);
    expect(r.z).toBeCloseTo(-1.044465935734187, 12);
    expect(r.p).toBeCloseTo(0.29626987148428635, 12);
    expect(r.tau).toBe(-1);
  });

  it('when the series is constant, then S and Var(S) are 0 and z = 0, p = 1, tau = 0', () => {
    // One tie group t = 4: 4·3·13 − 4·3·13 = 0.
    expect(mannKendall([3, 3, 3, 3])).toEqual({ s: 0, varS: 0, z: 0, p: 1, tau: 0 });
  });

  it('when the series has fewer than two values, then there is no trend and no NaN', () => {
    expect(mannKendall([7])).toEqual({ s: 0, varS: 0, z: 0, p: 1, tau: 0 });
    expect(mannKendall([])).toEqual({ s: 0, varS: 0, z: 0, p: 1, tau: 0 });
  });
});
