import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Role } from '../../server/auth/roles.js';
import type { Queryable } from '../../server/db/index.js';
import { paths } from '../../server/paths.js';
import type { TestApp } from './app.js';
import type { ImportView } from '../../common/imports.js';

export const FIXTURES = join(paths.root, 'tests/fixtures/import');
export const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));

export type { ImportView } from '../../common/imports.js';

/** POSTs a file as multipart and returns the raw response. */
export function postImport(app: TestApp, name: string, data: Uint8Array, fields: Record<string, string>, role: Role = 'data_manager'): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([new Uint8Array(data)]), name);
  return app.as(role).get('/api/v1/imports', { method: 'POST', body: form });
}

/** Uploads a file and waits until its import has finished. */
export async function importFile(app: TestApp, name: string, data: Uint8Array, fields: Record<string, string>): Promise<ImportView> {
  const res = await postImport(app, name, data, fields);
  expect(res.status, await res.clone().text()).toBe(202);
  const { id } = (await res.json()) as { id: number };
  const until = Date.now() + 120_000;
  for (;;) {
    const view = (await (await getRetrying(app, `/api/v1/imports/${id}`)).json()) as ImportView;
    if (!['queued', 'validating', 'writing'].includes(view.status)) return view;
    if (Date.now() > until) throw new Error(`import ${id} still ${view.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A GET that retries a reset connection: the embedded engine runs in this process and can block
 * the event loop for seconds (a rollup refresh), after which the server's keep-alive timer and
 * the client's reuse of the same socket race. GETs are idempotent, so trying again is safe.
 */
export async function getRetrying(app: TestApp, path: string, role: Role = 'data_manager'): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await app.as(role).get(path);
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

const TABLES = ['datasets', 'observations', 'reports', 'services', 'outreach_sites', 'monitoring_points', 'places', 'admin_areas', 'flow_cube'];

/** Row counts of every table an import writes: equal before and after means nothing was written. */
export async function tableCounts(db: Queryable): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`))[0]?.n ?? -1;
  return out;
}
