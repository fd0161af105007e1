/**
 * The awareness contract (issue 16; /api/v1/awareness*, docs/awareness.md): surveys of
 * awareness (baseline, endline…), indicators defined as data, and their design-based estimates
 * by area or group with confidence intervals, under disclosure control. Microdata never leaves
 * through these answers: an estimate from fewer than SUPPRESSION_K_SENSITIVE respondents is
 * published with every number null and `suppressed` true.
 */

/** A survey's round. Repeated rounds between baseline and endline are "midline". */
export const SURVEY_ROUNDS = ['baseline', 'midline', 'endline'] as const;
export type SurveyRound = (typeof SURVEY_ROUNDS)[number];

/** What an estimate is broken down by (GET /awareness?by=). */
export const AWARENESS_BY = ['district', 'province', 'sex', 'age', 'cluster'] as const;
export type AwarenessBy = (typeof AWARENESS_BY)[number];
/** What a change is broken down by (GET /awareness/change?by=); "all": one row for the whole survey. */
export const CHANGE_BY = ['district', 'all'] as const;
export type ChangeBy = (typeof CHANGE_BY)[number];

/** Respondents' sex and age bands (the keys of by=sex and by=age rows). */
export const RESPONDENT_SEXES = ['female', 'male'] as const;
export type RespondentSex = (typeof RESPONDENT_SEXES)[number];
export const AGE_BANDS = ['15-24', '25-34', '35-49', '50+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Confidence level of every published interval, and the test level of a change. */
export const CONFIDENCE_LEVEL = 0.95;
export const CHANGE_ALPHA = 0.05;
/** An interval wider than ±10 points is flagged (`wide`), for the map's hatching. */
export const WIDE_CI_HALF_WIDTH = 0.1;

/**
 * Denominator of an indicator:
 * - answered: respondents who answered the question (missing answers are left out, as
 *   svymean(…, na.rm = TRUE));
 * - all: every respondent (a missing answer counts as "no").
 */
export const DENOMINATOR_RULES = ['answered', 'all'] as const;
export type DenominatorRule = (typeof DENOMINATOR_RULES)[number];

/** An indicator, as stored in awareness_indicators: a question and the answers that count as yes. */
export interface IndicatorDefinition {
  /** Stable code, e.g. "would_report". */
  code: string;
  label: string;
  description: string | null;
  /** The question (answer key) it reads, e.g. "would_report". */
  question: string;
  /** Answers that count as yes, compared case-insensitively; a select_multiple answer is yes when any of its choices is. */
  yes: string[];
  denominator: DenominatorRule;
  /** Only respondents whose answer to `among.question` is one of `among.yes` (e.g. "would report" among the aware); null: all. */
  among: { question: string; yes: string[] } | null;
  /** Order in lists. */
  position: number;
}

/** GET /api/v1/awareness/indicators. */
export interface IndicatorsResponse {
  indicators: IndicatorDefinition[];
}

/** A survey as listed (GET /api/v1/awareness/surveys) and as named in every answer. */
export interface SurveySummary {
  id: number;
  name: string;
  round: SurveyRound;
  periodStart: string | null;
  periodEnd: string | null;
  /** Codes of the districts (level-2 admin areas) with respondents. */
  districts: string[];
  design: {
    /** The design has strata / clusters (PSUs) / weights other than 1 / a finite population correction. */
    strata: boolean;
    clusters: boolean;
    weights: boolean;
    fpc: boolean;
  };
  respondents: number;
  clusters: number;
  /** Respondents or clusters carry GPS points (GET /awareness/clusters has points). */
  hasGps: boolean;
  datasetId: number;
  /** Demo data: synthetic, and every view says so. */
  synthetic: boolean;
}

/** GET /api/v1/awareness/surveys (newest period first). */
export interface SurveysResponse {
  surveys: SurveySummary[];
}

/**
 * One published estimate. When `suppressed`, estimate/se/ci/n are null: fewer than
 * SUPPRESSION_K_SENSITIVE respondents answered in the domain (data managers see every number,
 * suppressed stays false for them).
 */
export interface AwarenessEstimate {
  /** Domain key: area code (district, province), sex, age band or cluster id; "all" for the whole survey. */
  key: string;
  /** Display name (area name; the key itself for sex, age and cluster). */
  name: string;
  /** Proportion 0…1. */
  estimate: number | null;
  se: number | null;
  /** 95 % interval, clamped to 0…1 for display is the client's choice: these are R's numbers. */
  ci: [number, number] | null;
  /** Design degrees of freedom (PSUs − strata of the whole survey). */
  df: number;
  /** Respondents in the denominator. */
  n: number | null;
  suppressed: boolean;
  /** CI half-width above WIDE_CI_HALF_WIDTH. */
  wide: boolean;
}

/** GET /api/v1/awareness?survey=&indicator=&by=. */
export interface AwarenessResponse {
  survey: SurveySummary;
  indicator: IndicatorDefinition;
  by: AwarenessBy;
  level: number;
  /** The whole survey. */
  overall: AwarenessEstimate;
  rows: AwarenessEstimate[];
  disclosure: { k: number; suppressed: boolean; suppressedRows: number };
  synthetic: boolean;
}

/** One row of a change between two rounds (to − from), independent samples. */
export interface AwarenessChange {
  key: string;
  name: string;
  from: AwarenessEstimate | null;
  to: AwarenessEstimate | null;
  /** null when either side is missing or suppressed. */
  difference: number | null;
  se: number | null;
  z: number | null;
  /** Two-sided normal p. */
  p: number | null;
  /** p < CHANGE_ALPHA. */
  significant: boolean;
  suppressed: boolean;
}

/** GET /api/v1/awareness/change?indicator=&from=&to=&by=. from/to are rounds (or survey ids). */
export interface AwarenessChangeResponse {
  indicator: IndicatorDefinition;
  from: SurveySummary;
  to: SurveySummary;
  by: ChangeBy;
  alpha: number;
  overall: AwarenessChange;
  rows: AwarenessChange[];
  disclosure: { k: number; suppressed: boolean };
  synthetic: boolean;
}

/**
 * A survey cluster on the map: the centroid of its respondents' GPS points. Below data manager
 * the point is coarsened (snapped to the centre of a ~5 km grid cell, docs/privacy.md) and a
 * cluster with fewer than SUPPRESSION_K_SENSITIVE respondents has no estimate.
 */
export interface ClusterPoint extends AwarenessEstimate {
  /** District code of the cluster (its respondents' most common one). */
  district: string | null;
  lon: number;
  lat: number;
  coarsened: boolean;
}

/** GET /api/v1/awareness/clusters?survey=&indicator=. Empty when the survey has no GPS. */
export interface ClustersResponse {
  survey: SurveySummary;
  indicator: IndicatorDefinition;
  points: ClusterPoint[];
  disclosure: { k: number; suppressed: boolean };
  synthetic: boolean;
}

/** The awareness section of a brief: an indicator by district with CIs, and change since baseline. */
export interface BriefAwareness {
  indicator: IndicatorDefinition;
  survey: SurveySummary;
  baseline: SurveySummary | null;
  rows: AwarenessEstimate[];
  change: AwarenessChange[] | null;
  synthetic: boolean;
}
