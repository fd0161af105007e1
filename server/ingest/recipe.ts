import { z } from 'zod';
import { DATE_FORMATS, type DateFormat, type Recipe } from '../../common/imports.js';
import { type FieldSpec, KINDS, type Kind } from './fields.js';
import { KIND_SPECS } from './kinds.js';
import { isTableVocab, matchVocab, VOCABS } from './vocab.js';

/**
 * An import recipe: how a partner's file maps onto a kind (docs/imports.md#import-recipes). Checked
 * here against the kind (fields, count and set fields, one-hot members); against the file
 * (sheets, columns) and the database (constants, `values` targets) in plan.ts.
 */
export { DATE_FORMATS, type DateFormat } from '../../common/imports.js';

const ref = z.string().trim().min(1).max(300);
const byField = <T extends z.ZodType>(v: T) => z.record(z.string().min(1).max(60), v);
const constant = z.union([z.string().trim().min(1).max(500), z.number(), z.boolean(), z.array(z.string().trim().min(1).max(100)).max(50)]);

const parts = {
  headerRows: z.int().min(0).max(10).optional(),
  skipRows: z.int().min(0).max(100_000).optional(),
  footerRows: z.int().min(0).max(100_000).optional(),
  dateFormat: z.enum(DATE_FORMATS).optional(),
  columns: byField(ref).optional(),
  sum: byField(z.array(ref).min(1).max(200)).optional(),
  oneHot: byField(z.record(ref, z.string().trim().min(1).max(100))).optional(),
  values: byField(z.record(z.string().max(200), z.string().trim().min(1).max(200))).optional(),
  constants: byField(constant).optional(),
};
const partsObject = z.object(parts);
type Parts = z.output<typeof partsObject>;

const sheetSchema = z.strictObject({ name: z.string().trim().min(1).max(100), ...parts });
const SOURCE_KEYS = ['columns', 'sum', 'oneHot', 'constants'] as const;

export const recipeSchema = z
  .strictObject({ kind: z.enum(KINDS), sheets: z.array(sheetSchema).min(1).max(20).optional(), ...parts })
  .superRefine((r, ctx) => {
    checkParts(r, r.kind, [], ctx);
    const names = new Set<string>();
    r.sheets?.forEach((s, i) => {
      if (names.has(s.name)) ctx.addIssue({ code: 'custom', path: ['sheets', i, 'name'], message: `sheet "${s.name}" is named twice` });
      names.add(s.name);
      checkParts(s, r.kind, ['sheets', i], ctx);
    });
  }) satisfies z.ZodType<Recipe>;

export type { Recipe };

function checkParts(p: Parts, kind: Kind, at: (string | number)[], ctx: z.RefinementCtx): void {
  const fields = new Map(KIND_SPECS[kind].fields.map((f) => [f.name, f]));
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path: [...at, ...path], message });
  const sourced = new Map<string, string>();
  for (const key of [...SOURCE_KEYS, 'values'] as const) {
    for (const name of Object.keys(p[key] ?? {})) {
      const f = fields.get(name);
      if (!f) {
        issue([key, name], `${name} is not a field of ${kind} (fields: ${[...fields.keys()].join(', ')})`);
        continue;
      }
      if (key === 'values') continue;
      const other = sourced.get(name);
      if (other) issue([key, name], `${name} is given by ${other} already: one source per field`);
      sourced.set(name, key);
      if (key === 'sum' && f.type.t !== 'int') issue([key, name], `${name} is not a count: only whole-number fields can be summed`);
      if (key === 'oneHot') checkOneHot(f, p.oneHot?.[name] ?? {}, (col, m) => issue([key, name, ...(col ? [col] : [])], m));
    }
  }
}

function checkOneHot(f: FieldSpec, members: Record<string, string>, issue: (col: string | undefined, message: string) => void): void {
  if (f.type.t !== 'set' && f.type.t !== 'enum') return issue(undefined, `${f.name} takes no list of choices: one-hot columns are for set and choice fields`);
  // A table's vocabulary (corridors) is checked row by row when the import reads it.
  if (isTableVocab(f.type.vocab)) return;
  const vocab = VOCABS[f.type.vocab];
  for (const [col, word] of Object.entries(members)) {
    if (matchVocab(vocab, word) === undefined) issue(col, `"${word}" is not one of ${vocab.values.join(', ')}`);
  }
}

/** One sheet's recipe with the top level merged in: the form the import runs on. */
export interface SheetRecipe {
  headerRows: number;
  skipRows: number;
  footerRows: number;
  /** undefined: the first sheet (and CSV or GeoJSON files). */
  name: string | undefined;
  dateFormat: DateFormat | undefined;
  columns: Record<string, string>;
  sum: Record<string, string[]>;
  oneHot: Record<string, Record<string, string>>;
  values: Record<string, Record<string, string>>;
  constants: Record<string, string | number | boolean | string[]>;
  /** Field → where the recipe says it (`sheets[1].constants.direction`), for error messages. */
  origin: Record<string, string>;
}

/**
 * The sheets a recipe reads, each with the top-level keys merged under its own: a field the
 * sheet gives (in columns, sum, oneHot or constants) replaces the top level's source for it;
 * `values` merge per raw value.
 */
export function sheetRecipes(r: Recipe): SheetRecipe[] {
  const sheets = r.sheets ?? [undefined];
  return sheets.map((s, i) => {
    const out: SheetRecipe = {
      name: s?.name,
      headerRows: s?.headerRows ?? r.headerRows ?? 1,
      skipRows: s?.skipRows ?? r.skipRows ?? 0,
      footerRows: s?.footerRows ?? r.footerRows ?? 0,
      dateFormat: s?.dateFormat ?? r.dateFormat,
      columns: {}, sum: {}, oneHot: {}, values: {}, constants: {}, origin: {},
    };
    const own = new Set(SOURCE_KEYS.flatMap((k) => Object.keys(s?.[k] ?? {})));
    for (const [level, at] of [[r, ''], [s, `sheets[${i}].`]] as const) {
      if (!level) continue;
      for (const key of SOURCE_KEYS) {
        for (const [field, v] of Object.entries(level[key] ?? {})) {
          if (level === r && own.has(field)) continue;
          (out[key] as Record<string, unknown>)[field] = v;
          out.origin[field] = `${at}${key}.${field}`;
        }
      }
      for (const [field, map] of Object.entries(level.values ?? {})) {
        out.values[field] = { ...out.values[field], ...map };
        for (const raw of Object.keys(map)) out.origin[`values\u0000${field}\u0000${raw}`] = `${at}values.${field}.${raw}`;
      }
    }
    return out;
  });
}

/** The recipe implied by the older form fields: a sheet name and a field → column mapping. */
export function recipeOf(kind: Kind, given: Recipe | undefined, sheet: string | undefined, mapping: Record<string, string> | undefined): Recipe {
  const r: Recipe = given ?? { kind };
  return {
    ...r,
    ...(sheet !== undefined && !r.sheets ? { sheets: [{ name: sheet }] } : {}),
    ...(mapping ? { columns: { ...mapping, ...r.columns } } : {}),
  };
}
