import type { BreakdownsResponse, FlowsResponse, SeriesResponse } from '../../common/flows.js';
import { getJson } from '../api.js';
import { apiParams, type FlowFilters } from './filters.js';

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
