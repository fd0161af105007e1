import type { Queryable } from '../db/index.js';
import type { DbRecord, DbValue, InsertSpec } from './fields.js';

/** Rows per INSERT, as the demo loader: amortises a round trip, bounded memory. */
export const BATCH_ROWS = 10_000;

/**
 * INSERT … SELECT FROM unnest($2::t[], …) for one kind: one array per column, so a batch is one
 * statement with plain parameters on both engines (server/demo/sql.ts). Table and column names
 * come from the kind specs, never from a file. skipExisting: ON CONFLICT … DO NOTHING skips rows
 * already present and RETURNING counts what was really added — needed when appending to a
 * dataset and for code-keyed kinds; a new dataset cannot hold the rows yet, so its batches go
 * in plainly (the speculative insertion and the count cost time on a million rows).
 */
export function insertSql(spec: InsertSpec, skipExisting: boolean): string {
  const arrays = spec.inputs.map(([, type], i) => `$${i + 2}::${type}[]`).join(', ');
  const names = spec.inputs.map(([k]) => k).join(', ');
  const cols = [...(spec.datasetColumn ? ['dataset_id'] : []), ...spec.targets.map(([c]) => c)].join(', ');
  const exprs = [...(spec.datasetColumn ? ['$1::int'] : []), ...spec.targets.map(([, e]) => e)].join(', ');
  const insert = `INSERT INTO ${spec.table} (${cols}) SELECT ${exprs} FROM unnest(${arrays}) AS u(${names})`;
  if (!skipExisting) return insert;
  return `WITH ins AS (${insert} ON CONFLICT ${spec.conflict} DO NOTHING RETURNING 1) SELECT count(*)::int AS n FROM ins`;
}

/** Column arrays for one batch. */
export class Batch {
  private readonly cols: DbValue[][];
  size = 0;

  constructor(private readonly spec: InsertSpec) {
    this.cols = spec.inputs.map(() => []);
  }

  add(r: DbRecord): void {
    const inputs = this.spec.inputs;
    for (let i = 0; i < inputs.length; i++) this.cols[i]?.push(r[inputs[i]?.[0] ?? ''] ?? null);
    this.size++;
  }

  params(datasetId: number): unknown[] {
    return [datasetId, ...this.cols];
  }
}

/**
 * Writes batches with at most one statement in flight: the next batch is validated while the
 * database inserts the previous one (a real overlap on a server, where it is another process).
 */
export class BatchWriter {
  private inFlight: Promise<void> = Promise.resolve();
  private failed: unknown;
  inserted = 0;
  written = 0;
  private readonly sql: string;

  constructor(
    private readonly tx: Queryable,
    spec: InsertSpec,
    private readonly datasetId: number,
    private readonly skipExisting: boolean,
    private readonly onWritten?: (rows: number) => void,
  ) {
    this.sql = insertSql(spec, skipExisting);
  }

  async send(batch: Batch): Promise<void> {
    await this.inFlight;
    if (this.failed) throw this.failed;
    const size = batch.size;
    this.inFlight = this.tx.query<{ n: number }>(this.sql, batch.params(this.datasetId)).then(
      ([row]) => {
        this.inserted += this.skipExisting ? (row?.n ?? 0) : size;
        this.written += size;
        this.onWritten?.(this.written);
      },
      (err: unknown) => {
        this.failed = err;
      },
    );
  }

  async flush(): Promise<void> {
    await this.inFlight;
    if (this.failed) throw this.failed;
  }
}
