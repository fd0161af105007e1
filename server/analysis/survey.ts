/**
 * Design-based estimation of a mean or proportion from survey microdata, with the numbers R's
 * survey package gives for svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest =
 * TRUE) and svymean(~y, d, na.rm = TRUE) / svyby, with confint(…, df = degf(d)).
 *
 * Variance: Taylor linearisation of the ratio mean, PSUs with replacement within strata. For a
 * domain d with answered rows A_d: estimate ȳ_d = Σ_A w·y / Σ_A w; each PSU's total of
 * w·(y − ȳ_d)/Σ_A w (zero for PSUs with no row in A_d); per stratum h with n_h PSUs in the
 * design, n_h/(n_h − 1)·Σ_i (t_hi − t̄_h)², summed over strata. Checked against R survey 4.1.1
 * (onestrat/onestage in R/survey.R) and 4.5 (R/multistage.R, src/arma_multistage.cpp):
 * - Missing answers (na.rm = TRUE) and rows outside a domain (svyby's subset) are dropped from
 *   the estimate, but the stratum keeps its design n_h: absent PSUs enter as zero totals
 *   (R pads them with zero rows; the C++ path adds (n_h − m_h)·t̄_h²). Same here.
 * - df is the full design's PSUs − strata, as confint(…, df = degf(d)) with the full d. (R's
 *   degf of a subsetted design would count only the PSUs and strata the subset still has.)
 * - Lonely PSU (n_h = 1), R's survey.lonely.psu: "fail" (R's default) stops; "remove" adds
 *   nothing for that stratum; "adjust" adds (t − c)² with scale 1, c = Σ all PSU totals / number
 *   of PSUs — the overall mean of PSU totals (R 4.5: colSums(x)/n_PSUs_from_all_strata; R 4.1
 *   used c = 0). For a mean's linearised variable Σ totals = 0, so both give t².
 *   As in R, a lonely stratum only fails or counts when it has a row in the estimate: a lonely
 *   PSU in another district does not stop a district's estimate (svyby subsets first).
 * - sumWeights is Σ w over the answered rows of the domain: svymean's denominator (R prints it
 *   nowhere; svytotal(~1) on the same subset gives it).
 */
import { twoSidedP } from './normal.js';
import { studentTQuantile } from './student-t.js';
import { surveyDesign, surveyDomains, type SurveyDesign, type SurveyDomains } from './survey-design.js';

export { surveyDesign, surveyDomains, type SurveyDesign, type SurveyDesignRow, type SurveyDomains } from './survey-design.js';

export interface SurveyRow {
  /** The answer (0/1 for an indicator); null when not answered. */
  y: number | null;
  weight: number;
  stratum?: string;
  psu?: string;
}

export type LonelyPsu = 'fail' | 'adjust' | 'remove';

export interface SurveyOptions {
  /** Confidence level of ci; default 0.95. */
  level?: number;
  /** What to do with a stratum that has one PSU; default "fail", as R. */
  lonely?: LonelyPsu;
}

export interface SurveyEstimate {
  estimate: number;
  se: number;
  /** estimate ∓ t(df, 1 − (1 − level)/2)·se; NaN when df < 1 (every stratum lonely). */
  ci: [number, number];
  df: number;
  /** Answered rows in the estimate. */
  n: number;
  sumWeights: number;
}

export class LonelyPsuError extends Error {
  constructor(readonly stratum: string) {
    super(`stratum "${stratum}" has only one PSU: its variance cannot be estimated (set lonely to "adjust" or "remove")`);
    this.name = 'LonelyPsuError';
  }
}

function checkOptions(options: SurveyOptions): { level: number; lonely: LonelyPsu } {
  const { level = 0.95, lonely = 'fail' } = options;
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  if (lonely !== 'fail' && lonely !== 'adjust' && lonely !== 'remove') throw new RangeError(`lonely must be fail, adjust or remove, got ${String(lonely)}`);
  return { level, lonely };
}

/**
 * Estimates for every domain of `domains` from one indicator `y` (aligned with the design's
 * rows; null = not answered): two passes over the rows and one over the (domain, PSU) cells,
 * whatever the number of domains. Domains without an answered row are left out of the result.
 * Index the design and the domains once and call this per indicator.
 */
export function surveyDomainMeans(
  design: SurveyDesign,
  domains: SurveyDomains,
  y: ArrayLike<number | null>,
  options: SurveyOptions = {},
): Map<string, SurveyEstimate> {
  const { level, lonely } = checkOptions(options);
  if (y.length !== design.rowCount) throw new RangeError(`y: expected ${design.rowCount} values, got ${y.length}`);
  const D = domains.names.length;
  const sumW = new Float64Array(D);
  const sumWY = new Float64Array(D);
  const n = new Int32Array(D);
  for (let r = 0; r < design.rowCount; r++) {
    const v = y[r];
    if (v === null || v === undefined) continue;
    if (!Number.isFinite(v)) throw new RangeError(`y[${r}] must be a finite number or null, got ${v}`);
    const d = domains.domainOf[r] ?? -1;
    if (d < 0) continue;
    const w = design.weight[r] ?? 0;
    sumW[d] = (sumW[d] ?? 0) + w;
    sumWY[d] = (sumWY[d] ?? 0) + w * v;
    n[d] = (n[d] ?? 0) + 1;
  }
  const mean = sumWY.map((s, d) => s / (sumW[d] ?? 0));
  const total = new Float64Array(domains.cellPsu.length);
  const used = new Uint8Array(domains.cellPsu.length);
  for (let r = 0; r < design.rowCount; r++) {
    const v = y[r];
    const c = domains.cellOf[r] ?? -1;
    if (v === null || v === undefined || c < 0) continue;
    const d = domains.domainOf[r] ?? 0;
    total[c] = (total[c] ?? 0) + ((design.weight[r] ?? 0) * (v - (mean[d] ?? 0))) / (sumW[d] ?? 1);
    used[c] = 1;
  }
  const t = studentTQuantile(1 - (1 - level) / 2, design.df);
  const out = new Map<string, SurveyEstimate>();
  for (let d = 0; d < D; d++) {
    if ((n[d] ?? 0) === 0) continue;
    const se = Math.sqrt(domainVariance(design, domains, d, total, used, lonely));
    const est = mean[d] ?? Number.NaN;
    out.set(domains.names[d] ?? '', { estimate: est, se, ci: [est - t * se, est + t * se], df: design.df, n: n[d] ?? 0, sumWeights: sumW[d] ?? 0 });
  }
  return out;
}

/** Σ_h n_h/(n_h − 1)·Σ_i (t_hi − t̄_h)² over domain d's cells, the design's other PSUs being zeros. */
function domainVariance(design: SurveyDesign, domains: SurveyDomains, d: number, total: Float64Array, used: Uint8Array, lonely: LonelyPsu): number {
  const start = domains.cellStart[d] ?? 0;
  const end = domains.cellStart[d + 1] ?? 0;
  let centre = 0; // for "adjust": the overall mean of PSU totals
  for (let c = start; c < end; c++) centre += total[c] ?? 0;
  centre /= design.psuCount;
  let variance = 0;
  for (let g = start; g < end; ) {
    const h = design.stratumOfPsu[domains.cellPsu[g] ?? 0] ?? 0;
    let gEnd = g;
    let sum = 0;
    let present = 0;
    while (gEnd < end && design.stratumOfPsu[domains.cellPsu[gEnd] ?? 0] === h) {
      if (used[gEnd]) {
        sum += total[gEnd] ?? 0;
        present++;
      }
      gEnd++;
    }
    const nh = design.psusInStratum[h] ?? 0;
    if (present > 0 && nh === 1) {
      if (lonely === 'fail') throw new LonelyPsuError(design.strata[h] ?? '');
      if (lonely === 'adjust') variance += ((total[g] ?? 0) - centre) ** 2;
    } else if (present > 0) {
      const tbar = sum / nh;
      let ss = (nh - present) * tbar * tbar;
      for (let c = g; c < gEnd; c++) if (used[c]) ss += ((total[c] ?? 0) - tbar) ** 2;
      variance += (nh / (nh - 1)) * ss;
    }
    g = gEnd;
  }
  return variance;
}

/**
 * Weighted mean (a proportion when y is 0/1) with its design-based SE, CI and df. Throws when no
 * row is answered, on a weight that is not finite and > 0, and for a lonely PSU under "fail".
 * @example surveyMean([{ y: 1, weight: 2, psu: 'a' }, { y: 0, weight: 1, psu: 'b' }]).estimate // 2/3
 */
export function surveyMean(rows: readonly SurveyRow[], options: SurveyOptions = {}): SurveyEstimate {
  const design = surveyDesign(rows);
  const all = surveyDomains(design, rows.map(() => 'all'));
  const result = surveyDomainMeans(design, all, rows.map((r) => r.y), options).get('all');
  if (!result) throw new RangeError('surveyMean: no row has an answer (every y is null)');
  return result;
}

/**
 * Estimates by domain (district, sex, age band): the same formula on each domain, rows of other
 * domains (and rows with domain null) keeping their PSUs with zero contributions, as svyby.
 * For several indicators over the same rows, use surveyDesign + surveyDomains + surveyDomainMeans.
 */
export function surveyByDomain(rows: readonly (SurveyRow & { domain: string | null })[], options: SurveyOptions = {}): Map<string, SurveyEstimate> {
  const design = surveyDesign(rows);
  return surveyDomainMeans(design, surveyDomains(design, rows.map((r) => r.domain)), rows.map((r) => r.y), options);
}

export interface SurveyDifference {
  difference: number;
  se: number;
  z: number;
  p: number;
}

/**
 * Change from round a to round b (b − a, e.g. endline − baseline) for two independent samples:
 * se = √(se_a² + se_b²), z = difference/se, two-sided normal p.
 */
export function surveyDifference(a: Pick<SurveyEstimate, 'estimate' | 'se'>, b: Pick<SurveyEstimate, 'estimate' | 'se'>): SurveyDifference {
  const difference = b.estimate - a.estimate;
  const se = Math.hypot(a.se, b.se);
  const z = se > 0 ? difference / se : difference === 0 ? 0 : Math.sign(difference) * Infinity;
  return { difference, se, z, p: twoSidedP(z) };
}
