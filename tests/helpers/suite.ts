/**
 * One test suite per database kind, with the database (and an app on it) made for you.
 *
 *   import { describeApp } from '../helpers/suite.js';
 *
 *   describeApp('flows API on the %s database', { as: 'viewer' }, ({ app, db, kind }) => {
 *     it('when …, then …', async () => {
 *       expect((await app.get('/api/v1/flows')).status).toBe(200);
 *     });
 *   });
 *
 * - The body runs once per kind: `embedded` always, `server` (PostgreSQL) when TEST_DATABASE_URL
 *   is set; otherwise the server suite is listed as skipped. `%s` in the name is the kind.
 * - `app` (tests/helpers/app.ts) is started in beforeAll and closed in afterAll; `db` is its
 *   database. Both are handles: use them in hooks and tests, not in the body itself (they
 *   throw there). A beforeAll of your own in the body runs after the app is up, an afterAll of
 *   your own before it is closed.
 * - Options: `db: 'fresh'` gives the suite a database of its own (from the template, dropped
 *   afterwards) for tests that write or need to know every row; the default `'shared'` is the
 *   worker's database, for tests that only read or clean up after themselves. `as`: the role of
 *   app.get() (default anonymous). `env`: configuration. `timeout`, `skip`: as describe's.
 * - describeDb: the same without an app, for SQL and service tests. forEachDb: only the suites
 *   per kind, for tests that make their databases themselves.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import type { Role } from '../../server/auth/roles.js';
import type { Db } from '../../server/db/index.js';
import { startApp, type TestApp } from './app.js';
import { type DbKind, openFreshDb, sharedDb } from './db.js';

export interface SuiteOptions {
  db?: 'shared' | 'fresh';
  timeout?: number;
  skip?: boolean;
}

export interface AppOptions extends SuiteOptions {
  as?: Role;
  env?: NodeJS.ProcessEnv;
}

export interface DbSuite {
  kind: DbKind;
  db: Db;
}

export interface AppSuite extends DbSuite {
  app: TestApp;
}

type KindOptions = Pick<SuiteOptions, 'timeout' | 'skip'>;

/** describe(name, body) once per database kind; the server kind is skipped without TEST_DATABASE_URL. */
export function forEachDb(name: string, body: (kind: DbKind) => void): void;
export function forEachDb(name: string, opts: KindOptions, body: (kind: DbKind) => void): void;
export function forEachDb(name: string, a: KindOptions | ((kind: DbKind) => void), b?: (kind: DbKind) => void): void {
  const [opts, body] = typeof a === 'function' ? [{}, a] : [a, b!];
  for (const kind of ['embedded', 'server'] as const) {
    const missing = kind === 'server' && !process.env.TEST_DATABASE_URL;
    const title = name.replace('%s', kind) + (missing ? ' (skipped: TEST_DATABASE_URL is not set)' : '');
    (opts.skip || missing ? describe.skip : describe)(title, { timeout: opts.timeout }, () => body(kind));
  }
}

/** A suite per database kind with `db` ready in its tests (see the top of this file). */
export function describeDb(name: string, body: (s: DbSuite) => void): void;
export function describeDb(name: string, opts: SuiteOptions, body: (s: DbSuite) => void): void;
export function describeDb(name: string, a: SuiteOptions | ((s: DbSuite) => void), b?: (s: DbSuite) => void): void {
  const [opts, body] = typeof a === 'function' ? [{}, a] : [a, b!];
  forEachDb(name, opts, (kind) => body({ kind, db: dbHandle(useDb(kind, opts)) }));
}

/** A suite per database kind with `app` started on `db` for its tests (see the top of this file). */
export function describeApp(name: string, body: (s: AppSuite) => void): void;
export function describeApp(name: string, opts: AppOptions, body: (s: AppSuite) => void): void;
export function describeApp(name: string, a: AppOptions | ((s: AppSuite) => void), b?: (s: AppSuite) => void): void {
  const [opts, body] = typeof a === 'function' ? [{}, a] : [a, b!];
  forEachDb(name, opts, (kind) => {
    const db = useDb(kind, opts);
    let app: TestApp | undefined;
    beforeAll(async () => {
      app = await startApp({ db: db(), as: opts.as, env: opts.env });
    });
    afterAll(async () => {
      await app?.close();
    });
    body({ kind, db: dbHandle(db), app: appHandle(() => ready(app, 'app')) });
  });
}

/** Opens the suite's database in beforeAll (closing a fresh one in afterAll); returns its getter. */
function useDb(kind: DbKind, opts: SuiteOptions): () => Db {
  let db: Db | undefined;
  beforeAll(async () => {
    db = await (opts.db === 'fresh' ? openFreshDb(kind) : sharedDb(kind));
  });
  if (opts.db === 'fresh') afterAll(async () => {
    await db?.close();
  });
  return () => ready(db, 'db');
}

function ready<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the suite's ${what} is used before its beforeAll ran: use it inside a hook or a test`);
  return value;
}

// The handles forward every call to what beforeAll made, so tests can destructure them up front.
function dbHandle(db: () => Db): Db {
  return {
    get kind() {
      return db().kind;
    },
    get scratchDir() {
      return db().scratchDir;
    },
    query: (text, values) => db().query(text, values),
    exec: (text) => db().exec(text),
    get copyFrom() {
      const d = db();
      return d.copyFrom?.bind(d);
    },
    transaction: (fn) => db().transaction(fn),
    close: () => db().close(),
  };
}

function appHandle(app: () => TestApp): TestApp {
  return {
    get url() {
      return app().url;
    },
    get db() {
      return app().db;
    },
    get config() {
      return app().config;
    },
    get anonymous() {
      return app().anonymous;
    },
    as: (role) => app().as(role),
    get: (path, init) => app().get(path, init),
    close: () => app().close(),
  };
}
