import type { ServiceKind } from '../../common/vocabulary.js';
import type { Geography } from './geography.js';
import { deriveSeed, Rng } from './random.js';
import { scatter, type Side } from './scatter.js';

export interface DemoService {
  sourceRowId: string;
  name: string;
  kind: ServiceKind;
  country: string;
  hours: string;
  capacity: number | null;
  lon: number;
  lat: number;
}

interface TownPlan {
  town: string; // place code in geography.json: the centre services scatter around
  side: Side;
  radiusKm: number; // town services; CWACs (community volunteers) spread twice as far
  kinds: Partial<Record<ServiceKind, number>>;
}

// Counts per town: the border districts and Lusaka get the full referral chain; the towns
// across the border get the few services a referral from Zambia would actually use.
const PLAN: TownPlan[] = [
  { town: 'zm-sesheke', side: 'zambezi-north', radiusKm: 3, kinds: { health: 4, police_vsu: 1, social_welfare: 1, cwac: 6, shelter: 1, immigration: 1, legal_aid: 1, one_stop_centre: 1, ngo_help_desk: 2 } },
  { town: 'zm-mwandi', side: 'zambezi-north', radiusKm: 3, kinds: { health: 2, police_vsu: 1, social_welfare: 1, cwac: 4, ngo_help_desk: 1 } },
  { town: 'zm-kazungula', side: 'zambezi-north', radiusKm: 3, kinds: { health: 2, police_vsu: 1, social_welfare: 1, cwac: 3, immigration: 1, ngo_help_desk: 1 } },
  { town: 'zm-nakonde', side: 'nakonde-zm', radiusKm: 3.5, kinds: { health: 4, police_vsu: 1, social_welfare: 1, cwac: 6, shelter: 1, immigration: 1, legal_aid: 1, one_stop_centre: 1, ngo_help_desk: 2 } },
  { town: 'zm-lusaka', side: 'free', radiusKm: 7, kinds: { health: 5, police_vsu: 2, social_welfare: 1, cwac: 3, shelter: 2, immigration: 1, legal_aid: 2, one_stop_centre: 1, ngo_help_desk: 2 } },
  { town: 'na-katima-mulilo', side: 'zambezi-south', radiusKm: 2.5, kinds: { health: 2, police_vsu: 1, social_welfare: 1, ngo_help_desk: 1 } },
  { town: 'tz-tunduma', side: 'tunduma-tz', radiusKm: 2.5, kinds: { health: 2, police_vsu: 1, social_welfare: 1, ngo_help_desk: 1 } },
];

const LABEL: Record<ServiceKind, string> = {
  health: 'clinic',
  police_vsu: 'police Victim Support Unit',
  social_welfare: 'social welfare office',
  cwac: 'CWAC',
  shelter: 'safe house',
  immigration: 'immigration office',
  legal_aid: 'legal aid desk',
  one_stop_centre: 'one-stop centre',
  ngo_help_desk: 'migrant help desk',
};

const HOURS: Record<ServiceKind, string> = {
  health: '07:30-17:00',
  police_vsu: '24h',
  social_welfare: '08:00-16:30',
  cwac: 'volunteers, daytime',
  shelter: '24h',
  immigration: '08:00-17:00',
  legal_aid: '08:00-16:30 weekdays',
  one_stop_centre: '24h',
  ngo_help_desk: '08:00-17:00',
};

/** Synthetic services (docs/architecture.md#demo-data): names say "(synthetic)"; positions are invented. */
export function demoServices(geo: Geography, seed: number): DemoService[] {
  const rng = new Rng(deriveSeed(seed, 'services'));
  const out: DemoService[] = [];
  for (const plan of PLAN) {
    const town = geo.places.find((p) => p.code === plan.town);
    if (!town) throw new Error(`services plan names unknown place ${plan.town}`);
    for (const [kind, count] of Object.entries(plan.kinds) as [ServiceKind, number][]) {
      for (let i = 1; i <= count; i++) {
        const radius = kind === 'cwac' ? plan.radiusKm * 2 : plan.radiusKm;
        const [lon, lat] = scatter(rng, geo, town.lon, town.lat, radius, plan.side);
        // The first health facility in a town is its hospital: open all hours, with beds.
        const hospital = kind === 'health' && i === 1;
        const label = hospital ? 'district hospital' : kind === 'cwac' ? `CWAC ward ${i}` : LABEL[kind];
        const numbered = count > 1 && !hospital && kind !== 'cwac' ? ` ${kind === 'health' ? i - 1 : i}` : '';
        out.push({
          sourceRowId: `demo-svc-${out.length + 1}`,
          name: `${town.name} ${label}${numbered} (synthetic)`,
          kind,
          country: town.country,
          hours: hospital ? '24h' : HOURS[kind],
          capacity: capacityOf(rng, kind, hospital),
          lon,
          lat,
        });
      }
    }
  }
  return out;
}

/** Beds or places where the word means something; null where it does not (an office). */
function capacityOf(rng: Rng, kind: ServiceKind, hospital: boolean): number | null {
  if (hospital) return 40 + rng.int(120);
  if (kind === 'shelter') return 8 + rng.int(23);
  if (kind === 'one_stop_centre') return 4 + rng.int(9);
  return null;
}
