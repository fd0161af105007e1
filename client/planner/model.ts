import { ACTIVITY_TYPES, type ActivityType, DEFAULT_RADIUS_KM, type PlanMeasure, RADIUS_BOUNDS, TIME_LIMIT_MS } from '../../common/outreach.js';
import { type Role, roleRank } from '../../common/auth.js';

/**
 * What the planner panel offers and how it labels it. The lists and bounds are the server's own
 * (common/outreach.ts), so the panel offers them without a round trip.
 */
export const MEASURE_LABELS: Record<PlanMeasure, string> = {
  movement: 'All movement',
  vulnerable: 'Vulnerable people',
  unaccompanied: 'Unaccompanied children',
  informal: 'Informal crossings',
};

export const ACTIVITY_LABELS: Record<ActivityType, string> = {
  drama: 'Drama at market',
  road_show: 'Road show',
  community_meeting: 'Community meeting',
};
/** Default reach (km) and the bounds the server accepts. */
export const ACTIVITY_RADIUS = Object.fromEntries(
  ACTIVITY_TYPES.map((t) => [t, { def: DEFAULT_RADIUS_KM[t], min: RADIUS_BOUNDS[t][0], max: RADIUS_BOUNDS[t][1] }]),
) as Record<ActivityType, { def: number; min: number; max: number }>;

/** The exact solver's time limit in whole seconds (the server takes milliseconds). */
export const TIME_LIMIT_S = { min: 1, max: TIME_LIMIT_MS.max / 1000, def: TIME_LIMIT_MS.default / 1000 } as const;

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

/** Planner and above may run and delete plans (the server's rule, common/auth.ts); an unknown role ranks 0. */
export const canPlan = (role: string | undefined): boolean => role !== undefined && roleRank(role as Role) >= roleRank('planner');
