import type { FieldSpec, KindSpec } from './fields.js';

/**
 * Which column holds which field, for the fields a recipe does not place: the HXL hashtag row
 * first, then the header text. Matching ignores case, accents, spaces and punctuation, and a
 * Kobo group prefix ('group_flow/Date' is 'date', 'Family size / Males' is 'males'); HXL tags
 * ignore case, spaces and the order of attributes ('#affected +f' is '#affected+f').
 */
export interface ColumnMap {
  /** field name → 0-based column index */
  columns: Map<string, number>;
  /** Fields that must be there and are not: a file-level error. */
  missing: string[];
  /** Headers no field uses, and other notes for the report. */
  warnings: string[];
}

/** 'Group_flow/Date of Survey ' → 'date_of_survey'. */
export function headerKey(h: string): string {
  const last = h.includes('/') ? h.slice(h.lastIndexOf('/') + 1) : h;
  return last
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const HASHTAG = /^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/;

/** '#Affected +F' → '#affected+f'; attributes sorted. undefined when not a hashtag. */
export function hxlKey(tag: string): string | undefined {
  const t = tag.replace(/\s+/g, '').toLowerCase();
  if (!HASHTAG.test(t)) return undefined;
  const [hashtag, ...attrs] = t.split('+');
  return [hashtag, ...attrs.sort()].join('+');
}

/** A row is the HXL hashtag row when every non-empty cell is a hashtag, and some cell is. */
export function isHxlRow(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  return filled.length > 0 && filled.every((c) => hxlKey(c) !== undefined);
}

/** Fields a recipe gives already, and the columns it reads: auto-matching leaves both alone. */
export interface Taken {
  fields: ReadonlySet<string>;
  columns: ReadonlySet<number>;
}

export function mapColumns(spec: KindSpec, header: readonly string[], hxl: readonly string[] | null, taken: Taken = { fields: new Set(), columns: new Set() }): ColumnMap {
  const byHeader = new Map<string, number>();
  const byTag = new Map<string, number>();
  header.forEach((h, i) => {
    const k = headerKey(h);
    if (k && !byHeader.has(k)) byHeader.set(k, i);
    const t = hxlKey(h); // a file whose only header row is hashtags
    if (t && !byTag.has(t)) byTag.set(t, i);
  });
  hxl?.forEach((tag, i) => {
    const t = hxlKey(tag);
    if (t && !byTag.has(t)) byTag.set(t, i);
  });
  const columns = new Map<string, number>();
  const missing: string[] = [];
  const warnings: string[] = [];
  const used = new Set(taken.columns);
  for (const field of spec.fields) {
    if (taken.fields.has(field.name)) continue;
    const col = findField(field, byHeader, byTag, used);
    if (col === undefined) {
      if (field.required) missing.push(field.name);
      continue;
    }
    columns.set(field.name, col);
    used.add(col);
  }
  const unused = header.map((h, i) => (used.has(i) || h.trim() === '' ? '' : h)).filter((h) => h !== '');
  if (unused.length > 0) warnings.push(`columns not imported: ${unused.slice(0, 20).join(', ')}${unused.length > 20 ? ', …' : ''}`);
  return { columns, missing, warnings };
}

/** Tags first: a tagged file says what each column means, whatever its header says. */
function findField(field: FieldSpec, byHeader: Map<string, number>, byTag: Map<string, number>, used: Set<number>): number | undefined {
  const names = [field.name, ...field.aliases];
  for (const n of names) {
    const t = n.startsWith('#') ? hxlKey(n) : undefined;
    const col = t !== undefined ? byTag.get(t) : undefined;
    if (col !== undefined && !used.has(col)) return col;
  }
  for (const n of names) {
    if (n.startsWith('#')) continue;
    const col = byHeader.get(headerKey(n));
    if (col !== undefined && !used.has(col)) return col;
  }
  return undefined;
}

/** Documented names a field is looked up by (for the "missing column" message). */
export function lookedFor(spec: KindSpec, field: string): string[] {
  const f = spec.fields.find((x) => x.name === field);
  return f ? [f.name, ...f.aliases].slice(0, 8) : [field];
}
