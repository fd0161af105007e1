import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Db, yieldToRequests } from '../db/index.js';
import { FinishedElsewhere, recordCommit } from './commit.js';
import { copyLine } from './copy-text.js';
import { MARK_DAYS } from '../query/rollup-sql.js';
import { datasetTable } from './bulk.js';
import { commitDataset } from './datasets.js';
import { lockUnfinished } from './jobs.js';
import { type PassInput, Rejected, validatePass, type ValidationSummary } from './passes.js';
import type { ImportJob, ImportTuning } from './run.js';
import { type DayRange, refreshSteps } from './spool-steps.js';
import type { Tracker } from './tracker.js';

/**
 * Bytes of COPY text per write step: one COPY statement, about the longest a step holds the
 * embedded engine from other requests (npm run bench -- import-wait).
 */
const STEP_BYTES = 1 << 20;
/** Spool bytes written between CHECKPOINTs: the embedded engine never checkpoints by itself (db/index.ts). */
const CHECKPOINT_BYTES = 48 << 20;
/** Observations per rollup refresh step after the commit (about 0.2 s each on the embedded engine)… */
export const REFRESH_ROWS = 40_000;
/**
 * …but no more steps than this: each step is a dirty mark until it is refreshed, and past 200
 * marks every flow query reads the raw rows (query/source.ts DIRTY_LIST_MAX).
 */
const MAX_REFRESH_STEPS = 100;

interface Spool {
  summary: ValidationSummary;
  /** End offset in the spool file and rows of each write step. */
  steps: { end: number; rows: number }[];
  /** Valid rows per observed day: the rollup's refresh steps. */
  days: Map<string, number>;
  /** The record keys of each line, after dataset_id. */
  keys: string[];
}

/**
 * A new observations dataset on the embedded engine, which serves one statement at a time, so
 * one long transaction (the server's bulk path, bulk.ts) would make every other request wait
 * for the whole import (26 s for 1,000,000 rows, issue 19). Here the engine is held in short
 * steps only:
 *  1. validate the file into a spool of COPY text in the engine's scratch folder (no database work);
 *  2. all-or-nothing with errors, or no valid row: rejected, nothing written;
 *  3. COPY the spool, ~1 MB per statement, into the dataset's own table (bulk.ts datasetTable),
 *     not yet attached and so seen by no query;
 *  4. ONE short transaction makes it visible: the dataset row, ATTACH as the dataset's
 *     partition of observations, its days marked for the rollup, the audit entry and status.
 * Anything failing before 4 commits drops the table: nothing was written. A table left by a
 * crash is dropped on the next start (sweepSpool). Returns the rollup's refresh steps,
 * whose days queries read from the raw rows until each step is refreshed (refreshAfter).
 */
export async function spoolImport(db: Db, job: ImportJob, input: PassInput, t: Tracker, tuning: ImportTuning): Promise<{ datasetId: number; refresh: DayRange[] }> {
  if (!db.scratchDir) throw new Error('a spooled import needs the embedded engine');
  const [res] = await db.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('datasets', 'id'))::int AS id`);
  if (!res) throw new Error('no dataset id');
  const datasetId = res.id;
  const { table, create, early, late } = datasetTable(datasetId);
  await mkdir(db.scratchDir, { recursive: true });
  const file = spoolPath(db.scratchDir, datasetId);
  t.span = 50; // the bar: checking the rows to 50 %, writing them to WRITTEN, the rollup to 99 %
  try {
    const spool = await validateInto(file, datasetId, input, t);
    const { summary } = spool;
    if (summary.rowsValid === 0 || (job.mode === 'all-or-nothing' && summary.rowsRejected > 0)) throw new Rejected(summary);
    await t.validated(summary, input.table.format);
    t.writing(t.span);
    const refresh = refreshSteps(spool.days, Math.max(REFRESH_ROWS, Math.ceil(summary.rowsValid / MAX_REFRESH_STEPS)));
    try {
      // Its key and every index from the start: built row by row in the short COPY steps,
      // where a build after them would hold the engine for seconds.
      await db.transaction(async (tx) => {
        for (const statement of [create, ...early, ...late]) await tx.exec(statement);
      });
      await copySteps(db, table, file, spool, t, tuning);
      await db.exec(`ANALYZE ${table}`);
      await yieldToRequests();
      await db.transaction(async (tx) => {
        // Another attempt of this import (its lease taken over) committed first: its dataset
        // holds these rows, and this one's would collide with it on the file's checksum.
        if (!(await lockUnfinished(tx, job.id))) throw new FinishedElsewhere();
        await commitDataset(tx, job, summary, datasetId);
        await tx.exec(`ALTER TABLE observations ATTACH PARTITION ${table} FOR VALUES IN (${datasetId})`);
        // Attaching fires no insert trigger (migration 003): one mark per refresh step.
        for (const r of refresh) {
          await tx.query(MARK_DAYS, [datasetId, r.from, r.to]);
        }
        const n = { valid: summary.rowsValid, inserted: summary.rowsValid, rejected: summary.rowsRejected };
        await recordCommit(tx, job, datasetId, n, t.p, t.report.build());
      });
    } catch (err) {
      await db.exec(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
      throw err;
    }
    return { datasetId, refresh };
  } finally {
    await rm(file, { force: true });
  }
}

/** The spool of one attempt (its dataset id is its own): in the engine's scratch folder, not beside the file (the CLI imports a user's file where it lies). */
export const spoolPath = (scratchDir: string, datasetId: number): string => join(scratchDir, `d${datasetId}.copy`);

/** Step 1: every row validated (repeated ids rejected, as on the two-pass path), valid ones spooled as COPY text. */
async function validateInto(file: string, datasetId: number, input: PassInput, t: Tracker): Promise<Spool> {
  const keys = input.spec.insert.inputs.map(([k]) => k);
  const prefix = `${datasetId}\t`;
  const out = createWriteStream(file);
  const steps: Spool['steps'] = [];
  const days = new Map<string, number>();
  let buf = '';
  let rows = 0;
  let offset = 0;
  const flush = async (): Promise<void> => {
    if (rows === 0) return;
    const bytes = Buffer.from(buf);
    offset += bytes.length;
    steps.push({ end: offset, rows });
    buf = '';
    rows = 0;
    if (!out.write(bytes)) await once(out, 'drain');
  };
  try {
    const summary = await validatePass({ ...input, checkDuplicateIds: true }, t.report, t.rejects, t.onRows, {
      valid: (record) => {
        const day = record['observed_on'];
        if (typeof day === 'string') days.set(day, (days.get(day) ?? 0) + 1);
        buf += copyLine(prefix, record, keys);
        rows++;
        return buf.length < STEP_BYTES ? undefined : flush();
      },
      rejected: () => undefined,
    });
    await flush();
    out.end();
    await once(out, 'finish');
    return { summary, steps, days, keys };
  } finally {
    out.destroy();
  }
}

/** Step 3: one COPY per spooled step, with the engine free in between (and a pause, IMPORT_WRITE_PAUSE_MS). */
async function copySteps(db: Db, table: string, file: string, spool: Spool, t: Tracker, tuning: ImportTuning): Promise<void> {
  const target = `${table} (dataset_id, ${spool.keys.join(', ')})`;
  const total = spool.steps.at(-1)?.end ?? 0;
  const fh = await open(file, 'r');
  try {
    let start = 0;
    let sinceCheckpoint = 0;
    for (const step of spool.steps) {
      const text = Buffer.alloc(step.end - start);
      await fh.read(text, 0, text.length, start);
      await db.transaction(async (tx) => {
        if (!tx.copyFrom) throw new Error('spooled import needs COPY');
        await tx.copyFrom(target, async (send) => send(text.toString('utf8')));
      });
      sinceCheckpoint += step.end - start;
      start = step.end;
      if (sinceCheckpoint >= CHECKPOINT_BYTES) {
        await db.exec('CHECKPOINT');
        sinceCheckpoint = 0;
      }
      await t.wrote(step.rows, total > 0 ? start / total : 1);
      await (tuning.pauseMs ? sleep(tuning.pauseMs) : yieldToRequests());
    }
  } finally {
    await fh.close();
  }
}

/**
 * Tables and spools of imports a crash left (step 3 or 4 never ended): nothing reads them.
 * Run at start-up before the job runner retries the import, on the embedded engine only (one
 * process holds it; the server's bulk path makes its table inside its transaction, and another
 * process may be writing one there). Returns the tables dropped.
 */
export async function sweepSpool(db: Db): Promise<string[]> {
  if (db.kind !== 'embedded' || !db.scratchDir) return [];
  await rm(db.scratchDir, { recursive: true, force: true });
  const rows = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
     WHERE c.relkind = 'r' AND NOT c.relispartition AND c.relname ~ '^observations_d[0-9]+$'
       AND c.relnamespace = current_schema()::regnamespace`,
  );
  for (const r of rows) await db.exec(`DROP TABLE ${r.name}`);
  return rows.map((r) => r.name);
}
