import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/audit/audit.js';
import type { Db, Queryable } from '../../server/db/index.js';
import { createImport, type Progress } from '../../server/ingest/jobs.js';
import { type ImportOutcome, type ImportTuning, runImport } from '../../server/ingest/run.js';
import { sweepSpool } from '../../server/ingest/spool.js';
import { refreshSteps } from '../../server/ingest/spool-steps.js';
import { CancelledError } from '../../server/jobs/runner.js';
import { CUBES, MEASURES } from '../../server/query/cubes.js';
import { refreshInSteps } from '../../server/query/rollup.js';
import { writeCsv } from '../bench/import-file.js';
import { openFreshDb } from '../helpers/db.js';
import { tableCounts } from '../helpers/import.js';

/**
 * The spool path (server/ingest/spool.ts): a new observations dataset on the embedded engine
 * is validated into a spool file, COPYed in ~1 MB steps into a table no query sees, and made
 * visible in one short transaction. import-bulk.test.ts checks its result on both engines;
 * these check what only it does.
 */
const ROWS = 20_000; // about 2 MB of COPY text: two write steps
const dir = mkdtempSync(join(tmpdir(), 'corridor-spool-'));
const file = (name: string) => join(dir, name);

async function run(db: Db, path: string, tuning: ImportTuning, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<ImportOutcome> {
  const data = readFileSync(path);
  const checksum = createHash('sha256').update(data).digest('hex');
  const options = { dataset: { name: `spool ${path.slice(-12)}` } };
  const mode = 'all-or-nothing';
  const id = await createImport(db, { kind: 'observations', mode, fileName: 'f.csv', fileBytes: data.length, checksum, options, createdBy: 'test' });
  return runImport(db, { id, kind: 'observations', mode, path, bytes: data.length, checksum, options, actor: SYSTEM, actorName: 'test' }, onProgress, signal, tuning);
}

/** Tables a spooled import is filling: not (yet) partitions of observations. */
const staged = (q: Queryable) =>
  q.query<{ name: string }>(`SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND NOT relispartition AND relname ~ '^observations_d[0-9]+$'`);

/** Spool files left in the engine's scratch folder. */
const spools = (db: Db): string[] => (db.scratchDir && existsSync(db.scratchDir) ? readdirSync(db.scratchDir) : []);

/** A dataset's rows, or one cube's, without the dataset's id: two datasets of the same rows compare equal. */
const rowsOf = (q: Queryable, id: number | null) =>
  q.query(`SELECT source_row_id, observed_on, monitoring_point_id, direction, origin_place_id, origin_country, final_destination_place_id,
      destination_country, total, male, female, children, unaccompanied_children, nationality, transport_mode, reasons, vulnerabilities
    FROM observations WHERE dataset_id = $1 ORDER BY source_row_id`, [id]);
const cubeOf = (q: Queryable, table: string, cols: readonly string[], id: number | null) =>
  q.query(`SELECT grain, observed_on, ${[...cols, ...MEASURES].join(', ')} FROM ${table} WHERE dataset_id = $1
    ORDER BY grain, observed_on, ${cols.join(', ')}`, [id]);

describe('a new observations dataset on the embedded engine goes through a spool', { timeout: 240_000 }, () => {
  let db: Db;
  let spooled: ImportOutcome;
  let oneTx: ImportOutcome;

  beforeAll(async () => {
    db = await openFreshDb('embedded');
    await writeCsv(file('rows.csv'), ROWS);
    const text = readFileSync(file('rows.csv'), 'utf8');
    appendFileSync(file('rows-again.csv'), `${text}\n`); // the same rows; another checksum
    appendFileSync(file('rows-cancel.csv'), `${text}\n\n`);
    appendFileSync(file('rows-twice.csv'), `${text}\n\n\n`);
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('when it writes, then other statements run between its steps and see none of its rows until its one commit', async () => {
    const before = await tableCounts(db);
    const seen: { staged: number; visible: number; datasets: number; committedYet: boolean }[] = [];
    const checks: Promise<void>[] = [];
    let committed = false;
    spooled = await run(db, file('rows.csv'), { pauseMs: 20 }, (p) => {
      if (p.status === 'committed') committed = true;
      if (p.status !== 'writing' || p.rowsInserted === 0) return;
      checks.push((async () => {
        const [t] = await staged(db);
        const [r] = await db.query<{ visible: number; datasets: number }>(
          `SELECT (SELECT count(*) FROM observations)::int AS visible, (SELECT count(*) FROM datasets)::int AS datasets`,
        );
        const [s] = t ? await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t.name}`) : [];
        seen.push({ staged: s?.n ?? -1, visible: r?.visible ?? -1, datasets: r?.datasets ?? -1, committedYet: committed });
      })());
    });
    await Promise.all(checks);
    expect(spooled).toMatchObject({ status: 'committed', rowsRead: ROWS, rowsValid: ROWS, rowsInserted: ROWS, percent: 100 });
    expect(seen.length).toBeGreaterThanOrEqual(2);
    // Each check ran while the import was writing: rows in its own table, none in observations, no dataset row.
    for (const s of seen) {
      expect(s).toMatchObject({ visible: before['observations'], datasets: before['datasets'], committedYet: false });
      expect(s.staged).toBeGreaterThan(0);
      expect(s.staged).toBeLessThanOrEqual(ROWS);
    }
    expect(new Set(seen.map((s) => s.staged)).size).toBeGreaterThanOrEqual(2);
    expect(await staged(db)).toEqual([]);
    expect(spools(db)).toEqual([]);
    const [dirty] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM flow_rollup_dirty WHERE dataset_id = $1', [spooled.datasetId]);
    expect(dirty?.n).toBe(0);
  });

  it('then its partition, rows and rollup are those the same rows get in one transaction', async () => {
    oneTx = await run(db, file('rows-again.csv'), { spool: false });
    expect(oneTx).toMatchObject({ status: 'committed', rowsInserted: ROWS });
    const partitions = await db.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'observations'::regclass AND c.relname = $1`,
      [`observations_d${spooled.datasetId}`],
    );
    expect(partitions).toHaveLength(1);
    const [fks] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f'`, [
      `observations_d${spooled.datasetId}`,
    ]);
    expect(fks?.n).toBe(6);
    expect(await rowsOf(db, spooled.datasetId)).toEqual(await rowsOf(db, oneTx.datasetId));
    for (const c of CUBES) expect(await cubeOf(db, c.table, c.columns, spooled.datasetId), c.table).toEqual(await cubeOf(db, c.table, c.columns, oneTx.datasetId));
  });

  it('when the rollup is refreshed in steps of a few hundred rows, then every cube ends equal to one refresh', async () => {
    const id = spooled.datasetId;
    for (const c of CUBES) await db.query(`DELETE FROM ${c.table} WHERE dataset_id = $1`, [id]);
    const perDay = await db.query<{ day: string; n: number }>('SELECT observed_on AS day, count(*)::int AS n FROM observations WHERE dataset_id = $1 GROUP BY 1', [id]);
    const steps = refreshSteps(new Map(perDay.map((d) => [d.day, d.n])), 700);
    expect(steps.length).toBeGreaterThan(20); // weeks and months cut by steps many times over
    for (const s of steps) await db.query('INSERT INTO flow_rollup_dirty (dataset_id, first_day, last_day) VALUES ($1, $2, $3)', [id, s.from, s.to]);
    const done: number[] = [];
    await refreshInSteps(db, id ?? -1, steps, (n) => done.push(n));
    expect(done).toEqual(steps.map((_, i) => i + 1));
    for (const c of CUBES) expect(await cubeOf(db, c.table, c.columns, id), c.table).toEqual(await cubeOf(db, c.table, c.columns, oneTx.datasetId));
    const [dirty] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM flow_rollup_dirty WHERE dataset_id = $1', [id]);
    expect(dirty?.n).toBe(0);
  });

  it('when it is cancelled while writing, then its table and spool go and nothing is written', async () => {
    const before = await tableCounts(db);
    const stop = new AbortController();
    const out = await run(db, file('rows-cancel.csv'), { pauseMs: 20 }, (p) => {
      if (p.status === 'writing' && p.rowsInserted > 0) stop.abort(new CancelledError());
    }, stop.signal);
    expect(out.status).toBe('cancelled');
    expect(out.message).toMatch(/nothing was written/);
    expect(await staged(db)).toEqual([]);
    expect(spools(db)).toEqual([]);
    const after = await tableCounts(db);
    expect(after).toEqual(before);
  });

  it('when a stop left a table unattached and its spool, then the start-up sweep drops them and only them', async () => {
    const [parts] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = 'observations'::regclass`);
    await db.exec('CREATE TABLE observations_d987654 (LIKE observations INCLUDING DEFAULTS INCLUDING CONSTRAINTS)');
    mkdirSync(db.scratchDir ?? '', { recursive: true });
    writeFileSync(join(db.scratchDir ?? '', 'd987654.copy'), '987654\tleft\n');
    expect(await sweepSpool(db)).toEqual(['observations_d987654']);
    expect(await staged(db)).toEqual([]);
    expect(spools(db)).toEqual([]);
    const [left] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = 'observations'::regclass`);
    expect(left?.n).toBe(parts?.n);
    expect(await sweepSpool(db)).toEqual([]);
  });

  it('when two attempts of one import run at once, then each has its own spool and table and exactly one commits', async () => {
    const before = await tableCounts(db);
    const data = readFileSync(file('rows-twice.csv'));
    const checksum = createHash('sha256').update(data).digest('hex');
    const options = { dataset: { name: 'spool twice' } };
    const mode = 'all-or-nothing';
    const id = await createImport(db, { kind: 'observations', mode, fileName: 'f.csv', fileBytes: data.length, checksum, options, createdBy: 'test' });
    const job = { id, kind: 'observations', mode, path: file('rows-twice.csv'), bytes: data.length, checksum, options, actor: SYSTEM, actorName: 'test' } as const;
    const attempts = await Promise.all([runImport(db, job), runImport(db, job)]);
    expect(attempts.map((a) => a.status).sort()).toEqual(['committed', 'unchanged']);
    const after = await tableCounts(db);
    expect(after['observations']).toBe((before['observations'] ?? 0) + ROWS);
    expect(after['datasets']).toBe((before['datasets'] ?? 0) + 1);
    expect(await staged(db)).toEqual([]);
    expect(spools(db)).toEqual([]);
  });
});
