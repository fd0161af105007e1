import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Db, Queryable } from '../db/index.js';
import type { JobEnd, JobHandler, JobRow } from '../jobs/service.js';
import { isFinal } from '../../common/imports.js';
import { getImport } from './jobs.js';
import { type ImportJob, type ImportTuning, runImport } from './run.js';

/** The job kind of an import; its payload is the ImportJob (the file's path is in UPLOAD_DIR). */
export const IMPORT_JOB = 'import';

const payloadOf = (job: JobRow) => job.payload as unknown as ImportJob;

/**
 * Imports as background jobs (server/jobs/). The imports row stays the import's record and the
 * API's answer; the job says who runs it. A retry (the previous owner died) starts from the
 * file again: nothing was written, as an import's rows become visible in one transaction (a
 * spooled import's unattached table and spool are dropped at start-up, spool.ts). It is possible
 * while the upload is still in UPLOAD_DIR; else the lease rule fails it (ended below).
 */
export function importHandler(db: Db, tuning: ImportTuning = {}): JobHandler {
  return {
    kind: IMPORT_JOB,
    lane: 'import',
    canRetry: (job) => existsSync(payloadOf(job).path),
    async run({ job, signal }): Promise<JobEnd> {
      const p = payloadOf(job);
      const row = await getImport(db, p.id);
      if (!row) return { status: 'failed', message: `import ${p.id} no longer exists` };
      // Killed between the import's commit and the job's: the import is done, not run again.
      if (isFinal(row.status)) return done(p, row.status, row.message ?? row.status);
      // Rows a killed attempt had rejected before it died, and its counts, start again.
      await db.query('DELETE FROM import_rejects WHERE import_id = $1', [p.id]);
      const out = await runImport(db, p, undefined, signal, tuning);
      return done(p, out.status, out.message, out.datasetId);
    },
    async ended(tx: Queryable, job: JobRow, end: JobEnd): Promise<void> {
      const p = payloadOf(job);
      await tx.query(
        `UPDATE imports SET status = $2, message = $3, finished_at = now(), updated_at = now()
         WHERE id = $1 AND status IN ('queued', 'validating', 'writing')`,
        [p.id, end.status === 'cancelled' ? 'cancelled' : 'failed', end.message],
      );
      void rm(p.path, { force: true });
    },
  };
}

async function done(p: ImportJob, status: string, message: string, datasetId: number | null = null): Promise<JobEnd> {
  await rm(p.path, { force: true });
  const jobStatus = status === 'failed' ? 'failed' : status === 'cancelled' ? 'cancelled' : 'committed';
  return { status: jobStatus, message, result: { importStatus: status, datasetId } };
}
