import type { EmergingCell } from '../../common/analysis.js';
import { classifyEmerging } from '../analysis/emerging.js';
import { benjaminiHochberg } from '../analysis/fdr.js';
import { giStar } from '../analysis/getis-ord.js';
import { round, sig } from '../analysis/round.js';
import { publishImputed } from '../privacy/disclosure.js';
import { ringNeighbours } from './neighbours.js';

/** Significance level of a step (ArcGIS Emerging Hot Spot Analysis uses 90 %). */
export const EMERGING_ALPHA = 0.1;

/**
 * Emerging hot spots: one Gi* per time step over a fixed study area, then classifyEmerging on
 * each cell's z series. Multiple testing is corrected per step with Benjamini–Hochberg at
 * α = 0.10: a step counts as significant for a cell only when BH rejects it, which is passed
 * to classifyEmerging as p (or 1 when not rejected) — the same α, so its p < α test and BH
 * agree. Suppressed step values enter as k/2 (privacy/impute.ts), so nothing published depends
 * on a hidden count.
 * `steps[t]` maps non-empty cells to their count at step t; `area` is the study area (the
 * k-ring of every cell non-empty at any step).
 */
export function analyseEmerging(steps: readonly ReadonlyMap<string, number>[], area: readonly string[], k: number, suppressK: number | null): EmergingCell[] {
  const n = area.length;
  const T = steps.length;
  const neighbours = ringNeighbours(area, k);
  const index = new Map(area.map((h3, i) => [h3, i]));
  // Cell-major flat series (cell i, step t at i·T + t): one allocation instead of n arrays per quantity.
  const z = new Float64Array(n * T);
  const pAdj = new Float64Array(n * T).fill(1);
  const shown = new Float64Array(n * T); // published value; NaN where suppressed
  const used = new Array<number>(n);
  steps.forEach((step, t) => {
    used.fill(0);
    // Only the non-empty cells of a step are touched; the rest stay 0.
    for (const [h3, v] of step) {
      const i = index.get(h3);
      if (i === undefined) continue;
      if (suppressK === null) {
        used[i] = v;
        shown[i * T + t] = v;
        continue;
      }
      const pub = publishImputed(v, suppressK);
      used[i] = pub.used;
      shown[i * T + t] = pub.value ?? NaN;
    }
    const g = giStar(used, neighbours);
    const rejected = benjaminiHochberg(g.p, EMERGING_ALPHA);
    for (let i = 0; i < n; i++) {
      z[i * T + t] = g.z[i]!;
      if (rejected[i]) pAdj[i * T + t] = g.p[i]!;
    }
  });
  return area.map((h3, i) => {
    const zs = Array.from(z.subarray(i * T, (i + 1) * T));
    const ps = Array.from(pAdj.subarray(i * T, (i + 1) * T));
    const r = classifyEmerging(zs, ps, { alpha: EMERGING_ALPHA });
    return {
      h3,
      category: r.category,
      trend: { z: round(r.trend.z, 4), p: sig(r.trend.p), tau: round(r.trend.tau, 4) },
      z: zs.map((v) => round(v, 3)),
      state: zs.map((v, t) => (ps[t]! < EMERGING_ALPHA ? Math.sign(v) : 0)),
      values: Array.from(shown.subarray(i * T, (i + 1) * T), (v) => (Number.isNaN(v) ? null : v)),
    };
  });
}
