import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { FileError } from './file-error.js';
import { readSharedStrings, readSheetList } from './xlsx-sheets.js';
import type { Cell, RawRow, SheetBatch, SheetChoice } from './table.js';

const BATCH = 2_000;

/**
 * Streams worksheets as batches of rows, with exceljs's streaming reader so a large workbook is
 * never held whole. `choice.names`: these sheets (batches carry the index into that list), in
 * the workbook's order; none named: the first sheet; `all`: every sheet (index = workbook
 * order). `limit` stops each sheet after that many rows (previews). A sheet not read is not
 * parsed either: exceljs drains its zip entry unread. Row numbers are the sheet's own.
 * Formulas give their cached result; rich text its plain text; errors (#N/A) an empty cell.
 */
export async function* readXlsx(path: string, choice: SheetChoice, onBytes?: (n: number) => void): AsyncGenerator<SheetBatch> {
  const sheets = await readSheetList(path);
  // Imported here, not at the top: exceljs costs ~0.6 s of every start (issue 19), and only imports of .xlsx use it.
  const { default: Excel } = await import('exceljs');
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  if (onBytes) stream.on('data', (c) => onBytes(c.length));
  const reader = new Excel.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // without styles, dates arrive as bare serial numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // Names sheets stored before xl/workbook.xml (see readSheetList); exceljs replaces it with its own parse.
  if (sheets) Object.assign(reader, { model: { sheets } });
  const names: string[] = [];
  const seen = new Set<number>();
  // The string table read by us, when exceljs missed the workbook's (ownStrings).
  let own: readonly unknown[] | undefined;
  try {
    for await (const ws of reader) {
      const name = sheetName(ws as unknown as { name?: string; id?: string | number }, sheets) ?? `Sheet${names.length + 1}`;
      names.push(name);
      const index = choice.all ? names.length - 1 : choice.names ? choice.names.indexOf(name) : names.length === 1 ? 0 : -1;
      if (index < 0 || seen.has(index)) {
        release(ws);
        continue;
      }
      seen.add(index);
      yield { sheet: index, name, rows: [] }; // announces the sheet, even an empty one
      let batch: RawRow[] = [];
      let n = 0;
      for await (const row of ws) {
        const table = (reader as unknown as SharedStrings).sharedStrings ?? (own ??= await ownStrings(path, row));
        batch.push({ row: row.number, cells: rowCells(row, { sharedStrings: table }) });
        if (batch.length >= BATCH) {
          yield { sheet: index, name, rows: batch };
          batch = [];
        }
        if (choice.limit !== undefined && ++n >= choice.limit) break;
      }
      if (batch.length > 0) yield { sheet: index, name, rows: batch };
      if (!choice.all && seen.size === (choice.names?.length ?? 1)) break;
    }
  } catch (err) {
    if (err instanceof FileError) throw err;
    throw new FileError('xlsx.unreadable', `the workbook cannot be read (${(err as Error).message}); is it truncated or not an .xlsx file?`);
  } finally {
    stream.destroy();
  }
  const missing = choice.names?.filter((_, i) => !seen.has(i)) ?? [];
  if (names.length === 0 || (!choice.names && seen.size === 0)) throw new FileError('xlsx.sheet', 'the workbook has no worksheets');
  if (missing.length > 0) {
    throw new FileError('xlsx.sheet', `there is no sheet named ${missing.map((m) => `"${m}"`).join(', ')} (sheets: ${names.join(', ')})`);
  }
}

/**
 * exceljs calls a worksheet `Sheet<n>` (n from its part name) when it has not matched the part
 * to the workbook's sheet list through the relationships part; seen once in CI with a streamed
 * DTM workbook, whose sheets were then not found by name. Our own listing (readSheetList), by
 * sheet number, names it then.
 */
export function sheetName(ws: { name?: string; id?: string | number }, listed: readonly { name: string; id: number }[] | undefined): string | undefined {
  const own = listed?.find((s) => String(s.id) === String(ws.id));
  return own && ws.name === `Sheet${ws.id}` ? own.name : ws.name;
}

/**
 * A worksheet stored before the shared strings is parked by exceljs in a temp file: it opens a
 * read stream on the file when it hands the sheet out and deletes the file when the next sheet is
 * asked for. A sheet we skip is never read, so nothing listens on that stream; when the delete
 * wins the race with the open (seen in CI under load) the stream's ENOENT was an uncaught error.
 * Closing the stream of a skipped sheet ends it quietly.
 */
function release(ws: unknown): void {
  const source = (ws as { iterator?: unknown }).iterator;
  if (source instanceof Readable) {
    source.on('error', () => undefined);
    source.destroy();
  }
}

function rowCells(row: ExcelJS.Row, reader: SharedStrings): Cell[] {
  const values = row.values as unknown[]; // 1-based and sparse
  const out: Cell[] = [];
  for (let i = 1; i < values.length; i++) out.push(cellValue(values[i], reader));
  return out;
}

/**
 * The string table when exceljs has none: exceljs's streaming reader now and then misses the
 * `xl/sharedStrings.xml` entry (exceljs issue 683; seen in CI under load, a Kobo export then
 * read "[object Object]" or failed) and hands out `{ sharedString: n }` for every text cell.
 * Read from the zip by us, once, on the first row that needs it.
 */
async function ownStrings(path: string, row: ExcelJS.Row): Promise<readonly unknown[] | undefined> {
  const refs = (row.values as unknown[]).some((v) => typeof (v as { sharedString?: unknown } | null)?.sharedString === 'number');
  return refs ? ((await readSharedStrings(path)) ?? []) : undefined;
}

/** exceljs's reader keeps the workbook's string table here once it has read it. */
interface SharedStrings {
  sharedStrings?: readonly unknown[];
}

/**
 * A cell's value. exceljs hands out `{ sharedString: n }` when it has no string table (see
 * ownStrings); the table given is looked up then, and a reference it cannot resolve is the
 * file's error, not text.
 */
export function cellValue(v: unknown, reader?: SharedStrings): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown; sharedString?: unknown };
    if (typeof o.sharedString === 'number') {
      const text = reader?.sharedStrings?.[o.sharedString];
      if (text === undefined) throw new FileError('xlsx.unreadable', `a text cell refers to entry ${o.sharedString} of the workbook's string table, which could not be read`);
      return cellValue(text);
    }
    if ('result' in o) return cellValue(o.result);
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if (typeof o.text === 'string') return o.text; // hyperlink
    if ('error' in o) return null;
  }
  return String(v);
}
