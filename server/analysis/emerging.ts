import type { EmergingCategory, Pattern } from '../../common/analysis.js';
import { mannKendall } from './mann-kendall.js';

// Emerging hot spot categories (ArcGIS Emerging Hot Spot Analysis) are part of the API's contract.
export type { EmergingCategory } from '../../common/analysis.js';

export interface EmergingResult {
  category: EmergingCategory;
  /** Mann-Kendall trend of the z-score series (positive = warming). */
  trend: { z: number; p: number; tau: number };
}

/**
 * Classifies one location from its per-step Gi* z-scores and p-values. A step is hot when
 * z > 0 and p < alpha, cold when z < 0 and p < alpha. With n steps, "≥ 90 %" means
 * count·10 ≥ 9·n (integer arithmetic, so 9 of 10 counts). The trend is Mann-Kendall on the z
 * series, significant when its p < alpha. Rules, first match wins:
 *
 * Final step hot (cold is the exact mirror: swap hot/cold, flip the trend's sign, prefix 'cold_'):
 *   1. ≥ 90 % hot, trend up significantly    → intensifying
 *   2. ≥ 90 % hot, trend down significantly  → diminishing
 *   3. ≥ 90 % hot otherwise                  → persistent
 *   4. the final step is the only hot step   → new
 *   5. the hot steps are one run of ≥ 2 at the end (none before it) → consecutive
 *   6. some earlier step was cold            → oscillating
 *   7. otherwise (on and off, never cold)    → sporadic
 * Final step neither hot nor cold:
 *   8. ≥ 90 % hot → historical; ≥ 90 % cold → cold_historical; else none.
 *
 * As in ArcGIS, new and consecutive are tested before oscillating, so a location that was
 * cold long ago and has just turned hot reads as new/consecutive. ArcGIS requires ≥ 10 steps;
 * shorter series are classified by the same rules (a single hot step is then persistent).
 * @example classifyEmerging([0, 0, 0, 3], [1, 1, 1, 0.001]).category // 'new'
 */
export function classifyEmerging(
  zSeries: number[],
  pSeries: number[],
  options: { alpha?: number } = {},
): EmergingResult {
  const alpha = options.alpha ?? 0.1;
  if (!(alpha > 0 && alpha <= 1)) throw new RangeError(`classifyEmerging: alpha must lie in (0, 1], got ${alpha}`);
  if (zSeries.length !== pSeries.length) {
    throw new RangeError(`classifyEmerging: ${zSeries.length} z-scores but ${pSeries.length} p-values`);
  }
  const mk = mannKendall(zSeries);
  const trend = { z: mk.z, p: mk.p, tau: mk.tau };
  const n = zSeries.length;
  if (n === 0) return { category: 'none', trend };

  // +1 hot, −1 cold, 0 neither.
  const state = zSeries.map((z, i) => (pSeries[i]! < alpha ? Math.sign(z) : 0));
  const last = state[n - 1]!;
  const significantTrend = mk.p < alpha ? Math.sign(mk.z) : 0;

  if (last === 0) {
    if (mostly(state, 1)) return { category: 'historical', trend };
    if (mostly(state, -1)) return { category: 'cold_historical', trend };
    return { category: 'none', trend };
  }
  const pattern = patternFor(state, last, significantTrend * last);
  return { category: last > 0 ? pattern : `cold_${pattern}`, trend };
}

/** At least 90 % of steps are in `side` (+1 hot, −1 cold). */
function mostly(state: number[], side: number): boolean {
  const count = state.filter((s) => s === side).length;
  return count * 10 >= state.length * 9;
}

/**
 * Category for a series whose final step is on `side`; `towards` is +1 when the trend is
 * significant in the direction of that side (hotter for hot, colder for cold), −1 against.
 */
function patternFor(state: number[], side: number, towards: number): Pattern {
  if (mostly(state, side)) {
    if (towards > 0) return 'intensifying';
    if (towards < 0) return 'diminishing';
    return 'persistent';
  }
  let runStart = state.length - 1;
  while (runStart > 0 && state[runStart - 1] === side) runStart--;
  const hotBeforeRun = state.slice(0, runStart).some((s) => s === side);
  if (!hotBeforeRun) return runStart === state.length - 1 ? 'new' : 'consecutive';
  if (state.some((s) => s === -side)) return 'oscillating';
  return 'sporadic';
}
