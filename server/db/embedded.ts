import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { acquireDirLock } from './lock.js';
import type { Db, Queryable, Row } from './types.js';

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
}

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
      extensions: { postgis },
      parsers,
    });
    return new EmbeddedDb(pg, release);
  } catch (err) {
    release();
    throw err;
  }
}

function wrap(q: PGlite | Transaction): Queryable {
  return {
    async query<T extends Row>(text: string, values?: readonly unknown[]) {
      const res = await q.query<T>(text, values ? [...values] : undefined);
      return res.rows;
    },
    async exec(text: string) {
      await q.exec(text);
    },
  };
}

export class EmbeddedDb implements Db {
  readonly kind = 'embedded' as const;
  private readonly q: Queryable;

  constructor(
    readonly pg: PGlite,
    private readonly release: () => void,
  ) {
    this.q = wrap(pg);
  }

  query<T extends Row = Row>(text: string, values?: readonly unknown[]): Promise<T[]> {
    return this.q.query<T>(text, values);
  }

  exec(text: string): Promise<void> {
    return this.q.exec(text);
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
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
      this.release();
    }
  }
}
