import { FileError } from './file-error.js';
import { hxlKey, isHxlRow } from './mapping.js';
import type { Cell, RawRow } from './table.js';

/** Where a sheet's data is: rows above the header, header rows, rows to drop at the end. */
export interface Layout {
  skipRows: number;
  headerRows: number;
  footerRows: number;
}

export interface SheetHeader {
  sheet: number;
  /** The sheet's name ('' for CSV and GeoJSON). */
  name: string;
  /**
   * Column labels: the header rows' texts joined with ' / ', where an empty cell of an upper
   * row takes the group name on its left (a merged or spanning group cell), within the group
   * above it: 'Family size / Male family members'.
   */
  labels: string[];
  /** The last header row alone ('Male family members'). */
  last: string[];
  /** The HXL hashtag row (normalised tags), when the sheet has one. */
  hxl: string[] | null;
  /** The row number of the last header row (of the HXL row when there is one); data starts below. */
  headerRow: number;
}

const text = (c: Cell | undefined): string => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim());
export function isBlank(r: RawRow): boolean {
  const cells = r.cells;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c !== null && c !== undefined && (typeof c !== 'string' || c.trim() !== '')) return false; // usually the first cell
  }
  return true;
}

/** 0 → 'A', 27 → 'AB'. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 'AB' → 27; undefined when not 1–3 capital letters. */
export function letterIndex(ref: string): number | undefined {
  if (!/^[A-Z]{1,3}$/.test(ref)) return undefined;
  let n = 0;
  for (const ch of ref) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Labels of stacked header rows (see SheetHeader.labels). */
export function headerLabels(rows: readonly (readonly Cell[])[]): { labels: string[]; last: string[] } {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const filled: string[][] = [];
  rows.forEach((r, ri) => {
    const out: string[] = [];
    for (let c = 0; c < width; c++) {
      let t = text(r[c]);
      const upper = ri < rows.length - 1;
      const sameGroupAbove = ri === 0 || filled[ri - 1]?.[c] === filled[ri - 1]?.[c - 1];
      if (t === '' && upper && c > 0 && sameGroupAbove) t = out[c - 1] ?? '';
      out.push(t);
    }
    filled.push(out);
  });
  const last = filled.at(-1) ?? [];
  const labels = last.map((_, c) => {
    const parts: string[] = [];
    for (const r of filled) {
      const t = r[c] ?? '';
      if (t !== '' && parts.at(-1) !== t) parts.push(t);
    }
    return parts.join(' / ');
  });
  return { labels, last: rows.length > 0 ? last : [] };
}

/**
 * Splits one sheet's rows into header and data: drops the rows above the header (by the
 * sheet's own row numbers) and blank rows, reads the header rows and an HXL row under them,
 * and holds back the last `footerRows` data rows, which end() drops (a totals row).
 */
export class SheetFramer {
  header: SheetHeader | undefined;
  private readonly collected: RawRow[] = [];
  private held: RawRow[] = [];
  private hxlChecked = false;

  constructor(
    private readonly sheet: number,
    private readonly name: string,
    private readonly layout: Layout,
  ) {
    if (layout.headerRows === 0) this.header = { sheet, name, labels: [], last: [], hxl: null, headerRow: layout.skipRows };
  }

  /** The data rows of a batch that are certainly not footer rows. */
  feed(rows: readonly RawRow[]): RawRow[] {
    const out: RawRow[] = [];
    for (const r of rows) {
      if (r.row <= this.layout.skipRows || isBlank(r)) continue;
      if (!this.header) {
        this.collected.push(r);
        if (this.collected.length === this.layout.headerRows) this.makeHeader();
        continue;
      }
      if (!this.hxlChecked) {
        this.hxlChecked = true;
        if (!this.header.hxl && this.layout.headerRows > 0 && isHxlRow(r.cells.map(text))) {
          this.header = { ...this.header, hxl: r.cells.map((c) => hxlKey(text(c)) ?? ''), headerRow: r.row };
          continue;
        }
      }
      if (this.layout.footerRows === 0) out.push(r);
      else {
        this.held.push(r);
        if (this.held.length > this.layout.footerRows) out.push(this.held.shift() as RawRow);
      }
    }
    return out;
  }

  /** The sheet ended: its footer rows are dropped. Throws when it had no header. */
  end(): SheetHeader {
    this.held = [];
    if (!this.header) {
      const where = this.name ? `sheet "${this.name}"` : 'the file';
      throw new FileError('file.empty', this.collected.length === 0 ? `${where} is empty` : `${where} ends inside its ${this.layout.headerRows} header rows`);
    }
    return this.header;
  }

  private makeHeader(): void {
    const cells = this.collected.map((r) => r.cells);
    const lastRow = this.collected.at(-1) as RawRow;
    const { labels, last } = headerLabels(cells);
    if (labels.some((h) => h.includes('\uFFFD'))) {
      throw new FileError('encoding', 'the header is not valid UTF-8 (the file looks like Latin-1 or Windows-1252: save it as UTF-8)', lastRow.row);
    }
    // A file whose only header row is hashtags: the tags are its header.
    const hxl = this.layout.headerRows === 1 && isHxlRow(labels) ? labels.map((t) => hxlKey(t) ?? '') : null;
    this.header = { sheet: this.sheet, name: this.name, labels, last, hxl, headerRow: lastRow.row };
  }
}
