import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { FileError } from './file-error.js';
import type { Cell, RawRow } from './table.js';

const BATCH = 2_000;

/**
 * Streams one worksheet (the named one, else the first) as batches of rows, with exceljs's
 * streaming reader so a large workbook is never held whole. Row numbers are the sheet's own.
 * Formulas give their cached result; rich text its plain text; errors (#N/A) an empty cell.
 */
export async function* readXlsx(path: string, sheet: string | undefined, onBytes?: (n: number) => void): AsyncGenerator<RawRow[]> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  if (onBytes) stream.on('data', (c) => onBytes(c.length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // without styles, dates arrive as bare serial numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const names: string[] = [];
  let done = false;
  try {
    for await (const ws of reader) {
      const name = (ws as unknown as { name?: string }).name ?? `Sheet${names.length + 1}`;
      names.push(name);
      const wanted = !done && (sheet === undefined || name === sheet);
      let batch: RawRow[] = [];
      for await (const row of ws) {
        if (!wanted) continue; // the zip must be read through to reach the next sheet
        batch.push({ row: row.number, cells: rowCells(row) });
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (wanted) {
        done = true;
        if (batch.length > 0) yield batch;
      }
    }
  } catch (err) {
    if (err instanceof FileError) throw err;
    throw new FileError('xlsx.unreadable', `the workbook cannot be read (${(err as Error).message}); is it truncated or not an .xlsx file?`);
  } finally {
    stream.destroy();
  }
  if (!done) {
    throw new FileError(
      'xlsx.sheet',
      sheet === undefined ? 'the workbook has no worksheets' : `there is no sheet named "${sheet}" (sheets: ${names.join(', ')})`,
    );
  }
}

function rowCells(row: ExcelJS.Row): Cell[] {
  const values = row.values as unknown[]; // 1-based and sparse
  const out: Cell[] = [];
  for (let i = 1; i < values.length; i++) out.push(cellValue(values[i]));
  return out;
}

export function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
    if ('result' in o) return cellValue(o.result);
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if (typeof o.text === 'string') return o.text; // hyperlink
    if ('error' in o) return null;
  }
  return String(v);
}
