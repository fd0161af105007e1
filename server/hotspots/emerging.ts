import { type EmergingCategory, classifyEmerging } from '../analysis/emerging.js';
import { benjaminiHochberg } from '../analysis/fdr.js';
import { giStar, h3Neighbours } from '../analysis/getis-ord.js';
import { publish, round, sig } from './analyse.js';

const PATTERNS = ['new', 'consecutive', 'intensifying', 'persistent', 'diminishing', 'sporadic', 'oscillating', 'historical'] as const;
/** Every category a cell can get, hot patterns, their cold mirrors, then 'none' (for legends). */
export const EMERGING_CATEGORIES: readonly EmergingCategory[] = [...PATTERNS, ...PATTERNS.map((p) => `cold_${p}` as const), 'none'];

/** Significance level of a step (ArcGIS Emerging Hot Spot Analysis uses 90 %). */
export const EMERGING_ALPHA = 0.1;

export interface EmergingCell {
  h3: string;
  category: EmergingCategory;
  /** Mann-Kendall trend of the z series (positive = warming). */
  trend: { z: number; p: number; tau: number };
  /** Gi* z per step, for the sparkline. */
  z: number[];
  /** +1 hot, −1 cold, 0 neither, per step (after FDR). */
  state: number[];
  /** Published count per step (null where suppressed). */
  values: (number | null)[];
}

/**
 * Emerging hot spots: one Gi* per time step over a fixed study area, then classifyEmerging on
 * each cell's z series. Multiple testing is corrected per step with Benjamini–Hochberg at
 * α = 0.10: a step counts as significant for a cell only when BH rejects it, which is passed
 * to classifyEmerging as p (or 1 when not rejected) — the same α, so its p < α test and BH
 * agree. Suppressed step values enter as k/2, as in analyse.ts, so nothing published depends
 * on a hidden count.
 * `steps[t]` maps non-empty cells to their count at step t; `area` is the study area (the
 * k-ring of every cell non-empty at any step).
 */
export function analyseEmerging(steps: readonly ReadonlyMap<string, number>[], area: readonly string[], k: number, suppressK: number | null): EmergingCell[] {
  const n = area.length;
  const T = steps.length;
  const neighbours = h3Neighbours([...area], k);
  const z = Array.from({ length: n }, () => new Array<number>(T).fill(0));
  const pAdj = Array.from({ length: n }, () => new Array<number>(T).fill(1));
  const values = Array.from({ length: n }, () => new Array<number | null>(T).fill(0));
  steps.forEach((step, t) => {
    const pub = area.map((h3) => publish(step.get(h3) ?? 0, suppressK));
    const g = giStar(pub.map((v) => v.used), neighbours);
    const rejected = benjaminiHochberg(g.p, EMERGING_ALPHA);
    for (let i = 0; i < n; i++) {
      z[i]![t] = g.z[i]!;
      pAdj[i]![t] = rejected[i] ? g.p[i]! : 1;
      values[i]![t] = pub[i]!.value;
    }
  });
  return area.map((h3, i) => {
    const r = classifyEmerging(z[i]!, pAdj[i]!, { alpha: EMERGING_ALPHA });
    return {
      h3,
      category: r.category,
      trend: { z: round(r.trend.z, 4), p: sig(r.trend.p), tau: round(r.trend.tau, 4) },
      z: z[i]!.map((v) => round(v, 3)),
      state: z[i]!.map((v, t) => (pAdj[i]![t]! < EMERGING_ALPHA ? Math.sign(v) : 0)),
      values: values[i]!,
    };
  });
}
