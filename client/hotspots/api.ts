import { getJson } from '../api.js';
import { apiParams, type FlowFilters } from '../flows/filters.js';
import type { AnalysisView, Measure } from './view.js';

/** Shapes of /api/v1/hotspots*, /access (see docs/analysis.md#hotspots-and-service-access). */
export interface Period {
  from: string;
  to: string;
  days: number;
}
export interface Disclosure {
  suppress: boolean;
  k: number;
  suppressedCells: number;
}

export interface HotCell {
  h3: string;
  value: number | null;
  suppressed: boolean;
  z: number;
  p: number;
  class: number;
  label: string | null;
}
export interface HotspotsResponse {
  period: Period;
  measure: Measure;
  res: number;
  k: number;
  studyArea: { cells: number; nonEmpty: number };
  disclosure: Disclosure;
  cells: HotCell[];
}

export interface EmergingCell {
  h3: string;
  category: string;
  trend: { z: number; p: number; tau: number };
  z: number[];
  state: number[];
  values: (number | null)[];
  label: string | null;
}
export interface EmergingResponse {
  period: Period;
  step: 'week' | 'month';
  steps: string[];
  categories: Record<string, number>;
  disclosure: Disclosure;
  cells: EmergingCell[];
}

export interface KdePoint {
  lon: number;
  lat: number;
  count: number | null;
  suppressed: boolean;
  weight: number;
  label: string | null;
}
export interface KdeResponse {
  period: Period;
  bandwidthM: number;
  disclosure: Disclosure;
  points: KdePoint[];
}

export interface AccessCell {
  h3: string;
  lon: number;
  lat: number;
  country: string;
  label: string | null;
  demand: { count: number | null; suppressed: boolean };
  monthly: number;
  access: Record<string, { minutes: number | null; service: string | null; via: string | null }>;
  inaccessibility: number;
  gap: number;
}
export interface AccessGap {
  rank: number;
  h3: string;
  label: string | null;
  gap: number;
  drivers: string[];
  text: string;
}
export interface AccessResponse {
  period: Period;
  travel: { mode: string; speedKmh: number; tmaxMinutes: number };
  disclosure: Disclosure;
  cells: AccessCell[];
  gaps: AccessGap[];
}

/** Flow filters a measure cannot use (the server answers 400 rather than ignore them). */
export function unusableFilters(f: FlowFilters, measure: Measure): string[] {
  const out: string[] = [];
  if (measure === 'reports') {
    if (f.direction.length) out.push('direction');
    if (f.nationality.length) out.push('nationality');
    if (f.transport.length) out.push('transport');
    if (f.reason.length) out.push('reason');
    if (f.vulnerability.length) out.push('vulnerability');
  }
  if ((measure === 'reports' || measure === 'unaccompanied') && f.group) out.push('people');
  return out;
}

/** The flow filters this measure can take: what the movements panel says, minus the unusable. */
export function analysisParams(f: FlowFilters, v: AnalysisView, extra: Record<string, string>): URLSearchParams {
  const drop = new Set(unusableFilters(f, v.measure));
  const usable: FlowFilters = {
    ...f,
    direction: drop.has('direction') ? [] : f.direction,
    nationality: drop.has('nationality') ? [] : f.nationality,
    transport: drop.has('transport') ? [] : f.transport,
    reason: drop.has('reason') ? [] : f.reason,
    vulnerability: drop.has('vulnerability') ? [] : f.vulnerability,
    group: drop.has('people') ? null : f.group,
  };
  return apiParams(usable, { measure: v.measure, ...extra });
}

const get = <T>(path: string, q: URLSearchParams, s?: AbortSignal): Promise<T> => getJson<T>(`/api/v1/${path}?${q.toString()}`, s);

export const analysisApi = {
  hotspots: (f: FlowFilters, v: AnalysisView, s?: AbortSignal) =>
    get<HotspotsResponse>('hotspots', analysisParams(f, v, { res: String(v.res), k: String(v.k) }), s),
  emerging: (f: FlowFilters, v: AnalysisView, s?: AbortSignal) =>
    get<EmergingResponse>('hotspots/emerging', analysisParams(f, v, { res: String(v.res), k: String(v.k), step: v.step }), s),
  kde: (f: FlowFilters, v: AnalysisView, s?: AbortSignal) => get<KdeResponse>('hotspots/kde', analysisParams(f, v, {}), s),
  access: (f: FlowFilters, v: AnalysisView, s?: AbortSignal) =>
    get<AccessResponse>('access', analysisParams(f, v, { res: String(v.res), kind: v.kinds.join(','), mode: v.travel }), s),
};
