import type { Logger } from 'pino';
import type { AlertList, AlertSeries, AlertView } from '../../common/alerts.js';
import type { Principal } from '../auth/roles.js';
import type { Config } from '../config.js';
import type { Db, Queryable } from '../db/index.js';
import { notFound } from '../http/problem.js';
import { dailySeries } from '../query/daily-series.js';
import { addDays } from '../query/period.js';
import { queueDailyEvaluation } from './daily-job.js';
import { processDueDeliveries } from './deliveries.js';
import { detect, lookbackDays } from './detect.js';
import { type EvaluationResult, evaluateRules } from './evaluate.js';
import { applyStep } from './lifecycle.js';
import { alertView, countFor, seriesView } from './publish.js';
import { type Clock, every, msUntilHour, type Repeating, SYSTEM_CLOCK } from './scheduler.js';
import type { AlertListQuery, AlertPatch } from './schemas.js';
import { alertCounts, countOpen, findAlertRow, findRule, listAlertRows } from './sql.js';

export { evaluateRules } from './evaluate.js';

/** Days after an import's last day whose windows read its rows (C3: b + 4 observed days). */
const AFTER_DAYS = 14;

// Wakes the delivery worker when new alerts are queued (no wait for its next poll).
const wakers = new Set<() => void>();
const wake = (r: EvaluationResult) => {
  if (r.raised.length > 0) for (const w of wakers) w();
  return r;
};

/**
 * After an import commit: the days it touched (and the days after whose windows read them) at
 * the points it touched. Callers catch failures: alerts never fail an import.
 */
export async function evaluateAfterImport(db: Db, datasetId: number): Promise<EvaluationResult> {
  // Index probes, not a pass over the dataset's rows: on the embedded engine a 1,000,000-row
  // dataset's array_agg(DISTINCT …) held every other request for 3.5 s (bench import-wait).
  const [t] = await db.query<{ points: number[] | null; from: string | null; to: string | null }>(
    `SELECT (SELECT array_agg(mp.id ORDER BY mp.id) FROM monitoring_points mp
              WHERE EXISTS (SELECT 1 FROM observations o WHERE o.dataset_id = $1 AND o.monitoring_point_id = mp.id)) AS points,
       (SELECT min(observed_on)::text FROM observations WHERE dataset_id = $1) AS "from",
       (SELECT max(observed_on)::text FROM observations WHERE dataset_id = $1) AS "to"`,
    [datasetId],
  );
  if (!t?.from || !t.to || !t.points) return { raised: [], kept: 0, withdrawn: 0 };
  return wake(await evaluateRules(db, { from: t.from, to: addDays(t.to, AFTER_DAYS), points: t.points }));
}

/** The daily run: the latest day with data (and the guard days before it that C2/C3 skip). */
export async function evaluateLatestDay(db: Db): Promise<EvaluationResult> {
  const [row] = await db.query<{ day: string | null }>('SELECT max(observed_on)::text AS day FROM observations');
  if (!row?.day) return { raised: [], kept: 0, withdrawn: 0 };
  return wake(await evaluateRules(db, { from: row.day, to: row.day }));
}

/** Days from … to, for a first start or a rule just created. */
export async function evaluateRange(db: Db, from: string, to: string): Promise<EvaluationResult> {
  return wake(await evaluateRules(db, { from, to }));
}

/** Daily evaluation at ALERT_EVALUATION_HOUR UTC and the delivery worker (every 15 s, and when woken). */
export function startAlertJobs(db: Db, config: Config, log: Logger, clock: Clock = SYSTEM_CLOCK): Repeating {
  // Queued as a job (alerts/daily-job.ts): with several processes, one of them evaluates.
  const daily = every(clock, (now) => msUntilHour(now, config.ALERT_EVALUATION_HOUR), async (now) => {
    const id = await queueDailyEvaluation(db, now);
    log.info({ job: id }, id === null ? 'daily alert evaluation queued by another process' : 'daily alert evaluation queued');
  }, (err) => log.error({ err }, 'daily alert evaluation failed'));
  let running = false;
  const deliver = async () => {
    if (running) return;
    running = true;
    try {
      const r = await processDueDeliveries(db, config, clock.now());
      if (r.delivered + r.failed + r.retrying > 0) log.info(r, 'alert deliveries');
    } finally {
      running = false;
    }
  };
  const poll = every(clock, () => 15_000, deliver, (err) => log.error({ err }, 'alert deliveries failed'));
  const waker = () => void deliver().catch((err: unknown) => log.error({ err }, 'alert deliveries failed'));
  wakers.add(waker);
  return {
    stop() {
      daily.stop();
      poll.stop();
      wakers.delete(waker);
    },
  };
}

export async function listAlerts(db: Db, principal: Principal, config: Config, q: AlertListQuery): Promise<AlertList> {
  const [rows, open] = await Promise.all([listAlertRows(db, q), countOpen(db, q)]);
  return { alerts: rows.map((r) => alertView(r, principal, config)), open };
}

export async function getAlert(db: Db, principal: Principal, config: Config, id: number): Promise<AlertView> {
  const row = await findAlertRow(db, id);
  if (!row) throw notFound(`no alert ${id}`);
  return alertView(row, principal, config);
}

/** The series the alert was raised on: 42 days up to a week after its day, with bounds and alarms. */
export async function alertSeries(db: Db, principal: Principal, config: Config, id: number): Promise<AlertSeries> {
  const alert = await findAlertRow(db, id);
  if (!alert) throw notFound(`no alert ${id}`);
  const rule = await findRule(db, alert.ruleId);
  if (!rule) throw notFound(`the rule of alert ${id} is gone`);
  const from = addDays(alert.day, -35);
  const [s] = await dailySeries(db, { ...rule, scopeValue: alert.scopeCode }, addDays(from, -lookbackDays(rule)), addDays(alert.day, 7));
  if (!s) return { alertId: id, days: [] };
  return seriesView(id, s, detect(s.days.map((d) => d.value), rule), from, countFor(principal, config, rule.measure, rule.measureValue));
}

export async function stepAlert(db: Db, principal: Principal, config: Config, id: number, step: AlertPatch): Promise<AlertView> {
  return alertView(await applyStep(db, principal, id, step), principal, config);
}

/** Briefs: alerts whose day is in the period, by rule and status (no personal data, no places). */
export function alertsInPeriod(q: Queryable, from: string, to: string): ReturnType<typeof alertCounts> {
  return alertCounts(q, from, to);
}
