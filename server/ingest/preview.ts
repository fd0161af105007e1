import type { SheetMapping, ValueList } from '../../common/imports.js';
import type { KindSpec } from './fields.js';
import { FileError } from './file-error.js';
import { columnLetter, SheetFramer, type SheetHeader } from './header.js';
import type { Lookups } from './lookup.js';
import { headerKey } from './mapping.js';
import { type PassInput, scan } from './passes.js';
import { planSheet, RecipeProblems, type SheetPlan } from './plan.js';
import { type Recipe, sheetRecipes } from './recipe.js';
import { readTable, type Format } from './table.js';
import { RowValidator } from './validate.js';
import { cellText } from './values.js';
import { matchVocab } from './vocab.js';

/** The first rows of every sheet, as text: the wizard's grid, to choose sheets and header rows. */
export async function rawSheets(path: string, format: Format, limit = 25): Promise<{ name: string; rows: { row: number; cells: string[] }[] }[]> {
  const out: { name: string; rows: { row: number; cells: string[] }[] }[] = [];
  for await (const b of readTable(path, { format }, { all: true, limit })) {
    const sheet = (out[b.sheet] ??= { name: b.name, rows: [] });
    for (const r of b.rows) sheet.rows.push({ row: r.row, cells: r.cells.map((c) => (typeof c === 'boolean' ? (c ? 'TRUE' : 'FALSE') : cellText(c))) });
  }
  return out;
}

/**
 * Each sheet of a recipe against its header: the columns, where every field would be read from
 * (the recipe, else the aliases and HXL tags), the required fields nowhere to be found, and
 * one-hot columns worth suggesting. Recipe mistakes (no such sheet or column, a constant or a
 * `values` target that does not parse) throw RecipeProblems: the 400 of POST /imports.
 */
export async function inspect(path: string, format: Format, recipe: Recipe, spec: KindSpec, lookups: Lookups, today: string): Promise<SheetMapping[]> {
  const recipes = sheetRecipes(recipe);
  const names = recipes[0]?.name === undefined ? undefined : recipes.map((r) => r.name as string);
  if (names && format !== 'xlsx') throw new RecipeProblems([{ path: 'sheets', message: `only workbooks have sheets; this file is ${format.toUpperCase()}` }]);
  const framers: SheetFramer[] = [];
  const limit = Math.max(...recipes.map((r) => r.skipRows + r.headerRows)) + 2;
  try {
    for await (const b of readTable(path, { format }, { names, limit })) {
      const f = (framers[b.sheet] ??= new SheetFramer(b.sheet, b.name, recipes[b.sheet] ?? { skipRows: 0, headerRows: 1, footerRows: 0 }));
      f.feed(b.rows);
    }
  } catch (err) {
    const missingSheet = /^there is no sheet named/.test((err as Error).message);
    if (missingSheet) throw new RecipeProblems([{ path: 'sheets', message: (err as Error).message }]);
    throw err;
  }
  const problems: { path: string; message: string }[] = [];
  const out: SheetMapping[] = [];
  recipes.forEach((r, i) => {
    const header = framers[i]?.end() as SheetHeader;
    try {
      const plan = planSheet(r, header, spec, recipes.length > 1);
      new RowValidator(spec, plan, lookups, { today }); // parses constants and value targets
      out.push(describe(plan, spec, lookups));
    } catch (err) {
      if (!(err instanceof RecipeProblems)) throw err;
      // A top-level mistake shows in every sheet: name it once.
      for (const p of err.problems) if (!problems.some((q) => q.path === p.path && q.message === p.message)) problems.push(p);
    }
  });
  if (problems.length > 0) throw new RecipeProblems(problems);
  return out;
}

function describe(plan: SheetPlan, spec: KindSpec, lookups: Lookups): SheetMapping {
  const h = plan.header;
  const used = new Set<number>();
  for (const s of plan.sources.values()) if (s.k === 'col') used.add(s.col);
  const oneHot: Record<string, Record<string, string>> = {};
  for (const f of spec.fields) {
    if (f.type.t !== 'set' || plan.sources.get(f.name)?.k === 'oneHot') continue;
    const names = [f.name, ...f.aliases].filter((a) => !a.startsWith('#')).map(headerKey);
    h.labels.forEach((label, i) => {
      const slash = label.lastIndexOf('/');
      if (slash < 0 || used.has(i) || f.type.t !== 'set') return;
      const word = matchVocab(lookups.vocab(f.type.vocab), label.slice(slash + 1));
      // 'reasons/economic' (Kobo) or 'Reasons for Entry / Economic' (a DTM group).
      const group = headerKey(label.slice(0, slash));
      if (word && names.some((n) => group === n || group.startsWith(`${n}_`) || group.startsWith(n.replace(/s$/, '')))) (oneHot[f.name] ??= {})[label] = word;
    });
  }
  return {
    name: h.name,
    headerRow: h.headerRow,
    columns: h.labels.map((label, i) => ({ letter: columnLetter(i), label })),
    fields: spec.fields.map((f) => ({
      field: f.name, required: f.required === true, type: f.type.t, source: plan.sources.get(f.name) ?? null,
      ...(f.type.t === 'enum' || f.type.t === 'set' ? { choices: lookups.vocab(f.type.vocab).values } : {}),
    })),
    oneHot,
    missing: plan.missing.map((e) => e.column ?? ''),
    warnings: plan.warnings,
  };
}

const LISTED = new Set(['enum', 'set', 'iso3', 'point', 'place', 'placeOrCountry']);
const MAX_VALUES = 300;

/**
 * Every distinct raw value of the fields that take words, countries or places, over the whole
 * file, with how each reads today (the recipe's `values` applied) or why it does not and the
 * closest entries: the wizard's values step.
 */
export async function distinctValues(input: PassInput): Promise<ValueList[]> {
  const seen = new Map<string, Map<string, number>>();
  const more = new Set<string>();
  const validators = new Map<string, RowValidator>();
  const collect = scan(input, undefined, (raw, _r, v, plan) => {
    for (const [field, s] of plan.sources) {
      const f = input.spec.fields.find((x) => x.name === field);
      if (s.k !== 'col' || !f || !LISTED.has(f.type.t)) continue;
      if (!validators.has(field)) validators.set(field, v);
      const text = cellText(raw.cells[s.col] ?? null);
      if (text === '') continue;
      const m = seen.get(field) ?? new Map<string, number>();
      seen.set(field, m);
      if (m.has(text) || m.size < MAX_VALUES) m.set(text, (m.get(text) ?? 0) + 1);
      else more.add(field);
    }
    return undefined;
  });
  // The values are listed even when the dates' order is not settled yet (the preview says so).
  await collect.catch((err: unknown) => {
    if (!(err instanceof FileError && err.code === 'date.ambiguous')) throw err;
  });
  return [...seen].map(([field, m]) => ({
    field,
    more: more.has(field),
    values: [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([raw, count]) => ({ raw, count, ...(validators.get(field)?.resolve(field, raw) ?? {}) })),
  }));
}

