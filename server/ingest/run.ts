import { audit, type SYSTEM } from '../audit/audit.js';
import type { Principal } from '../auth/roles.js';
import type { Db } from '../db/index.js';
import { refreshRollup } from '../flows/rollup.js';
import { commitDataset, findSameFile } from './datasets.js';
import type { Kind, Mode } from './fields.js';
import { FileError } from './file-error.js';
import { finishImport, type ImportOptions, type ImportStatus, liveProgress, type Progress, saveProgress } from './jobs.js';
import { KIND_SPECS } from './kinds.js';
import { Lookups } from './lookup.js';
import { type PassInput, validatePass, writePass } from './passes.js';
import { RejectStore } from './rejects.js';
import { type ErrorReport, ReportBuilder } from './report.js';
import { detectFormat } from './table.js';
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

export interface ImportOutcome extends Progress {
  status: Extract<ImportStatus, 'committed' | 'unchanged' | 'rejected' | 'failed'>;
  datasetId: number | null;
  report: ErrorReport | null;
  message: string;
  /** refreshRollup failed after the commit: queries read raw rows until the next refresh. */
  rollupError?: string;
}

const PERSIST_MS = 2_000;

/**
 * One import, start to end: same file again → unchanged; pass 1 validates every row (no data
 * written, rejected rows kept); then, unless all-or-nothing found errors, pass 2 re-reads the
 * file and writes the valid rows in ONE transaction, together with the dataset row, the
 * audit entry and the import's final status. Then the flow rollup is refreshed.
 */
export async function runImport(db: Db, job: ImportJob, onProgress?: (p: Progress) => void): Promise<ImportOutcome> {
  const p: Progress = { status: 'validating', rowsRead: 0, rowsValid: 0, rowsRejected: 0, rowsInserted: 0, rowsSkipped: 0, percent: 0 };
  let bytesSeen = 0;
  let lastSaved = Date.now();
  const publish = () => {
    liveProgress.set(job.id, { ...p });
    onProgress?.({ ...p });
  };
  const onBytes = (n: number) => {
    bytesSeen += n;
    const half = job.bytes > 0 ? Math.min(1, bytesSeen / job.bytes) * 50 : 50;
    p.percent = p.status === 'writing' ? 50 + half : half;
  };
  const finish = async (status: ImportOutcome['status'], datasetId: number | null, report: ErrorReport | null, message: string) => {
    p.status = status;
    p.percent = 100;
    await finishImport(db, job.id, { progress: p, datasetId, report, message });
    liveProgress.delete(job.id);
    onProgress?.({ ...p });
    return { ...p, status, datasetId, report, message };
  };
  const report = new ReportBuilder();
  let committed: { outcome: ImportOutcome; datasetId: number };
  try {
    publish();
    const same = await findSameFile(db, job.kind, job.checksum);
    if (same !== null) return await finish('unchanged', same, null, `this file was imported before (dataset ${same}): nothing was added`);
    const spec = KIND_SPECS[job.kind];
    const format = await detectFormat(job.path);
    const input: PassInput = {
      path: job.path,
      spec,
      table: { format, sheet: job.options.sheet, polygons: job.kind === 'admin_areas', onBytes },
      mapping: job.options.mapping ?? {},
      lookups: await Lookups.load(db),
      today: defaultToday(),
    };
    const rejects = new RejectStore(db, job.id);
    const summary = await validatePass(input, report, rejects, (s) => {
      Object.assign(p, { rowsRead: s.rowsRead, rowsValid: s.rowsValid, rowsRejected: s.rowsRejected });
      publish();
      if (Date.now() - lastSaved < PERSIST_MS) return undefined;
      lastSaved = Date.now();
      return saveProgress(db, job.id, p);
    });
    Object.assign(p, { rowsRead: summary.rowsRead, rowsValid: summary.rowsValid, rowsRejected: summary.rowsRejected });
    await saveProgress(db, job.id, p, { format, header: summary.header });
    if (summary.rowsValid === 0 || (job.mode === 'all-or-nothing' && summary.rowsRejected > 0)) {
      const why = summary.rowsValid === 0 ? 'no row is valid' : `${summary.rowsRejected} of ${summary.rowsRead} rows have errors`;
      return await finish('rejected', null, report.build(), `${why}: nothing was imported`);
    }
    p.status = 'writing';
    bytesSeen = 0;
    publish(); // from here on the embedded engine is busy with the transaction: progress lives in memory only
    const final = report.build();
    const datasetId = await db.transaction(async (tx) => {
      const id = await commitDataset(tx, job, summary);
      const { valid, inserted } = await writePass(tx, input, { datasetId: id, appending: job.options.datasetId !== undefined }, (written) => {
        p.rowsInserted = written;
        publish();
      });
      if (valid !== summary.rowsValid) throw new Error(`the file changed during the import (${valid} valid rows, ${summary.rowsValid} before)`);
      Object.assign(p, { rowsInserted: inserted, rowsSkipped: valid - inserted, status: 'committed', percent: 100 });
      await tx.query('UPDATE datasets SET rows_accepted = rows_accepted + $2, rows_rejected = rows_rejected + $3 WHERE id = $1', [
        id, inserted, summary.rowsRejected,
      ]);
      await audit(tx, job.actor, 'import.commit', {
        importId: job.id, kind: job.kind, mode: job.mode, datasetId: id, inserted, skipped: valid - inserted, rejected: summary.rowsRejected,
      });
      await finishImport(tx, job.id, { progress: p, datasetId: id, report: final, message: commitMessage(inserted, valid - inserted, summary.rowsRejected) });
      return id;
    });
    onProgress?.({ ...p });
    const outcome: ImportOutcome = { ...p, status: 'committed', datasetId, report: final, message: commitMessage(p.rowsInserted, p.rowsSkipped, p.rowsRejected) };
    committed = { outcome, datasetId };
  } catch (err) {
    liveProgress.delete(job.id);
    if (err instanceof FileError) {
      if (!err.reported) report.addFileError(err);
      return finish('rejected', null, report.build(), `${err.message}: nothing was imported`);
    }
    return finish('failed', null, report.build(), `the import failed and nothing was written: ${(err as Error).message}`);
  }
  try {
    if (job.kind === 'observations') await refreshAfter(db, job.id, committed.datasetId, committed.outcome);
  } finally {
    liveProgress.delete(job.id);
  }
  return committed.outcome;
}

/**
 * The flow rollup for the new rows, after the commit. The imports row says committed already;
 * here the import reads as still writing until the rollup is fresh. A failure leaves the data
 * in and flow queries on raw rows (flow_rollup_dirty) until the next refresh, and says so.
 */
async function refreshAfter(db: Db, importId: number, datasetId: number, outcome: ImportOutcome): Promise<void> {
  liveProgress.set(importId, { ...outcome, status: 'writing', percent: 99 });
  try {
    await refreshRollup(db, { datasetId });
  } catch (err) {
    outcome.rollupError = (err as Error).message;
    outcome.message += `; the flow rollup was not refreshed (${outcome.rollupError})`;
    await db.query('UPDATE imports SET message = $2 WHERE id = $1', [importId, outcome.message]);
  }
}

function commitMessage(inserted: number, skipped: number, rejected: number): string {
  const parts = [`${inserted} row(s) added`];
  if (skipped > 0) parts.push(`${skipped} already present and skipped`);
  if (rejected > 0) parts.push(`${rejected} rejected (see rejected.csv)`);
  return parts.join(', ');
}
