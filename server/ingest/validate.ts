import type { RowError } from '../../common/imports.js';
import { DateReader } from './dates.js';
import type { DbRecord, FieldSpec, FieldValues, KindSpec, Parsed } from './fields.js';
import type { FileError } from './file-error.js';
import type { Lookups } from './lookup.js';
import { RecipeProblems, type SheetPlan, type Source, valueKey } from './plan.js';
import { parsePolygon } from './polygon.js';
import { SourceIds } from './source-id.js';
import type { Cell, RawRow } from './table.js';
import {
  cellText, Invalid, parseCode, parseCoord, parseEnum, parseInt32, parseIso3, parseNumber, parseSet, parseText, parseTime,
} from './values.js';
import { matchVocab, splitSet } from './vocab.js';

interface Mapped {
  field: FieldSpec;
  source: Source;
  label: string;
  memo: Map<string, Parsed | Invalid> | undefined;
  values: Map<string, string> | undefined;
  dates: DateReader | undefined;
  constant: Parsed | undefined;
}

/** Types whose result depends on the text alone (and whose texts repeat). */
const MEMO_TYPES = new Set(['date', 'time', 'iso3', 'enum', 'set', 'point', 'place', 'placeOrCountry', 'int']);
const MEMO_MAX = 50_000;
const REQUIRED = new Invalid('required', 'is required');
const ID_REQUIRED = new Invalid('required', 'is required (it makes re-imports idempotent)');
const NOT_UTF8 = new Invalid('encoding', 'is not valid UTF-8 (the file looks like Latin-1 or Windows-1252: save it as UTF-8)');
const ONE_HOT = new Invalid('onehot.value', 'expected TRUE/FALSE, 1/0 or yes/no');
const TRUTHY = new Set(['true', '1', 'yes', 'y', 'x', 'oui', 'vrai']);
const FALSY = new Set(['', 'false', '0', 'no', 'n', 'non', 'faux']);

/** One problem in one cell: what the report lists and the rejected-rows CSV explains. */
export type RowResult = { ok: true; record: DbRecord } | { ok: false; errors: RowError[] };

export interface ValidatorOptions {
  /** Latest acceptable date (tomorrow, UTC, by default: a form filled near midnight east of UTC). */
  today: string;
  /**
   * false: the file's own ids are not compared with each other here, because a unique index
   * will (the bulk import: remembering a million ids costs a second and much garbage collection).
   */
  checkDuplicateIds?: boolean;
  /** Shared by the sheets of one import: they go into one dataset, so their ids must differ. */
  ids?: SourceIds;
}

/**
 * Validates the rows of one sheet, one at a time, as its plan says (columns, sums, one-hot
 * columns, constants, value maps). Pure except for its memory of source row ids (duplicates
 * are errors; the first occurrence stands) and of date orders (DateReader). Deterministic:
 * the second pass of an import re-validates with a fresh validator and gets the same answer.
 * Constants and `values` targets are parsed once here: one that does not parse is a
 * RecipeProblems, thrown by the constructor.
 */
export class RowValidator {
  private readonly ids: SourceIds;
  private readonly idLabel: string;
  private readonly mapped: Mapped[];
  private readonly idCol: number | undefined;
  /** Errors in the sub-columns of sums and one-hot fields, of the row being validated. */
  private extra: RowError[] | undefined;

  constructor(
    private readonly spec: KindSpec,
    private readonly plan: SheetPlan,
    private readonly lookups: Lookups,
    private readonly opts: ValidatorOptions,
  ) {
    this.ids = opts.ids ?? new SourceIds();
    const problems: { path: string; message: string }[] = [];
    this.mapped = spec.fields.flatMap((field) => {
      const source = plan.sources.get(field.name);
      if (source === undefined) return [];
      const first = source.k === 'col' ? source.col : source.k === 'sum' ? source.cols[0] : source.k === 'oneHot' ? source.members[0]?.[0] : undefined;
      const m: Mapped = {
        field, source, label: first === undefined ? `${field.name} (constant)` : plan.label(first),
        memo: MEMO_TYPES.has(field.type.t) && source.k === 'col' ? new Map() : undefined,
        values: plan.values.get(field.name),
        dates: field.type.t === 'date' ? new DateReader(plan.dateFormat, opts.today) : undefined,
        constant: undefined,
      };
      const check = (text: string, path: string) => {
        const v = this.parse(m, text, text, 0);
        if (v instanceof Invalid) problems.push({ path, message: `"${text}" ${v.reason}${v.suggestions?.length ? ` (did you mean ${v.suggestions.join(', ')}?)` : ''}` });
        return v;
      };
      for (const t of plan.valueTargets) if (t.field === field.name) check(t.to, t.path);
      if (source.k === 'const') {
        const v = check(Array.isArray(source.value) ? source.value.join(';') : String(source.value), plan.origin[field.name] ?? `constants.${field.name}`);
        if (!(v instanceof Invalid)) m.constant = v;
      }
      return [m];
    });
    if (problems.length > 0) throw new RecipeProblems(problems);
    const id = plan.sources.get('source_row_id');
    this.idCol = id?.k === 'col' ? id.col : undefined;
    this.idLabel = this.idCol === undefined ? 'source_row_id' : plan.label(this.idCol);
  }

  validate(raw: RawRow): RowResult {
    const values: FieldValues = {};
    let errors: RowError[] | undefined;
    this.extra = undefined;
    for (let i = 0; i < this.mapped.length; i++) {
      const m = this.mapped[i] as Mapped;
      const s = m.source;
      let v: Parsed | Invalid | undefined;
      if (s.k === 'col' && m.memo !== undefined && m.values === undefined) {
        // The hot path of a million-row file, inline: a plain column of a type whose texts repeat.
        const cell = raw.cells[s.col] ?? null;
        if (typeof cell !== 'string') v = this.read(m, raw);
        else {
          const text = cell.trim();
          if (text === '') v = m.field.required ? REQUIRED : null;
          else if ((v = m.memo.get(text)) === undefined) v = this.read(m, raw);
        }
      } else v = this.read(m, raw);
      if (v instanceof Invalid) (errors ??= []).push(rowError(raw.row, m.label, m.field.name, this.sourceText(m, raw), v));
      else if (v !== undefined) values[m.field.name] = v;
    }
    errors = this.extra ? [...this.extra, ...(errors ?? [])] : (errors ?? []);
    if (this.spec.sourceRowId) this.sourceRowId(raw, values, errors);
    if (errors.length > 0) return { ok: false, errors };
    const built = this.spec.build(values);
    if (!Array.isArray(built)) return { ok: true, record: built };
    return { ok: false, errors: built.map((p) => this.problemError(raw, p.field, new Invalid(p.code, p.reason))) };
  }

  /** What each field reads in a row, as the file has it (the dry run's preview). */
  texts(raw: RawRow): Record<string, string> {
    return Object.fromEntries(this.mapped.map((m) => [m.field.name, this.sourceText(m, raw)]));
  }

  /**
   * What each field becomes, as text: the date, the code, the word, the sum (a place or point
   * shows as the file names it, a country-only end as its code); '' where the cell is an error.
   */
  shown(raw: RawRow): Record<string, string> {
    const out: Record<string, string> = {};
    for (const m of this.mapped) {
      const v = this.read(m, raw);
      const t = m.field.type.t;
      out[m.field.name] = v instanceof Invalid || v === undefined || v === null ? ''
        : Array.isArray(v) ? v.join(' ')
        : typeof v === 'object' ? (v.id === null ? v.country : this.sourceText(m, raw))
        : t === 'point' ? this.sourceText(m, raw) : String(v);
    }
    this.extra = undefined;
    return out;
  }

  /** How one raw value of a field reads (the wizard's list of values): its value, or the problem. */
  resolve(field: string, text: string): { value: string } | { reason: string; suggestions: string[] } {
    const m = this.mapped.find((x) => x.field.name === field);
    if (!m) return { reason: 'is not read from a column', suggestions: [] };
    const mapped = m.values ? this.mapValue(m, text) : text;
    const v = this.parse(m, mapped, mapped, 0);
    if (v instanceof Invalid) return { reason: v.reason, suggestions: v.suggestions ?? [] };
    return { value: Array.isArray(v) ? v.join(' ') : typeof v === 'object' && v !== null ? mapped : String(v) };
  }

  /** After the sheet's last row: column-level problems (dates whose order nothing settled). */
  finish(): FileError[] {
    return this.mapped.flatMap((m) => m.dates?.finish(m.label) ?? []);
  }

  /** A field's value: undefined when a sub-column's error went to `extra` already. */
  private read(m: Mapped, raw: RawRow): Parsed | Invalid | undefined {
    const s = m.source;
    if (s.k === 'const') return m.constant ?? null;
    if (s.k === 'sum') return this.sum(m, s.cols, raw);
    if (s.k === 'oneHot') return this.oneHot(m, s.members, raw);
    let cell = raw.cells[s.col] ?? null;
    let text = cellText(cell);
    if (text === '') return m.field.required ? REQUIRED : null;
    if (typeof cell === 'string' && cell.includes('\uFFFD')) return NOT_UTF8;
    if (m.values) {
      const mapped = this.mapValue(m, text);
      if (mapped !== text) cell = text = mapped;
    }
    if (!m.memo || typeof cell !== 'string') return this.parse(m, cell, text, raw.row);
    // Most cells repeat (dates, points, enums): parse each distinct text once per file.
    let v = m.memo.get(text);
    if (v === undefined) {
      v = this.parse(m, cell, text, raw.row);
      if (m.memo.size < MEMO_MAX) m.memo.set(text, v);
    }
    return v;
  }

  private mapValue(m: Mapped, text: string): string {
    const map = m.values as Map<string, string>;
    const whole = map.get(valueKey(text));
    if (whole !== undefined || m.field.type.t !== 'set') return whole ?? text;
    return splitSet(text).map((p) => map.get(valueKey(p)) ?? p).join(';');
  }

  /** Count columns added up: blank is 0, anything but a whole number is an error in its column. */
  private sum(m: Mapped, cols: number[], raw: RawRow): Parsed | Invalid | undefined {
    let total = 0;
    let bad = false;
    for (const c of cols) {
      const cell = raw.cells[c] ?? null;
      if (cellText(cell) === '') continue;
      const n = parseInt32(cell, 0, Number.MAX_SAFE_INTEGER);
      if (n instanceof Invalid) {
        bad = true;
        (this.extra ??= []).push(rowError(raw.row, this.plan.label(c), m.field.name, cellText(cell), n));
      } else total += n;
    }
    if (bad) return undefined;
    const t = m.field.type;
    return t.t === 'int' ? parseInt32(total, t.min, t.max) : total;
  }

  /** The members whose column says TRUE, 1 or yes; a choice field takes at most one. */
  private oneHot(m: Mapped, members: (readonly [number, string])[], raw: RawRow): Parsed | Invalid | undefined {
    const t = m.field.type;
    const vocab = this.lookups.vocab(t.t === 'set' || t.t === 'enum' ? t.vocab : 'reasons');
    const on = new Set<string>();
    let bad = false;
    for (const [c, word] of members) {
      const cell = raw.cells[c] ?? null;
      const key = typeof cell === 'boolean' ? String(cell) : cellText(cell).toLowerCase();
      if (TRUTHY.has(key)) on.add(matchVocab(vocab, word) ?? word);
      else if (!FALSY.has(key)) {
        bad = true;
        (this.extra ??= []).push(rowError(raw.row, this.plan.label(c), m.field.name, cellText(cell), ONE_HOT));
      }
    }
    if (bad) return undefined;
    if (t.t === 'set') return [...on];
    if (on.size > 1) return new Invalid('onehot.several', `has several choices set (${[...on].join(', ')}): ${m.field.name} takes one`);
    return on.size === 1 ? ([...on][0] as string) : m.field.required ? REQUIRED : null;
  }

  private sourceText(m: Mapped, raw: RawRow): string {
    const s = m.source;
    const t = (c: number) => cellText(raw.cells[c] ?? null);
    if (s.k === 'col') return t(s.col);
    if (s.k === 'const') return Array.isArray(s.value) ? s.value.join(';') : String(s.value);
    if (s.k === 'sum') return s.cols.map(t).join('+');
    return s.members.map(([c]) => t(c)).join('|');
  }

  private problemError(raw: RawRow, field: string, e: Invalid): RowError {
    const m = this.mapped.find((x) => x.field.name === field);
    return rowError(raw.row, m?.label ?? field, field, m ? this.sourceText(m, raw) : '', e);
  }

  private parse(m: Mapped, cell: Cell, text: string, row: number): Parsed | Invalid {
    const t = m.field.type;
    switch (t.t) {
      case 'text': return parseText(text, t.max);
      case 'code': return parseCode(cell);
      case 'int': return parseInt32(cell, t.min, t.max);
      case 'number': return parseNumber(cell, t.min, t.max);
      case 'date': return (m.dates ?? new DateReader(this.plan.dateFormat, this.opts.today)).read(cell, row);
      case 'time': return parseTime(cell);
      case 'iso3': return parseIso3(cell);
      case 'lon': return parseCoord(cell, 'lon');
      case 'lat': return parseCoord(cell, 'lat');
      case 'enum': return parseEnum(cell, this.lookups.vocab(t.vocab));
      case 'set': return parseSet(cell, this.lookups.vocab(t.vocab));
      case 'point': return this.lookups.point(text);
      case 'place': return this.lookups.place(text);
      case 'placeOrCountry': return this.lookups.placeOrCountry(text);
      case 'geometry': return parsePolygon(text);
    }
  }

  /** Sets or checks values.source_row_id (see SourceIds); a derived id reads every source, constants included. */
  private sourceRowId(raw: RawRow, values: FieldValues, errors: RowError[]): void {
    if (this.idCol === undefined) {
      values.source_row_id = this.ids.derive(this.mapped.map((m) => this.sourceText(m, raw)));
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
