/**
 * Import throughput (issue 5): rows/s of the project's import (runImport) of a generated
 * FMR-style CSV, and in the same run a baseline: raw COPY of the same file (psql \copy) into an
 * unindexed table on the same server database, printed as a ratio. The aim is import ≥ 1/3 of COPY.
 *
 * On the server a new observations dataset takes the bulk path (server/ingest/bulk.ts): one pass
 * that validates and streams COPY into the dataset's own table, then its indexes and ATTACH.
 * Two floors put the figure in context: the database's own share of that path (the same rows
 * already typed, loaded by psql into such a table, indexed and attached: no parsing, no
 * validation), and one INSERT … SELECT into observations, the row-at-a-time path's floor.
 *
 *   npm run bench -- import --rows 1000000        BENCH_DATABASE_URL=postgres://… (database name gets _import)
 */
import { spawn } from 'node:child_process';
import { rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM } from '../../server/audit/audit.js';
import type { Db } from '../../server/db/index.js';
import { loadDemo } from '../../server/demo/load.js';
import { createImport } from '../../server/ingest/jobs.js';
import { KIND_SPECS } from '../../server/ingest/kinds.js';
import { runImport } from '../../server/ingest/run.js';
import { freshBenchDatabase } from './bench-db.js';
import { sha256, writeCsv } from './import-file.js';
import type { Bench, BenchRow } from './run.js';

const COPY_TABLE = `CREATE TABLE bench_copy (source_row_id text, observed_on date, monitoring_point text, direction text, origin text,
  final_destination text, total int, male int, female int, children int, unaccompanied_children int, nationality char(3),
  transport_mode text, reasons text, vulnerabilities text)`;

/** Seconds psql takes to run `args` (ON_ERROR_STOP); psql \copy streams a file as pg-copy-streams would. */
function psql(url: string, args: string[]): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve((performance.now() - t0) / 1000) : reject(new Error(`psql failed: ${err.trim()}`))));
  });
}

const psqlCopy = (url: string, file: string) => psql(url, ['-c', `\\copy bench_copy FROM '${file}' WITH (FORMAT csv, HEADER true)`]);

/**
 * The database's share of the bulk path, timed alone: the imported rows, already typed (COPY
 * text of the dataset's partition), loaded by psql as bulk.ts loads them (a new table with the
 * CHECK constraints and two indexes, COPY, the primary key and the third index, ATTACH) in a
 * transaction that rolls back.
 */
async function bulkFloor(url: string, datasetId: number): Promise<number> {
  const typed = join(tmpdir(), 'corridor-bench-typed.txt');
  const script = join(tmpdir(), 'corridor-bench-floor.sql');
  const keys = KIND_SPECS.observations.insert.inputs.map(([k]) => k).join(', ');
  const t = 'observations_bench_floor';
  try {
    await psql(url, ['-c', `\\copy (SELECT 0, ${keys} FROM observations WHERE dataset_id = ${datasetId}) TO '${typed}'`]);
    await writeFile(script, `BEGIN;
INSERT INTO datasets (id, name, kind) VALUES (0, 'bench floor', 'observations');
SET LOCAL maintenance_work_mem = '256MB';
CREATE TABLE ${t} (LIKE observations INCLUDING DEFAULTS INCLUDING CONSTRAINTS, CONSTRAINT ${t}_dataset CHECK (dataset_id = 0));
CREATE INDEX ON ${t} (id);
CREATE INDEX ON ${t} (observed_on);
\\copy ${t} (dataset_id, ${keys}) FROM '${typed}'
ALTER TABLE ${t} ADD PRIMARY KEY (dataset_id, source_row_id);
CREATE INDEX ON ${t} (monitoring_point_id, observed_on);
ALTER TABLE observations ATTACH PARTITION ${t} FOR VALUES IN (0);
ROLLBACK;
`);
    return await psql(url, ['-f', script]);
  } finally {
    await rm(typed, { force: true });
    await rm(script, { force: true });
  }
}

/**
 * The floor of the row-at-a-time path (the embedded engine's, and appends): the same rows,
 * already in the server (bench_copy), resolved by a join and written by ONE INSERT … SELECT into
 * observations, paying its foreign-key triggers per row. Rolled back, so the import starts equal.
 */
async function serverInsertFloor(db: Db): Promise<number> {
  class Rollback extends Error {}
  const t0 = performance.now();
  let seconds = 0;
  try {
    await db.transaction(async (tx) => {
      const [ds] = await tx.query<{ id: number }>(`INSERT INTO datasets (name, kind) VALUES ('bench floor', 'observations') RETURNING id`);
      const t = performance.now();
      await tx.query(
        `INSERT INTO observations (dataset_id, source_row_id, observed_on, monitoring_point_id, direction, origin_place_id, origin_country,
           final_destination_place_id, destination_country, total, male, female, children, unaccompanied_children, nationality,
           transport_mode, reasons, vulnerabilities)
         SELECT $1, r.source_row_id, r.observed_on, m.id, r.direction, op.id, coalesce(op.country, r.origin), dp.id,
           coalesce(dp.country, r.final_destination), r.total, r.male, r.female, r.children, r.unaccompanied_children, r.nationality,
           r.transport_mode, coalesce(string_to_array(nullif(r.reasons, ''), ' '), '{}'), coalesce(string_to_array(nullif(r.vulnerabilities, ''), ' '), '{}')
         FROM bench_copy r JOIN monitoring_points m ON m.code = r.monitoring_point
           LEFT JOIN places op ON op.code = r.origin LEFT JOIN places dp ON dp.code = r.final_destination`,
        [ds?.id],
      );
      seconds = (performance.now() - t) / 1000;
      throw new Rollback();
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return seconds || (performance.now() - t0) / 1000;
}

interface ImportTimes {
  datasetId: number;
  pass: number;
  write: number;
  rollup: number;
}

async function timedImport(db: Db, file: string, log: (m: string) => void): Promise<ImportTimes> {
  const { size } = await stat(file);
  const checksum = await sha256(file);
  const options = { dataset: { name: 'bench import', sourceOrg: 'bench' } };
  const id = await createImport(db, { kind: 'observations', mode: 'all-or-nothing', fileName: 'bench.csv', fileBytes: size, checksum, options, createdBy: 'bench' });
  const t0 = performance.now();
  let tWriting = 0;
  let tCommitted = 0;
  let nextLog = 0;
  const out = await runImport(db, { id, kind: 'observations', mode: 'all-or-nothing', path: file, bytes: size, checksum, options, actor: SYSTEM, actorName: 'bench' }, (p) => {
    if (p.status === 'writing' && !tWriting) tWriting = performance.now();
    if (p.status === 'committed' && !tCommitted) tCommitted = performance.now();
    if (p.percent >= nextLog) {
      log(`import ${p.status} ${Math.floor(p.percent)}% (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      nextLog = Math.floor(p.percent / 10) * 10 + 10;
    }
  });
  if (out.status !== 'committed' || out.datasetId === null) throw new Error(`bench import ${out.status}: ${out.message}`);
  const end = performance.now();
  return { datasetId: out.datasetId, pass: (tWriting - t0) / 1000, write: (tCommitted - tWriting) / 1000, rollup: (end - tCommitted) / 1000 };
}

export const importBench: Bench = {
  name: 'import',
  summary: 'import throughput (rows/s) of a generated FMR CSV vs raw psql \\copy into an unindexed table (--rows 1000000)',
  async run({ options, log }) {
    const rows = Number(options.rows ?? 1_000_000);
    if (!Number.isInteger(rows) || rows <= 0) throw new Error(`--rows: ${options.rows} is not a row count`);
    const file = join(tmpdir(), `corridor-bench-import-${rows}.csv`);
    log(`writing ${rows} rows to ${file}`);
    await writeCsv(file, rows);
    const { db, url, name } = await freshBenchDatabase('import');
    try {
      log(`fresh database ${name} with the reference geography`);
      await loadDemo(db, { rows: 0, seed: 20181 });
      await db.exec(COPY_TABLE);
      const copy1 = await psqlCopy(url.toString(), file);
      log(`raw COPY: ${copy1.toFixed(1)} s`);
      const rowFloor = await serverInsertFloor(db);
      log(`row-at-a-time floor, INSERT … SELECT into observations: ${rowFloor.toFixed(1)} s`);
      await db.exec('TRUNCATE bench_copy');
      const t = await timedImport(db, file, log);
      const copy2 = await psqlCopy(url.toString(), file);
      log(`raw COPY again: ${copy2.toFixed(1)} s`);
      const floor = await bulkFloor(url.toString(), t.datasetId);
      log(`database floor of the bulk path: ${floor.toFixed(1)} s`);
      const copy = (copy1 + copy2) / 2;
      const importS = t.pass + t.write;
      const perS = (s: number) => Math.round(rows / s);
      const out: BenchRow[] = [
        { step: 'raw COPY (psql \\copy, unindexed table), mean of 2', rows, seconds: copy, 'rows/s': perS(copy) },
        { step: 'import: one pass (read, validate, stream COPY)', rows, seconds: t.pass, 'rows/s': perS(t.pass) },
        { step: 'import: primary key, indexes, ATTACH, commit', rows, seconds: t.write, 'rows/s': perS(t.write) },
        { step: 'import total (committed)', rows, seconds: importS, 'rows/s': perS(importS) },
        { step: 'flow rollup refresh after the import', rows, seconds: t.rollup, 'rows/s': perS(t.rollup) },
        { step: 'floor: database share of the bulk path (typed rows, psql)', rows, seconds: floor, 'rows/s': perS(floor) },
        { step: 'floor: row-at-a-time INSERT … SELECT into observations', rows, seconds: rowFloor, 'rows/s': perS(rowFloor) },
        { step: 'ratio: import rows/s ÷ raw COPY rows/s (aim ≥ 0.33)', ratio: (copy / importS).toFixed(3) },
        { step: 'ratio: database floor rows/s ÷ raw COPY rows/s', ratio: (copy / floor).toFixed(3) },
        { step: 'ratio: import rows/s ÷ database floor rows/s', ratio: (floor / importS).toFixed(3) },
      ];
      return out;
    } finally {
      await db.close();
      await rm(file, { force: true });
    }
  },
};
