import type { DisclosureInfo } from '../../common/disclosure.js';
import type { Principal } from '../auth/roles.js';
import { type DisclosureConfig, disclosurePolicy, isSensitive } from './policy.js';
import { suppressCount } from './suppress.js';

/**
 * Disclosure for analyses that need a number for every cell (Gi*, emerging hot spots, KDE, the
 * gap index). z and p are functions of every value in the study area, so a published z next to
 * published neighbour values would let anyone solve for a suppressed count (one equation, one
 * unknown). Hiding z only for suppressed cells is not enough — every cell's z depends on the
 * global mean and spread. So for callers whose counts are suppressed, the analysis itself runs
 * on the published data: each suppressed value (1…k−1) is replaced by k/2, the mean of the
 * values it could be. z, p and class are then functions of public information only and are
 * published in full; they differ from the unsuppressed analysis only through cells holding a
 * handful of people. Data managers get the exact analysis.
 */
export interface Imputed {
  value: number | null;
  suppressed: boolean;
  /** What the analysis uses: the value, or k/2 when suppressed. */
  used: number;
}

/** suppressK: null when the caller sees exact counts, else k (counts 1…k−1 are suppressed). */
export function publishImputed(v: number, suppressK: number | null): Imputed {
  const p = suppressK === null ? { count: v, suppressed: false } : suppressCount(v, suppressK);
  return p.suppressed ? { value: null, suppressed: true, used: (suppressK ?? 0) / 2 } : { value: v, suppressed: false, used: v };
}

/** k for the caller and the request's measure and filters (reports, trafficking indicators: sensitive), or null when exact. */
export function suppressionFor(principal: Principal, config: DisclosureConfig, q: Parameters<typeof isSensitive>[0]): number | null {
  const policy = disclosurePolicy(principal, config, { sensitive: isSensitive(q) });
  return policy.suppress ? policy.k : null;
}

export type { DisclosureInfo };

export function disclosureInfo(suppressK: number | null, config: DisclosureConfig, suppressedCells: number): DisclosureInfo {
  return {
    suppress: suppressK !== null,
    k: suppressK ?? config.SUPPRESSION_K,
    suppressedCells,
    imputed: suppressK !== null && suppressedCells > 0 ? suppressK / 2 : null,
  };
}
