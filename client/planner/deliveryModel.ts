import {
  type ActivityBody, type ActivityType, type DeliveredType, DELIVERED_TYPES, MAX_NOTES, MAX_REACH, type PlanSite, type SiteDelivery,
} from '../../common/outreach.js';
import { ACTIVITY_LABELS } from './model.js';

/**
 * The pure steps between delivered activities (POST/GET /api/v1/outreach/plans/:id/activities,
 * shapes and bounds in common/outreach.ts) and the planner's "Delivered" section
 * (client/planner/delivery.ts).
 */
export const deliveredLabel = (t: string): string => (t === 'materials' ? 'Materials handed out' : (ACTIVITY_LABELS[t as ActivityType] ?? t));

export interface DeliveryRow {
  siteId: number;
  name: string;
  rank: number | null;
  planned: string;
  delivered: number;
  reach: number;
  last: string | null;
  status: SiteDelivery['status'];
}

/**
 * Planned vs delivered per site: the plan's chosen sites in rank order (pending when the server
 * has no record of them yet), then sites logged outside the plan. Totals cover every row.
 */
export function summariseDelivery(planSites: readonly PlanSite[], delivery: readonly SiteDelivery[]): { rows: DeliveryRow[]; total: { sites: number; delivered: number; reach: number } } {
  const byId = new Map(delivery.map((d) => [d.siteId, d]));
  const rows: DeliveryRow[] = [...planSites]
    .sort((a, b) => a.rank - b.rank)
    .map((s) => {
      const d = byId.get(s.siteId);
      const delivered = d?.delivered ?? 0;
      return { siteId: s.siteId, name: s.name, rank: s.rank, planned: deliveredLabel(s.activity), delivered, reach: d?.reach ?? 0, last: d?.lastDelivered ?? null, status: delivered > 0 ? 'delivered' : 'pending' };
    });
  const chosen = new Set(planSites.map((s) => s.siteId));
  for (const d of delivery) {
    if (chosen.has(d.siteId)) continue;
    rows.push({ siteId: d.siteId, name: d.name ?? `Site ${d.siteId}`, rank: null, planned: 'Not in the plan', delivered: d.delivered, reach: d.reach, last: d.lastDelivered, status: 'unplanned' });
  }
  const total = rows.reduce((t, r) => ({ sites: t.sites + (r.delivered > 0 ? 1 : 0), delivered: t.delivered + r.delivered, reach: t.reach + r.reach }), { sites: 0, delivered: 0, reach: 0 });
  return { rows, total };
}

/** Today as YYYY-MM-DD in the browser's own time zone (where the team is), not UTC. */
export function localIsoDate(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export interface ActivityInput {
  siteId: string;
  date: string;
  type: string;
  reach: string;
  notes: string;
}

/**
 * The form's strings as the request body, or the first problem named by the field to fix.
 * The server checks the same bounds; checking here first saves a round trip and, for the
 * date, refuses the future (a delivered activity has happened), which the server leaves open.
 */
export function activityFromInput(input: ActivityInput, today: string): { body: ActivityBody } | { field: keyof ActivityInput; message: string } {
  const siteId = Number(input.siteId);
  if (!input.siteId || !Number.isInteger(siteId) || siteId < 1) return { field: 'siteId', message: 'choose a site' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) return { field: 'date', message: 'give the date as YYYY-MM-DD' };
  if (input.date > today) return { field: 'date', message: `must not be in the future (today is ${today})` };
  if (!(DELIVERED_TYPES as readonly string[]).includes(input.type)) return { field: 'type', message: 'choose an activity type' };
  const text = input.reach.trim();
  const reach = Number(text);
  if (text === '' || !/^\d+$/.test(text) || reach > MAX_REACH) return { field: 'reach', message: `give the people reached as a whole number from 0 to ${MAX_REACH.toLocaleString('en-GB')}` };
  const notes = input.notes.trim();
  if (notes.length > MAX_NOTES) return { field: 'notes', message: `at most ${MAX_NOTES} characters` };
  return { body: { siteId, date: input.date, type: input.type as DeliveredType, reach, ...(notes ? { notes } : {}) } };
}
