import { beforeAll, expect, it } from 'vitest';
import type { DatasetInfo, DryRun, Preview, StoredRecipe } from '../../common/imports.js';
import { type TestApp } from '../helpers/app.js';
import { importFile, postImport, tableCounts } from '../helpers/import.js';
import { describeApp } from '../helpers/suite.js';
import { DTM_RECIPE, dtmWorkbook, ddmmCsv, FACILITY_RECIPE, facilityWorkbook, KOBO_RECIPE, koboWorkbook } from '../helpers/workbooks.js';

const ROWS = 40;
const json = (v: unknown) => JSON.stringify(v);

describeApp('import recipes on the %s database', { db: 'fresh' }, ({ app, db }) => {
  let dtm: Buffer;
  beforeAll(async () => {
    dtm = await dtmWorkbook({ rows: ROWS });
  });

  const rowsOf = (datasetId: number | null) =>
    db.query<Record<string, unknown>>(
      `SELECT o.observed_on, m.code AS point, o.direction, o.origin_country, o.destination_country, o.total, o.male, o.female, o.children,
         o.transport_mode, o.reasons
       FROM observations o JOIN monitoring_points m ON m.id = o.monitoring_point_id WHERE o.dataset_id = $1 ORDER BY o.direction, o.id`,
      [datasetId],
    );

  it('when the DTM workbook comes with its recipe, then both sheets go into one dataset as household records, by the bulk path', async () => {
    const v = await importFile(app, 'dtm-march.xlsx', dtm, { recipe: json(DTM_RECIPE), dataset: 'DTM March' });
    expect(v.status, json(v.report)).toBe('committed');
    expect(v.progress).toMatchObject({ rowsRead: 2 * ROWS, rowsInserted: 2 * ROWS, rowsRejected: 0 }); // the totals row is not a record
    const rows = await rowsOf(v.datasetId);
    const entry = rows.filter((r) => r.direction === 'inbound');
    const exit = rows.filter((r) => r.direction === 'outbound');
    expect([entry.length, exit.length]).toEqual([ROWS, ROWS]);
    // Row 0 of each sheet: serial 45717, "Kazungula Bridge border post " (trailing space), "Truck/Bus"; 1 man, no woman.
    expect(entry[0]).toMatchObject({ observed_on: '2025-03-01', point: 'mp-kazungula-bridge', origin_country: 'KEN', total: 1, male: 1, female: 0, children: 0, transport_mode: 'bus', reasons: ['economic', 'family', 'other'] });
    expect(exit[0]).toMatchObject({ destination_country: 'TZA', total: 1, transport_mode: 'bus', reasons: ['family'] });
    // Countries by name, variant, values map and misspelling mapped by the recipe.
    expect(entry.slice(0, 6).map((r) => r.origin_country)).toEqual(['KEN', 'ETH', 'ETH', 'SOM', 'COD', 'TZA']);
    expect(exit.slice(0, 4).map((r) => r.destination_country)).toEqual(['TZA', 'COD', 'CIV', 'ZAF']);
    // A household counts as its size: entry from its size column, exit as men + women.
    for (const r of rows) expect(r.total).toBe(Number(r.male) + Number(r.female));
    expect(rows[5]).toMatchObject({ children: 1 + 1 }); // i = 5: one boy, one girl
    const [part] = await db.query<{ t: string | null }>(`SELECT to_regclass('observations_d' || $1::int)::text AS t`, [v.datasetId]);
    expect(part?.t).toBe(`observations_d${v.datasetId}`);
  });

  it('when the same workbook comes again with the same recipe, then nothing is added', async () => {
    const before = await tableCounts(db);
    const v = await importFile(app, 'dtm-march-again.xlsx', dtm, { recipe: json(DTM_RECIPE) });
    expect(v.status).toBe('unchanged');
    expect(await tableCounts(db)).toEqual(before);
  });

  it('when a longer export of the same rows is appended with the same recipe, then only the new rows are added', async () => {
    const [ds] = await db.query<{ id: number }>(`SELECT id FROM datasets WHERE name = 'DTM March'`);
    const v = await importFile(app, 'dtm-march-longer.xlsx', await dtmWorkbook({ rows: ROWS + 1 }), { recipe: json(DTM_RECIPE), datasetId: String(ds?.id) });
    expect(v.status, json(v.report)).toBe('committed');
    expect(v.progress).toMatchObject({ rowsInserted: 2, rowsSkipped: 2 * ROWS });
  });

  it('when a misspelt country has no mapping, then nothing of either sheet is written and the error suggests the country', async () => {
    const before = await tableCounts(db);
    const { Ethopia: _drop, ...origins } = DTM_RECIPE.values.origin_country;
    const recipe = { ...DTM_RECIPE, values: { ...DTM_RECIPE.values, origin_country: origins } };
    const v = await importFile(app, 'dtm-typo.xlsx', await dtmWorkbook({ rows: 12 }), { recipe: json(recipe) });
    expect(v.status).toBe('rejected');
    const err = v.report?.errors.find((e) => e.value === 'Ethopia');
    expect(err).toMatchObject({ row: 5, column: 'Entry Sheet: Survey / Country of Origin', code: 'iso3.unknown' });
    expect(err?.suggestions?.[0]).toBe('Ethiopia (ETH)');
    expect(await tableCounts(db)).toEqual(before);
  });

  it('when only the exit sheet has a bad row, then the entry sheet is not written either (all or nothing across sheets)', async () => {
    const before = await tableCounts(db);
    const data = await dtmWorkbook({ rows: 10, override: [{ sheet: 'exit', index: 3, cells: [45720, 'mp-katima-bridge', 'Tanzania', 'Bus', 2, 1, 'three', 0, 'TRUE', 0] }] });
    const v = await importFile(app, 'dtm-bad-exit.xlsx', data, { recipe: json(DTM_RECIPE) });
    expect(v.status).toBe('rejected');
    expect(v.report?.errors).toEqual([expect.objectContaining({ row: 6, column: 'Exit Sheet: Children size / Boys', field: 'children', value: 'three' })]);
    expect(v.progress).toMatchObject({ rowsRead: 20, rowsRejected: 1 });
    expect(await tableCounts(db)).toEqual(before);
    const csv = await (await app.as('data_manager').get(`${v.links.self}/rejected.csv`)).text();
    expect(csv.split('\n')[1]).toMatch(/^Exit Sheet,6,Exit Sheet: Children size \/ Boys: expected a whole number,/);
  });

  it.each([
    [{ ...DTM_RECIPE, columns: { ...DTM_RECIPE.columns, totl: 'A' } }, 'body.recipe.columns.totl', /not a field of observations/],
    [{ ...DTM_RECIPE, sheets: [{ ...DTM_RECIPE.sheets[0], name: 'Entry sheets' }, DTM_RECIPE.sheets[1]] }, 'body.recipe.sheets', /no sheet named "Entry sheets" \(sheets: Entry Sheet, Exit Sheet\)/],
    [{ ...DTM_RECIPE, sheets: [{ ...DTM_RECIPE.sheets[0], columns: { origin_country: 'Country of Birth' } }, DTM_RECIPE.sheets[1]] }, 'body.recipe.sheets[0].columns.origin_country', /no column "Country of Birth" in sheet "Entry Sheet" \(closest: .*Country of Origin/],
    [{ ...DTM_RECIPE, values: { transport_mode: { 'Truck/Bus': 'lorry-bus' } } }, 'body.recipe.values.transport_mode.Truck/Bus', /"lorry-bus" expected one of/],
    [{ ...DTM_RECIPE, oneHot: { reasons: { 'Reasons for Entry / Food': 'hunger' } } }, 'body.recipe.oneHot.reasons.Reasons for Entry / Food', /"hunger" is not one of/],
    [{ ...DTM_RECIPE, sheets: [{ ...DTM_RECIPE.sheets[0], constants: { direction: 'sideways' } }, DTM_RECIPE.sheets[1]] }, 'body.recipe.sheets[0].constants.direction', /"sideways"/],
  ])('when a recipe names what is not there (case %#), then the answer is 400 naming the place and nothing is queued', async (recipe, field, message) => {
    const [before] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM imports');
    const res = await postImport(app, 'dtm.xlsx', dtm, { recipe: json(recipe) });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const body = (await res.json()) as { errors: { field: string; message: string }[] };
    expect(body.errors.find((e) => e.field === field)?.message, json(body)).toMatch(message);
    const [after] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM imports');
    expect(after?.n).toBe(before?.n);
  });

  it('when a dry run is asked, then the first 50 mapped rows, the grouped errors and the counts come back and nothing is written', async () => {
    const before = await tableCounts(db);
    const [imports] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM imports');
    const data = await dtmWorkbook({ rows: 30, override: [{ sheet: 'entry', index: 2, cells: [45717, 'Nakonde bridge', 'Kenya', 'Bus', 1, 1, 2, 0, 0, false, false, false] }] });
    const res = await postImport(app, 'dtm-dry.xlsx', data, { recipe: json(DTM_RECIPE), dryRun: 'true' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as DryRun;
    expect(body.outcome).toBe('rejected');
    expect(body.counts).toEqual({ rowsRead: 60, rowsValid: 59, rowsRejected: 1 });
    expect(body.rows).toHaveLength(50);
    expect(body.rows[0]).toMatchObject({
      sheet: 'Entry Sheet', row: 3, raw: { date: '45717', transport_mode: 'Truck/Bus', origin_country: 'Kenya' },
      fields: { date: '2025-03-01', direction: 'inbound', transport_mode: 'bus', origin_country: 'KEN', children: '0', reasons: 'economic family other' }, record: { observed_on: '2025-03-01', direction: 'inbound', transport_mode: 'bus', total: 1 } });
    expect(body.rows[2]).toMatchObject({ row: 5, record: null, errors: [{ code: 'point.unknown' }] });
    expect(body.report.groups).toEqual([expect.objectContaining({ code: 'point.unknown', count: 1 })]);
    expect(await tableCounts(db)).toEqual(before);
    const [after] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM imports');
    expect(after?.n).toBe(imports?.n);
  });

  it('when a recipe is stored and edited, then each import keeps the version it used and provenance names it', async () => {
    const dm = app.as('data_manager');
    const send = (method: string, path: string, body?: unknown) =>
      dm.get(`/api/v1/import-recipes${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : json(body) });
    const created = await send('POST', '', { name: 'DTM household survey', recipe: DTM_RECIPE });
    expect(created.status).toBe(201);
    const r1 = (await created.json()) as StoredRecipe;
    expect(r1.version).toBe(1);
    expect((await send('POST', '', { name: 'dtm HOUSEHOLD survey', recipe: DTM_RECIPE })).status).toBe(409);
    const a = await importFile(app, 'dtm-april.xlsx', await dtmWorkbook({ rows: 5 }), { recipeId: String(r1.id), dataset: 'DTM April' });
    expect(a.status, json(a.report)).toBe('committed');
    const edited = { ...DTM_RECIPE, values: { ...DTM_RECIPE.values, transport_mode: { 'Truck/Bus': 'truck' } } };
    const put = (await (await send('PUT', `/${r1.id}`, { recipe: edited })).json()) as StoredRecipe & { versions: unknown[] };
    expect(put).toMatchObject({ version: 2, versions: [expect.objectContaining({ version: 1 }), expect.objectContaining({ version: 2 })] });
    expect(((await (await send('PUT', `/${r1.id}`, { recipe: edited })).json()) as { version: number }).version).toBe(2); // the same again: no new version
    const b = await importFile(app, 'dtm-may.xlsx', await dtmWorkbook({ rows: 6 }), { recipeId: String(r1.id), dataset: 'DTM May' });
    expect(b.status, json(b.report)).toBe('committed');
    const modes = await db.query<{ d: number; m: string }>(
      `SELECT dataset_id AS d, transport_mode AS m FROM observations WHERE dataset_id = ANY($1::int[]) AND source_row_id IN (SELECT source_row_id FROM observations WHERE dataset_id = $2 ORDER BY id LIMIT 1) ORDER BY 1`,
      [[a.datasetId, b.datasetId], a.datasetId],
    );
    expect(modes.map((x) => x.m)).toEqual(['bus', 'truck']);
    const { datasets } = (await (await app.as('viewer').get('/api/v1/datasets')).json()) as { datasets: DatasetInfo[] };
    expect(datasets.find((d) => d.id === a.datasetId)?.recipes).toEqual([{ id: r1.id, name: 'DTM household survey', version: 1 }]);
    expect(datasets.find((d) => d.id === b.datasetId)?.recipes).toEqual([{ id: r1.id, name: 'DTM household survey', version: 2 }]);
    const old = (await (await send('GET', `/${r1.id}?version=1`)).json()) as StoredRecipe;
    expect(old.recipe.values?.['transport_mode']).toEqual({ 'Truck/Bus': 'bus' });
    expect((await send('DELETE', `/${r1.id}`)).status).toBe(200);
    expect((await send('GET', `/${r1.id}`)).status).toBe(404);
    const after = (await (await app.as('viewer').get('/api/v1/datasets')).json()) as { datasets: DatasetInfo[] };
    expect(after.datasets.find((d) => d.id === a.datasetId)?.recipes).toEqual([{ id: r1.id, name: 'DTM household survey', version: 1 }]);
    const actions = await db.query<{ action: string }>(`SELECT action FROM audit_log WHERE action LIKE 'recipe.%' ORDER BY id`);
    expect(actions.map((x) => x.action)).toEqual(['recipe.create', 'recipe.update', 'recipe.delete']);
  });

  it('when a Kobo export splits a select_multiple into 0/1 columns, then one-hot reads the set and the preview suggests it', async () => {
    const data = await koboWorkbook();
    const form = new FormData();
    form.set('recipe', json({ kind: 'observations', columns: { source_row_id: '_uuid' } }));
    form.set('file', new Blob([new Uint8Array(data)]), 'kobo.xlsx');
    const pre = (await (await app.as('data_manager').get('/api/v1/imports/preview', { method: 'POST', body: form })).json()) as Required<Preview>;
    expect(pre.sheets[0]?.name).toBe('FMR Nakonde');
    expect(pre.mapping[0]?.oneHot).toEqual({ reasons: { 'reasons/economic': 'economic', 'reasons/family': 'family', 'reasons/trade': 'trade' } });
    const v = await importFile(app, 'kobo.xlsx', data, { recipe: json(KOBO_RECIPE), dataset: 'Kobo' });
    expect(v.status, json(v.report)).toBe('committed');
    const rows = await db.query<{ s: string; r: string[]; d: string; t: number }>(
      'SELECT source_row_id AS s, reasons AS r, direction AS d, total AS t FROM observations WHERE dataset_id = $1 ORDER BY 1', [v.datasetId],
    );
    expect(rows).toEqual([{ s: 'k-1', r: ['economic', 'trade'], d: 'inbound', t: 4 }, { s: 'k-2', r: ['family'], d: 'outbound', t: 2 }, { s: 'k-3', r: [], d: 'inbound', t: 6 }]);
  });

  it('when a facility list has no kind or country column, then the constants give them', async () => {
    const v = await importFile(app, 'facilities.xlsx', await facilityWorkbook(), { recipe: json(FACILITY_RECIPE), dataset: 'MoH facilities' });
    expect(v.status, json(v.report)).toBe('committed');
    const rows = await db.query<{ n: string; k: string; c: string }>('SELECT name AS n, kind AS k, country AS c FROM services WHERE dataset_id = $1 ORDER BY 1', [v.datasetId]);
    expect(rows).toEqual([
      { n: 'Mwandi Rural Health Centre', k: 'health', c: 'ZMB' }, { n: 'Nakonde Urban Clinic', k: 'health', c: 'ZMB' }, { n: 'Sesheke District Hospital', k: 'health', c: 'ZMB' },
    ]);
  });

  it('when a CSV has dd/mm/yyyy dates, then a day above 12 settles the order; an ambiguous column needs dateFormat', async () => {
    const ok = await importFile(app, 'ddmm.csv', ddmmCsv(), { kind: 'observations' });
    expect(ok.status, json(ok.report)).toBe('committed');
    const days = await db.query<{ d: string }>('SELECT observed_on AS d FROM observations WHERE dataset_id = $1 ORDER BY 1', [ok.datasetId]);
    expect(days.map((x) => x.d)).toEqual(['2025-03-04', '2025-03-05', '2025-03-13']);
    const vague = await importFile(app, 'ddmm-vague.csv', ddmmCsv(true), { kind: 'observations' });
    expect(vague.status).toBe('rejected');
    expect(vague.report?.fileErrors).toEqual([expect.objectContaining({ code: 'date.ambiguous', row: 2, column: 'date' })]);
    const us = await importFile(app, 'ddmm-us.csv', ddmmCsv(true), { recipe: json({ kind: 'observations', dateFormat: 'mm/dd/yyyy' }) });
    const usDays = await db.query<{ d: string }>('SELECT observed_on AS d FROM observations WHERE dataset_id = $1 ORDER BY 1', [us.datasetId]);
    expect(usDays.map((x) => x.d)).toEqual(['2025-04-03', '2025-05-03']);
  });

  it('when the wizard previews a kept upload and then imports it by id, then the file is not sent again', async () => {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(await dtmWorkbook({ rows: 4 }))]), 'dtm-june.xlsx');
    const res = await app.as('data_manager').get('/api/v1/imports/preview', { method: 'POST', body: form });
    expect(res.status).toBe(200);
    const pre = (await res.json()) as Preview;
    expect(pre.sheets.map((s) => s.name)).toEqual(['Entry Sheet', 'Exit Sheet']);
    expect(pre.sheets[0]?.rows[1]?.cells.slice(4, 7)).toEqual(['Male family members', 'Female family members', 'Total Households']);
    const values = new FormData();
    values.set('upload', pre.upload.id);
    values.set('recipe', json({ ...DTM_RECIPE, values: {} }));
    values.set('values', 'true');
    const listed = (await (await app.as('data_manager').get('/api/v1/imports/preview', { method: 'POST', body: values })).json()) as {
      values: { field: string; values: { raw: string; value?: string; suggestions?: string[] }[] }[];
    };
    const origin = listed.values.find((x) => x.field === 'origin_country')?.values ?? [];
    expect(origin.find((x) => x.raw === 'Ethopia')?.suggestions?.[0]).toBe('Ethiopia (ETH)');
    expect(origin.find((x) => x.raw === 'Kenya')?.value).toBe('KEN');
    expect(listed.values.find((x) => x.field === 'transport_mode')?.values.find((x) => x.raw === 'Truck/Bus')?.suggestions).toContain('bus');
    // Someone else cannot use the upload; its owner imports it by id.
    expect((await postImportById(app, pre.upload.id, 'admin')).status).toBe(404);
    const v = await importFile(app, 'ignored.csv', new Uint8Array(), { upload: pre.upload.id, recipe: json(DTM_RECIPE), dataset: 'DTM June' }).catch((e: unknown) => e);
    expect(v).toBeInstanceOf(Error); // a file part and an upload id together are refused
    const started = await postImportById(app, pre.upload.id, 'data_manager');
    expect(started.status, await started.clone().text()).toBe(202);
  });
});

function postImportById(app: TestApp, upload: string, role: 'admin' | 'data_manager'): Promise<Response> {
  const form = new FormData();
  form.set('upload', upload);
  form.set('recipe', JSON.stringify(DTM_RECIPE));
  return app.as(role).get('/api/v1/imports', { method: 'POST', body: form });
}
