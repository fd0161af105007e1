import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { fixture, importFile, tableCounts } from '../helpers/import.js';
import { describeApp } from '../helpers/suite.js';

async function xlsx(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeApp('importing observations on the %s database', { db: 'fresh' }, ({ app, db }) => {
  it('when a comma CSV is imported, then its rows, provenance and rollup are there', async () => {
    const v = await importFile(app, 'obs-comma.csv', fixture('obs-comma.csv'), {
      kind: 'observations', dataset: 'FMR March', sourceOrg: 'IOM DTM', method: 'flow monitoring registry', licence: 'CC BY-IGO',
    });
    expect(v.status, v.message ?? undefined).toBe('committed');
    expect(v.progress).toMatchObject({ rowsRead: 4, rowsValid: 4, rowsRejected: 0, rowsInserted: 4, rowsSkipped: 0, percent: 100 });
    const rows = await db.query<Record<string, unknown>>(
      `SELECT o.source_row_id, o.origin_country, o.destination_country, o.reasons, o.vulnerabilities, o.origin_place_id IS NULL AS no_origin_place
       FROM observations o WHERE dataset_id = $1 ORDER BY source_row_id`,
      [v.datasetId],
    );
    expect(rows.map((r) => r.source_row_id)).toEqual(['c-1', 'c-2', 'c-3', 'c-4']);
    expect(rows[0]).toMatchObject({ origin_country: 'NAM', destination_country: 'ZMB', no_origin_place: true });
    expect(rows[2]?.vulnerabilities).toEqual(['unaccompanied_child', 'trafficking_indicators']);
    expect(rows[3]?.reasons).toEqual(['trade', 'family']);
    const [ds] = await db.query<Record<string, unknown>>('SELECT * FROM datasets WHERE id = $1', [v.datasetId]);
    expect(ds).toMatchObject({
      name: 'FMR March', kind: 'observations', source_org: 'IOM DTM', licence: 'CC BY-IGO', period_start: '2025-03-01',
      period_end: '2025-03-02', rows_accepted: 4, rows_rejected: 0, imported_by: expect.stringMatching(/^test-data_manager/),
    });
    expect(ds?.checksum).toMatch(/^[0-9a-f]{64}$/);
    const [cube] = await db.query<{ n: number }>(`SELECT sum(total)::int AS n FROM flow_cube WHERE grain = 'd' AND dataset_id = $1`, [v.datasetId]);
    expect(cube?.n).toBe(45);
    const [dirty] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM flow_rollup_dirty WHERE dataset_id = $1', [v.datasetId]);
    expect(dirty?.n).toBe(0);
    const [entry] = await db.query<{ params: Record<string, unknown> }>(`SELECT params FROM audit_log WHERE action = 'import.commit' ORDER BY id DESC LIMIT 1`);
    expect(entry?.params).toMatchObject({ datasetId: v.datasetId, inserted: 4 });
  });

  it('when the same file is imported again, then nothing is added and the answer says so', async () => {
    const before = await tableCounts(db);
    const v = await importFile(app, 'again.csv', fixture('obs-comma.csv'), { kind: 'observations', dataset: 'FMR March again' });
    expect(v.status).toBe('unchanged');
    expect(v.message).toMatch(/imported before/);
    expect(await tableCounts(db)).toEqual(before);
  });

  it('when the same rows are appended to their dataset, then they are skipped and counted', async () => {
    const [ds] = await db.query<{ id: number }>(`SELECT id FROM datasets WHERE name = 'FMR March'`);
    const withExtra = Buffer.concat([fixture('obs-comma.csv'), Buffer.from('c-5,2025-03-03,mp-katima-bridge,outbound,zm-lusaka,NAM,2,1,1,0,0,ZMB,bus,trade,\n')]);
    const v = await importFile(app, 'march-longer.csv', withExtra, { kind: 'observations', datasetId: String(ds?.id) });
    expect(v.status).toBe('committed');
    expect(v.progress).toMatchObject({ rowsValid: 5, rowsInserted: 1, rowsSkipped: 4 });
    expect(v.message).toMatch(/1 row\(s\) added, 4 already present/);
  });

  it.each([
    // Its dates (01/04/2025, 2/4/2025) read either way round: the recipe's dateFormat settles it (issue 14).
    ['obs-semicolon-bom.csv', { recipe: JSON.stringify({ kind: 'observations', dateFormat: 'dd/mm/yyyy' }) }, 2],
    ['obs-hxl.csv', {}, 2],
    ['obs-mapping.csv', { mapping: JSON.stringify({ source_row_id: 'Ref', date: 'Day', monitoring_point: 'Crossing point name', direction: 'Way', total: 'Persons counted' }) }, 2],
  ])('when %s (aliases, BOM, HXL row or a mapping override) is imported, then every row goes in', async (name, extra, n) => {
    const v = await importFile(app, name, fixture(name), { kind: 'observations', dataset: name, ...extra });
    expect(v.status, JSON.stringify(v.report)).toBe('committed');
    expect(v.progress.rowsInserted).toBe(n);
  });

  it('when an HXL file is imported, then tags decided the columns and the Kobo datetime gave its date', async () => {
    const rows = await db.query<{ observed_on: string; origin_country: string; point: string }>(
      `SELECT o.observed_on, o.origin_country, m.code AS point FROM observations o JOIN monitoring_points m ON m.id = o.monitoring_point_id
       WHERE o.source_row_id IN ('h-1', 'h-2') ORDER BY o.source_row_id`,
    );
    expect(rows).toEqual([
      { observed_on: '2025-05-10', origin_country: 'TZA', point: 'mp-nakonde-east-footpaths' },
      { observed_on: '2025-05-10', origin_country: 'ZMB', point: 'mp-nakonde-west-footpaths' },
    ]);
  });

  it('when an XLSX names a sheet, then that sheet is read with its dates and numbers', async () => {
    const data = await xlsx({
      Notes: [['Collected by the Sesheke team']],
      Registry: [
        ['source_row_id', 'date', 'monitoring_point', 'direction', 'total', 'male', 'female'],
        ['x-1', new Date(Date.UTC(2025, 6, 1)), 'mp-katima-bridge', 'inbound', 6, 3, 3],
        ['x-2', '02/07/2025', 'mp-kazungula-bridge', 'outbound', 2, 1, 1],
      ],
    });
    const without = await importFile(app, 'registry.xlsx', data, { kind: 'observations', dataset: 'XLSX July', sheet: 'Registry' });
    expect(without.report?.fileErrors.map((e) => e.code)).toEqual(['date.ambiguous']); // 02/07/2025: 2 July or 7 February
    const recipe = JSON.stringify({ kind: 'observations', dateFormat: 'dd/mm/yyyy' });
    const v = await importFile(app, 'registry.xlsx', data, { kind: 'observations', dataset: 'XLSX July', sheet: 'Registry', recipe });
    expect(v.status, JSON.stringify(v.report)).toBe('committed');
    const days = await db.query<{ d: string }>(`SELECT observed_on AS d FROM observations WHERE dataset_id = $1 ORDER BY 1`, [v.datasetId]);
    expect(days.map((r) => r.d)).toEqual(['2025-07-01', '2025-07-02']);
  });

  it('when an XLSX has no sheet of the given name, then the error lists the sheets', async () => {
    const data = await xlsx({ First: [['date'], ['2025-01-01']] });
    const v = await importFile(app, 'wrong-sheet.xlsx', data, { kind: 'observations', sheet: 'Registry' });
    expect(v.status).toBe('rejected');
    expect(v.report?.fileErrors).toEqual([{ code: 'xlsx.sheet', message: 'there is no sheet named "Registry" (sheets: First)' }]);
  });

  it('when a dataset is deleted, then its observations and rollup rows go with it, audited', async () => {
    const [ds] = await db.query<{ id: number }>(`SELECT id FROM datasets WHERE name = 'XLSX July'`);
    const res = await app.as('data_manager').get(`/api/v1/datasets/${ds?.id}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    const left = await db.query<{ o: number; c: number }>(
      `SELECT (SELECT count(*)::int FROM observations WHERE dataset_id = $1) AS o, (SELECT count(*)::int FROM flow_cube WHERE dataset_id = $1) AS c`,
      [ds?.id],
    );
    expect(left[0]).toEqual({ o: 0, c: 0 });
    expect((await app.as('data_manager').get(`/api/v1/datasets/${ds?.id}`, { method: 'DELETE' })).status).toBe(404);
    const [entry] = await db.query<{ action: string }>(`SELECT action FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(entry?.action).toBe('dataset.delete');
  });

  it('when datasets are listed, then viewers see provenance but not who imported', async () => {
    const res = await app.as('viewer').get('/api/v1/datasets');
    const body = (await res.json()) as { datasets: Record<string, unknown>[] };
    const march = body.datasets.find((d) => d.name === 'FMR March');
    expect(march).toMatchObject({ kind: 'observations', sourceOrg: 'IOM DTM', rowsAccepted: 5, periodStart: '2025-03-01' });
    expect(march).not.toHaveProperty('importedBy');
    const dm = (await (await app.as('data_manager').get('/api/v1/datasets')).json()) as { datasets: Record<string, unknown>[] };
    expect(dm.datasets.find((d) => d.name === 'FMR March')?.importedBy).toMatch(/^test-data_manager/);
  });
});
