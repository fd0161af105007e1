import pg from 'pg';
import type { Db } from '../../server/db/index.js';
import { migrate, readMigrations } from '../../server/db/migrate.js';
import { openServer } from '../../server/db/server.js';
import { loadDemo } from '../../server/demo/load.js';
import { refreshRollup } from '../../server/query/rollup.js';
import { paths } from '../../server/paths.js';

/** Benchmarks run on a PostGIS server (the multi-user deployment), never on the embedded database. */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/corridor_bench';
/** The demo seed of server/config.ts, so bench figures describe the data users see. */
const SEED = 20181;

/**
 * The bench database holding exactly `rows` demo observations with fresh rollups: created if
 * missing; reloaded from scratch if it holds another number of rows (10 M rows take a while:
 * keep one size per database, or point BENCH_DATABASE_URL elsewhere per size). `url`: another
 * database on the same server (the load bench keeps its own size apart).
 */
export async function benchDatabase(rows: number, log: (m: string) => void, url = BENCH_DATABASE_URL): Promise<Db> {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bench database name ${name} must be a plain lower-case identifier`);
  if (!(await admin((c) => c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]))).rowCount) {
    log(`creating database ${name}`);
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
  }
  let db = await openServer(url, 4);
  await migrate(db, readMigrations(paths.migrations));
  const [have] = await db.query<{ n: number; places: number }>(
    'SELECT (SELECT count(*) FROM observations)::bigint AS n, (SELECT count(*) FROM places)::int AS places',
  );
  if (have?.n !== rows) {
    log(`database ${name} holds ${have?.n ?? 0} observations, not ${rows}: reloading the demo (seed ${SEED})`);
    if ((have?.places ?? 0) > 0) {
      // loadDemo only fills an empty database: start again from a new one.
      await db.close();
      await admin((c) => c.query(`DROP DATABASE ${name} WITH (FORCE)`));
      await admin((c) => c.query(`CREATE DATABASE ${name}`));
      db = await openServer(url, 4);
      await migrate(db, readMigrations(paths.migrations));
    }
    const t0 = Date.now();
    let next = 0;
    await loadDemo(db, { rows, seed: SEED }, (done, total) => {
      if (done >= next) {
        log(`loaded ${done} of ${total} observations (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
        next += Math.max(total / 10, 1);
      }
    });
  }
  const [dirty] = await db.query<{ dirty: boolean }>('SELECT EXISTS (SELECT 1 FROM flow_rollup_dirty) AS dirty');
  if (dirty?.dirty) {
    log('building the flow rollups…');
    const r = await refreshRollup(db);
    log(`flow rollups built in ${(r.ms / 1000).toFixed(0)} s (${r.cubeRows} daily cube rows)`);
  }
  await db.exec('VACUUM ANALYZE observations'); // visibility map and statistics, as a settled database has
  return db;
}

/**
 * A new, empty, migrated database named after the bench database with `_suffix` (a leftover one
 * is dropped first), for benchmarks that write; `drop` removes it.
 */
export async function freshBenchDatabase(suffix: string): Promise<{ db: Db; url: string; name: string; drop: () => Promise<void> }> {
  const url = new URL(BENCH_DATABASE_URL);
  const name = `${url.pathname.slice(1)}_${suffix}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bench database name ${name} must be a plain lower-case identifier`);
  url.pathname = `/${name}`;
  const drop = async () => void (await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));
  await drop();
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const db = await openServer(url.toString(), 4);
  try {
    await migrate(db, readMigrations(paths.migrations));
  } catch (err) {
    await db.close();
    throw err;
  }
  return { db, url: url.toString(), name, drop };
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const u = new URL(BENCH_DATABASE_URL);
  u.pathname = '/postgres';
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
