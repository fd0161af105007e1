import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { startAlertJobs } from './alerts/service.js';
import { createApp, listeningOn } from './app.js';
import type { Activity } from './http/activity.js';
import { bootstrapAuth } from './auth/bootstrap.js';
import { closeBriefRenderer } from './briefs/render.js';
import { ensureClientBuilt } from './build.js';
import { ConfigError, loadConfig } from './config.js';
import { DbOpenError, openDb, openReader } from './db/index.js';
import { MigrationError, migrate, readMigrations } from './db/migrate.js';
import { buildRollups, rollupStaleEverywhere, seedDemoIfEmpty } from './demo/seed.js';
import { sweepSpool } from './ingest/spool.js';
import { createLogger } from './log.js';
import { paths } from './paths.js';

/** Start-up: config → db → migrate → seed demo if empty → build client if stale → listen. */
async function main(): Promise<void> {
  const t0 = Date.now();
  const config = loadConfig();
  const log = createLogger(config);
  // Where a start goes, step by step (LOG_LEVEL=debug): the figures behind issue 19's start times.
  let tStep = Date.now();
  const step = (name: string) => {
    log.debug({ step: name, ms: Date.now() - tStep }, 'start-up step');
    tStep = Date.now();
  };
  // Beside the database's start, on the other core; awaited before listening (build.ts).
  const clientBuilt = ensureClientBuilt(log);
  clientBuilt.catch(() => {}); // a failure is reported where it is awaited, not as unhandled
  const db = await openDb(config);
  step('open database');
  const reader = await openReader(config, db); // db itself without DATABASE_READ_URL
  const shutdown = async () => {
    await closeBriefRenderer().catch(() => {});
    if (reader !== db) await reader.close().catch(() => {});
    await db.close().catch(() => {});
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  const schemaVersion = await migrate(db, readMigrations(paths.migrations));
  step('migrations and reference data');
  const swept = await sweepSpool(db);
  if (swept.length) log.warn({ tables: swept }, 'dropped the tables of imports a stop interrupted (they are retried from their files)');
  const seeded = await seedDemoIfEmpty(db, config, log);
  step('demo data');
  const rebuild = seeded || (await rollupStaleEverywhere(db));
  const { signInCode, validHours } = await bootstrapAuth(db, config, log);
  step('auth bootstrap');
  await clientBuilt;
  step('client build (waited for)');

  // Daily evaluation of the latest day and the webhook/e-mail worker (timers unref'd).
  const alertJobs = startAlertJobs(db, config, log);
  process.once('exit', () => alertJobs.stop());
  const app = createApp({ config, db, reader, log, schemaVersion });
  const server = app.listen(config.PORT, config.HOST);
  await Promise.race([once(server, 'listening'), once(server, 'error').then(([err]) => Promise.reject(err))]);
  listeningOn(app, server);
  step('listen');
  // After listening: the map answers from the raw rows until the rollups are built (seed.ts).
  if (rebuild) void buildRollups(db, log, (app.locals.activity as Activity).quiet).catch((err: unknown) => log.error({ err }, 'building the flow rollups failed; flow queries read the raw rows'));
  const { port } = server.address() as AddressInfo;
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  log.info({ ms: Date.now() - t0, db: db.kind, readReplica: reader !== db, schemaVersion }, 'ready');
  console.log(`\nCorridor is running at http://${host}:${port}/  (${db.kind} database, started in ${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
  if (signInCode) {
    // Printed, never logged: the console is the operator's; log files travel further.
    console.log(`Sign in as admin with this one-time link (valid ${validHours} h, works once):\n  http://${host}:${port}/?signin=${signInCode}\n`);
  }
}

main().catch((err: unknown) => {
  // Known start-up failures get one line, not a stack trace: they are the operator's to fix.
  const known = err instanceof ConfigError || err instanceof DbOpenError || err instanceof MigrationError;
  const code = (err as NodeJS.ErrnoException)?.code;
  const message =
    code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL'
      ? `cannot listen on ${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? 8080} (${code}); set PORT or HOST`
      : err instanceof Error
        ? err.message
        : String(err);
  console.error(`corridor: cannot start: ${message}`);
  if (!known && process.env.LOG_LEVEL === 'debug') console.error(err);
  process.exit(1);
});
