import { getJson } from '../api.js';
import { apiParams, type FlowFilters } from './filters.js';

/** Shapes of the /api/v1/flows* responses after disclosure control (server/flows/disclose.ts). */
export interface Disclosure {
  suppressed: boolean;
  k: number;
}

export interface FlowLocation {
  id: string;
  name: string;
  /** null when nothing places it (a country with no loaded place): not drawn. */
  lat: number | null;
  lon: number | null;
  kind: string;
  incoming?: number | null;
  outgoing?: number | null;
}

export interface Flow {
  origin: string;
  dest: string;
  /** null when suppressed (1…k−1 people, or would let such a count be worked out). */
  count: number | null;
  suppressed: boolean;
}

export interface FlowsResponse {
  locations: FlowLocation[];
  flows: Flow[];
  totals: { people: number | null; matched: number | null; unlocated: number | null; flows: number; locations: number };
  disclosure?: Disclosure;
}

export interface SeriesResponse {
  series: { t: string; count: number | null; suppressed: boolean }[];
  disclosure?: Disclosure;
}

export interface Category {
  key: string;
  count: number | null;
  suppressed: boolean;
}

export interface BreakdownsResponse {
  breakdowns: { dimension: string; total: number | null; multi: boolean; categories: Category[] }[];
  disclosure?: Disclosure;
}

const url = (path: string, f: FlowFilters, extra?: Record<string, string>): string => {
  const q = apiParams(f, extra).toString();
  return q ? `/api/v1/flows${path}?${q}` : `/api/v1/flows${path}`;
};

export const flowsApi = {
  flows: (f: FlowFilters, s?: AbortSignal) => getJson<FlowsResponse>(url('', f, f.level === 'place' ? {} : { level: f.level }), s),
  // The histogram shows the whole data range: the period itself is what it selects.
  daily: (f: FlowFilters, s?: AbortSignal) => getJson<SeriesResponse>(url('/timeseries', { ...f, from: null, to: null }, { bucket: 'day' }), s),
  breakdowns: (f: FlowFilters, point: string | null, s?: AbortSignal) =>
    getJson<BreakdownsResponse>(url('/breakdowns', point ? { ...f, point: [point] } : f, { by: 'sex,age,reason,transport' }), s),
};
