import type { RawRow } from './table.js';

/** A CSV file that cannot be read as records (unclosed quote, runaway field). */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const MAX_FIELD = 1 << 20;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * An incremental RFC 4180 parser: feed() decoded text, get back complete records; end() flushes
 * the last one. Quoted fields, doubled quotes, CRLF/LF/CR, newlines inside quotes; a quote in
 * the middle of an unquoted field is kept as text. Empty lines are skipped; `row` is the line
 * a record starts on. A plain class (not a generator) so V8 optimises the character loop.
 */
export class CsvParser {
  private readonly delim: number;
  private readonly delimiter: string;
  private line = 1;
  private startLine = 1;
  private field = '';
  private cells: string[] = [];
  private quoted = false;
  private afterQuote = false; // a quote seen inside a quoted field: closing, or the first of ""
  private started = false; // the record has at least one delimiter or quoted field
  private pendingCr = false;

  constructor(delimiter: string) {
    this.delimiter = delimiter;
    this.delim = delimiter.charCodeAt(0);
  }

  feed(text: string): RawRow[] {
    const out: RawRow[] = [];
    const n = text.length;
    const delim = this.delim;
    let mark = 0; // start of the run of plain characters not yet copied into `field`
    for (let i = 0; i < n; i++) {
      if (mark === i && !this.quoted && !this.pendingCr && !this.started && this.field === '' && this.cells.length === 0) {
        const nl = this.plainLine(text, i, out);
        if (nl >= 0) {
          i = nl;
          mark = nl + 1;
          continue;
        }
      }
      const c = text.charCodeAt(i);
      if (this.pendingCr) {
        this.pendingCr = false;
        if (c === LF) {
          mark = i + 1;
          continue;
        }
      }
      if (this.quoted) {
        if (this.afterQuote) {
          this.afterQuote = false;
          if (c === QUOTE) {
            this.field += '"';
            mark = i + 1;
            continue;
          }
          this.quoted = false; // that quote closed the field: handle c as plain text below
        } else {
          if (c === QUOTE) {
            this.take(text, mark, i);
            this.afterQuote = true;
            mark = i + 1;
          } else if (c === LF) this.line++;
          continue;
        }
      }
      if (c === delim) {
        this.take(text, mark, i);
        this.cells.push(this.field);
        this.field = '';
        this.started = true;
        mark = i + 1;
      } else if (c === LF || c === CR) {
        this.take(text, mark, i);
        this.endRecord(out);
        this.line++;
        this.startLine = this.line;
        this.pendingCr = c === CR;
        mark = i + 1;
      } else if (c === QUOTE && mark === i && this.field === '') {
        this.quoted = true;
        this.started = true;
        mark = i + 1;
      }
    }
    this.take(text, mark, n);
    return out;
  }

  end(): RawRow[] {
    if (this.quoted && !this.afterQuote) {
      throw new CsvSyntaxError(this.startLine, `the quoted field starting on line ${this.startLine} is never closed`);
    }
    const out: RawRow[] = [];
    this.endRecord(out);
    return out;
  }

  /**
   * Fast path for the common case: a whole line without quotes or stray CRs ahead, split natively.
   * Returns the index of its LF, or -1 to fall back to the character loop.
   */
  private plainLine(text: string, from: number, out: RawRow[]): number {
    const nl = text.indexOf('\n', from);
    if (nl < 0) return -1;
    const end = nl > from && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
    const line = text.slice(from, end);
    if (line.includes('"') || line.includes('\r')) return -1;
    if (line.length > 0) out.push({ row: this.line, cells: line.split(this.delimiter) });
    this.line++;
    this.startLine = this.line;
    return nl;
  }

  private take(text: string, from: number, to: number): void {
    if (to > from) {
      this.field = this.field === '' ? text.slice(from, to) : this.field + text.slice(from, to);
      if (this.field.length > MAX_FIELD) {
        throw new CsvSyntaxError(this.startLine, `a field on line ${this.startLine} is longer than 1 MB (an unclosed quote?)`);
      }
    }
  }

  private endRecord(out: RawRow[]): void {
    if (this.started || this.field !== '' || this.cells.length > 0) {
      this.cells.push(this.field);
      out.push({ row: this.startLine, cells: this.cells });
    }
    this.cells = [];
    this.field = '';
    this.started = false;
  }
}
