import type { Source } from '../../common/imports.js';
import type { KindSpec } from './fields.js';
import { FileError } from './file-error.js';
import { columnLetter, letterIndex, type SheetHeader } from './header.js';
import { headerKey, hxlKey, lookedFor, mapColumns } from './mapping.js';
import type { DateFormat, SheetRecipe } from './recipe.js';
import { closest, nameKey } from './suggest.js';

/** Where a field's value comes from, in one sheet. */
// Where a field is read from: part of the preview's answer (common/imports.ts).
export type { Source };

/** One sheet's recipe resolved against its header: what the validator runs on. */
export interface SheetPlan {
  sheet: number;
  name: string;
  header: SheetHeader;
  sources: Map<string, Source>;
  /** field → raw value (valueKey) → the value to read instead. */
  values: Map<string, Map<string, string>>;
  /** Each `values` target with where the recipe gives it, to check once. */
  valueTargets: { field: string; to: string; path: string }[];
  dateFormat: DateFormat | undefined;
  /** The column as error reports name it: its label, else its HXL tag, else its letter; the sheet too when there are several. */
  label(col: number): string;
  /** Where the recipe gives a field (`sheets[1].constants.direction`), for its error messages. */
  origin: Record<string, string>;
  warnings: string[];
  /** Required fields the header does not have: each a file error (the report lists them all). */
  missing: FileError[];
}

/** A recipe that does not fit the file or the database: a 400 on upload, a file error in a job. */
export class RecipeProblems extends Error {
  constructor(readonly problems: { path: string; message: string }[]) {
    super(problems.map((p) => `recipe.${p.path}: ${p.message}`).join('; '));
  }
}

/** Raw values are compared trimmed, case-folded, with runs of spaces as one. */
export const valueKey = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');

const loose = (s: string): string => nameKey(s).replace(/ /g, '');

/**
 * The column a recipe means: the exact label (joined header rows), the last header row's text
 * when unique, an HXL tag, the label ignoring case, accents and punctuation when unique, then
 * a spreadsheet letter ('AB'). Letters come last so a header called 'ID' is not column 238.
 */
export function findColumn(ref: string, h: SheetHeader): number | undefined {
  const exact = h.labels.indexOf(ref);
  if (exact >= 0) return exact;
  const unique = (pred: (i: number) => boolean): number | undefined => {
    const hits = h.labels.map((_, i) => i).filter(pred);
    return hits.length === 1 ? hits[0] : undefined;
  };
  const last = unique((i) => h.last[i] === ref);
  if (last !== undefined) return last;
  const tag = hxlKey(ref);
  if (tag !== undefined) {
    const i = (h.hxl ?? h.labels.map((l) => hxlKey(l) ?? '')).indexOf(tag);
    return i >= 0 ? i : undefined;
  }
  const k = loose(ref);
  const byLabel = unique((i) => loose(h.labels[i] ?? '') === k) ?? unique((i) => loose(h.last[i] ?? '') === k);
  if (byLabel !== undefined) return byLabel;
  const letter = letterIndex(ref);
  if (letter !== undefined && (h.labels.length === 0 || letter < h.labels.length)) return letter;
  return undefined;
}

/** Resolves a sheet's recipe against its header (recipe mistakes throw RecipeProblems; missing required fields are listed). */
export function planSheet(r: SheetRecipe, header: SheetHeader, spec: KindSpec, multi: boolean): SheetPlan {
  const problems: { path: string; message: string }[] = [];
  const where = header.name ? ` in sheet "${header.name}"` : '';
  const col = (ref: string, path: string): number | undefined => {
    const i = findColumn(ref, header);
    if (i === undefined) {
      const near = closest(ref, header.labels.map((l, j) => ({ label: l || columnLetter(j), keys: [nameKey(l)] })));
      problems.push({ path, message: `no column "${ref}"${where}${near.length ? ` (closest: ${near.join(', ')})` : ''}` });
    }
    return i;
  };
  const sources = new Map<string, Source>();
  for (const [field, ref] of Object.entries(r.columns)) {
    const i = col(ref, r.origin[field] ?? `columns.${field}`);
    if (i !== undefined) sources.set(field, { k: 'col', col: i });
  }
  for (const [field, refs] of Object.entries(r.sum)) {
    const cols = refs.map((ref, j) => col(ref, `${r.origin[field]}[${j}]`));
    if (cols.every((i) => i !== undefined)) sources.set(field, { k: 'sum', cols: cols as number[] });
  }
  for (const [field, members] of Object.entries(r.oneHot)) {
    const pairs = Object.entries(members).map(([ref, word]) => [col(ref, `${r.origin[field]}.${ref}`), word] as const);
    if (pairs.every(([i]) => i !== undefined)) sources.set(field, { k: 'oneHot', members: pairs as [number, string][] });
  }
  for (const [field, value] of Object.entries(r.constants)) sources.set(field, { k: 'const', value });
  if (problems.length > 0) throw new RecipeProblems(problems);

  const taken = new Set<number>();
  for (const s of sources.values()) {
    if (s.k === 'col') taken.add(s.col);
    if (s.k === 'sum') for (const c of s.cols) taken.add(c);
    if (s.k === 'oneHot') for (const [c] of s.members) taken.add(c);
  }
  const auto = mapColumns(spec, header.labels, header.hxl, { fields: new Set(sources.keys()), columns: taken });
  const missing = auto.missing.map(
    (f) => new FileError('column.missing', `${header.name ? `sheet "${header.name}": ` : ''}no column for the required field ${f} (looked for: ${lookedFor(spec, f).join(', ')})`, header.headerRow, f),
  );
  for (const [field, c] of auto.columns) sources.set(field, { k: 'col', col: c });
  const values = new Map<string, Map<string, string>>();
  const valueTargets: SheetPlan['valueTargets'] = [];
  for (const [field, map] of Object.entries(r.values)) {
    values.set(field, new Map(Object.entries(map).map(([raw, to]) => [valueKey(raw), to])));
    for (const [raw, to] of Object.entries(map)) valueTargets.push({ field, to, path: r.origin[`values\u0000${field}\u0000${raw}`] ?? `values.${field}.${raw}` });
  }
  const prefix = multi && header.name ? `${header.name}: ` : '';
  return {
    sheet: header.sheet,
    name: header.name,
    header,
    sources,
    values,
    valueTargets,
    dateFormat: r.dateFormat,
    label: (i) => prefix + (header.labels[i] || header.hxl?.[i] || `column ${columnLetter(i)}`),
    origin: r.origin,
    warnings: auto.warnings.map((w) => prefix + w),
    missing,
  };
}
