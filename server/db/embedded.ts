import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { paths } from '../paths.js';
import { acquireDirLock } from './lock.js';
import { leanPostgis } from './postgis-bundle.js';
import type { CopyProducer, Db, Queryable, Row } from './types.js';

// Normalise results to what the server implementation returns (see Db).
const parsers = {
  [types.INT8]: (v: string) => Number(v),
  [types.NUMERIC]: (v: string) => Number(v),
  [types.DATE]: (v: string) => v,
};

export interface EmbeddedOptions {
  /** Directory holding pgdata/ and the lock file; omit for an in-memory database. */
  dir?: string;
  /** A gzip tarball from dumpDataDir to start from (tests load a prepared template). */
  loadDataDir?: Blob;
  /** postgresql.conf lines; defaults to EMBEDDED_CONF (measurement scripts try others). */
  conf?: readonly string[];
}

/**
 * postgresql.conf of the embedded engine, chosen to keep data/db small (issue 19; measured on
 * the first start with 200,000 demo rows, before → after the checkpoint seed.ts runs):
 * - PGlite runs PostgreSQL in single-user mode: no checkpointer, so WAL piles up until an
 *   explicit CHECKPOINT (checkpointEmbedded), which then recycles old segments as future ones
 *   up to max_wal_size (default 1 GB: 810 MB stayed 810 MB). 32 MB keeps two 16 MB segments.
 * - wal_level=minimal: a table created or truncated in the same transaction (the demo's
 *   partition, a bulk import's table, the rollups' full rebuild) is written without WAL, so
 *   the first start writes far less (the directory was 216 → 120 MB after the demo load) and
 *   the rollup build is faster. Nothing reads the WAL here: no replicas, no archiving.
 */
export const EMBEDDED_CONF: readonly string[] = ['wal_level=minimal', 'max_wal_senders=0', 'max_wal_size=32MB', 'min_wal_size=32MB'];

export async function openEmbedded(opts: EmbeddedOptions): Promise<EmbeddedDb> {
  let release = () => {};
  let dataDir: string | undefined;
  if (opts.dir) {
    mkdirSync(opts.dir, { recursive: true });
    release = acquireDirLock(join(opts.dir, 'corridor.lock'), `the embedded database in ${opts.dir}`);
    dataDir = join(opts.dir, 'pgdata');
  }
  try {
    const pg = await PGlite.create({
      dataDir,
      loadDataDir: opts.loadDataDir,
      extensions: { postgis: await leanPostgis(join(paths.root, '.cache')) },
      parsers,
      postgresqlconf: [...(opts.conf ?? EMBEDDED_CONF)],
    });
    // In memory (tests): a folder of its own, so no other engine's start-up sweep touches it.
    const scratchDir = opts.dir ? join(opts.dir, 'scratch') : join(tmpdir(), `corridor-scratch-${randomUUID()}`);
    return new EmbeddedDb(pg, release, scratchDir, !opts.dir);
  } catch (err) {
    release();
    throw err;
  }
}

/** Characters of COPY text per blob: each blob is one COPY statement, held in memory meanwhile. */
const BLOB_CHARS = 8 << 20;

/**
 * COPY in PGlite, which reads no client stream: the text is gathered into blobs of ~8 MB, each
 * loaded by one COPY … FROM '/dev/blob' (PGlite's way of handing a statement a file).
 */
async function copyBlobs(q: Transaction, target: string, produce: CopyProducer): Promise<number> {
  let parts: string[] = [];
  let size = 0;
  let rows = 0;
  const load = async () => {
    if (size === 0) return;
    const blob = new Blob(parts);
    parts = [];
    size = 0;
    const res = await q.query(`COPY ${target} FROM '/dev/blob'`, [], { blob });
    rows += res.affectedRows ?? 0;
  };
  await produce((chunk) => {
    parts.push(chunk);
    size += chunk.length;
    return size >= BLOB_CHARS ? load() : undefined;
  });
  await load();
  return rows;
}

function wrap(q: PGlite | Transaction): Queryable {
  const tx = q instanceof PGlite ? undefined : q;
  return {
    ...(tx ? { copyFrom: (target: string, produce: CopyProducer) => copyBlobs(tx, target, produce) } : {}),
    async query<T extends Row>(text: string, values?: readonly unknown[]) {
      const res = await q.query<T>(text, values ? [...values] : undefined);
      return res.rows;
    },
    async exec(text: string) {
      await q.exec(text);
    },
  };
}

/**
 * One turn of the event loop. PGlite runs each statement synchronously and resolves it as a
 * microtask, so a chain of awaited statements (an import's steps, a rollup refresh) never lets
 * timers or sockets run: an HTTP request waited for the whole chain (16 s after a 1,000,000-row
 * import, npm run bench -- import-wait). Each statement or transaction outside a transaction
 * first lets them run, and the engine's queue (first come, first served) then takes waiting
 * requests in turn between the chain's statements.
 */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class EmbeddedDb implements Db {
  readonly kind = 'embedded' as const;
  private readonly q: Queryable;

  constructor(
    readonly pg: PGlite,
    private readonly release: () => void,
    readonly scratchDir: string,
    private readonly ownScratch: boolean,
  ) {
    this.q = wrap(pg);
  }

  async query<T extends Row = Row>(text: string, values?: readonly unknown[]): Promise<T[]> {
    await turn();
    return this.q.query<T>(text, values);
  }

  async exec(text: string): Promise<void> {
    await turn();
    return this.q.exec(text);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    await turn();
    return this.pg.transaction((tx) => fn(wrap(tx)));
  }

  /** A gzip tarball of the whole database (used to prepare test templates). */
  dump(): Promise<Blob> {
    return this.pg.dumpDataDir('gzip');
  }

  async close(): Promise<void> {
    try {
      if (!this.pg.closed) await this.pg.close();
    } finally {
      if (this.ownScratch) await rm(this.scratchDir, { recursive: true, force: true });
      this.release();
    }
  }
}
