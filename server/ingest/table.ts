import { open } from 'node:fs/promises';
import { readCsv, sniffDelimiter } from './csv.js';
import { FileError } from './file-error.js';
import { readGeojson } from './geojson.js';
import { hxlKey, isHxlRow } from './mapping.js';
import { readXlsx } from './xlsx.js';

/** A cell as a parser hands it over: CSV gives strings; XLSX numbers, dates and booleans too. */
export type Cell = string | number | boolean | Date | null;

/** One record of a file: `row` is the number a spreadsheet or editor shows (header = 1 usually). */
export interface RawRow {
  row: number;
  cells: Cell[];
}

export const FORMATS = ['csv', 'xlsx', 'geojson'] as const;
export type Format = (typeof FORMATS)[number];

export interface TableOptions {
  format: Format;
  /** XLSX: the sheet to read (default: the first). */
  sheet?: string | undefined;
  /** GeoJSON: keep geometries whole (admin areas) instead of lon/lat columns. */
  polygons?: boolean;
  onBytes?: (n: number) => void;
}

export interface Table {
  header: string[];
  /** The HXL hashtag row, when the file has one (under the header, or as the header itself). */
  hxl: string[] | null;
  headerRow: number;
  rows: AsyncGenerator<RawRow[]>;
}

/** The format from the first bytes (an upload's name may lie): zip → XLSX, '{' → GeoJSON, else CSV. */
export async function detectFormat(path: string): Promise<Format> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(512);
    const { bytesRead } = await fh.read(buf, 0, 512, 0);
    const head = buf.subarray(0, bytesRead);
    if (head[0] === 0x50 && head[1] === 0x4b) return 'xlsx';
    if (head[0] === 0xd0 && head[1] === 0xcf) throw new FileError('file.xls', 'old Excel .xls files are not supported: save as .xlsx or CSV');
    return /^\s*\{/.test(head.toString('utf8').replace(/^\uFEFF/, '')) ? 'geojson' : 'csv';
  } finally {
    await fh.close();
  }
}

/** Opens a file as a header (and HXL row) followed by batches of data rows. Throws FileError. */
export async function openTable(path: string, opts: TableOptions): Promise<Table> {
  const source =
    opts.format === 'xlsx'
      ? readXlsx(path, opts.sheet, opts.onBytes)
      : opts.format === 'geojson'
        ? readGeojson(path, opts.polygons === true, opts.onBytes)
        : readCsv(path, await sniffDelimiter(path), opts.onBytes);
  const pending: RawRow[] = [];
  const next = async (): Promise<RawRow | undefined> => {
    while (pending.length === 0) {
      const r = await source.next();
      if (r.done) return undefined;
      pending.push(...r.value.filter((row) => row.cells.some((c) => c !== null && String(c).trim() !== '')));
    }
    return pending.shift();
  };
  const first = await next();
  if (!first) throw new FileError('file.empty', 'the file is empty');
  const header = first.cells.map((c) => (c === null ? '' : String(c).trim()));
  let hxl: string[] | null = null;
  if (isHxlRow(header)) hxl = header;
  else {
    const second = await next();
    if (second && isHxlRow(second.cells.map((c) => (c === null ? '' : String(c))))) hxl = second.cells.map((c) => String(c ?? '').trim());
    else if (second) pending.unshift(second);
  }
  if (header.some((h) => h.includes('\uFFFD'))) {
    throw new FileError('encoding', 'the header is not valid UTF-8 (the file looks like Latin-1 or Windows-1252: save it as UTF-8)', first.row);
  }
  return { header, hxl: hxl?.map((t) => hxlKey(t) ?? '') ?? null, headerRow: first.row, rows: rest(pending, source) };
}

async function* rest(pending: RawRow[], source: AsyncGenerator<RawRow[]>): AsyncGenerator<RawRow[]> {
  try {
    if (pending.length > 0) yield pending.splice(0);
    for await (const batch of source) yield batch;
  } finally {
    await source.return(undefined);
  }
}
