import { createHmac } from 'node:crypto';
import { type DeliveryChannel, type DeliveryView, WEBHOOK_SIGNATURE_HEADER } from '../../common/alerts.js';
import type { Config } from '../config.js';
import type { Db, Queryable } from '../db/index.js';
import { suppressCount } from '../privacy/disclosure.js';
import { isSensitiveMeasure } from './publish.js';

/**
 * Webhooks and e-mail for new alerts: a small queue in the database (alert_deliveries), written
 * in the same transaction as the alerts, so a restart loses nothing; sent by a worker apart from
 * imports, so a slow or dead receiver never holds one up. Payloads leave the platform: counts are
 * suppressed as in exports, and carry no personal data (there is none in an alert).
 */
export type DeliveryConfig = Pick<Config, 'ALERT_WEBHOOK_SECRET' | 'SMTP_URL' | 'SMTP_FROM' | 'ALERT_DELIVERY_ATTEMPTS' | 'ALERT_RETRY_BASE_MS' | 'SUPPRESSION_K' | 'SUPPRESSION_K_SENSITIVE'>;

/** Queues a webhook (rule with a URL) and an e-mail (rule with addresses) for each new alert. */
export async function enqueueDeliveries(tx: Queryable, alertIds: readonly number[]): Promise<number> {
  if (alertIds.length === 0) return 0;
  const rows = await tx.query(
    `INSERT INTO alert_deliveries (alert_id, rule_id, channel, target, payload)
     SELECT a.id, r.id, c.channel, c.target, '{}'::jsonb
     FROM alerts a JOIN alert_rules r ON r.id = a.rule_id
     CROSS JOIN LATERAL (VALUES ('webhook', r.webhook_url), ('email', NULLIF(array_to_string(r.notify_emails, ', '), ''))) c(channel, target)
     WHERE a.id = ANY($1::bigint[]) AND c.target IS NOT NULL
     RETURNING id`,
    [alertIds],
  );
  return rows.length;
}

export interface AlertMessage {
  event: 'alert.raised';
  alertId: number;
  rule: { id: number; name: string; measure: string; detector: string };
  scope: string;
  scopeCode: string;
  day: string;
  observed: number | null;
  observedSuppressed: boolean;
  upperbound: number | null;
  isSynthetic: boolean;
}

interface Due {
  id: number; channel: DeliveryChannel; target: string; attempts: number; alertId: number; ruleId: number; ruleName: string;
  measure: string; measureValue: string | null; detector: string; scope: string; scopeCode: string; day: string; observed: number; upperbound: number | null; isSynthetic: boolean;
}

/** A lease: a claimed delivery is not claimed again for this long, and retried after it if the process died mid-send. */
const LEASE_SECONDS = 300;

async function claimDue(db: Db, now: Date, limit: number): Promise<Due[]> {
  return db.query<Due & Record<string, unknown>>(
    `WITH due AS (
       SELECT id FROM alert_deliveries WHERE status = 'pending' AND next_attempt_at <= $1::timestamptz ORDER BY next_attempt_at, id LIMIT $2
       FOR UPDATE SKIP LOCKED)
     UPDATE alert_deliveries d SET next_attempt_at = $1::timestamptz + make_interval(secs => ${LEASE_SECONDS})
     FROM due, alerts a, alert_rules r WHERE d.id = due.id AND a.id = d.alert_id AND r.id = d.rule_id
     RETURNING d.id::int AS id, d.channel, d.target, d.attempts, a.id::int AS "alertId", r.id AS "ruleId", r.name AS "ruleName", r.measure, r.measure_value AS "measureValue", r.detector,
       a.scope, a.scope_code AS "scopeCode", a.day::text AS day, a.observed, a.upperbound, a.is_synthetic AS "isSynthetic"`,
    [now.toISOString(), limit],
  );
}

export function messageOf(d: Due, config: DeliveryConfig): AlertMessage {
  const k = isSensitiveMeasure(d.measure, d.measureValue) ? config.SUPPRESSION_K_SENSITIVE : config.SUPPRESSION_K;
  const published = d.measure === 'informal_share' ? { count: d.observed, suppressed: false } : suppressCount(d.observed, k);
  return {
    event: 'alert.raised', alertId: d.alertId, rule: { id: d.ruleId, name: d.ruleName, measure: d.measure, detector: d.detector },
    scope: d.scope, scopeCode: d.scopeCode, day: d.day, observed: published.count, observedSuppressed: published.suppressed,
    upperbound: d.upperbound === null ? null : Math.round(d.upperbound * 10) / 10, isSynthetic: d.isSynthetic,
  };
}

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

class Undeliverable extends Error {}

async function sendWebhook(d: Due, body: string, config: DeliveryConfig): Promise<number> {
  if (!config.ALERT_WEBHOOK_SECRET) throw new Undeliverable('ALERT_WEBHOOK_SECRET is not set: webhooks are not sent unsigned');
  const res = await fetch(d.target, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signature(config.ALERT_WEBHOOK_SECRET, body), 'X-Corridor-Delivery': String(d.id) },
    body,
    redirect: 'error',
    signal: AbortSignal.timeout(10_000),
  });
  await res.arrayBuffer().catch(() => undefined);
  if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { status: res.status });
  return res.status;
}

async function sendEmail(d: Due, m: AlertMessage, config: DeliveryConfig): Promise<void> {
  if (!config.SMTP_URL) throw new Undeliverable('SMTP_URL is not set: no e-mail is sent');
  // Loaded when a mail goes out, not at every start (issue 19: start-up imports add up).
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport(config.SMTP_URL);
  try {
    const count = m.observedSuppressed ? 'a small number (suppressed)' : String(m.observed);
    await transport.sendMail({
      from: config.SMTP_FROM,
      to: d.target,
      subject: `[Corridor alert] ${m.rule.name}: ${m.scopeCode} on ${m.day}${m.isSynthetic ? ' (synthetic demo data)' : ''}`,
      text: `${m.rule.name}\nWhere: ${m.scope} ${m.scopeCode}\nDay: ${m.day}\nObserved: ${count} (upper bound ${m.upperbound ?? '–'})\n` +
        `Alert ${m.alertId}: open Corridor's Alerts panel to acknowledge and refer.\n${m.isSynthetic ? 'This alert is from SYNTHETIC demo data.\n' : ''}`,
    });
  } finally {
    transport.close();
  }
}

/**
 * Sends every delivery due at `now` (the clock is injected: tests step it past the backoff).
 * Failures wait ALERT_RETRY_BASE_MS × 2^(attempt − 1); after ALERT_DELIVERY_ATTEMPTS they are failed.
 */
export async function processDueDeliveries(db: Db, config: DeliveryConfig, now: Date = new Date()): Promise<{ delivered: number; failed: number; retrying: number }> {
  const out = { delivered: 0, failed: 0, retrying: 0 };
  for (const d of await claimDue(db, now, 50)) {
    const m = messageOf(d, config);
    const body = JSON.stringify(m);
    const attempts = d.attempts + 1;
    try {
      const status = d.channel === 'webhook' ? await sendWebhook(d, body, config) : (await sendEmail(d, m, config), null);
      await db.query(
        `UPDATE alert_deliveries SET status = 'delivered', attempts = $2, last_status = $3, last_error = NULL, payload = $4::jsonb, delivered_at = $5::timestamptz WHERE id = $1`,
        [d.id, attempts, status, body, now.toISOString()],
      );
      out.delivered++;
    } catch (err) {
      const final = err instanceof Undeliverable || attempts >= config.ALERT_DELIVERY_ATTEMPTS;
      const wait = config.ALERT_RETRY_BASE_MS * 2 ** (attempts - 1);
      await db.query(
        `UPDATE alert_deliveries SET status = $2, attempts = $3, last_status = $4, last_error = $5, payload = $6::jsonb,
           next_attempt_at = $7::timestamptz WHERE id = $1`,
        [d.id, final ? 'failed' : 'pending', attempts, (err as { status?: number }).status ?? null, String((err as Error).message).slice(0, 500), body,
          new Date(now.getTime() + wait).toISOString()],
      );
      if (final) out.failed++;
      else out.retrying++;
    }
  }
  return out;
}

/** The delivery log (admins), newest first. */
export function listDeliveries(q: Queryable, f: { status?: string | undefined; limit: number }): Promise<DeliveryView[]> {
  const ts = (c: string) => `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  return q.query<DeliveryView & Record<string, unknown>>(
    `SELECT id::int AS id, alert_id::int AS "alertId", rule_id AS "ruleId", channel, target, status, attempts, last_status AS "lastStatus",
       last_error AS "lastError", CASE WHEN status = 'pending' THEN ${ts('next_attempt_at')} END AS "nextAttemptAt",
       ${ts('created_at')} AS "createdAt", ${ts('delivered_at')} AS "deliveredAt"
     FROM alert_deliveries WHERE ($1::text IS NULL OR status = $1) ORDER BY id DESC LIMIT $2`,
    [f.status ?? null, f.limit],
  );
}
