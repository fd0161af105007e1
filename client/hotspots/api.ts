import type { AccessResponse, EmergingResponse, HotspotsResponse, KdeResponse, Measure } from '../../common/analysis.js';
import { getJson } from '../api.js';
import { apiParams, type FlowFilters } from '../flows/filters.js';
import type { AnalysisView } from './view.js';

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
