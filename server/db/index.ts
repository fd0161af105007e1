import type { Config } from '../config.js';
import { openEmbedded } from './embedded.js';
import { openServer } from './server.js';
import type { Db } from './types.js';

export type { Db, Queryable, Row } from './types.js';
export { DbOpenError } from './types.js';

/** Chooses the implementation once, from config: DATABASE_URL → server, else embedded. */
export function openDb(config: Pick<Config, 'DATABASE_URL' | 'dataDir' | 'PG_POOL_MAX'>): Promise<Db> {
  return config.DATABASE_URL
    ? openServer(config.DATABASE_URL, config.PG_POOL_MAX)
    : openEmbedded({ dir: config.dataDir });
}

/**
 * Where read-only queries go: the replica at DATABASE_READ_URL (a second pool, read-only), or
 * `primary` itself when it is unset (the embedded engine always). Callers choose per request:
 * the analysis endpoints read from the reader; writes, and reads that must see a write just
 * made (an import's status, a plan just saved, sign-in), use the primary. Closing the primary
 * does not close the reader: close both (the same object when there is no replica).
 */
export function openReader(config: Pick<Config, 'DATABASE_READ_URL' | 'PG_POOL_MAX'>, primary: Db): Promise<Db> {
  return config.DATABASE_READ_URL ? openServer(config.DATABASE_READ_URL, config.PG_POOL_MAX, { readOnly: true }) : Promise.resolve(primary);
}

/** Engine versions, for the health endpoint and start-up log. */
export async function engineInfo(db: Db): Promise<{ postgres: string; postgis: string }> {
  const [row] = await db.query<{ postgres: string; postgis: string }>(
    `SELECT current_setting('server_version') AS postgres, postgis_lib_version() AS postgis`,
  );
  return { postgres: row?.postgres ?? 'unknown', postgis: row?.postgis ?? 'unknown' };
}

/**
 * After a bulk write (the demo load, a large import): the embedded engine runs PostgreSQL in
 * single-user mode, where no checkpointer runs and a full WAL never triggers a checkpoint, so
 * the WAL of every write since the last start stays on disk (449 MB after the first start,
 * issue 19). A CHECKPOINT here removes it down to max_wal_size (EMBEDDED_CONF). The server's
 * own checkpointer keeps its WAL in bounds, and CHECKPOINT there needs a privileged role.
 */
export async function checkpointEmbedded(db: Db): Promise<void> {
  if (db.kind === 'embedded') await db.exec('CHECKPOINT');
}

/**
 * Between the steps of background work (a spooled import, a rollup refresh in steps, alert
 * rules): a timer, so the requests that arrived during a step get the engine before the next
 * step does. The embedded engine's statements each wait for an event-loop turn first
 * (embedded.ts), and a step queued from that same turn would otherwise go ahead of them: a
 * request then waited for two steps, not one (npm run bench -- import-wait).
 */
export const yieldToRequests = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
