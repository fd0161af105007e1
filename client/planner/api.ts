import { getJson } from '../api.js';
import { sendJson } from '../auth/http.js';
import type { ActivityBody, DeliveredActivity, PlanDelivery } from './deliveryModel.js';
import type { PlanRequest } from './request.js';

/** Response shapes of /api/v1/outreach (server/outreach/publish.ts, compare.ts, store.ts). */
export interface PublishedCount {
  count: number | null;
  suppressed: boolean;
}

export interface PlanSite {
  siteId: number;
  rank: number;
  name: string;
  kind: string;
  corridor: string;
  lon: number;
  lat: number;
  activity: string;
  radiusKm: number;
  /** Straight-line reach tested for coverage, metres. */
  reachM: number;
  cost: number;
  locked: boolean;
  gain: PublishedCount;
  people: PublishedCount;
}

export interface Plan {
  id: number;
  name: string;
  createdAt: string;
  createdBy: string;
  request: PlanRequest & { p?: number; budget?: number; timeLimitMs?: number };
  period: { from: string; to: string };
  measure: string;
  method: 'greedy' | 'exact';
  optimal: boolean;
  gap: number;
  upperBound: PublishedCount | null;
  solver: { ms: number; thread: string; fallback: string | null };
  candidates: number;
  demand: { cells: number; points: number; total: PublishedCount; people: PublishedCount; unit: string; weighted: boolean; res: number };
  sites: PlanSite[];
  coverage: { covered: PublishedCount; total: PublishedCount; share: number | null; people: PublishedCount; cost: number; budget: number | null };
  uncoveredHotspots: { cell: string; lon: number; lat: number; demand: PublishedCount }[];
  disclosure: { suppressed: boolean; k: number };
  synthetic: boolean;
  notes: string[];
}

export interface PlanSummary {
  id: number;
  name: string;
  createdAt: string;
  createdBy: string;
  measure: string;
  method: string;
  p: number | null;
  budget: number | null;
  from: string;
  to: string;
  sites: number;
  optimal: boolean;
}

interface SiteRef {
  siteId: number;
  name: string;
  activity: string;
}

export interface PlanSide {
  id: number;
  name: string;
  measure: string;
  period: { from: string; to: string };
  method: string;
  optimal: boolean;
  sites: number;
  covered: PublishedCount;
  total: PublishedCount;
  share: number | null;
  cost: number;
}

export interface PlanComparison {
  a: PlanSide;
  b: PlanSide;
  common: (SiteRef & { rankA: number; rankB: number })[];
  onlyA: (SiteRef & { rank: number })[];
  onlyB: (SiteRef & { rank: number })[];
  sameDemand: boolean;
  coveredDifference: number | null;
  shareDifference: number | null;
}

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
