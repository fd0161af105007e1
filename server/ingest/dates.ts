import { FileError } from './file-error.js';
import type { DateFormat } from './recipe.js';
import type { Cell } from './table.js';
import { Invalid, isIsoDay } from './values.js';

const FIRST_DAY = '1990-01-01';
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASHED = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;
const SERIAL = /^\d{5}(\.\d+)?$/;
const FORMAT = new Invalid('date.format', 'expected a date as YYYY-MM-DD, dd/mm/yyyy or an Excel date');

interface Seen {
  row: number;
  value: string;
}

/**
 * Reads one column's dates: ISO (or a Kobo datetime's date), Excel dates (a date cell, or its
 * serial number: days since 1899-12-30), and d/m/yyyy. The order of day and month is never
 * guessed: `format` (a recipe's dateFormat) settles it; without one, a column reads day first
 * only when some value proves it (a first number above 12) and none reads month first only.
 * A value that reads only month first is a row error; an ambiguous value ('04/05/2025') is
 * read day first provisionally, and finish() turns the column into a file error when nothing
 * in it settled the order: no row of such a column is imported.
 */
export class DateReader {
  private ambiguous: Seen | undefined;
  private dayFirst: Seen | undefined;
  private monthFirst: Seen | undefined;

  constructor(
    private readonly format: DateFormat | undefined,
    private readonly today: string,
  ) {}

  read(c: Cell, row: number): string | Invalid {
    let iso: string | undefined;
    if (c instanceof Date) iso = Number.isNaN(c.getTime()) ? undefined : c.toISOString().slice(0, 10);
    else if (typeof c === 'number') iso = serialDay(c);
    else if (typeof c === 'string') {
      const s = c.trim();
      const m = ISO.exec(s);
      const d = m ? null : SLASHED.exec(s);
      if (m?.[1]) iso = m[1];
      else if (d) {
        const r = this.slashed(Number(d[1]), Number(d[2]), d[3] as string, s, row);
        if (r instanceof Invalid) return r;
        iso = r;
      } else if (SERIAL.test(s)) iso = serialDay(Number(s));
      else return FORMAT;
    }
    if (iso === undefined) return FORMAT;
    if (!isIsoDay(iso)) return new Invalid('date.invalid', 'is not a calendar date');
    if (iso < FIRST_DAY) return new Invalid('date.range', `is before ${FIRST_DAY}`);
    if (iso > this.today) return new Invalid('date.future', 'is in the future');
    return iso;
  }

  private slashed(a: number, b: number, year: string, s: string, row: number): string | Invalid {
    const iso = (day: number, month: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (this.format === 'dd/mm/yyyy') return iso(a, b);
    if (this.format === 'mm/dd/yyyy') return iso(b, a);
    if (b > 12 && a <= 12) {
      this.monthFirst ??= { row, value: s };
      return new Invalid('date.order', `reads only as mm/dd/yyyy (month ${a}, day ${b}): set the recipe's dateFormat to "mm/dd/yyyy"`);
    }
    if (a > 12 && b <= 12) this.dayFirst ??= { row, value: s };
    else if (a !== b && a <= 12) this.ambiguous ??= { row, value: s };
    return iso(a, b);
  }

  /** After the last row: the column-level verdict (undefined when its dates stand). */
  finish(column: string): FileError | undefined {
    const a = this.ambiguous;
    if (!a || (this.dayFirst && !this.monthFirst)) return undefined;
    const why = this.monthFirst
      ? `other values read only month first (row ${this.monthFirst.row}: "${this.monthFirst.value}")`
      : 'no value in the column settles the order of day and month';
    return new FileError(
      'date.ambiguous',
      `${column}: "${a.value}" (row ${a.row}) reads as day/month or month/day, and ${why}: set the recipe's dateFormat ("dd/mm/yyyy" or "mm/dd/yyyy")`,
      a.row,
      column,
    );
  }
}

/** An Excel serial day (fractions are the time of day) → YYYY-MM-DD; undefined out of range. */
function serialDay(n: number): string | undefined {
  if (!Number.isFinite(n) || n < 1 || n > 2_958_465) return undefined;
  return new Date(EXCEL_EPOCH + Math.floor(n) * 86_400_000).toISOString().slice(0, 10);
}
