import type { Db, Queryable } from '../../server/db/index.js';
import { openReader } from '../../server/db/index.js';
import { openServer } from '../../server/db/server.js';
import { withDatabase } from '../setup/template.js';

/**
 * The streaming replica of the test cluster (.ci/run makes one with .ci/replica): its URL names
 * the replica of TEST_DATABASE_URL's database. Unset = the replica tests are skipped.
 */
export const READ_URL = process.env.TEST_DATABASE_READ_URL;

/**
 * Waits until the replica has replayed everything the primary has written so far: the WAL
 * position is read on the primary, then the replica's replay position polled until it passes.
 */
export async function waitForReplay(primary: Queryable, replica: Queryable, timeoutMs = 60_000): Promise<void> {
  const [at] = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [r] = await replica.query<{ ok: boolean; replayed: string | null }>(
      'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok, pg_last_wal_replay_lsn()::text AS replayed',
      [at?.lsn],
    );
    if (r?.ok) return;
    if (Date.now() > until) throw new Error(`the replica replayed up to ${r?.replayed}, not yet ${at?.lsn}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The replica's `postgres` database: for waiting on replay and pausing it (superuser on loopback). */
export function openReplicaAdmin(readUrl: string): Promise<Db> {
  return openServer(withDatabase(readUrl, 'postgres'), 1);
}

/**
 * The reader of a primary test database (a fresh one has just been created there): once the
 * replica has replayed its creation, opened as the app opens DATABASE_READ_URL (openReader).
 */
export async function openReplicaOf(primary: Db, admin: Queryable, readUrl: string): Promise<Db> {
  const [db] = await primary.query<{ name: string }>('SELECT current_database() AS name');
  await waitForReplay(primary, admin);
  return openReader({ DATABASE_READ_URL: withDatabase(readUrl, db!.name), PG_POOL_MAX: 4 }, primary);
}
