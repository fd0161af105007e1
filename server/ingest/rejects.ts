import type { Queryable } from '../db/index.js';
import { csvLine } from '../http/csv.js';
import { columnLetter } from './header.js';
import { cellText } from './values.js';
import type { RawRow } from './table.js';
import type { RowError } from '../../common/imports.js';

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
  private sheets: number[] = [];
  private cells: string[] = [];
  private errors: string[] = [];

  constructor(
    private readonly q: Queryable,
    private readonly importId: number,
  ) {}

  /** Returns a promise only when the buffer was flushed (most rows need no await). */
  add(raw: RawRow, errors: readonly RowError[], sheet = 0): Promise<void> | undefined {
    this.rows.push(raw.row);
    this.sheets.push(sheet);
    // text[] of text[] cannot be ragged, so each row's cells travel as one array literal
    this.cells.push(arrayLiteral(raw.cells.map((c) => cellText(c).replaceAll('\u0000', ''))));
    this.errors.push(reasonsText(errors));
    return this.rows.length >= FLUSH_ROWS ? this.flush() : undefined;
  }

  /** Forgets every row kept so far (the import starts again). */
  async clear(): Promise<void> {
    this.rows = [];
    this.sheets = [];
    this.cells = [];
    this.errors = [];
    await this.q.query('DELETE FROM import_rejects WHERE import_id = $1', [this.importId]);
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    await this.q.query(
      `INSERT INTO import_rejects (import_id, sheet, row_number, cells, errors)
       SELECT $1, u.s, u.r, u.c::text[], u.e FROM unnest($2::int[], $3::int[], $4::text[], $5::text[]) AS u(s, r, c, e)
       ON CONFLICT DO NOTHING`,
      [this.importId, this.sheets, this.rows, this.cells, this.errors],
    );
    this.rows = [];
    this.sheets = [];
    this.cells = [];
    this.errors = [];
  }
}

function arrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

/**
 * The rejected rows as CSV text, page by page: the file's header, then row and errors columns.
 * An import of several sheets (`sheets`: their names) gets a sheet column, and column letters
 * for a header, as its sheets' columns differ.
 */
export async function* rejectsCsv(q: Queryable, importId: number, header: readonly string[], sheets?: readonly string[]): AsyncGenerator<string> {
  let head = ['row', 'errors', ...header];
  if (sheets && sheets.length > 1) {
    const [w] = await q.query<{ n: number | null }>('SELECT max(cardinality(cells))::int AS n FROM import_rejects WHERE import_id = $1', [importId]);
    head = ['sheet', 'row', 'errors', ...Array.from({ length: w?.n ?? 0 }, (_, i) => columnLetter(i))];
  }
  yield `\uFEFF${csvLine(head)}`; // the BOM makes Excel read UTF-8
  let after: [number, number] = [-1, 0];
  for (;;) {
    const page = await q.query<{ sheet: number; row_number: number; cells: string[]; errors: string }>(
      `SELECT sheet, row_number, cells, errors FROM import_rejects WHERE import_id = $1 AND (sheet, row_number) > ($2, $3)
       ORDER BY sheet, row_number LIMIT $4`,
      [importId, after[0], after[1], PAGE_ROWS],
    );
    const lead = (r: { sheet: number }) => (head[0] === 'sheet' ? [sheets?.[r.sheet] ?? String(r.sheet)] : []);
    if (page.length > 0) yield page.map((r) => csvLine([...lead(r), r.row_number, r.errors, ...r.cells])).join('');
    if (page.length < PAGE_ROWS) return;
    const last = page.at(-1);
    if (last) after = [last.sheet, last.row_number];
  }
}
