import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type { Db } from '../../server/db/index.js';
import { readMigrations } from '../../server/db/migrate.js';
import { paths } from '../../server/paths.js';
import { type DbKind, sharedDb } from './db.js';

export interface TestApp {
  url: string;
  db: Db;
  get(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** The real app, in-process on a free port, against a real PostGIS (embedded by default). */
export async function startApp(opts: { kind?: DbKind; db?: Db; env?: NodeJS.ProcessEnv } = {}): Promise<TestApp> {
  const db = opts.db ?? (await sharedDb(opts.kind ?? 'embedded'));
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...opts.env });
  const schemaVersion = readMigrations(paths.migrations).at(-1)?.version ?? 'none';
  const app = createApp({ config, db, log: pino({ level: 'silent' }), schemaVersion });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    db,
    get: (path, init) => fetch(url + path, init),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
