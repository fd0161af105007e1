import type { ActivityBody, DeliveredActivity, Plan, PlanComparison, PlanDelivery, PlanRequest, PlanSummary } from '../../common/outreach.js';
import { getJson } from '../api.js';
import { sendJson } from '../auth/http.js';

const BASE = '/api/v1/outreach/plans';

export const plannerApi = {
  run: async (body: PlanRequest): Promise<Plan> => {
    const plan = await sendJson<Plan>('POST', BASE, body);
    if (!plan) throw new Error('the server sent no plan');
    return plan;
  },
  get: (id: number, s?: AbortSignal) => getJson<Plan>(`${BASE}/${id}`, s),
  list: (s?: AbortSignal) => getJson<{ plans: PlanSummary[] }>(`${BASE}?limit=50`, s),
  remove: async (id: number): Promise<void> => {
    await sendJson<never>('DELETE', `${BASE}/${id}`);
  },
  compare: (a: number, b: number, s?: AbortSignal) => getJson<PlanComparison>(`${BASE}/compare?a=${a}&b=${b}`, s),
  delivery: (id: number, s?: AbortSignal) => getJson<PlanDelivery>(`${BASE}/${id}/activities`, s),
  logActivity: async (id: number, body: ActivityBody): Promise<DeliveredActivity> => {
    const a = await sendJson<DeliveredActivity>('POST', `${BASE}/${id}/activities`, body);
    if (!a) throw new Error('the server sent no activity');
    return a;
  },
  /** Export links (the server audits each download). */
  exportUrl: (id: number, format: 'csv' | 'geojson') => `${BASE}/${id}?format=${format}`,
};
