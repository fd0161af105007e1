import { ApiError, getJson, readProblem } from '../api.js';
import type { ImportKind } from './api.js';

/**
 * Shapes of server/ingest/recipe.ts, preview.ts and dry-run.ts (the server owns the contract):
 * the import wizard's calls. The upload is kept by the server between the steps (`upload` id).
 */
export type Source =
  | { k: 'col'; col: number }
  | { k: 'const'; value: string | number | boolean | string[] }
  | { k: 'sum'; cols: number[] }
  | { k: 'oneHot'; members: [number, string][] };

export interface SheetRecipe {
  name?: string;
  headerRows?: number;
  skipRows?: number;
  footerRows?: number;
  dateFormat?: 'dd/mm/yyyy' | 'mm/dd/yyyy';
  columns?: Record<string, string>;
  sum?: Record<string, string[]>;
  oneHot?: Record<string, Record<string, string>>;
  values?: Record<string, Record<string, string>>;
  constants?: Record<string, string>;
}
export interface Recipe extends Omit<SheetRecipe, 'name'> {
  kind: ImportKind;
  sheets?: (SheetRecipe & { name: string })[];
}

export interface RawSheet {
  name: string;
  rows: { row: number; cells: string[] }[];
}
export interface SheetMapping {
  name: string;
  headerRow: number;
  columns: { letter: string; label: string }[];
  fields: { field: string; required: boolean; type: string; source: Source | null; choices?: string[] }[];
  oneHot: Record<string, Record<string, string>>;
  missing: string[];
  warnings: string[];
}
export interface ValueList {
  field: string;
  values: { raw: string; count: number; value?: string; reason?: string; suggestions?: string[] }[];
  more: boolean;
}
export interface Preview {
  upload: { id: string; fileName: string; bytes: number; format: string };
  sheets: RawSheet[];
  mapping?: SheetMapping[];
  values?: ValueList[];
}
export interface DryRun {
  outcome: 'valid' | 'rejected';
  counts: { rowsRead: number; rowsValid: number; rowsRejected: number };
  rows: { sheet: string; row: number; fields: Record<string, string>; raw: Record<string, string>; record: Record<string, unknown> | null; errors: { field: string; column: string; value: string; reason: string; suggestions?: string[] }[] }[];
  report: import('./api.js').ErrorReport;
  sameFile: number | null;
}
export interface StoredRecipe {
  id: number;
  name: string;
  kind: ImportKind;
  version: number;
  recipe: Recipe;
}

async function send<T>(method: string, path: string, body: FormData | unknown): Promise<T> {
  const form = body instanceof FormData;
  const res = await fetch(path, {
    method, credentials: 'same-origin', body: form ? body : JSON.stringify(body),
    headers: form ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
  });
  if (!res.ok) throw new ApiError(res.status, await readProblem(res), path);
  return (await res.json()) as T;
}

const formOf = (fields: Record<string, string | Blob | undefined>, file?: File): FormData => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) f.append(k, v);
  if (file) f.append('file', file, file.name); // after the fields: the server reads the parts in order
  return f;
};

export const recipeApi = {
  upload: (file: File) => send<Preview>('POST', '/api/v1/imports/preview', formOf({}, file)),
  preview: (upload: string, recipe: Recipe, values = false) =>
    send<Preview>('POST', '/api/v1/imports/preview', formOf({ upload, recipe: JSON.stringify(recipe), values: values ? 'true' : undefined })),
  dryRun: (upload: string, recipe: Recipe) => send<DryRun>('POST', '/api/v1/imports', formOf({ upload, recipe: JSON.stringify(recipe), dryRun: 'true' })),
  start: (upload: string, fields: Record<string, string | undefined>) => send<{ id: number }>('POST', '/api/v1/imports', formOf({ upload, ...fields })),
  list: (kind?: ImportKind) => getJson<{ recipes: StoredRecipe[] }>(`/api/v1/import-recipes${kind ? `?kind=${kind}` : ''}`),
  save: (name: string, recipe: Recipe) => send<StoredRecipe>('POST', '/api/v1/import-recipes', { name, recipe }),
  update: (id: number, recipe: Recipe) => send<StoredRecipe>('PUT', `/api/v1/import-recipes/${id}`, { recipe }),
};
