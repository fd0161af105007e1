import type { Period } from './dates.js';
import type { Disclosure, PublishedCount } from './disclosure.js';
import type { CorridorCode, SiteKind } from './vocabulary.js';

/**
 * The outreach planner's contract (/api/v1/outreach/plans*): what a plan may ask for, with
 * its bounds (server/outreach/schemas.ts builds the zod schemas from them; the planner panel
 * offers the same values without a round trip), and the answers.
 */

/** What demand counts: the site measures of common/analysis.ts but reports. */
export const PLAN_MEASURES = ['movement', 'vulnerable', 'unaccompanied', 'informal'] as const;
export type PlanMeasure = (typeof PLAN_MEASURES)[number];

/** Activity types a plan assigns to sites. */
export const ACTIVITY_TYPES = ['drama', 'road_show', 'community_meeting'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
/** Delivered activities may also be materials handed out, which have no planned reach. */
export const DELIVERED_TYPES = [...ACTIVITY_TYPES, 'materials'] as const;
export type DeliveredType = (typeof DELIVERED_TYPES)[number];

/** Allowed radius per type (km): wide enough for local judgement, narrow enough to stay plausible. */
export const RADIUS_BOUNDS: Record<ActivityType, readonly [number, number]> = {
  drama: [0.1, 10],
  road_show: [0.5, 25],
  community_meeting: [0.1, 5],
};
/** Radius (km) when the request names none. */
export const DEFAULT_RADIUS_KM: Record<ActivityType, number> = { drama: 2, road_show: 5, community_meeting: 1 };

export const METHODS = ['greedy', 'exact'] as const;
export type Method = (typeof METHODS)[number];
export const MAX_P = 200;
export const MAX_SITE_IDS = 500;
export const TIME_LIMIT_MS = { min: 100, max: 60_000, default: 10_000 } as const;
/** Bounds of a delivered activity's people reached and notes. */
export const MAX_REACH = 10_000_000;
export const MAX_NOTES = 2000;

/** POST /outreach/plans as the planner sends it (the server fills in what it leaves out). */
export interface PlanRequest {
  name?: string;
  measure: PlanMeasure;
  period: { from?: string; to?: string };
  sites: { corridors?: CorridorCode[] };
  activities: { type: ActivityType; radiusKm?: number; cost?: number }[];
  p?: number;
  budget?: number;
  locked: number[];
  excluded: number[];
  method: Method;
  timeLimitMs?: number;
  /** Demand weights (issue 7, 16); lowAwareness weights by 1 − the indicator of `awareness`. */
  weighting?: { accessGaps?: boolean; lowAwareness?: boolean };
  /** The survey and indicator lowAwareness reads; by default the newest survey and "exposure". */
  awareness?: PlanAwareness;
}

/** Which awareness estimate weights a plan's demand (surveyId: GET /awareness/surveys; indicator: a code). */
export interface PlanAwareness {
  surveyId?: number;
  indicator?: string;
}

/** The indicator used when a plan asks for lowAwareness without naming one: message exposure. */
export const DEFAULT_PLAN_INDICATOR = 'exposure';

/** POST /outreach/plans/:id/activities. */
export interface ActivityBody {
  siteId: number;
  date: string;
  type: DeliveredType;
  reach: number;
  notes?: string | undefined;
}

export interface ActivitySpec {
  type: ActivityType;
  radiusKm: number;
  /** Road distance ÷ straight-line distance; 1 for reach measured as the crow flies. */
  detour: number;
  /** Cost of one activity at any site; null: use each site's own cost estimate. */
  cost: number | null;
  /** Kinds of site that host this activity. */
  siteKinds: SiteKind[];
}

export interface WeightingReport {
  accessGaps: { requested: boolean; applied: boolean; note?: string };
  lowAwareness: {
    requested: boolean;
    applied: boolean;
    note?: string;
    /** The survey and indicator the weights came from, when applied. */
    survey?: { id: number; name: string; round: string; synthetic: boolean };
    indicator?: string;
  };
}

/** A site that may be chosen, with the activity it would host. */
export interface CandidateSite {
  name: string;
  kind: SiteKind;
  corridor: string;
  lon: number;
  lat: number;
  activity: ActivityType;
  radiusKm: number;
  /** Straight-line reach tested for coverage (radius ÷ detour), metres. */
  reachM: number;
  cost: number;
}

/** A chosen site, in choice order (locked sites first), its figures after disclosure control. */
export interface PlanSite extends CandidateSite {
  siteId: number;
  rank: number;
  locked: boolean;
  /** Objective the site adds given the sites before it. */
  gain: PublishedCount;
  /** People (unweighted) the site newly covers. */
  people: PublishedCount;
}

/** A plan as it leaves the API; the server types `request` as its parsed body (every default filled in). */
export interface Plan<Request = PlanRequest> {
  id: number;
  name: string;
  createdAt: string;
  createdBy: string;
  request: Request;
  period: Period;
  measure: PlanMeasure;
  method: Method;
  optimal: boolean;
  /** (upperBound − objective) / upperBound; 0 when optimal. */
  gap: number;
  upperBound: PublishedCount | null;
  solver: { ms: number; thread: 'main' | 'worker'; fallback: string | null };
  activities: ActivitySpec[];
  candidates: number;
  demand: { cells: number; points: number; total: PublishedCount; people: PublishedCount; weighted: boolean; spreadKm: number; res: number; unit: string };
  weighting: WeightingReport;
  sites: PlanSite[];
  coverage: { covered: PublishedCount; total: PublishedCount; share: number | null; people: PublishedCount; cost: number; budget: number | null };
  uncoveredHotspots: { cell: string; lon: number; lat: number; demand: PublishedCount }[];
  disclosure: Disclosure;
  /** Synthetic demo data went into the plan. */
  synthetic: boolean;
  notes: string[];
}

/** GET /outreach/plans: newest first; coverage figures need disclosure control, so read the plan. */
export interface PlanSummary {
  id: number;
  name: string;
  createdAt: string;
  createdBy: string;
  measure: string;
  method: string;
  p: number | null;
  budget: number | null;
  from: string;
  to: string;
  sites: number;
  optimal: boolean;
}

export interface PlanSide {
  id: number;
  name: string;
  measure: string;
  period: { from: string; to: string };
  method: string;
  optimal: boolean;
  sites: number;
  covered: PublishedCount;
  total: PublishedCount;
  share: number | null;
  cost: number;
}

export interface SiteRef {
  siteId: number;
  name: string;
  activity: string;
}

/** GET /outreach/plans/compare. */
export interface PlanComparison {
  a: PlanSide;
  b: PlanSide;
  common: (SiteRef & { rankA: number; rankB: number })[];
  onlyA: (SiteRef & { rank: number })[];
  onlyB: (SiteRef & { rank: number })[];
  /** True when both plans were computed on the same demand; false: the figures measure different things. */
  sameDemand: boolean;
  /** b − a, in demand units; null when either side is suppressed. */
  coveredDifference: number | null;
  /** b − a, as a fraction of total demand; null when either share is unknown. */
  shareDifference: number | null;
}

export interface DeliveredActivity {
  id: number;
  siteId: number | null;
  siteName: string | null;
  date: string;
  type: string;
  reach: number;
  notes: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface SiteDelivery {
  siteId: number;
  name: string | null;
  /** Rank in the plan, or null for a site the plan did not choose. */
  rank: number | null;
  plannedActivity: string | null;
  delivered: number;
  reach: number;
  lastDelivered: string | null;
  status: 'delivered' | 'pending' | 'unplanned';
}

/** GET /outreach/plans/:id/activities. */
export interface PlanDelivery {
  planId: number;
  activities: DeliveredActivity[];
  sites: SiteDelivery[];
}
