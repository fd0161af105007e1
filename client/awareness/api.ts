import type { AwarenessChangeResponse, AwarenessResponse, ClustersResponse, IndicatorsResponse, SurveysResponse } from '../../common/awareness.js';
import { getJson } from '../api.js';

/** GET /api/v1/awareness* (server/awareness/routes.ts); every answer is already under disclosure control. */
export const awarenessApi = {
  indicators: (s?: AbortSignal) => getJson<IndicatorsResponse>('/api/v1/awareness/indicators', s).then((r) => r.indicators),
  surveys: (s?: AbortSignal) => getJson<SurveysResponse>('/api/v1/awareness/surveys', s).then((r) => r.surveys),
  byDistrict: (survey: number, indicator: string, s?: AbortSignal) =>
    getJson<AwarenessResponse>(`/api/v1/awareness?${new URLSearchParams({ survey: String(survey), indicator, by: 'district' })}`, s),
  change: (indicator: string, s?: AbortSignal) =>
    getJson<AwarenessChangeResponse>(`/api/v1/awareness/change?${new URLSearchParams({ indicator, from: 'baseline', to: 'endline', by: 'district' })}`, s),
  clusters: (survey: number, indicator: string, s?: AbortSignal) =>
    getJson<ClustersResponse>(`/api/v1/awareness/clusters?${new URLSearchParams({ survey: String(survey), indicator })}`, s),
};
