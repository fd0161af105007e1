import { ACTIVITY_TYPES, type ActivitySpec, type ActivityType, DEFAULT_RADIUS_KM } from '../../common/outreach.js';
import type { SiteKind } from '../../common/vocabulary.js';

/**
 * Activity types a plan assigns to sites, and how far each reaches (issue 7).
 *
 * Reach is a radius around the site: a demand cell is covered when its centre is within it
 * (inclusive, metres on the spheroid). A road show travels "5 km along roads"; with no road
 * network loaded, road distance is taken as straight line × detour (default 1.3, the factor the
 * access analysis uses), so its straight-line reach is radius / detour. Drama and community
 * meetings draw people who walk in, so their reach is a straight-line radius (detour 1).
 */
// The types, their radius bounds and defaults are the API's contract: common/outreach.ts.
export type { ActivitySpec, ActivityType, SiteKind };

export const DEFAULT_ACTIVITIES: Record<ActivityType, ActivitySpec> = {
  drama: { type: 'drama', radiusKm: DEFAULT_RADIUS_KM.drama, detour: 1, cost: null, siteKinds: ['market'] },
  road_show: { type: 'road_show', radiusKm: DEFAULT_RADIUS_KM.road_show, detour: 1.3, cost: null, siteKinds: ['bus_station', 'truck_stop', 'border_post'] },
  community_meeting: {
    type: 'community_meeting',
    radiusKm: DEFAULT_RADIUS_KM.community_meeting,
    detour: 1,
    cost: null,
    siteKinds: ['school', 'church', 'clinic', 'community_hall'],
  },
};

/** Cost when neither the request nor the site says (ZMW; synthetic, order of magnitude). */
export const FALLBACK_COST: Record<ActivityType, number> = { drama: 5000, road_show: 4000, community_meeting: 1500 };

export type ActivityOverride = { type: ActivityType } & Partial<Omit<ActivitySpec, 'type'>>;

/** Defaults with the request's overrides applied per type (unlisted types keep their defaults). */
export function resolveActivities(overrides: readonly ActivityOverride[] = []): ActivitySpec[] {
  return ACTIVITY_TYPES.map((type) => {
    const o = overrides.find((a) => a.type === type);
    const d = DEFAULT_ACTIVITIES[type];
    return {
      type,
      radiusKm: o?.radiusKm ?? d.radiusKm,
      detour: o?.detour ?? d.detour,
      cost: o?.cost ?? d.cost,
      siteKinds: [...(o?.siteKinds ?? d.siteKinds)],
    };
  });
}

/** Straight-line reach in metres: what coverage is tested against. */
export function reachMetres(a: Pick<ActivitySpec, 'radiusKm' | 'detour'>): number {
  return (a.radiusKm * 1000) / a.detour;
}

/** The activity each site kind hosts (the schema guarantees a kind is in at most one list). */
export function activityByKind(specs: readonly ActivitySpec[]): Map<SiteKind, ActivitySpec> {
  const out = new Map<SiteKind, ActivitySpec>();
  for (const spec of specs) for (const kind of spec.siteKinds) out.set(kind, spec);
  return out;
}

/** One activity's cost at a site: the request's figure, else the site's estimate, else the fallback. */
export function activityCost(spec: ActivitySpec, siteCost: number | null): number {
  return spec.cost ?? siteCost ?? FALLBACK_COST[spec.type];
}
