import { expect, it } from 'vitest';
import { fixture, getRetrying, postImport } from '../helpers/import.js';
import { describeApp } from '../helpers/suite.js';

describeApp('the imports API on the %s database', { db: 'fresh', env: { UPLOAD_MAX_BYTES: '2048' } }, ({ app, db }) => {
  it('when a viewer or analyst uploads, then it is forbidden; anonymous callers must sign in', async () => {
    const data = fixture('obs-comma.csv');
    expect((await postImport(app, 'x.csv', data, { kind: 'observations' }, 'viewer')).status).toBe(403);
    expect((await postImport(app, 'x.csv', data, { kind: 'observations' }, 'analyst')).status).toBe(403);
    const form = new FormData();
    form.set('kind', 'observations');
    form.set('file', new Blob([new Uint8Array(data)]), 'x.csv');
    expect((await app.anonymous.get('/api/v1/imports', { method: 'POST', body: form })).status).toBe(401);
  });

  it('when the file is larger than UPLOAD_MAX_BYTES, then the answer is 413 problem+json', async () => {
    const res = await postImport(app, 'big.csv', Buffer.alloc(10_000, 'a'), { kind: 'observations' });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await res.json()).detail).toMatch(/2048 bytes/);
  });

  it.each([
    [{ kind: 'people' }, 'body.kind'],
    [{ kind: 'observations', mode: 'some' }, 'body.mode'],
    [{ kind: 'observations', mapping: '{"totl": "Total"}' }, 'body.mapping'],
    [{ kind: 'observations', mapping: 'not json' }, 'body.mapping'],
    [{ kind: 'observations', mapping: '{"total": "Persons counted"}' }, 'body.mapping'], // no such column in the file
    [{ recipe: '{"kind": "observations", "headerRows": -1}' }, 'body.recipe.headerRows'],
    [{ recipeId: '999999' }, 'body.recipeId'],
    [{ kind: 'observations', licence: 'CC0', licenze: 'CC0' }, 'body.licenze'],
    [{ kind: 'observations', periodStart: '2025-02-01', periodEnd: '2025-01-01' }, 'body.periodStart'],
  ])('when the form says %j, then a 400 names %s', async (fields, field) => {
    const res = await postImport(app, 'x.csv', fixture('obs-comma.csv'), fields);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain(field);
  });

  it('when the body is not multipart or has no file, then it is refused', async () => {
    const json = await app.as('data_manager').get('/api/v1/imports', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"kind":"observations"}',
    });
    expect(json.status).toBe(415);
    const form = new FormData();
    form.set('kind', 'observations');
    const none = await app.as('data_manager').get('/api/v1/imports', { method: 'POST', body: form });
    expect(none.status).toBe(400);
  });

  it('when appending to a dataset of another kind or one that does not exist, then 409 or 404', async () => {
    const [reports] = await db.query<{ id: number }>(`SELECT id FROM datasets WHERE kind = 'reports' LIMIT 1`);
    expect((await postImport(app, 'x.csv', fixture('obs-comma.csv'), { kind: 'observations', datasetId: String(reports?.id) })).status).toBe(409);
    expect((await postImport(app, 'x.csv', fixture('obs-comma.csv'), { kind: 'observations', datasetId: '999999' })).status).toBe(404);
  });

  it('when an upload is accepted, then the answer is 202 with the import to follow, and the start is audited', async () => {
    const res = await postImport(app, 'accepted.csv', fixture('obs-hxl.csv'), { kind: 'observations' });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { id: number; links: { self: string } };
    expect(res.headers.get('location')).toBe(`/api/v1/imports/${body.id}`);
    const [entry] = await db.query<{ params: Record<string, unknown> }>(`SELECT params FROM audit_log WHERE action = 'import.start' ORDER BY id DESC LIMIT 1`);
    expect(entry?.params).toMatchObject({ importId: body.id, kind: 'observations', file: 'accepted.csv' });
    for (let i = 0; i < 600; i++) {
      const v = (await (await getRetrying(app, body.links.self)).json()) as { status: string };
      if (v.status === 'committed') return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the import did not finish');
  });

  it('when an import does not exist, then 404', async () => {
    expect((await getRetrying(app, '/api/v1/imports/999999')).status).toBe(404);
    expect((await getRetrying(app, '/api/v1/imports/999999/rejected.csv')).status).toBe(404);
  });
});
