import { open } from 'node:fs/promises';
import { readCsv, sniffDelimiter } from './csv.js';
import { FileError } from './file-error.js';
import { featureRows, readGeojson } from './geojson.js';
import { isShapefileZip, readShapefileZip } from './shapefile.js';
import { readXlsx } from './xlsx.js';

/** A cell as a parser hands it over: CSV gives strings; XLSX numbers, dates and booleans too. */
export type Cell = string | number | boolean | Date | null;

/** One record of a file: `row` is the number a spreadsheet or editor shows (header = 1 usually). */
export interface RawRow {
  row: number;
  cells: Cell[];
}

/** Rows of one sheet (CSV and GeoJSON: sheet 0). A sheet's first batch may be empty: it announces the sheet. */
export interface SheetBatch {
  sheet: number;
  name: string;
  rows: RawRow[];
}

/** Which sheets of a workbook to read (see readXlsx); ignored for CSV and GeoJSON, except `limit`. */
export interface SheetChoice {
  names?: readonly string[] | undefined;
  all?: boolean;
  /** Rows per sheet, for previews. */
  limit?: number;
}

export const FORMATS = ['csv', 'xlsx', 'geojson', 'shapefile'] as const;
export type Format = (typeof FORMATS)[number];

export interface TableOptions {
  format: Format;
  /** GeoJSON: keep geometries whole (admin areas) instead of lon/lat columns. */
  polygons?: boolean;
  onBytes?: (n: number) => void;
}

/** The format from the first bytes (an upload's name may lie): zip → a zipped shapefile or XLSX, '{' → GeoJSON, else CSV. */
export async function detectFormat(path: string): Promise<Format> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(512);
    const { bytesRead } = await fh.read(buf, 0, 512, 0);
    const head = buf.subarray(0, bytesRead);
    if (head[0] === 0x50 && head[1] === 0x4b) return (await isShapefileZip(path)) ? 'shapefile' : 'xlsx';
    if (head[0] === 0xd0 && head[1] === 0xcf) throw new FileError('file.xls', 'old Excel .xls files are not supported: save as .xlsx or CSV');
    return /^\s*\{/.test(head.toString('utf8').replace(/^\uFEFF/, '')) ? 'geojson' : 'csv';
  } finally {
    await fh.close();
  }
}

/** The rows of a file, sheet by sheet, in batches. Throws FileError. */
export async function* readTable(path: string, opts: TableOptions, choice: SheetChoice = {}): AsyncGenerator<SheetBatch> {
  if (opts.format === 'xlsx') {
    yield* readXlsx(path, choice, opts.onBytes);
    return;
  }
  const source =
    opts.format === 'geojson' ? readGeojson(path, opts.polygons === true, opts.onBytes)
    : opts.format === 'shapefile' ? featureRows(await readShapefileZip(path), opts.polygons === true)
    : readCsv(path, await sniffDelimiter(path), opts.onBytes);
  yield { sheet: 0, name: '', rows: [] };
  let n = 0;
  try {
    for await (const rows of source) {
      n += rows.length;
      yield { sheet: 0, name: '', rows: choice.limit !== undefined && n > choice.limit ? rows.slice(0, rows.length - (n - choice.limit)) : rows };
      if (choice.limit !== undefined && n >= choice.limit) return;
    }
  } finally {
    await source.return(undefined);
  }
}
