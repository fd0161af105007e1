import { hotspotClasses } from '../analysis/fdr.js';
import { giStar } from '../analysis/getis-ord.js';
import { ringNeighbours } from './neighbours.js';

/**
 * Disclosure and Gi*: z and p are functions of every value in the study area, so a published
 * z next to published neighbour values would let anyone solve for a suppressed count (one
 * equation, one unknown). Hiding z only for suppressed cells is not enough — every cell's z
 * depends on the global mean and spread. So for callers whose counts are suppressed, the
 * analysis itself runs on the published data: each suppressed value (1…k−1) is replaced by
 * k/2, the mean of the values it could be. z, p and class are then functions of public
 * information only and are published in full; they differ from the unsuppressed analysis only
 * through cells holding a handful of people. Data managers get the exact analysis.
 */
export interface Published {
  value: number | null;
  suppressed: boolean;
  /** What the analysis uses: the value, or k/2 when suppressed. */
  used: number;
}

/** suppressK: null when the caller sees exact counts, else k (counts 1…k−1 are suppressed). */
export function publish(v: number, suppressK: number | null): Published {
  if (suppressK !== null && v > 0 && v < suppressK) return { value: null, suppressed: true, used: suppressK / 2 };
  return { value: v, suppressed: false, used: v };
}

export interface HotspotCell {
  h3: string;
  value: number | null;
  suppressed: boolean;
  z: number;
  p: number;
  /** −3…+3: cold/hot spot at 99/95/90 % confidence after Benjamini–Hochberg FDR; 0 not significant. */
  class: number;
}

export interface HotspotAnalysis {
  cells: HotspotCell[];
  /** Cells with a non-zero count. */
  nonEmpty: number;
  suppressed: number;
  /** The value suppressed cells entered the analysis with (k/2), or null when none were. */
  imputed: number | null;
}

/**
 * Gi* with k-ring binary weights over the study area (`area`, from studyArea), two-sided p,
 * classes from hotspotClasses (FDR at 0.10/0.05/0.01). `values` holds the non-empty cells.
 * @example analyseHotspots(new Map([[cell, 900]]), studyArea([cell], 1)!, 1, null)
 */
export function analyseHotspots(values: ReadonlyMap<string, number>, area: readonly string[], k: number, suppressK: number | null): HotspotAnalysis {
  const pub = area.map((h3) => publish(values.get(h3) ?? 0, suppressK));
  const { z, p } = giStar(pub.map((v) => v.used), ringNeighbours(area, k));
  const classes = hotspotClasses(z, p);
  const suppressed = pub.filter((v) => v.suppressed).length;
  return {
    cells: area.map((h3, i) => ({
      h3,
      value: pub[i]!.value,
      suppressed: pub[i]!.suppressed,
      z: round(z[i]!, 4),
      p: sig(p[i]!),
      class: classes[i]!,
    })),
    nonEmpty: pub.filter((v) => v.suppressed || (v.value ?? 0) > 0).length,
    suppressed,
    imputed: suppressed > 0 && suppressK !== null ? suppressK / 2 : null,
  };
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Four significant digits: p-values span 1 to 1e-300, so fixed decimals would zero the strongest. */
export function sig(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(4));
}
