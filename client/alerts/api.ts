import type { AlertAction, AlertList, AlertOutcome, AlertRuleView, AlertSeries, AlertView } from '../../common/alerts.js';
import { getJson } from '../api.js';
import { sendJson } from '../auth/http.js';

/** The alerts API (server/alerts/routes.ts); shapes are common/alerts.ts. */
export type RuleInput = Omit<AlertRuleView, 'id' | 'createdBy' | 'updatedAt'>;

export type AlertStepBody =
  | { action: Extract<AlertAction, 'acknowledge'> }
  | { action: Extract<AlertAction, 'refer'>; serviceId: number; note: string }
  | { action: Extract<AlertAction, 'close'>; outcome: AlertOutcome; note?: string };

export const alertsApi = {
  list: (status: string) => getJson<AlertList>(`/api/v1/alerts?limit=300${status ? `&status=${status}` : ''}`),
  series: (id: number) => getJson<AlertSeries>(`/api/v1/alerts/${id}/series`),
  step: (id: number, body: AlertStepBody) => sendJson<AlertView>('PATCH', `/api/v1/alerts/${id}`, body),
  rules: () => getJson<{ rules: AlertRuleView[] }>('/api/v1/alert-rules'),
  createRule: (r: RuleInput) => sendJson<AlertRuleView>('POST', '/api/v1/alert-rules', r),
  updateRule: (id: number, r: RuleInput) => sendJson<AlertRuleView>('PUT', `/api/v1/alert-rules/${id}`, r),
};
