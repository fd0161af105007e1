import type { SITE_KINDS } from '../../common/vocabulary.js';
import type { Geography } from './geography.js';
import { deriveSeed, Rng } from './random.js';
import { scatter, type Side } from './scatter.js';

type SiteKind = (typeof SITE_KINDS)[number];
type Corridor = 'sesheke' | 'nakonde' | 'lusaka';

export interface DemoSite {
  sourceRowId: string;
  name: string;
  kind: SiteKind;
  corridor: Corridor;
  footfall: number; // people per week
  cost: number; // one activity here, in ZMW (synthetic)
  lon: number;
  lat: number;
}

interface SitePlan {
  town: string;
  corridor: Corridor;
  side: Side;
  radiusKm: number;
  /** Border posts sit at this monitoring point rather than scattered around the town. */
  borderPost?: string;
  kinds: Partial<Record<SiteKind, number>>;
  /** Lusaka's markets and bus stations are far busier than a border town's. */
  busy: number;
}

const PLAN: SitePlan[] = [
  { town: 'zm-sesheke', corridor: 'sesheke', side: 'zambezi-north', radiusKm: 4, borderPost: 'mp-katima-bridge', busy: 1, kinds: { market: 2, bus_station: 1, border_post: 1, school: 3, church: 3, clinic: 2, community_hall: 2, truck_stop: 1 } },
  { town: 'zm-mwandi', corridor: 'sesheke', side: 'zambezi-north', radiusKm: 3, busy: 0.5, kinds: { market: 1, school: 1, church: 1 } },
  { town: 'zm-nakonde', corridor: 'nakonde', side: 'nakonde-zm', radiusKm: 4, borderPost: 'mp-tunduma-nakonde-osbp', busy: 1.2, kinds: { market: 3, bus_station: 1, border_post: 1, school: 3, church: 3, clinic: 2, community_hall: 2, truck_stop: 2 } },
  { town: 'zm-lusaka', corridor: 'lusaka', side: 'free', radiusKm: 8, busy: 3, kinds: { market: 4, bus_station: 3, school: 3, church: 3, clinic: 2, community_hall: 2, truck_stop: 1 } },
];

// Typical weekly footfall and activity cost ranges by kind (invented, order-of-magnitude).
const FOOTFALL: Record<SiteKind, [number, number]> = {
  market: [4000, 15000],
  bus_station: [3000, 12000],
  border_post: [6000, 20000],
  school: [300, 1400],
  church: [200, 1200],
  clinic: [300, 1500],
  community_hall: [100, 800],
  truck_stop: [500, 3500],
};
const COST: Record<SiteKind, [number, number]> = {
  market: [3000, 8000],
  bus_station: [2500, 6000],
  border_post: [2000, 5000],
  school: [800, 2000],
  church: [800, 2000],
  clinic: [800, 2000],
  community_hall: [1000, 2500],
  truck_stop: [1500, 4000],
};
const LABEL: Record<SiteKind, string> = {
  market: 'market',
  bus_station: 'bus station',
  border_post: 'border post',
  school: 'school',
  church: 'church',
  clinic: 'clinic',
  community_hall: 'community hall',
  truck_stop: 'truck stop',
};

/** Candidate outreach sites: markets, bus stations, border posts … with footfall and cost. */
export function demoSites(geo: Geography, seed: number): DemoSite[] {
  const rng = new Rng(deriveSeed(seed, 'outreach-sites'));
  const out: DemoSite[] = [];
  for (const plan of PLAN) {
    const town = geo.places.find((p) => p.code === plan.town);
    if (!town) throw new Error(`sites plan names unknown place ${plan.town}`);
    for (const [kind, count] of Object.entries(plan.kinds) as [SiteKind, number][]) {
      for (let i = 1; i <= count; i++) {
        const post = kind === 'border_post' ? geo.monitoringPoints.find((m) => m.code === plan.borderPost) : undefined;
        if (kind === 'border_post' && !post) throw new Error(`sites plan names unknown border post ${plan.borderPost}`);
        // Truck stops queue along the approach road, a little out of town.
        const radius = kind === 'truck_stop' ? plan.radiusKm * 1.5 : plan.radiusKm;
        const [lon, lat] = post ? [post.lon, post.lat] : scatter(rng, geo, town.lon, town.lat, radius, plan.side);
        const [f0, f1] = FOOTFALL[kind];
        const [c0, c1] = COST[kind];
        const busy = kind === 'market' || kind === 'bus_station' ? plan.busy : 1;
        out.push({
          sourceRowId: `demo-site-${out.length + 1}`,
          name: `${town.name} ${siteLabel(kind, i, count)} (synthetic)`,
          kind,
          corridor: plan.corridor,
          footfall: Math.round((busy * rng.between(f0, f1)) / 10) * 10,
          cost: Math.round(rng.between(c0, c1) / 50) * 50,
          lon,
          lat,
        });
      }
    }
  }
  return out;
}

/** "main market", then "market 2", "market 3"; other kinds numbered when there are several. */
function siteLabel(kind: SiteKind, i: number, count: number): string {
  if (kind === 'market' && i === 1) return 'main market';
  return count > 1 ? `${LABEL[kind]} ${i}` : LABEL[kind];
}
