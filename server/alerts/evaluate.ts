import { type Db, type Queryable, yieldToRequests } from '../db/index.js';
import { dailySeries, type EntitySeries } from '../query/daily-series.js';
import { addDays } from '../query/period.js';
import { enqueueDeliveries } from './deliveries.js';
import { detect, lookbackDays } from './detect.js';
import { type Raised, type RuleRow, listRules, upsertAlerts, withdrawAlerts } from './sql.js';

export interface EvaluationRange {
  from: string;
  to: string;
  /** Only the scope entities containing these monitoring points (an import touched them). */
  points?: readonly number[];
  /** Only these rules (default: every enabled rule). */
  rules?: readonly RuleRow[];
}

export interface EvaluationResult {
  /** Ids of alerts that did not exist before. */
  raised: number[];
  /** Alarming days whose alert existed already (figures refreshed). */
  kept: number;
  /** New, untouched alerts whose day no longer alarms. */
  withdrawn: number;
}

/** The rule's detector over an entity's calendar: alarm days within from … to. */
export function alarmsOf(rule: RuleRow, series: EntitySeries, from: string): Raised[] {
  const values = series.days.map((d) => d.value);
  const { upperbound, alarm } = detect(values, rule);
  const out: Raised[] = [];
  series.days.forEach((d, i) => {
    if (d.day < from || !alarm[i] || d.value === null) return;
    out.push({ ruleId: rule.id, scope: rule.scope, scopeCode: series.code, day: d.day, observed: d.value, upperbound: upperbound[i] ?? null, synthetic: d.synthetic });
  });
  return out;
}

/**
 * Evaluates rules over days from … to and writes the alerts: one per rule × scope × day
 * (upsert), so running it again raises nothing new. Each rule in its own transaction: one
 * rule's failure leaves the others' alerts written. New alerts queue their webhooks and e-mail.
 */
export async function evaluateRules(db: Db, range: EvaluationRange): Promise<EvaluationResult> {
  const rules = range.rules ?? (await listRules(db, true));
  const result: EvaluationResult = { raised: [], kept: 0, withdrawn: 0 };
  for (const rule of rules) {
    await yieldToRequests(); // one short transaction per rule; requests go between them
    const r = await db.transaction((tx) => evaluateRule(tx, rule, range));
    result.raised.push(...r.raised);
    result.kept += r.kept;
    result.withdrawn += r.withdrawn;
  }
  return result;
}

async function evaluateRule(tx: Queryable, rule: RuleRow, range: EvaluationRange): Promise<EvaluationResult> {
  const series = await dailySeries(tx, rule, addDays(range.from, -lookbackDays(rule)), range.to, range.points);
  const alarms = series.flatMap((s) => alarmsOf(rule, s, range.from));
  const raised = await upsertAlerts(tx, alarms);
  await enqueueDeliveries(tx, raised); // same transaction: an alert exists exactly when its deliveries are queued
  const withdrawn = await withdrawAlerts(tx, rule.id, alarms.map((a) => ({ code: a.scopeCode, day: a.day })), series.map((s) => s.code), range.from, range.to);
  return { raised, kept: alarms.length - raised.length, withdrawn };
}
