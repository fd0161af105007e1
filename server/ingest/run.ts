import type { SYSTEM } from '../audit/audit.js';
import type { Principal } from '../auth/roles.js';
import { checkpointEmbedded, type Db } from '../db/index.js';
import { bulkImport, canBulkImport, NeedsTwoPasses } from './bulk.js';
import { BoundaryError, boundariesImported, clearLevels } from '../places/boundaries.js';
import { alertsAfter, commitMessage, FinishedElsewhere, recordCommit, refreshAfter } from './commit.js';
import { commitDataset, findSameFile } from './datasets.js';
import type { Kind, Mode } from './fields.js';
import { FileError } from './file-error.js';
import type { ImportOptions, ImportStatus, Progress } from './jobs.js';
import { KIND_SPECS } from './kinds.js';
import { CancelledError } from '../jobs/runner.js';
import { Lookups } from './lookup.js';
import { type PassInput, Rejected, validatePass, writePass } from './passes.js';
import { recipeOf } from './recipe.js';
import type { ErrorReport } from './report.js';
import { spoolImport } from './spool.js';
import type { DayRange } from './spool-steps.js';
import { detectFormat } from './table.js';
import { Tracker } from './tracker.js';
import { defaultToday } from './validate.js';

export interface ImportJob {
  id: number;
  kind: Kind;
  mode: Mode;
  path: string;
  bytes: number;
  checksum: string;
  options: ImportOptions;
  /** Who asked: audited, and recorded as the dataset's imported_by. */
  actor: Principal | typeof SYSTEM;
  actorName: string;
}

/** How an import writes; the defaults are right for users (bench and tests change them). */
export interface ImportTuning {
  /**
   * Embedded engine: a new observations dataset goes through a spool, in short steps (spool.ts);
   * false writes it in one transaction as on the server (the bench's baseline).
   */
  spool?: boolean;
  /** Milliseconds between a spooled import's write steps (config IMPORT_WRITE_PAUSE_MS). */
  pauseMs?: number;
}

export interface ImportOutcome extends Progress {
  status: Extract<ImportStatus, 'committed' | 'unchanged' | 'rejected' | 'failed' | 'cancelled'>;
  datasetId: number | null;
  report: ErrorReport | null;
  message: string;
  /** refreshRollup failed after the commit: queries read raw rows until the next refresh. */
  rollupError?: string;
  /** New alerts the import's days raised (server/alerts/). */
  alertsRaised?: number;
}

/**
 * One import, start to end: same file again → unchanged; pass 1 validates every row (no data
 * written, rejected rows kept); then, unless all-or-nothing found errors, pass 2 re-reads the
 * file and writes the valid rows in ONE transaction, together with the dataset row, the
 * audit entry and the import's final status. A new observations dataset takes a faster path
 * instead: on the server the bulk path (bulk.ts), one pass that validates and COPYs, in one
 * transaction too; on the embedded engine, which serves one statement at a time, the spool
 * path (spool.ts), which holds the engine in short steps only.
 * Then the flow rollup is refreshed and alerts are evaluated for the days the import touched.
 */
export async function runImport(
  db: Db,
  job: ImportJob,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
  tuning: ImportTuning = {},
): Promise<ImportOutcome> {
  const t = new Tracker(db, job.id, job.bytes, onProgress);
  t.signal = signal;
  const outcome = (status: ImportOutcome['status'], datasetId: number | null, report: ErrorReport | null, message: string) =>
    t.finish(status, { datasetId, report, message }).then((p) => ({ ...p, status, datasetId, report, message }));
  let committed: ImportOutcome & { datasetId: number };
  let refresh: DayRange[] | undefined;
  try {
    t.publish();
    const same = await findSameFile(db, job.kind, job.checksum);
    if (same !== null) return await outcome('unchanged', same, null, `this file was imported before (dataset ${same}): nothing was added`);
    const format = await detectFormat(job.path);
    const input: PassInput = {
      path: job.path,
      spec: KIND_SPECS[job.kind],
      table: { format, polygons: job.kind === 'admin_areas', onBytes: t.onBytes },
      recipe: recipeOf(job.kind, job.options.recipe, job.options.sheet, job.options.mapping),
      lookups: await Lookups.load(db),
      today: defaultToday(),
    };
    let datasetId: number | undefined;
    if (canBulkImport(job) && db.scratchDir !== undefined && tuning.spool !== false) {
      ({ datasetId, refresh } = await spoolImport(db, job, input, t, tuning));
    } else {
      datasetId = (canBulkImport(job) ? await bulkRun(db, job, input, t) : undefined) ?? (await twoPassRun(db, job, input, t));
    }
    const p = t.p;
    onProgress?.({ ...p });
    committed = { ...p, status: 'committed', datasetId, report: t.report.build(), message: commitMessage(p.rowsInserted, p.rowsSkipped, p.rowsRejected) };
  } catch (err) {
    t.end();
    if (signal?.aborted) {
      // A lost lease: the job's new owner runs it and reports; this process must not say failed.
      if (!(signal.reason instanceof CancelledError)) throw err;
      return outcome('cancelled', null, t.report.build(), `cancelled while ${t.p.status === 'writing' ? 'writing' : 'validating'}; nothing was written`);
    }
    if (err instanceof FinishedElsewhere) {
      // Nothing of this attempt was written; the imports row keeps the other attempt's outcome.
      return { ...t.p, status: 'unchanged', datasetId: null, report: null, message: err.message };
    }
    if (err instanceof Rejected) {
      const s = err.summary;
      t.counts(s);
      const why = s.rowsValid === 0 ? 'no row is valid' : `${s.rowsRejected} of ${s.rowsRead} rows have errors`;
      return outcome('rejected', null, t.report.build(), `${why}: nothing was imported`);
    }
    if (err instanceof FileError) {
      if (!err.reported) t.report.addFileError(err);
      return outcome('rejected', null, t.report.build(), `${err.message}: nothing was imported`);
    }
    return outcome('failed', null, t.report.build(), `the import failed and nothing was written: ${(err as Error).message}`);
  }
  try {
    if (job.kind === 'observations') {
      await refreshAfter(db, job.id, committed.datasetId, committed, refresh);
      await alertsAfter(db, job.id, committed.datasetId, committed);
    }
    // The import's WAL off the disk (embedded engine; docs/architecture.md#database).
    await checkpointEmbedded(db);
  } finally {
    t.end();
  }
  return committed;
}

/** The bulk path; undefined when the file is not clean (the two passes then give the exact report). */
async function bulkRun(db: Db, job: ImportJob, input: PassInput, t: Tracker): Promise<number | undefined> {
  t.span = 90;
  t.persist = db.kind === 'server';
  try {
    return await db.transaction(async (tx) => {
      const { datasetId, summary } = await bulkImport(tx, job, input, t);
      await recordCommit(tx, job, datasetId, { valid: summary.rowsValid, inserted: summary.rowsValid, rejected: summary.rowsRejected }, t.p, t.report.build());
      return datasetId;
    });
  } catch (err) {
    if (!(err instanceof NeedsTwoPasses)) throw err;
    await t.restart(50);
    return undefined;
  } finally {
    t.persist = true;
  }
}

/** Pass 1 validates (nothing written); pass 2 re-reads the file and writes in one transaction. */
async function twoPassRun(db: Db, job: ImportJob, input: PassInput, t: Tracker): Promise<number> {
  const summary = await validatePass(input, t.report, t.rejects, t.onRows);
  await t.validated(summary, input.table.format);
  if (summary.rowsValid === 0 || (job.mode === 'all-or-nothing' && summary.rowsRejected > 0)) throw new Rejected(summary);
  t.writing(t.span); // from here on the embedded engine is busy with the transaction: progress lives in memory only
  return db.transaction(async (tx) => {
    const id = await commitDataset(tx, job, summary);
    if (job.kind === 'observations') await tx.query('SELECT observations_partition($1)', [id]);
    // A boundary file replaces whole levels, in this transaction: the old set stays until it commits.
    if (job.kind === 'admin_areas') await clearLevels(tx, summary.levels);
    const { valid, inserted } = await writePass(tx, input, { datasetId: id, appending: job.options.datasetId !== undefined }, (n) => {
      t.p.rowsInserted = n;
      t.publish();
    });
    if (valid !== summary.rowsValid) throw new Error(`the file changed during the import (${valid} valid rows, ${summary.rowsValid} before)`);
    if (job.kind === 'admin_areas') {
      // An area that ST_MakeValid leaves empty is the file's fault: rejected, naming it, nothing written.
      const b = await boundariesImported(tx, id, summary.levels).catch((e: unknown) => {
        throw e instanceof BoundaryError ? new FileError('geometry.empty', e.message) : e;
      });
      if (b.repaired.length) t.report.warn(`invalid geometry repaired with ST_MakeValid: ${b.repaired.join(', ')}`);
      t.report.warn(`level ${summary.levels.join(', ')} replaced; ${b.reassigned} located rows re-assigned to the new areas`);
    }
    await recordCommit(tx, job, id, { valid, inserted, rejected: summary.rowsRejected }, t.p, t.report.build());
    return id;
  });
}
