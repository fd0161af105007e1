import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openEmbedded } from '../../server/db/embedded.js';
import type { Db } from '../../server/db/index.js';
import { openServer } from '../../server/db/server.js';
import { adminQuery, serverDbNames, withDatabase } from '../setup/template.js';

export type DbKind = 'embedded' | 'server';

/** The database kinds this run tests: always embedded, plus the server when TEST_DATABASE_URL is set. Suites: see suite.ts. */
export const DB_KINDS: DbKind[] = process.env.TEST_DATABASE_URL ? ['embedded', 'server'] : ['embedded'];

/**
 * A fresh database with schema and the test demo data (see tests/setup/template.ts).
 * Embedded: loaded from the prepared dump (~3 s). Server: a new database cloned from the
 * template database (fast file copy), dropped again on close().
 */
export async function openFreshDb(kind: DbKind): Promise<Db> {
  if (kind === 'embedded') {
    const blob = new Blob([readFileSync(inject('embeddedTemplate'))]);
    return openEmbedded({ loadDataDir: blob });
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const { template, prefix } = serverDbNames(url);
  return createServerDb(url, `${prefix}${randomBytes(6).toString('hex')}`, `TEMPLATE ${template}`);
}

/** An empty database with no schema (for migration tests): in memory, or a new server database dropped on close(). */
export async function openBlankDb(kind: DbKind): Promise<Db> {
  if (kind === 'embedded') return openEmbedded({});
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return createServerDb(url, `${serverDbNames(url).prefix}blank_${randomBytes(6).toString('hex')}`, '');
}

/** A new server database (CREATE DATABASE name …), dropped again on close(). */
async function createServerDb(url: string, name: string, options: string): Promise<Db> {
  await adminQuery(url, `CREATE DATABASE ${name} ${options}`);
  const db = await openServer(withDatabase(url, name), 4);
  return {
    kind: db.kind,
    query: (t, v) => db.query(t, v),
    exec: (t) => db.exec(t),
    transaction: (fn) => db.transaction(fn),
    close: async () => {
      await db.close();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

const shared = new Map<DbKind, Promise<Db>>();

/**
 * One database per kind per test worker, shared by the files it runs (isolate: false).
 * For read-only tests; a test that writes uses openFreshDb or cleans up after itself.
 */
export function sharedDb(kind: DbKind): Promise<Db> {
  let db = shared.get(kind);
  if (!db) {
    db = openFreshDb(kind);
    shared.set(kind, db);
  }
  return db;
}
