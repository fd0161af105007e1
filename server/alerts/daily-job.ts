import type { Db } from '../db/index.js';
import { insertJob, type JobHandler, localRunner } from '../jobs/service.js';
import { evaluateLatestDay } from './service.js';

/** The daily evaluation as a background job (server/jobs/): one per UTC day, whichever process queues it first. */
export const DAILY_JOB = 'alerts.daily';

export function dailyEvaluationHandler(db: Db): JobHandler {
  return {
    kind: DAILY_JOB,
    lane: 'alerts',
    async run() {
      const r = await evaluateLatestDay(db);
      return { status: 'committed', message: `${r.raised.length} alert(s) raised`, result: { raised: r.raised.length, kept: r.kept, withdrawn: r.withdrawn } };
    },
  };
}

/**
 * Every process's timer calls this at ALERT_EVALUATION_HOUR; the dedupe key makes it one job
 * per day however many processes run. Null when another process queued it already.
 */
export async function queueDailyEvaluation(db: Db, now: Date): Promise<number | null> {
  const id = await insertJob(db, { kind: DAILY_JOB, payload: { day: now.toISOString().slice(0, 10) }, createdBy: 'system', maxAttempts: 2, dedupeKey: `${DAILY_JOB}:${now.toISOString().slice(0, 10)}` });
  if (id !== null) localRunner(db)?.wake();
  return id;
}
