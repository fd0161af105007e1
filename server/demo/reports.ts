import { REPORT_TYPES } from '../../common/vocabulary.js';
import { DEMO_DAYS, demoDays } from './calendar.js';
import type { Geography } from './geography.js';
import { MONTHS } from './profiles.js';
import { deriveSeed, Rng, Weighted } from './random.js';
import { scatter, type Side } from './scatter.js';

type ReportType = (typeof REPORT_TYPES)[number];
type Mix = Partial<Record<ReportType, number>>;

export interface DemoReport {
  sourceRowId: string;
  day: number; // index into demoDays()
  type: ReportType;
  status: 'none' | 'referred' | 'assisted' | 'closed';
  point: string | null; // monitoring point code, when the case came from one
  persons: number;
  lon: number;
  lat: number;
}

export const DEMO_REPORTS = 420;

// Type mixes: smuggling dominates at the Nakonde footpaths (Horn of Africa route),
// exploitation and abuse along the Zambezi and in Lusaka's markets (invented shares).
const FOOTPATHS: Mix = { smuggling: 45, suspected_trafficking: 30, exploitation: 10, abuse: 10, other: 5 };
const RIVER: Mix = { suspected_trafficking: 30, exploitation: 25, abuse: 25, smuggling: 10, other: 10 };
const POST: Mix = { suspected_trafficking: 35, smuggling: 30, exploitation: 15, abuse: 10, other: 10 };
const CITY: Mix = { suspected_trafficking: 35, exploitation: 30, abuse: 15, smuggling: 10, other: 10 };

interface Spot {
  at: string; // monitoring point code (mp-…) or place code
  w: number; // relative number of reports: informal crossings get more
  mix: Mix;
  side: Side;
  radiusKm: number;
}

const SPOTS: Spot[] = [
  { at: 'mp-nakonde-east-footpaths', w: 60, mix: FOOTPATHS, side: 'nakonde-zm', radiusKm: 1.5 },
  { at: 'mp-nakonde-west-footpaths', w: 50, mix: FOOTPATHS, side: 'nakonde-zm', radiusKm: 1.5 },
  { at: 'mp-tunduma-nakonde-osbp', w: 45, mix: POST, side: 'nakonde-zm', radiusKm: 1.5 },
  { at: 'mp-sesheke-pontoon', w: 40, mix: RIVER, side: 'zambezi-north', radiusKm: 1.5 },
  { at: 'mp-mwandi-river', w: 35, mix: RIVER, side: 'zambezi-north', radiusKm: 2 },
  { at: 'mp-katima-bridge', w: 30, mix: POST, side: 'zambezi-north', radiusKm: 1 },
  { at: 'mp-kazungula-bridge', w: 30, mix: POST, side: 'zambezi-north', radiusKm: 1 },
  { at: 'mp-lusaka-intercity', w: 45, mix: CITY, side: 'free', radiusKm: 1.5 },
  { at: 'mp-lusaka-city-market', w: 25, mix: { exploitation: 40, abuse: 25, suspected_trafficking: 25, other: 10 }, side: 'free', radiusKm: 1 },
  { at: 'zm-lusaka', w: 30, mix: CITY, side: 'free', radiusKm: 8 },
  { at: 'zm-chirundu', w: 20, mix: POST, side: 'zambezi-north', radiusKm: 3 },
  { at: 'zm-livingstone', w: 15, mix: CITY, side: 'zambezi-north', radiusKm: 4 },
  { at: 'zm-sesheke', w: 12, mix: RIVER, side: 'zambezi-north', radiusKm: 4 },
  { at: 'zm-kapiri-mposhi', w: 10, mix: POST, side: 'free', radiusKm: 3 },
  { at: 'zm-isoka', w: 8, mix: FOOTPATHS, side: 'free', radiusKm: 3 },
];

/** Protection reports near monitoring points and towns, jittered, over the demo period. */
export function demoReports(geo: Geography, seed: number, count = DEMO_REPORTS): DemoReport[] {
  const rng = new Rng(deriveSeed(seed, 'reports'));
  const spots = new Weighted(SPOTS.map((s) => [s, s.w] as const));
  // More reports later (awareness work raises reporting) and in the dry, busier months.
  const days = new Weighted(demoDays().map((d) => [d.index, (0.7 + 0.6 * d.t) * (MONTHS.dry[d.month] ?? 1)] as const));
  const out: DemoReport[] = [];
  for (let i = 1; i <= count; i++) {
    const spot = spots.pick(rng);
    const mp = geo.monitoringPoints.find((m) => m.code === spot.at);
    const place = mp ? undefined : geo.places.find((p) => p.code === spot.at);
    const centre = mp ?? place;
    if (!centre) throw new Error(`report spot names unknown point or place ${spot.at}`);
    const [lon, lat] = scatter(rng, geo, centre.lon, centre.lat, spot.radiusKm, spot.side);
    const type = Weighted.of(spot.mix).pick(rng);
    const day = days.pick(rng);
    out.push({
      sourceRowId: `demo-r-${i}`,
      day,
      type,
      status: statusFor(rng, DEMO_DAYS - 1 - day),
      point: mp ? mp.code : null,
      persons: type === 'smuggling' ? rng.skewed(1, 6, 30) : type === 'suspected_trafficking' ? rng.skewed(1, 2.2, 12) : rng.skewed(1, 1.2, 5),
      lon,
      lat,
    });
  }
  return out;
}

/** Recent cases are still open; older ones have mostly been assisted or closed. */
function statusFor(rng: Rng, ageDays: number): DemoReport['status'] {
  const mix =
    ageDays < 30
      ? { none: 5, referred: 4, assisted: 1 }
      : ageDays < 180
        ? { none: 2, referred: 3, assisted: 3, closed: 2 }
        : { none: 1.5, referred: 1.5, assisted: 3, closed: 4 };
  return Weighted.of<DemoReport['status']>(mix).pick(rng);
}
