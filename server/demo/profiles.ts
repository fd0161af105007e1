import type { REASONS, TRANSPORT_MODES } from '../../common/vocabulary.js';
import { isFestive, isMonthEnd, type DemoDay } from './calendar.js';

export type Reason = (typeof REASONS)[number];
export type TransportMode = (typeof TRANSPORT_MODES)[number];

/** A place code from geography.json, or an ISO3 code where only the country is known. */
export type Endpoint = string;
/** One endpoint, or weighted alternatives. */
export type Choice = Endpoint | Readonly<Record<Endpoint, number>>;

/**
 * One kind of movement through a monitoring point: who, from where, to where, how, why.
 * The route is written in one travel direction; `mirror` of the groups travel it the other
 * way (traders go and come back; Horn of Africa migrants mostly go south only).
 */
export interface Stream {
  label: string;
  /** Relative share among the point's streams. */
  w: number;
  origin: Choice;
  /** Defaults: previous place = origin, next place = destination (a direct trip). */
  prev?: Choice;
  next?: Choice;
  dest: Choice;
  /** Share of groups travelling the route in reverse; default 0.5. */
  mirror?: number;
  /** Nationality; 'origin' = the country of the (as-written) origin. */
  nat: Choice | 'origin';
  mode: Partial<Record<TransportMode, number>>;
  reasons: Partial<Record<Reason, number>>;
  /** Group size: [min, mean, max] (max ≤ 40). */
  group: readonly [number, number, number];
  /** Expected share of women and girls, and of children, among the group's members. */
  female: number;
  child: number;
  /** Chance that a group with children includes unaccompanied children. */
  uac?: number;
  /** Chance that monitors note trafficking indicators for the group. */
  trafficking?: number;
  /** Weight multipliers by month (January first). */
  months?: readonly number[];
  /** Growth of the stream's weight over the two years (0.3 = +30 % by the end). */
  growth?: number;
}

export interface PointProfile {
  code: string; // monitoring point code in geography.json
  /** Share of all demo rows at this point (before day-to-day variation). */
  share: number;
  /** Multipliers by weekday, Sunday first: market days and travel days. */
  weekday: readonly [number, number, number, number, number, number, number];
  /** A river crossing by boat or canoe: high water in the rains (Jan–Mar) cuts it back. */
  river?: boolean;
  /** Cross-border shopping after payday. */
  payday?: boolean;
  /** Long-distance travel point (bus station, main border post): festive season peaks higher. */
  travel?: boolean;
  streams: readonly Stream[];
}

// Month profiles (January first). Invented shapes with public-knowledge anchors: maize
// harvest and marketing April–July; the dry season (May–October) is the easier travel season;
// Christmas and Easter family visits; school terms starting January, May and September.
export const MONTHS = {
  harvest: [0.4, 0.4, 0.7, 1.5, 1.9, 1.9, 1.6, 1.0, 0.6, 0.5, 0.5, 0.5],
  dry: [0.75, 0.75, 0.85, 0.95, 1.05, 1.15, 1.25, 1.25, 1.15, 1.05, 0.95, 0.8],
  family: [1.2, 0.9, 0.9, 1.1, 1.0, 1.0, 1.0, 1.05, 1.0, 1.0, 1.0, 1.6],
  school: [1.6, 0.9, 0.8, 1.3, 1.2, 0.8, 0.8, 1.3, 1.1, 0.8, 0.8, 1.2],
  tourism: [0.6, 0.6, 0.7, 0.9, 1.1, 1.2, 1.4, 1.5, 1.4, 1.3, 1.0, 1.1],
} as const;

/** Day-level multiplier of a point's volume, apart from its streams' own seasons. */
export function pointDayFactor(p: PointProfile, day: DemoDay): number {
  let f = p.weekday[day.dow] ?? 1;
  const rains = day.month <= 2; // January–March
  if (rains) f *= p.river ? 0.45 : 0.9; // flooded banks; muddy roads slow everyone a little
  if (isFestive(day)) f *= p.travel ? 1.6 : 1.25;
  if (p.payday && isMonthEnd(day)) f *= 1.2;
  return f;
}

/** Weight of a stream on a day: its share × its month profile × its trend. */
export function streamWeight(s: Stream, day: DemoDay): number {
  return s.w * (s.months?.[day.month] ?? 1) * (1 + (s.growth ?? 0) * day.t);
}

// Weekday shapes (Sunday first). Market days are invented for the demo, not surveyed:
// Sesheke/Katima shoppers on Friday and Saturday; Nakonde–Tunduma busiest on Tuesday and
// Friday; Lusaka's bus terminus on Friday and Sunday; the city market on Saturday.
export const WEEKDAY = {
  sesheke: [0.6, 0.85, 0.85, 0.9, 0.9, 1.3, 1.8],
  kazungula: [0.7, 1.05, 1.05, 1.05, 1.05, 1.1, 1.0],
  nakonde: [0.6, 0.9, 1.45, 0.95, 0.95, 1.5, 1.0],
  lusakaBus: [1.3, 0.9, 0.85, 0.85, 0.9, 1.4, 1.0],
  lusakaMarket: [0.5, 1.0, 1.0, 1.0, 1.0, 1.1, 1.5],
} as const;

// Shared route ends (weights are relative). Hosaena and Hawassa stand for the southern
// Ethiopian zones public reports name as main origins of the southern route.
export const HORN_ORIGINS = { 'et-hosaena': 4, 'et-hawassa': 2, 'et-addis-ababa': 1.5, ETH: 3, 'so-mogadishu': 1, SOM: 1.2, 'er-asmara': 0.3, ERI: 0.5 };
export const GREAT_LAKES_ORIGINS = { 'bi-bujumbura': 2, BDI: 1, 'rw-kigali': 1, COD: 2.5 };
export const SOUTH_DESTINATIONS = { 'za-johannesburg': 6, ZAF: 3, 'za-cape-town': 1, 'zw-harare': 0.4, MOZ: 0.3, 'bw-gaborone': 0.3 };
