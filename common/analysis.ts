import type { Period } from './dates.js';
import type { DisclosureInfo } from './disclosure.js';
import type { ServiceKind } from './vocabulary.js';

/**
 * The hotspot and access analyses' contract (/api/v1/hotspots, /hotspots/emerging,
 * /hotspots/kde, /access; see docs/analysis.md#hotspots-and-service-access): what a site
 * counts, the analyses' vocabularies and their answers.
 * The server's zod schemas (server/query/schemas.ts, hotspots/, access/) are built from these
 * lists, and its services return these shapes.
 */

/**
 * What is counted per site:
 * - movement: people observed (total, or the sex/age part the filters ask for);
 * - vulnerable: people in groups recorded with at least one vulnerability;
 * - unaccompanied: unaccompanied children;
 * - informal: people observed at informal crossings (the registry has no per-person
 *   regular/irregular flag; the crossing point's kind is the honest proxy);
 * - reports: protection reports (incidents / referral cases), at their own points.
 */
export const MEASURES = ['movement', 'vulnerable', 'unaccompanied', 'informal', 'reports'] as const;
export type Measure = (typeof MEASURES)[number];

/** H3 resolution of analysis cells: 6 (~36 km² cells) … 9 (~0.1 km²); neighbourhood k-ring 1…3. */
export const RES_RANGE = [6, 9] as const;
export const K_RANGE = [1, 3] as const;

/** Time steps of the emerging hot spot analysis. */
export const STEPS = ['week', 'month'] as const;
export type Step = (typeof STEPS)[number];

/** How people travel to services, and the km/h when the request names no speed. */
export const TRAVEL_MODES = ['walk', 'motor'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];
export const MODE_SPEED: Record<TravelMode, number> = { walk: 5, motor: 40 };

/** Emerging hot spot categories (ArcGIS Emerging Hot Spot Analysis); 'cold_*' mirror the hot ones. */
export const PATTERNS = ['new', 'consecutive', 'intensifying', 'persistent', 'diminishing', 'sporadic', 'oscillating', 'historical'] as const;
export type Pattern = (typeof PATTERNS)[number];
export type EmergingCategory = Pattern | `cold_${Pattern}` | 'none';
/** Every category a cell can get, hot patterns, their cold mirrors, then 'none' (for legends). */
export const EMERGING_CATEGORIES = [...PATTERNS, ...PATTERNS.map((p) => `cold_${p}` as const), 'none'] as const;


export interface HotspotCell {
  h3: string;
  value: number | null;
  suppressed: boolean;
  z: number;
  p: number;
  /** −3…+3: cold/hot spot at 99/95/90 % confidence after Benjamini–Hochberg FDR; 0 not significant. */
  class: number;
}

export interface HotspotsResponse {
  period: Period;
  measure: Measure;
  res: number;
  k: number;
  studyArea: { cells: number; nonEmpty: number; rule: string };
  disclosure: DisclosureInfo;
  cells: (HotspotCell & { label: string | null })[];
}

export interface EmergingCell {
  h3: string;
  category: EmergingCategory;
  /** Mann-Kendall trend of the z series (positive = warming). */
  trend: { z: number; p: number; tau: number };
  /** Gi* z per step, for the sparkline. */
  z: number[];
  /** +1 hot, −1 cold, 0 neither, per step (after FDR). */
  state: number[];
  /** Published count per step (null where suppressed). */
  values: (number | null)[];
}

export interface EmergingResponse {
  period: Period;
  step: Step;
  /** First day of each step; every per-cell series has one entry per step. */
  steps: string[];
  measure: Measure;
  res: number;
  k: number;
  alpha: number;
  studyArea: { cells: number; rule: string };
  /** Cells of the study area per category (all of them, 'none' included). */
  categories: Partial<Record<EmergingCategory, number>>;
  disclosure: DisclosureInfo;
  /** Cells with a count at some step or a category other than 'none'; the rest of the study area is 'none'. */
  cells: (EmergingCell & { label: string | null })[];
}

export interface KdePoint {
  lon: number;
  lat: number;
  label: string | null;
  /** The published count (null when suppressed). */
  count: number | null;
  suppressed: boolean;
  /** The weight the density uses: the count, or k/2 when suppressed (deck HeatmapLayer getWeight). */
  weight: number;
}

export interface DensityGrid {
  /** South-west corner and cell size in degrees: the grid is regular in lon/lat. */
  west: number;
  south: number;
  dLon: number;
  dLat: number;
  cols: number;
  rows: number;
  cellM: number;
  bandwidthM: number;
  /** Non-zero cells only, centre in lon/lat; density in counts per km². */
  cells: { col: number; row: number; lon: number; lat: number; density: number }[];
  max: number;
}

export interface KdeResponse {
  period: Period;
  measure: Measure;
  kernel: 'quartic';
  bandwidthM: number;
  points: KdePoint[];
  /** null when there is nothing to draw. */
  grid: DensityGrid | null;
  disclosure: DisclosureInfo;
}

export interface KindAccess {
  /** Minutes to the nearest service of the kind; null when none is reachable. */
  minutes: number | null;
  serviceId: number | null;
  service: string | null;
  /** The crossing point the trip passes, when it has to. */
  via: string | null;
}

export interface AccessCell {
  h3: string;
  /** Where the demand is (weighted centre of its sites), which travel times are measured from. */
  lon: number;
  lat: number;
  country: string | null;
  label: string | null;
  demand: { count: number | null; suppressed: boolean };
  monthly: number | null;
  access: Partial<Record<ServiceKind, KindAccess>>;
  inaccessibility: number;
  gap: number;
}

export interface GapArea {
  rank: number;
  h3: string;
  label: string | null;
  gap: number;
  drivers: ServiceKind[];
  text: string;
}

export interface AccessResponse {
  period: Period;
  measure: Measure;
  res: number;
  kinds: ServiceKind[];
  travel: { mode: TravelMode; speedKmh: number; detour: number; tmaxMinutes: number; distance: 'great-circle'; barriers: string };
  formula: string;
  disclosure: DisclosureInfo;
  cells: AccessCell[];
  gaps: GapArea[];
}
