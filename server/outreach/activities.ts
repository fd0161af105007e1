import { SITE_KINDS } from '../../common/vocabulary.js';

/**
 * Activity types a plan assigns to sites, and how far each reaches (issue 7).
 *
 * Reach is a radius around the site: a demand cell is covered when its centre is within it
 * (inclusive, metres on the spheroid). A road show travels "5 km along roads"; with no road
 * network loaded, road distance is taken as straight line × detour (default 1.3, the factor the
 * access analysis uses), so its straight-line reach is radius / detour. Drama and community
 * meetings draw people who walk in, so their reach is a straight-line radius (detour 1).
 */
export const ACTIVITY_TYPES = ['drama', 'road_show', 'community_meeting'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export type SiteKind = (typeof SITE_KINDS)[number];

/** Delivered activities may also be materials handed out, which have no planned reach. */
export const DELIVERED_TYPES = [...ACTIVITY_TYPES, 'materials'] as const;

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

/** Allowed radius per type (km): wide enough for local judgement, narrow enough to stay plausible. */
export const RADIUS_BOUNDS: Record<ActivityType, [number, number]> = {
  drama: [0.1, 10],
  road_show: [0.5, 25],
  community_meeting: [0.1, 5],
};

export const DEFAULT_ACTIVITIES: Record<ActivityType, ActivitySpec> = {
  drama: { type: 'drama', radiusKm: 2, detour: 1, cost: null, siteKinds: ['market'] },
  road_show: { type: 'road_show', radiusKm: 5, detour: 1.3, cost: null, siteKinds: ['bus_station', 'truck_stop', 'border_post'] },
  community_meeting: {
    type: 'community_meeting',
    radiusKm: 1,
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
