import type { Period } from './dates.js';
import type { Disclosure } from './disclosure.js';

/**
 * The /api/v1/flows* contract: the parameters' vocabularies (server/flows/schemas.ts builds its
 * zod schemas from them) and the answers after disclosure control (server/flows/disclose.ts
 * returns exactly these). Counts are null where suppressed (1…k−1 people, or a count that
 * would let one be worked out again).
 */
export const LEVELS = ['place', 'point', 'admin', 'country'] as const;
export const BUCKETS = ['day', 'week', 'month'] as const;
export const BREAKDOWN_DIMS = ['sex', 'age', 'nationality', 'transport', 'reason', 'vulnerability'] as const;
export type Level = (typeof LEVELS)[number];
export type Bucket = (typeof BUCKETS)[number];
export type BreakdownDim = (typeof BREAKDOWN_DIMS)[number];

/** Which data answered: the raw observations or the rollup (same numbers, faster). */
export type SourceKind = 'raw' | 'rollup';
export type EndKind = 'place' | 'country' | 'admin' | 'point';


interface Answer {
  period: Period;
  measure: string;
  source: SourceKind;
  disclosure: Disclosure;
}

export interface FlowLocation {
  id: string;
  name: string;
  /** null when nothing places it (a country with no loaded place): not drawn. */
  lat: number | null;
  lon: number | null;
  kind: EndKind;
  incoming: number | null;
  outgoing: number | null;
  suppressed: boolean;
}

export interface Flow {
  origin: string;
  dest: string;
  count: number | null;
  suppressed: boolean;
}

export interface FlowsResponse extends Answer {
  level: Level;
  locations: FlowLocation[];
  flows: Flow[];
  totals: { count: number | null; people: number | null; matched: number | null; unlocated: number | null; flows: number; locations: number };
}

export interface SeriesResponse extends Answer {
  bucket: Bucket;
  series: { t: string; count: number | null; suppressed: boolean }[];
  totals: { count: number | null };
}

export interface Category {
  key: string;
  count: number | null;
  suppressed: boolean;
}

export interface BreakdownsResponse extends Answer {
  breakdowns: { dimension: BreakdownDim; total: number | null; multi: boolean; categories: Category[] }[];
  totals: { count: number | null };
}

export interface CorridorsResponse extends Answer {
  level: Exclude<Level, 'point'>;
  corridors: { origin: string; crossing: string; dest: string; count: number | null; share: number | null; suppressed: boolean }[];
  locations: Omit<FlowLocation, 'incoming' | 'outgoing' | 'suppressed'>[];
  totals: { count: number | null; chains: number; shown: number | null };
}

/** Counts per crossing: C is number before disclosure control (the server's query), number | null after. */
export interface CrossingCounts<C = number | null> {
  inbound: C;
  outbound: C;
  transit: C;
  total: C;
  previous: C;
}

export interface Crossing<C = number | null> extends CrossingCounts<C> {
  id: number;
  name: string;
  kind: string;
  corridor: string;
  lat: number;
  lon: number;
  net: C;
  dailyAverage: C;
  /** (total − previous) / previous; null when previous is 0 (or either is hidden). */
  change: number | null;
}

export interface CrossingsResponse extends Answer {
  previousPeriod: Period;
  /** suppressed: which of the counts were hidden ('inbound', …, 'total', 'previous'). */
  crossings: (Crossing & { suppressed: string[] })[];
  totals: CrossingCounts;
}
