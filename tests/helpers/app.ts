import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApp, listeningOn } from '../../server/app.js';
import type { Role } from '../../server/auth/roles.js';
import { createToken } from '../../server/auth/tokens.js';
import { type Config, loadConfig } from '../../server/config.js';
import type { Db } from '../../server/db/index.js';
import { readMigrations } from '../../server/db/migrate.js';
import { paths } from '../../server/paths.js';
import { type DbKind, sharedDb } from './db.js';

export interface Requester {
  get(path: string, init?: RequestInit): Promise<Response>;
}

export interface TestApp extends Requester {
  url: string;
  db: Db;
  config: Config;
  /** Requests carrying an API token of this role (one token per role per app, made on first use). */
  as(role: Role): Requester;
  /** Requests with no credentials, whatever startApp's `as` says. */
  anonymous: Requester;
  close(): Promise<void>;
}

/**
 * The real app, in-process on a free port, against a real PostGIS (embedded by default).
 * `as`: the role app.get() uses (default anonymous). bcrypt runs at its lowest cost here.
 */
export async function startApp(
  opts: { kind?: DbKind; db?: Db; reader?: Db; env?: NodeJS.ProcessEnv; as?: Role } = {},
): Promise<TestApp> {
  const db = opts.db ?? (await sharedDb(opts.kind ?? 'embedded'));
  // Uploads out of the working tree: an app closed before its import ran leaves the file behind.
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', BCRYPT_COST: '4', UPLOAD_DIR: join(tmpdir(), 'corridor-test-uploads'), ...opts.env });
  const schemaVersion = readMigrations(paths.migrations).at(-1)?.version ?? 'none';
  const app = createApp({ config, db, reader: opts.reader, log: pino({ level: 'silent' }), schemaVersion });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  listeningOn(app, server);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokens = new Map<Role, Promise<string>>();
  const as = (role: Role): Requester => ({
    async get(path, init) {
      let token = tokens.get(role);
      if (!token) {
        // Unique names: the shared test database outlives this app.
        token = createToken(db, { name: `test-${role}-${randomUUID()}`, role }).then((t) => t.token);
        tokens.set(role, token);
      }
      const headers = new Headers(init?.headers);
      if (!headers.has('authorization')) headers.set('authorization', `Bearer ${await token}`);
      return fetch(url + path, { ...init, headers });
    },
  });
  const anonymous: Requester = { get: (path, init) => fetch(url + path, init) };
  return {
    url,
    db,
    config,
    as,
    anonymous,
    get: opts.as ? as(opts.as).get : anonymous.get,
    close: () =>
      new Promise<void>((resolve) => {
        (app.locals.stopJobs as (() => void) | undefined)?.();
        server.close(() => resolve());
      }),
  };
}
