/**
 * What the planner sends and shows, mirrored from server/outreach (schemas.ts, activities.ts):
 * the server owns these lists and bounds; they are repeated here so the panel can offer them
 * without a round trip, and a value the server drops later only costs a 400 with its field.
 */
export const MEASURES = ['movement', 'vulnerable', 'unaccompanied', 'informal'] as const;
export type Measure = (typeof MEASURES)[number];
export const MEASURE_LABELS: Record<Measure, string> = {
  movement: 'All movement',
  vulnerable: 'Vulnerable people',
  unaccompanied: 'Unaccompanied children',
  informal: 'Informal crossings',
};

export const ACTIVITY_TYPES = ['drama', 'road_show', 'community_meeting'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const ACTIVITY_LABELS: Record<ActivityType, string> = {
  drama: 'Drama at market',
  road_show: 'Road show',
  community_meeting: 'Community meeting',
};
/** Default reach (km) and the bounds the server accepts. */
export const ACTIVITY_RADIUS: Record<ActivityType, { def: number; min: number; max: number }> = {
  drama: { def: 2, min: 0.1, max: 10 },
  road_show: { def: 5, min: 0.5, max: 25 },
  community_meeting: { def: 1, min: 0.1, max: 5 },
};

/** Corridors are data (GET /api/v1/corridors): a link may name any well-formed code; the server checks it. */
export const CORRIDOR_CODE = /^[a-z][a-z0-9_]{0,39}$/;
export type Corridor = string;

export const METHODS = ['greedy', 'exact'] as const;
export type Method = (typeof METHODS)[number];
export const TIME_LIMIT_S = { min: 1, max: 60, def: 10 } as const;
export const MAX_P = 200;

/** null = the default: radius from the table above, cost from each site's own estimate. */
export interface ActivitySetting {
  radiusKm: number | null;
  cost: number | null;
}
export type ActivityMix = Record<ActivityType, ActivitySetting>;

export function defaultMix(): ActivityMix {
  return {
    drama: { radiusKm: null, cost: null },
    road_show: { radiusKm: null, cost: null },
    community_meeting: { radiusKm: null, cost: null },
  };
}

/** Role order as server/auth/roles.ts: planner and above may run and delete plans. */
const PLANNING_ROLES = new Set(['planner', 'data_manager', 'admin']);
export const canPlan = (role: string | undefined): boolean => role !== undefined && PLANNING_ROLES.has(role);
