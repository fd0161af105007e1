import { evaluateAfterImport } from '../alerts/service.js';
import { audit } from '../audit/audit.js';
import type { Db, Queryable } from '../db/index.js';
import { refreshInSteps, refreshRollup } from '../query/rollup.js';
import { finishImport, liveProgress, type Progress } from './jobs.js';
import type { ErrorReport } from './report.js';
import type { ImportJob, ImportOutcome } from './run.js';
import type { DayRange } from './spool-steps.js';
import { WRITTEN } from './tracker.js';

interface Written {
  valid: number;
  inserted: number;
  rejected: number;
}

/** Inside the import's transaction: the dataset's counts, the audit entry and the import's final status. */
export async function recordCommit(tx: Queryable, job: ImportJob, id: number, n: Written, p: Progress, report: ErrorReport): Promise<void> {
  Object.assign(p, { rowsInserted: n.inserted, rowsSkipped: n.valid - n.inserted, status: 'committed', percent: 100 });
  await tx.query('UPDATE datasets SET rows_accepted = rows_accepted + $2, rows_rejected = rows_rejected + $3 WHERE id = $1', [id, n.inserted, n.rejected]);
  await audit(tx, job.actor, 'import.commit', {
    importId: job.id, kind: job.kind, mode: job.mode, datasetId: id, inserted: n.inserted, skipped: n.valid - n.inserted, rejected: n.rejected,
  });
  // The fence: of two attempts of one import (the first's process stalled past its lease, and
  // another took the job over), only the first to get here commits; the other rolls back.
  if (!(await finishImport(tx, job.id, { progress: p, datasetId: id, report, message: commitMessage(n.inserted, n.valid - n.inserted, n.rejected) }))) {
    throw new FinishedElsewhere();
  }
}

/** Another attempt of the same import ended it first: this attempt's transaction is rolled back. */
export class FinishedElsewhere extends Error {
  constructor() {
    super('another attempt of this import ended it first; this attempt wrote nothing');
  }
}

/**
 * The flow rollup for the new rows, after the commit: in one transaction, or in `steps` (a
 * spooled import). The imports row says committed already; here the import reads as still
 * writing until the rollup is fresh. A failure leaves the data in and flow queries on raw
 * rows (flow_rollup_dirty) until the next refresh, and says so.
 */
export async function refreshAfter(db: Db, importId: number, datasetId: number, outcome: ImportOutcome, steps?: readonly DayRange[]): Promise<void> {
  const progress = (percent: number) => liveProgress.set(importId, { ...outcome, status: 'writing', percent });
  progress(steps ? WRITTEN : 99);
  try {
    // Steps (a spooled import): the bar moves on through them, from WRITTEN to 99 %.
    if (steps) await refreshInSteps(db, datasetId, steps, (done) => progress(WRITTEN + ((99 - WRITTEN) * done) / steps.length));
    else await refreshRollup(db, { datasetId });
  } catch (err) {
    outcome.rollupError = (err as Error).message;
    outcome.message += `; the flow rollup was not refreshed (${outcome.rollupError})`;
    await db.query('UPDATE imports SET message = $2 WHERE id = $1', [importId, outcome.message]);
  }
}

export function commitMessage(inserted: number, skipped: number, rejected: number): string {
  const parts = [`${inserted} row(s) added`];
  if (skipped > 0) parts.push(`${skipped} already present and skipped`);
  if (rejected > 0) parts.push(`${rejected} rejected (see rejected.csv)`);
  return parts.join(', ');
}

/**
 * Alerts for the days and points the import touched, once its data and rollup are in. Webhooks
 * and e-mail are only queued here (a worker sends them). A failure never fails the import: the
 * import's message says so and the next daily run or import evaluates again.
 */
export async function alertsAfter(db: Db, importId: number, datasetId: number, outcome: ImportOutcome): Promise<void> {
  try {
    const r = await evaluateAfterImport(db, datasetId);
    outcome.alertsRaised = r.raised.length;
    if (r.raised.length > 0) outcome.message += `; ${r.raised.length} new alert(s)`;
  } catch (err) {
    outcome.message += `; alerts were not evaluated (${(err as Error).message})`;
  }
  await db.query('UPDATE imports SET message = $2 WHERE id = $1', [importId, outcome.message]).catch(() => undefined);
}
