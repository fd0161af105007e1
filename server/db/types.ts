/** A row as the drivers return it after normalisation (see each implementation). */
export type Row = Record<string, unknown>;

/** What both the database and an open transaction offer. */
export interface Queryable {
  /** One statement with bound `$n` values. */
  query<T extends Row = Row>(text: string, values?: readonly unknown[]): Promise<T[]>;
  /** Several statements without values (migrations, DDL). */
  exec(text: string): Promise<void>;
  /**
   * COPY `target` ('table (col, …)') from text in COPY's text format, inside a transaction only:
   * `produce` sends chunks, awaiting the promise `send` returns when the database needs time.
   * Resolves to the rows copied; a producer error aborts the COPY (and so the transaction).
   */
  copyFrom?(target: string, produce: CopyProducer): Promise<number>;
}

export type CopyProducer = (send: (chunk: string) => Promise<void> | undefined) => Promise<void>;

/**
 * The one database interface. Two implementations, chosen once from config:
 * embedded PGlite + PostGIS, or a pg Pool against a PostGIS server.
 * Both return int8 and numeric as JS numbers and `date` as 'YYYY-MM-DD' strings,
 * so no caller needs to know which one is running.
 */
export interface Db extends Queryable {
  readonly kind: 'embedded' | 'server';
  /**
   * The embedded engine's folder for its own temporary files (an import's spool,
   * ingest/spool.ts): inside its data directory, which one process holds, so whatever is there
   * at start-up is a crash's leftover. Undefined on the server.
   */
  readonly scratchDir?: string;
  /** Runs fn in one transaction; a thrown error rolls everything back. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The database cannot be opened; the message is one line meant for the console. */
export class DbOpenError extends Error {}
