/**
 * How answers say what disclosure control did (server/privacy decides; these are the shapes
 * it reports in). Below the data-manager role a count of 1…k−1 is published as null.
 */

/** The policy applied to an aggregate: suppressed = counts below k were hidden. */
export interface Disclosure {
  suppressed: boolean;
  k: number;
}

/** The same for an analysis, which also says how many cells were hidden and what they weighed. */
export interface DisclosureInfo {
  suppress: boolean;
  k: number;
  suppressedCells: number;
  /** The value each suppressed count entered the analysis with (k/2), or null. */
  imputed: number | null;
}

/** One published count: null when suppressed. */
export interface PublishedCount {
  count: number | null;
  suppressed: boolean;
}
