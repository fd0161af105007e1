import { expect, it } from 'vitest';
import { fixture, getRetrying, importFile } from '../helpers/import.js';
import { describeApp } from '../helpers/suite.js';

describeApp('importing catalog layers on the %s database', { db: 'fresh' }, ({ app, db }) => {
  it.each([
    ['services.geojson', 'services', `SELECT source_row_id || ':' || kind AS v FROM services WHERE dataset_id = $1 ORDER BY 1`, ['svc-1:social_welfare', 'svc-2:police_vsu']],
    ['outreach-sites.geojson', 'outreach_sites', `SELECT kind || ':' || coalesce(cost::text, '-') AS v FROM outreach_sites WHERE dataset_id = $1 ORDER BY 1`, ['market:350.50', 'truck_stop:-']],
    ['places.geojson', 'places', `SELECT code || ':' || kind AS v FROM places WHERE dataset_id = $1 ORDER BY 1`, ['zm-test-kalabo:town', 'zm-test-limulunga:village']],
    [
      'monitoring-points.geojson', 'monitoring_points',
      `SELECT m.code || ':' || p.code || ':' || round(ST_X(m.geom)::numeric, 3) AS v FROM monitoring_points m JOIN places p ON p.id = m.place_id WHERE m.dataset_id = $1`,
      ['mp-test-mwandi-landing:zm-mwandi:24.830'],
    ],
    [
      'admin-areas.geojson', 'admin_areas',
      `SELECT pcode || ':' || ST_GeometryType(geom) || ':' || round(ST_Area(geom)::numeric, 2) AS v FROM admin_areas WHERE dataset_id = $1`,
      ['ZM-TEST-01:ST_MultiPolygon:0.70'],
    ],
    ['reports.csv', 'reports', `SELECT source_row_id || ':' || type || ':' || referral_status || ':' || (monitoring_point_id IS NOT NULL) AS v FROM reports WHERE dataset_id = $1 ORDER BY 1`, ['p-1:suspected_trafficking:referred:true', 'p-2:smuggling:none:false']],
  ])('when %s is imported as %s, then its rows are stored with their geometry', async (file, k, sql, expected) => {
    // reports.csv has 04/03/2025, which reads either way round: its recipe says day first (issue 14).
    const recipe: Record<string, string> = file === 'reports.csv' ? { recipe: JSON.stringify({ kind: k, dateFormat: 'dd/mm/yyyy' }) } : {};
    const v = await importFile(app, file, fixture(file), { kind: k, dataset: file, licence: 'CC BY 4.0', ...recipe });
    expect(v.status, JSON.stringify(v.report)).toBe('committed');
    const rows = await db.query<{ v: string }>(sql, [v.datasetId]);
    expect(rows.map((r) => r.v)).toEqual(expected);
  });

  it('when a gazetteer comes again with a known code, then the known entry is kept and the row skipped', async () => {
    const text = fixture('monitoring-points.geojson').toString().replace('Mwandi landing (test)', 'Renamed landing');
    const v = await importFile(app, 'monitoring-points-2.geojson', Buffer.from(text), { kind: 'monitoring_points' });
    expect(v.progress).toMatchObject({ rowsValid: 1, rowsInserted: 0, rowsSkipped: 1 });
    const [mp] = await db.query<{ name: string }>(`SELECT name FROM monitoring_points WHERE code = 'mp-test-mwandi-landing'`);
    expect(mp?.name).toBe('Mwandi landing (test)');
  });

  it('when imported places are in use, then their dataset cannot be deleted until the observations go', async () => {
    const obs = Buffer.from('source_row_id,date,monitoring_point,direction,origin,total\nk-1,2025-03-01,mp-katima-bridge,inbound,Kalabo (test),3\n');
    const o = await importFile(app, 'from-kalabo.csv', obs, { kind: 'observations', dataset: 'from Kalabo' });
    expect(o.status).toBe('committed');
    const [places] = await db.query<{ id: number }>(`SELECT dataset_id AS id FROM places WHERE code = 'zm-test-kalabo'`);
    const refused = await app.as('data_manager').get(`/api/v1/datasets/${places?.id}`, { method: 'DELETE' });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await app.as('data_manager').get(`/api/v1/datasets/${o.datasetId}`, { method: 'DELETE' })).status).toBe(200);
    expect((await app.as('data_manager').get(`/api/v1/datasets/${places?.id}`, { method: 'DELETE' })).status).toBe(200);
    const [left] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM places WHERE code LIKE 'zm-test-%'`);
    expect(left?.n).toBe(0);
  });

  it('when text fields hold formulas and SQL, then they are stored as text and neutralised in CSV exports', async () => {
    const v = await importFile(app, 'services-injection.csv', fixture('services-injection.csv'), { kind: 'services', dataset: 'injection' });
    expect(v.status, JSON.stringify(v.report)).toBe('committed');
    const rows = await db.query<{ name: string; contact: string }>('SELECT name, contact FROM services WHERE dataset_id = $1 ORDER BY source_row_id', [v.datasetId]);
    expect(rows).toEqual([
      { name: '=HYPERLINK("http://evil.example","click")', contact: "'; DROP TABLE services; --" },
      { name: "+cmd|' /C calc'!A0", contact: '@SUM(1+1)' },
      { name: '-2+3', contact: "Robert'); DROP TABLE observations;--" },
    ]);
    const [still] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observations');
    expect(still?.n).toBeGreaterThan(0);
    const csv = await (await getRetrying(app, '/api/v1/exports/services.csv?kind=health,shelter,cwac', 'viewer')).text();
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[1]).toMatch(/^#meta\+id,#loc\+name,#loc\+type,#country\+code,/);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).toContain(`'+cmd|' /C calc'!A0`);
    expect(csv).toContain(`'-2+3`);
    expect(csv).toContain(`'@SUM(1+1)`);
    expect(csv).not.toMatch(/(^|,)[=+@]/m);
  });
});
