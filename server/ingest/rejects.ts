import type { Queryable } from '../db/index.js';
import { csvLine } from '../http/csv.js';
import { cellText } from './values.js';
import type { RawRow } from './table.js';
import type { RowError } from './validate.js';

const FLUSH_ROWS = 2_000;
const PAGE_ROWS = 5_000;

/** One rejected row's reasons in one cell: 'date: is in the future; total: …'. */
export function reasonsText(errors: readonly RowError[]): string {
  return errors
    .map((e) => `${e.column}: ${e.reason}${e.suggestions ? ` (did you mean ${e.suggestions.join(' / ')}?)` : ''}`)
    .join('; ');
}

/**
 * Keeps rejected rows as the file had them, in batches, outside the import's transaction (they
 * are written during validation, before any data is).
 */
export class RejectStore {
  private rows: number[] = [];
  private cells: string[] = [];
  private errors: string[] = [];

  constructor(
    private readonly q: Queryable,
    private readonly importId: number,
  ) {}

  /** Returns a promise only when the buffer was flushed (most rows need no await). */
  add(raw: RawRow, errors: readonly RowError[]): Promise<void> | undefined {
    this.rows.push(raw.row);
    // text[] of text[] cannot be ragged, so each row's cells travel as one array literal
    this.cells.push(arrayLiteral(raw.cells.map((c) => cellText(c).replaceAll('\u0000', ''))));
    this.errors.push(reasonsText(errors));
    return this.rows.length >= FLUSH_ROWS ? this.flush() : undefined;
  }

  /** Forgets every row kept so far (the import starts again). */
  async clear(): Promise<void> {
    this.rows = [];
    this.cells = [];
    this.errors = [];
    await this.q.query('DELETE FROM import_rejects WHERE import_id = $1', [this.importId]);
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    await this.q.query(
      `INSERT INTO import_rejects (import_id, row_number, cells, errors)
       SELECT $1, u.r, u.c::text[], u.e FROM unnest($2::int[], $3::text[], $4::text[]) AS u(r, c, e)
       ON CONFLICT DO NOTHING`,
      [this.importId, this.rows, this.cells, this.errors],
    );
    this.rows = [];
    this.cells = [];
    this.errors = [];
  }
}

function arrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

/** The rejected rows as CSV text, page by page: the file's header, then row and errors columns. */
export async function* rejectsCsv(q: Queryable, importId: number, header: readonly string[]): AsyncGenerator<string> {
  yield `\uFEFF${csvLine(['row', 'errors', ...header])}`; // the BOM makes Excel read UTF-8
  let after = 0;
  for (;;) {
    const page = await q.query<{ row_number: number; cells: string[]; errors: string }>(
      `SELECT row_number, cells, errors FROM import_rejects WHERE import_id = $1 AND row_number > $2 ORDER BY row_number LIMIT $3`,
      [importId, after, PAGE_ROWS],
    );
    if (page.length > 0) yield page.map((r) => csvLine([r.row_number, r.errors, ...r.cells])).join('');
    if (page.length < PAGE_ROWS) return;
    after = page.at(-1)?.row_number ?? after;
  }
}
