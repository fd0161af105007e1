import type { Queryable } from '../db/index.js';
import type { DbRecord, DbValue, InsertSpec } from './fields.js';

/** Rows per INSERT, as the demo loader: amortises a round trip, bounded memory. */
export const BATCH_ROWS = 10_000;

/**
 * INSERT … SELECT FROM unnest($2::t[], …) for one kind: one array per column, so a batch is one
 * statement with plain parameters on both engines (server/demo/sql.ts). Table and column names
 * come from the kind specs, never from a file. ON CONFLICT … DO NOTHING skips rows already
 * present; RETURNING 1 counts what was really added.
 */
export function insertSql(spec: InsertSpec): string {
  const arrays = spec.inputs.map(([, type], i) => `$${i + 2}::${type}[]`).join(', ');
  const names = spec.inputs.map(([k]) => k).join(', ');
  const cols = [...(spec.datasetColumn ? ['dataset_id'] : []), ...spec.targets.map(([c]) => c)].join(', ');
  const exprs = [...(spec.datasetColumn ? ['$1::int'] : []), ...spec.targets.map(([, e]) => e)].join(', ');
  return `WITH ins AS (
    INSERT INTO ${spec.table} (${cols})
    SELECT ${exprs} FROM unnest(${arrays}) AS u(${names})
    ON CONFLICT ${spec.conflict} DO NOTHING RETURNING 1)
  SELECT count(*)::int AS n FROM ins`;
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
    private readonly spec: InsertSpec,
    private readonly datasetId: number,
    private readonly onWritten?: (rows: number) => void,
  ) {
    this.sql = insertSql(spec);
  }

  async send(batch: Batch): Promise<void> {
    await this.inFlight;
    if (this.failed) throw this.failed;
    const size = batch.size;
    this.inFlight = this.tx.query<{ n: number }>(this.sql, batch.params(this.datasetId)).then(
      ([row]) => {
        this.inserted += row?.n ?? 0;
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
