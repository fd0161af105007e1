import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { getJson } from '../api.js';

/** Shapes of /api/v1/corridors and /api/v1/admin-areas (server/corridors, server/places). */
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

export interface AreaProps {
  pcode: string;
  name: string;
  level: number;
  parent: string | null;
  /** false: the project's own code, not an official P-code */
  official: boolean;
  source: string | null;
  labelLon: number;
  labelLat: number;
}

export type Areas = FeatureCollection<Polygon | MultiPolygon, AreaProps> & { attribution: string };

export interface AreaSummary {
  pcode: string;
  name: string;
  parent: string | null;
  official: boolean;
  people: number | null;
  inbound: number | null;
  outbound: number | null;
  transit: number | null;
  net: number | null;
  reports: number | null;
  services: Record<string, number>;
  activities: number;
  reach: number;
  suppressed: string[];
}

export interface Summary {
  level: number;
  period: { from: string; to: string };
  areas: AreaSummary[];
  notes: string[];
  attribution: string;
}

export const placesApi = {
  corridors: (s?: AbortSignal) => getJson<{ corridors: Corridor[] }>('/api/v1/corridors', s).then((r) => r.corridors),
  areas: (level: 1 | 2, s?: AbortSignal) => getJson<Areas>(`/api/v1/admin-areas?level=${level}`, s),
  summary: (params: URLSearchParams, s?: AbortSignal) => getJson<Summary>(`/api/v1/admin-areas/summary?${params}`, s),
};
