import type { AlertRuleView, AlertScope, AlertStatus } from '../../common/alerts.js';
import type { Queryable } from '../db/index.js';
import { Params } from '../query/sql.js';
import type { AlertListQuery, RuleInput } from './schemas.js';

export type RuleRow = AlertRuleView;

const RULE_COLUMNS = `id, name, measure, measure_value AS "measureValue", scope, scope_value AS "scopeValue", point_kind AS "pointKind",
  detector, alpha, min_sigma AS "minSigma", baseline, threshold, notify_emails AS "notifyEmails", webhook_url AS "webhookUrl",
  enabled, created_by AS "createdBy", to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt"`;

export function listRules(q: Queryable, onlyEnabled = false): Promise<RuleRow[]> {
  return q.query<RuleRow & Record<string, unknown>>(`SELECT ${RULE_COLUMNS} FROM alert_rules ${onlyEnabled ? 'WHERE enabled' : ''} ORDER BY id`);
}

export async function findRule(q: Queryable, id: number): Promise<RuleRow | undefined> {
  return (await q.query<RuleRow & Record<string, unknown>>(`SELECT ${RULE_COLUMNS} FROM alert_rules WHERE id = $1`, [id]))[0];
}

const ruleValues = (r: RuleInput) => [
  r.name, r.measure, r.measureValue, r.scope, r.scopeValue, r.pointKind, r.detector, r.alpha, r.minSigma, r.baseline, r.threshold,
  r.notifyEmails, r.webhookUrl, r.enabled,
];

export async function insertRule(q: Queryable, r: RuleInput, by: string): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO alert_rules (name, measure, measure_value, scope, scope_value, point_kind, detector, alpha, min_sigma, baseline, threshold,
       notify_emails, webhook_url, enabled, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text[], $13, $14, $15) RETURNING id`,
    [...ruleValues(r), by],
  );
  return (row as { id: number }).id;
}

export async function updateRule(q: Queryable, id: number, r: RuleInput): Promise<boolean> {
  const rows = await q.query(
    `UPDATE alert_rules SET name = $2, measure = $3, measure_value = $4, scope = $5, scope_value = $6, point_kind = $7, detector = $8,
       alpha = $9, min_sigma = $10, baseline = $11, threshold = $12, notify_emails = $13::text[], webhook_url = $14, enabled = $15, updated_at = now()
     WHERE id = $1 RETURNING id`,
    [id, ...ruleValues(r)],
  );
  return rows.length > 0;
}

export async function deleteRule(q: Queryable, id: number): Promise<boolean> {
  return (await q.query('DELETE FROM alert_rules WHERE id = $1 RETURNING id', [id])).length > 0;
}

export interface Raised {
  ruleId: number;
  scope: AlertScope;
  scopeCode: string;
  day: string;
  observed: number;
  upperbound: number | null;
  synthetic: boolean;
}

/**
 * One alert per rule × scope × day: a new one is inserted, an existing one gets the new figures
 * (whatever its status). Returns the ids of the alerts that are new (xmax = 0 on an insert).
 */
export async function upsertAlerts(q: Queryable, rows: readonly Raised[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const out = await q.query<{ id: number; inserted: boolean }>(
    `INSERT INTO alerts (rule_id, scope, scope_code, day, observed, upperbound, is_synthetic)
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::date[], $5::float8[], $6::float8[], $7::bool[])
     ON CONFLICT (rule_id, scope_code, day) DO UPDATE SET observed = excluded.observed, upperbound = excluded.upperbound,
       is_synthetic = excluded.is_synthetic,
       updated_at = CASE WHEN alerts.observed IS DISTINCT FROM excluded.observed OR alerts.upperbound IS DISTINCT FROM excluded.upperbound
         THEN now() ELSE alerts.updated_at END
     RETURNING id::int AS id, (xmax = 0) AS inserted`,
    [
      rows.map((r) => r.ruleId), rows.map((r) => r.scope), rows.map((r) => r.scopeCode), rows.map((r) => r.day),
      rows.map((r) => r.observed), rows.map((r) => r.upperbound), rows.map((r) => r.synthetic),
    ],
  );
  return out.filter((r) => r.inserted).map((r) => r.id);
}

/** A day that no longer alarms after the data changed: its alert goes, unless someone already acted on it. */
export async function withdrawAlerts(q: Queryable, ruleId: number, keep: readonly { code: string; day: string }[], codes: readonly string[], from: string, to: string): Promise<number> {
  const rows = await q.query(
    `DELETE FROM alerts a WHERE a.rule_id = $1 AND a.status = 'new' AND a.scope_code = ANY($2::text[]) AND a.day BETWEEN $3::date AND $4::date
       AND NOT EXISTS (SELECT 1 FROM unnest($5::text[], $6::date[]) k(code, day) WHERE k.code = a.scope_code AND k.day = a.day)
     RETURNING a.id`,
    [ruleId, codes, from, to, keep.map((k) => k.code), keep.map((k) => k.day)],
  );
  return rows.length;
}

export interface AlertRow {
  id: number; ruleId: number; ruleName: string; measure: string; measureValue: string | null; detector: string; scope: AlertScope; scopeCode: string;
  scopeName: string | null; pointCode: string | null; lon: number | null; lat: number | null; day: string; observed: number;
  upperbound: number | null; status: AlertStatus; isSynthetic: boolean;
  acknowledgedBy: string | null; acknowledgedAt: string | null; referredBy: string | null; referredAt: string | null;
  serviceId: number | null; serviceName: string | null; referralNote: string | null;
  closedBy: string | null; closedAt: string | null; outcome: string | null; outcomeNote: string | null;
}

const ts = (c: string) => `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

const ALERT_SELECT = `SELECT a.id::int AS id, a.rule_id AS "ruleId", r.name AS "ruleName", r.measure, r.measure_value AS "measureValue", r.detector, a.scope, a.scope_code AS "scopeCode",
    CASE a.scope WHEN 'point' THEN mp.name WHEN 'corridor' THEN initcap(a.scope_code)
      ELSE (SELECT name FROM admin_areas WHERE pcode = a.scope_code) END AS "scopeName",
    mp.code AS "pointCode", ST_X(mp.geom) AS lon, ST_Y(mp.geom) AS lat, a.day::text AS day, a.observed, a.upperbound, a.status,
    a.is_synthetic AS "isSynthetic", a.acknowledged_by AS "acknowledgedBy", ${ts('a.acknowledged_at')} AS "acknowledgedAt",
    a.referred_by AS "referredBy", ${ts('a.referred_at')} AS "referredAt", a.service_id AS "serviceId", s.name AS "serviceName",
    a.referral_note AS "referralNote", a.closed_by AS "closedBy", ${ts('a.closed_at')} AS "closedAt", a.outcome, a.outcome_note AS "outcomeNote"
  FROM alerts a JOIN alert_rules r ON r.id = a.rule_id
  LEFT JOIN monitoring_points mp ON a.scope = 'point' AND mp.code = a.scope_code
  LEFT JOIN services s ON s.id = a.service_id`;

function listWhere(f: Omit<AlertListQuery, 'limit'>, p: Params, withStatus: boolean): string {
  const where = ['true'];
  if (withStatus && f.status) where.push(`a.status = ANY(${p.bind(f.status, '::text[]')})`);
  if (f.rule) where.push(`a.rule_id = ${p.bind(f.rule)}`);
  if (f.point) where.push(`a.scope = 'point' AND a.scope_code = ${p.bind(f.point, '::text')}`);
  if (f.from) where.push(`a.day >= ${p.bind(f.from, '::date')}`);
  if (f.to) where.push(`a.day <= ${p.bind(f.to, '::date')}`);
  return where.join(' AND ');
}

/** Newest day first, then newest alert. */
export function listAlertRows(q: Queryable, f: AlertListQuery): Promise<AlertRow[]> {
  const p = new Params();
  const where = listWhere(f, p, true);
  return q.query<AlertRow & Record<string, unknown>>(`${ALERT_SELECT} WHERE ${where} ORDER BY a.day DESC, a.id DESC LIMIT ${p.bind(f.limit)}`, p.values);
}

export async function countOpen(q: Queryable, f: AlertListQuery): Promise<number> {
  const p = new Params();
  const where = listWhere(f, p, false);
  const [row] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM alerts a WHERE ${where} AND a.status <> 'closed'`, p.values);
  return row?.n ?? 0;
}

export async function findAlertRow(q: Queryable, id: number, lock = false): Promise<AlertRow | undefined> {
  // FOR UPDATE OF a: two people acting on one alert at once take turns.
  return (await q.query<AlertRow & Record<string, unknown>>(`${ALERT_SELECT} WHERE a.id = $1 ${lock ? 'FOR UPDATE OF a' : ''}`, [id]))[0];
}

export async function serviceExists(q: Queryable, id: number): Promise<boolean> {
  return (await q.query('SELECT 1 FROM services WHERE id = $1', [id])).length > 0;
}

/** Counts by rule and status of alerts whose day is in from … to (briefs). */
export function alertCounts(q: Queryable, from: string, to: string): Promise<{ rule: string; status: AlertStatus; n: number }[]> {
  return q.query(
    `SELECT r.name AS rule, a.status, count(*)::int AS n FROM alerts a JOIN alert_rules r ON r.id = a.rule_id
     WHERE a.day BETWEEN $1::date AND $2::date GROUP BY r.id, r.name, a.status ORDER BY r.id, a.status`,
    [from, to],
  );
}
