import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Period } from './dates.js';

/**
 * The contracts of /api/v1/corridors and /api/v1/admin-areas (server/corridors, server/places;
 * client/places reads them). Counts are null where disclosure control hid them.
 */
export interface Corridor {
  id: number;
  code: string;
  name: string;
  description: string | null;
  colour: string;
  districts: string[];
  activeFrom: string | null;
  activeTo: string | null;
}

/** An admin area as stored: level 1 provinces, level 2 districts. */
export interface AreaRow {
  pcode: string;
  name: string;
  level: number;
  parent: string | null;
  /** false: the project's own code (vendored districts), not an official P-code */
  official: boolean;
  source: string | null;
}

/** GET /admin-areas: the areas as GeoJSON with a point to put each name at. */
export interface AreaProps extends AreaRow {
  labelLon: number;
  labelLat: number;
}
export type Areas = FeatureCollection<Polygon | MultiPolygon, AreaProps> & { attribution: string };

/** One area of GET /admin-areas/summary. */
export interface AreaSummary {
  pcode: string;
  name: string;
  parent: string | null;
  official: boolean;
  people: number | null;
  inbound: number | null;
  outbound: number | null;
  transit: number | null;
  /** inbound − outbound; hidden when either is */
  net: number | null;
  reports: number | null;
  services: Record<string, number>;
  activities: number;
  reach: number;
  /** measures hidden by disclosure control in this area */
  suppressed: string[];
}

/** People and reports at points outside every listed area (outside Zambia, or left out by the filters). */
export interface Outside {
  inbound: number | null;
  outbound: number | null;
  transit: number | null;
  reports: number | null;
}

/** GET /admin-areas/summary. */
export interface AreaSummaryResponse {
  level: number;
  period: Period;
  areas: AreaSummary[];
  outside: Outside;
  /** why reports are null, when they are */
  notes: string[];
  attribution: string;
  source: 'raw' | 'rollup';
}
