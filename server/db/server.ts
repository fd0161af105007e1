import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { CopyProducer, Db, Queryable, Row } from './types.js';
import { DbOpenError } from './types.js';

// Normalise results to what the embedded implementation returns (see Db).
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
    if (oid === DATE) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * A pool against a PostGIS server. `readOnly` (the read replica, see db/index.ts) makes every
 * transaction read-only, so a write sent to the reader by mistake fails at once even where the
 * reader URL names a primary (a standby would refuse it anyway, but only in production).
 */
export async function openServer(url: string, max: number, opts: { readOnly?: boolean } = {}): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: typeParsers,
    connectionTimeoutMillis: 10_000,
    ...(opts.readOnly ? { options: '-c default_transaction_read_only=on' } : {}),
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    await pool.end();
    const where = safeTarget(url);
    const what = opts.readOnly ? 'read replica' : 'database';
    throw new DbOpenError(`cannot reach the ${what} at ${where}: ${(err as Error).message}`);
  }
  return new ServerDb(pool);
}

/** host:port/db without the password, for messages. */
function safeTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

function wrap(c: pg.Pool | pg.PoolClient): Queryable {
  const copyFrom = 'release' in c ? (target: string, produce: CopyProducer) => copy(c, `COPY ${target} FROM STDIN`, produce) : undefined;
  return {
    ...(copyFrom ? { copyFrom } : {}),
    async query<T extends Row>(text: string, values?: readonly unknown[]) {
      const res = await c.query<T>(text, values ? [...values] : undefined);
      return res.rows;
    },
    async exec(text: string) {
      await c.query(text);
    },
  };
}

/** COPY on one connection (a transaction's): only a pool client keeps the stream on one session. */
async function copy(c: pg.PoolClient, sql: string, produce: CopyProducer): Promise<number> {
  const stream = c.query(copyFromStdin(sql));
  const done = finished(stream);
  done.catch(() => {}); // awaited below; a failure also reaches the producer through `send`
  const send = (chunk: string): Promise<void> | undefined => {
    if (stream.destroyed || stream.errored) throw stream.errored ?? new Error('the COPY stream closed early');
    return stream.write(chunk) ? undefined : once(stream, 'drain').then(() => undefined);
  };
  try {
    await produce(send);
  } catch (err) {
    stream.destroy(err as Error); // sends CopyFail: the server ends the COPY with this error
    await done.catch(() => {});
    throw err;
  }
  stream.end();
  await done;
  return stream.rowCount;
}

class ServerDb implements Db {
  readonly kind = 'server' as const;
  private readonly q: Queryable;

  constructor(private readonly pool: pg.Pool) {
    this.q = wrap(pool);
  }

  query<T extends Row = Row>(text: string, values?: readonly unknown[]): Promise<T[]> {
    return this.q.query<T>(text, values);
  }

  exec(text: string): Promise<void> {
    return this.q.exec(text);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(wrap(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
