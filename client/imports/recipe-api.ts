import { ApiError, getJson, readProblem } from '../api.js';
import type { DryRun, ImportKind, Preview, Recipe, StoredRecipe } from '../../common/imports.js';

// The wizard's calls; the shapes are common/imports.ts. The upload is kept by the server
// between the steps (`upload` id).
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
