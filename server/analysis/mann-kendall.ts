import { twoSidedP } from './normal.js';

export interface MannKendallResult {
  /** S = Σ_{i<j} sign(x_j − x_i). */
  s: number;
  /** Var(S) corrected for ties. */
  varS: number;
  /** Continuity-corrected standard score of S. */
  z: number;
  /** Two-sided p-value of z. */
  p: number;
  /** Kendall's tau-a, S / (n(n−1)/2). */
  tau: number;
}

/**
 * Mann-Kendall trend test:
 *   Var(S) = [n(n−1)(2n+5) − Σ_t t(t−1)(2t+5)] / 18 over tie groups of size t,
 *   Z = (S − 1)/√Var(S) if S > 0, (S + 1)/√Var(S) if S < 0, else 0.
 * With n < 2 or Var(S) = 0 there is no trend to test: z = 0, p = 1, tau = 0.
 * O(n²), which is cheap for the ~52-step series it is meant for.
 * @example mannKendall([1, 2, 3, 4]).tau // 1
 */
export function mannKendall(series: number[]): MannKendallResult {
  const n = series.length;
  for (const v of series) {
    if (!Number.isFinite(v)) throw new RangeError('mannKendall: series values must be finite');
  }
  let s = 0;
  for (let i = 0; i < n - 1; i++) {
    const xi = series[i]!;
    for (let j = i + 1; j < n; j++) s += Math.sign(series[j]! - xi);
  }
  const varS = (n * (n - 1) * (2 * n + 5) - tieTerm(series)) / 18;
  if (n < 2 || !(varS > 0)) return { s, varS: Math.max(0, varS), z: 0, p: 1, tau: 0 };
  const z = s > 0 ? (s - 1) / Math.sqrt(varS) : s < 0 ? (s + 1) / Math.sqrt(varS) : 0;
  return { s, varS, z, p: twoSidedP(z), tau: s / ((n * (n - 1)) / 2) };
}

/** Σ_t t(t−1)(2t+5) over groups of equal values. */
function tieTerm(series: number[]): number {
  const sorted = Float64Array.from(series).sort();
  let total = 0;
  let run = 1;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i] === sorted[i - 1]) {
      run++;
      continue;
    }
    total += run * (run - 1) * (2 * run + 5);
    run = 1;
  }
  return total;
}
