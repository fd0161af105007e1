import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { EMBEDDED_CONF, openEmbedded } from '../../server/db/embedded.js';
import { checkpointEmbedded } from '../../server/db/index.js';
import { migrate, readMigrations } from '../../server/db/migrate.js';
import { openServer } from '../../server/db/server.js';
import { loadDemo } from '../../server/demo/load.js';
import { refreshRollup } from '../../server/query/rollup.js';
import { paths } from '../../server/paths.js';

/** Demo size for tests: big enough for structure (corridors, weekdays), small enough to be quick. */
export const TEST_DEMO = { rows: 20_000, seed: 7 };

/** Changes to migrations or the demo generator invalidate the prepared template. */
function templateKey(): string {
  const h = createHash('sha256').update(JSON.stringify(TEST_DEMO)).update(EMBEDDED_CONF.join('\n'));
  for (const m of readMigrations(paths.migrations)) h.update(m.checksum);
  const demoDir = join(paths.root, 'server/demo');
  for (const f of readdirSync(demoDir).sort()) h.update(readFileSync(join(demoDir, f)));
  h.update(readFileSync(join(paths.data, 'geography.json')));
  // The template holds the built flow rollups: what builds them changes it too.
  for (const f of ['rollup.ts', 'rollup-sql.ts', 'cubes.ts', 'bits.ts', 'plan.ts']) h.update(readFileSync(join(paths.root, 'server/query', f)));
  h.update(readFileSync(join(paths.root, 'server/db/reference.ts'))); // reference data migrate() loads
  for (const f of ['boundaries.ts', 'vendored.ts']) h.update(readFileSync(join(paths.root, 'server/places', f)));
  for (const f of readdirSync(join(paths.data, 'admin')).sort()) h.update(readFileSync(join(paths.data, 'admin', f)));
  return h.digest('hex').slice(0, 16);
}

/** A gzip dump of an embedded database with schema and test demo data, cached in .cache/. */
export async function prepareEmbeddedTemplate(): Promise<string> {
  const dir = join(paths.root, '.cache');
  const file = join(dir, `test-template-${templateKey()}.tar.gz`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const db = await openEmbedded({});
  await migrate(db, readMigrations(paths.migrations));
  await loadDemo(db, TEST_DEMO);
  await refreshRollup(db); // flow rollups, as after any demo load or import
  await checkpointEmbedded(db); // as the first start does: the dump carries no spent WAL
  const dump = await db.dump();
  await db.close();
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, file); // atomic: a half-written template is never picked up
  return file;
}

/**
 * Databases made by a test run are named after the TEST_DATABASE_URL database (`<base>_tpl`,
 * `<base>_t_<hex>`), so runs against different base databases never touch each other's.
 */
export function serverDbNames(url: string): { template: string; prefix: string } {
  const base = new URL(url).pathname.slice(1).toLowerCase().replace(/[^a-z0-9_]/g, '_') || 'corridor';
  return { template: `${base}_tpl`, prefix: `${base}_t_` };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * The server template database (migrations + test demo data), rebuilt only when its key
 * (templateKey) changed: the key is written as the database's comment once the build is
 * complete, so an interrupted build is never reused.
 */
export async function prepareServerTemplate(url: string): Promise<void> {
  const { template, prefix } = serverDbNames(url);
  const key = `corridor test template ${templateKey()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    if (process.env.CI) {
      // Leftovers of an interrupted earlier run; only in CI, where no other run can be using them.
      const stale = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [prefix]);
      for (const { datname } of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    const [current] = (
      await admin.query<{ comment: string | null }>(`SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`, [template])
    ).rows;
    if (current?.comment === key) return;
    // Leftovers of an interrupted earlier run would block DROP; end their connections first.
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  const db = await openServer(withDatabase(url, template), 2);
  await migrate(db, readMigrations(paths.migrations));
  await loadDemo(db, TEST_DEMO);
  await refreshRollup(db); // flow rollups, as after any demo load or import
  await db.close();
  await adminQuery(url, `COMMENT ON DATABASE ${template} IS '${key}'`);
}

/** One statement on the server outside any test database (CREATE/DROP/COMMENT ON DATABASE). */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
