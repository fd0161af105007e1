import type { AreaSummaryResponse as Summary, Areas, Corridor } from '../../common/places.js';
import { getJson } from '../api.js';

export const placesApi = {
  corridors: (s?: AbortSignal) => getJson<{ corridors: Corridor[] }>('/api/v1/corridors', s).then((r) => r.corridors),
  areas: (level: 1 | 2, s?: AbortSignal) => getJson<Areas>(`/api/v1/admin-areas?level=${level}`, s),
  summary: (params: URLSearchParams, s?: AbortSignal) => getJson<Summary>(`/api/v1/admin-areas/summary?${params}`, s),
};
