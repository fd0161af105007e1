import type { DbRecord, FieldSpec, FieldValues, KindSpec, Parsed } from './fields.js';
import type { Lookups } from './lookup.js';
import { parsePolygon } from './polygon.js';
import { SourceIds } from './source-id.js';
import type { Cell, RawRow } from './table.js';
import {
  cellText, Invalid, parseCode, parseCoord, parseDate, parseEnum, parseInt32, parseIso3, parseNumber, parseSet, parseText,
  parseTime,
} from './values.js';
import { VOCABS } from './vocab.js';

interface Mapped {
  field: FieldSpec;
  col: number;
  label: string;
  memo: Map<string, Parsed | Invalid> | undefined;
}

/** Types whose result depends on the text alone (and whose texts repeat). */
const MEMO_TYPES = new Set(['date', 'time', 'iso3', 'enum', 'set', 'point', 'place', 'placeOrCountry', 'int']);
const MEMO_MAX = 50_000;
const REQUIRED = new Invalid('required', 'is required');
const ID_REQUIRED = new Invalid('required', 'is required (it makes re-imports idempotent)');
const NOT_UTF8 = new Invalid('encoding', 'is not valid UTF-8 (the file looks like Latin-1 or Windows-1252: save it as UTF-8)');

/** One problem in one cell: what the report lists and the rejected-rows CSV explains. */
export interface RowError {
  row: number;
  /** The column as the file names it (its header, else its HXL tag, else "column N"). */
  column: string;
  field: string;
  value: string;
  code: string;
  reason: string;
  suggestions?: string[];
}

export type RowResult = { ok: true; record: DbRecord } | { ok: false; errors: RowError[] };

export interface ValidatorOptions {
  /** Latest acceptable date (tomorrow, UTC, by default: a form filled near midnight east of UTC). */
  today: string;
  /**
   * false: the file's own ids are not compared with each other here, because a unique index
   * will (the bulk import: remembering a million ids costs a second and much garbage collection).
   */
  checkDuplicateIds?: boolean;
}

/**
 * Validates rows of one file, one at a time, pure except for its memory of source row ids
 * (duplicates in the file are errors; the first occurrence stands). Deterministic: the
 * second pass of an import re-validates with a fresh validator and gets the same answer.
 */
export class RowValidator {
  private readonly ids = new SourceIds();
  private readonly idLabel: string;
  private readonly mapped: Mapped[];
  private readonly idCol: number | undefined;

  constructor(
    private readonly spec: KindSpec,
    columns: ReadonlyMap<string, number>,
    header: readonly string[],
    hxl: readonly string[] | null,
    private readonly lookups: Lookups,
    private readonly opts: ValidatorOptions,
  ) {
    const label = (i: number) => header[i] || hxl?.[i] || `column ${i + 1}`;
    this.mapped = spec.fields.flatMap((field) => {
      const col = columns.get(field.name);
      if (col === undefined) return [];
      return [{ field, col, label: label(col), memo: MEMO_TYPES.has(field.type.t) ? new Map<string, Parsed | Invalid>() : undefined }];
    });
    this.idCol = columns.get('source_row_id');
    this.idLabel = this.idCol === undefined ? 'source_row_id' : label(this.idCol);
  }

  validate(raw: RawRow): RowResult {
    const values: FieldValues = {};
    let errors: RowError[] | undefined;
    for (let i = 0; i < this.mapped.length; i++) {
      const m = this.mapped[i] as Mapped;
      const cell = raw.cells[m.col] ?? null;
      const text = cellText(cell);
      let v: Parsed | Invalid;
      if (text === '') v = m.field.required ? REQUIRED : null;
      else if (typeof cell === 'string' && cell.includes('\uFFFD')) v = NOT_UTF8;
      else if (m.memo && typeof cell === 'string') {
        // Most cells repeat (dates, points, enums): parse each distinct text once per file.
        const hit = m.memo.get(text);
        if (hit !== undefined) v = hit;
        else {
          v = this.parse(m.field, cell, text);
          if (m.memo.size < MEMO_MAX) m.memo.set(text, v);
        }
      } else v = this.parse(m.field, cell, text);
      if (v instanceof Invalid) (errors ??= []).push(rowError(raw.row, m.label, m.field.name, text, v));
      else values[m.field.name] = v;
    }
    errors ??= [];
    if (this.spec.sourceRowId) this.sourceRowId(raw, values, errors);
    if (errors.length > 0) return { ok: false, errors };
    const built = this.spec.build(values);
    if (!Array.isArray(built)) return { ok: true, record: built };
    return { ok: false, errors: built.map((p) => this.problemError(raw, p.field, new Invalid(p.code, p.reason))) };
  }

  private problemError(raw: RawRow, field: string, e: Invalid): RowError {
    const m = this.mapped.find((x) => x.field.name === field);
    const text = m ? cellText(raw.cells[m.col] ?? null) : '';
    return rowError(raw.row, m?.label ?? field, field, text, e);
  }

  private parse(field: FieldSpec, cell: Cell, text: string): Parsed | Invalid {
    const t = field.type;
    switch (t.t) {
      case 'text': return parseText(text, t.max);
      case 'code': return parseCode(cell);
      case 'int': return parseInt32(cell, t.min, t.max);
      case 'number': return parseNumber(cell, t.min, t.max);
      case 'date': return parseDate(cell, this.opts.today);
      case 'time': return parseTime(cell);
      case 'iso3': return parseIso3(cell);
      case 'lon': return parseCoord(cell, 'lon');
      case 'lat': return parseCoord(cell, 'lat');
      case 'enum': return parseEnum(cell, VOCABS[t.vocab]);
      case 'set': return parseSet(cell, VOCABS[t.vocab]);
      case 'point': return this.lookups.point(text);
      case 'place': return this.lookups.place(text);
      case 'placeOrCountry': return this.lookups.placeOrCountry(text);
      case 'geometry': return parsePolygon(text);
    }
  }

  /** Sets or checks values.source_row_id (see SourceIds). */
  private sourceRowId(raw: RawRow, values: FieldValues, errors: RowError[]): void {
    if (this.idCol === undefined) {
      values.source_row_id = this.ids.derive(this.mapped.map(({ col }) => cellText(raw.cells[col] ?? null)));
      return;
    }
    const given = values.source_row_id;
    if (typeof given !== 'string') {
      if (given === null && !errors.some((e) => e.field === 'source_row_id')) errors.push(rowError(raw.row, this.idLabel, 'source_row_id', '', ID_REQUIRED));
      return;
    }
    if (this.opts.checkDuplicateIds === false) return;
    const first = this.ids.firstRow(given, raw.row);
    if (first !== undefined) {
      errors.push(rowError(raw.row, this.idLabel, 'source_row_id', given, new Invalid('duplicate', `repeats the id of row ${first}`)));
    }
  }
}

function rowError(row: number, column: string, field: string, value: string, e: Invalid): RowError {
  const out: RowError = { row, column, field, value: value.length > 100 ? `${value.slice(0, 100)}…` : value, code: e.code, reason: e.reason };
  if (e.suggestions && e.suggestions.length > 0) out.suggestions = e.suggestions;
  return out;
}

/** Tomorrow in UTC, as YYYY-MM-DD. */
export function defaultToday(now = new Date()): string {
  return new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
}
