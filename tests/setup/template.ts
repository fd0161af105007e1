import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openEmbedded } from '../../server/db/embedded.js';
import { migrate, readMigrations } from '../../server/db/migrate.js';
import { openServer } from '../../server/db/server.js';
import { loadDemo } from '../../server/demo/load.js';
import { refreshRollup } from '../../server/flows/rollup.js';
import { paths } from '../../server/paths.js';

/** Demo size for tests: big enough for structure (corridors, weekdays), small enough to be quick. */
export const TEST_DEMO = { rows: 20_000, seed: 7 };

/** Changes to migrations or the demo generator invalidate the prepared template. */
function templateKey(): string {
  const h = createHash('sha256').update(JSON.stringify(TEST_DEMO));
  for (const m of readMigrations(paths.migrations)) h.update(m.checksum);
  const demoDir = join(paths.root, 'server/demo');
  for (const f of readdirSync(demoDir).sort()) h.update(readFileSync(join(demoDir, f)));
  h.update(readFileSync(join(paths.data, 'geography.json')));
  h.update(readFileSync(join(paths.root, 'server/flows/rollup.ts'))); // the template holds the built rollup
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
  const dump = await db.dump();
  await db.close();
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, file); // atomic: a half-written template is never picked up
  return file;
}

export const SERVER_TEMPLATE_DB = 'corridor_test_template';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Rebuilds the server template database from scratch (migrations + test demo data). */
export async function prepareServerTemplate(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    // Leftovers of an interrupted earlier run would block DROP; end their connections first.
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [SERVER_TEMPLATE_DB]);
    await admin.query(`DROP DATABASE IF EXISTS ${SERVER_TEMPLATE_DB}`);
    await admin.query(`CREATE DATABASE ${SERVER_TEMPLATE_DB}`);
    const stale = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'corridor_t\\_%'`);
    for (const { datname } of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const db = await openServer(withDatabase(url, SERVER_TEMPLATE_DB), 2);
  await migrate(db, readMigrations(paths.migrations));
  await loadDemo(db, TEST_DEMO);
  await refreshRollup(db); // flow rollups, as after any demo load or import
  await db.close();
}
