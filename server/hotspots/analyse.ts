import type { HotspotCell } from '../../common/analysis.js';
import { hotspotClasses } from '../analysis/fdr.js';
import { giStar } from '../analysis/getis-ord.js';
import { round, sig } from '../analysis/round.js';
import { publishImputed } from '../privacy/disclosure.js';
import { ringNeighbours } from './neighbours.js';

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
 * Below data manager, suppressed counts enter as k/2 (server/privacy/impute.ts says why).
 * @example analyseHotspots(new Map([[cell, 900]]), studyArea([cell], 1)!, 1, null)
 */
export function analyseHotspots(values: ReadonlyMap<string, number>, area: readonly string[], k: number, suppressK: number | null): HotspotAnalysis {
  const pub = area.map((h3) => publishImputed(values.get(h3) ?? 0, suppressK));
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
