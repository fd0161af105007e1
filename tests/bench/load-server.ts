/**
 * One app process for the load bench (tests/bench/load.ts): main.ts's start-up without the
 * client build and the alert jobs — config from the environment, migrate, demo data when the
 * database is empty (DEMO_ROWS), CORRIDOR_ADMIN_TOKEN, listen — then `listening <port>` on stdout.
 */
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { createApp, listeningOn } from '../../server/app.js';
import { bootstrapAuth } from '../../server/auth/bootstrap.js';
import { loadConfig } from '../../server/config.js';
import { openDb, openReader } from '../../server/db/index.js';
import { migrate, readMigrations } from '../../server/db/migrate.js';
import { buildRollups, seedDemoIfEmpty } from '../../server/demo/seed.js';
import { createLogger } from '../../server/log.js';
import { paths } from '../../server/paths.js';

const config = loadConfig();
const log = createLogger(config);
const db = await openDb(config);
const reader = await openReader(config, db);
const schemaVersion = await migrate(db, readMigrations(paths.migrations));
// The bench measures the built rollups, so the demo's are built before it listens.
if (await seedDemoIfEmpty(db, config, log)) await buildRollups(db, log);
await bootstrapAuth(db, config, log);
const app = createApp({ config, db, reader, log, schemaVersion });
const server = app.listen(0, '127.0.0.1');
await once(server, 'listening');
listeningOn(app, server);
console.log(`listening ${(server.address() as AddressInfo).port}`);
process.once('SIGTERM', () => {
  server.close();
  void Promise.all([reader !== db ? reader.close() : undefined, db.close()]).finally(() => process.exit(0));
});
