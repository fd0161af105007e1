import type { Recipe, RecipeParts as SheetRecipe, SheetMapping, Source } from '../../common/imports.js';

/**
 * What the wizard's steps decide, and the recipe that follows from it. Pure (unit-tested):
 * the steps edit a WizardState, recipeOf() turns it into the JSON the server reads.
 */
export interface SheetChoice {
  name: string;
  use: boolean;
  skipRows: number;
  headerRows: number;
  footerRows: number;
}

/** A field's source as the wizard edits it: a column label, several labels to add up, one-hot columns, or a constant. */
export type FieldChoice =
  | { k: 'none' }
  | { k: 'col'; label: string }
  | { k: 'sum'; labels: string[] }
  | { k: 'oneHot'; members: Record<string, string> }
  | { k: 'const'; value: string };

export interface WizardState {
  kind: Recipe['kind'];
  sheets: SheetChoice[];
  /** Per used sheet (by name; '' for CSV): field → choice. Only choices the person made or accepted. */
  fields: Record<string, Record<string, FieldChoice>>;
  values: Record<string, Record<string, string>>;
  dateFormat?: 'dd/mm/yyyy' | 'mm/dd/yyyy';
}

/** The label a recipe uses for a column: its header label, else its letter. */
export const columnRef = (m: SheetMapping, col: number): string => m.columns[col]?.label || m.columns[col]?.letter || '';

/** A server-side source (auto-matched or from the recipe) as a wizard choice. */
export function choiceOf(m: SheetMapping, s: Source | null): FieldChoice {
  if (!s) return { k: 'none' };
  if (s.k === 'col') return { k: 'col', label: columnRef(m, s.col) };
  if (s.k === 'sum') return { k: 'sum', labels: s.cols.map((c) => columnRef(m, c)) };
  if (s.k === 'oneHot') return { k: 'oneHot', members: Object.fromEntries(s.members.map(([c, w]) => [columnRef(m, c), w])) };
  return { k: 'const', value: Array.isArray(s.value) ? s.value.join(';') : String(s.value) };
}

function sheetPart(choices: Record<string, FieldChoice>): SheetRecipe {
  const out: SheetRecipe = {};
  for (const [field, c] of Object.entries(choices)) {
    if (c.k === 'col') (out.columns ??= {})[field] = c.label;
    else if (c.k === 'sum' && c.labels.length > 0) (out.sum ??= {})[field] = c.labels;
    else if (c.k === 'oneHot' && Object.keys(c.members).length > 0) (out.oneHot ??= {})[field] = c.members;
    else if (c.k === 'const' && c.value.trim() !== '') (out.constants ??= {})[field] = c.value.trim();
  }
  return out;
}

/** The recipe of the wizard's state: one sheet entry per sheet used (a CSV has none), values and date order at the top. */
export function recipeOf(s: WizardState): Recipe {
  const used = s.sheets.filter((x) => x.use);
  const recipe: Recipe = { kind: s.kind };
  const values = Object.fromEntries(Object.entries(s.values).filter(([, m]) => Object.keys(m).length > 0));
  if (Object.keys(values).length > 0) recipe.values = values;
  if (s.dateFormat) recipe.dateFormat = s.dateFormat;
  const layout = (x: SheetChoice) => ({
    ...(x.headerRows !== 1 ? { headerRows: x.headerRows } : {}),
    ...(x.skipRows > 0 ? { skipRows: x.skipRows } : {}),
    ...(x.footerRows > 0 ? { footerRows: x.footerRows } : {}),
  });
  const only = used[0];
  if (used.length === 1 && only && only.name === '') return { ...recipe, ...layout(only), ...sheetPart(s.fields[''] ?? {}) };
  return { ...recipe, sheets: used.map((x) => ({ name: x.name, ...layout(x), ...sheetPart(s.fields[x.name] ?? {}) })) };
}

/** A suggestion such as 'Ethiopia (ETH)' as the value a recipe maps to ('ETH'); a vocabulary word stays as it is. */
export function suggestionValue(s: string): string {
  const code = /\(([^()]+)\)$/.exec(s);
  return code?.[1] ?? s;
}
