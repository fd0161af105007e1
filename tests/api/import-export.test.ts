import { expect, it } from 'vitest';
import { CsvParser } from '../../server/ingest/csv-parser.js';
import { getRetrying } from '../helpers/import.js';
import { describeApp } from '../helpers/suite.js';

/** CSV text → header, HXL row and rows as objects (read with the importer's own parser). */
function parseCsv(text: string): { header: string[]; hxl: string[]; rows: Record<string, string>[] } {
  const p = new CsvParser(',');
  const records = [...p.feed(text.replace(/^\uFEFF/, '')), ...p.end()].map((r) => r.cells.map(String));
  const [header = [], hxl = [], ...rest] = records;
  return { header, hxl, rows: rest.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']))) };
}

describeApp('exporting observations on the %s database', { db: 'fresh' }, ({ app, db }) => {
  const period = 'from=2025-01-01&to=2025-06-30';

  it('when a viewer exports monthly aggregates, then the CSV has an HXL row and no count below k', async () => {
    const res = await getRetrying(app, `/api/v1/exports/observations.csv?${period}`, 'viewer');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="?corridor-observations-2025-01-01-2025-06-30/);
    const { header, hxl, rows } = parseCsv(await res.text());
    expect(header.slice(0, 4)).toEqual(['period', 'monitoring_point', 'monitoring_point_name', 'direction']);
    expect(hxl.slice(0, 4)).toEqual(['#date', '#loc+code', '#loc+name', '#indicator+direction']);
    expect(rows.length).toBeGreaterThan(10);
    const counts = ['records', 'total', 'male', 'female', 'children', 'unaccompanied_children'];
    const small = rows.flatMap((r) => counts.filter((c) => r[c] !== '' && Number(r[c]) > 0 && Number(r[c]) < app.config.SUPPRESSION_K).map((c) => `${c} in ${JSON.stringify(r)}`));
    expect(small).toEqual([]);
    for (const r of rows) expect(r.suppressed === 'true').toBe(counts.some((c) => r[c] === ''));
    const big = rows.find((r) => Number(r.total) > 100);
    const [sql] = await db.query<{ n: number }>(
      `SELECT sum(total)::int AS n FROM observations o JOIN monitoring_points m ON m.id = o.monitoring_point_id
       WHERE m.code = $1 AND o.direction = $2 AND date_trunc('month', o.observed_on::timestamp)::date = $3::date`,
      [big?.monitoring_point, big?.direction, big?.period],
    );
    expect(Number(big?.total)).toBe(sql?.n);
  });

  it('when flow filters are given, then only matching rows are exported', async () => {
    const [mp] = await db.query<{ id: number; code: string }>(`SELECT id, code FROM monitoring_points WHERE code = 'mp-katima-bridge'`);
    const { rows } = parseCsv(await (await getRetrying(app, `/api/v1/exports/observations.csv?${period}&direction=inbound&point=${mp?.id}&bucket=week`, 'viewer')).text());
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => `${r.monitoring_point}/${r.direction}`))).toEqual(new Set(['mp-katima-bridge/inbound']));
    expect(rows.every((r) => new Date(`${r.period}T00:00:00Z`).getUTCDay() === 1)).toBe(true); // weeks start on Monday
  });

  it('when a viewer asks for records, then it is refused; a data manager gets them, counts still controlled', async () => {
    expect((await getRetrying(app, `/api/v1/exports/observations.csv?${period}&level=record`, 'viewer')).status).toBe(403);
    const res = await getRetrying(app, `/api/v1/exports/observations.csv?from=2025-03-01&to=2025-03-07&level=record`, 'data_manager');
    const { header, rows } = parseCsv(await res.text());
    expect(header.slice(0, 3)).toEqual(['source_row_id', 'dataset_id', 'date']);
    const [n] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM observations WHERE observed_on BETWEEN '2025-03-01' AND '2025-03-07'`);
    expect(rows).toHaveLength(n?.n ?? -1);
    for (const r of rows) if (r.total !== '') expect(Number(r.total)).toBeGreaterThanOrEqual(app.config.SUPPRESSION_K);
    const [audit] = await db.query<{ params: { level: string } }>(`SELECT params FROM audit_log WHERE action = 'export.observations' ORDER BY id DESC LIMIT 1`);
    expect(audit?.params.level).toBe('record');
  });

  it('when GeoJSON is asked for, then features sit on their monitoring points with the same properties', async () => {
    const res = await getRetrying(app, `/api/v1/exports/observations.geojson?${period}&bucket=month`, 'viewer');
    expect(res.headers.get('content-type')).toMatch(/application\/geo\+json/);
    const fc = (await res.json()) as { type: string; metadata: { suppressionK: number }; features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[] };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.metadata.suppressionK).toBe(app.config.SUPPRESSION_K);
    const f = fc.features.find((x) => x.properties.monitoring_point === 'mp-katima-bridge');
    expect(f?.geometry.coordinates).toEqual([f?.properties.lon, f?.properties.lat]);
  });

  it.each([
    ['/api/v1/exports/observations.csv?nationalty=ETH', 'query.nationalty'],
    ['/api/v1/exports/observations.csv?level=raw', 'query.level'],
    ['/api/v1/exports/places.geojson?kind=metropolis', 'query.kind'],
  ])('when %s is asked for, then a 400 names %s', async (path, field) => {
    const res = await getRetrying(app, path, 'viewer');
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain(field);
  });

  it('when an anonymous caller asks for an export, then sign-in is required', async () => {
    expect((await app.anonymous.get('/api/v1/exports/observations.csv')).status).toBe(401);
  });

  it('when a catalog layer is exported as GeoJSON, then it matches the catalog endpoint', async () => {
    const exported = (await (await getRetrying(app, '/api/v1/exports/monitoring-points.geojson', 'viewer')).json()) as { features: unknown[] };
    const catalog = (await (await getRetrying(app, '/api/v1/monitoring-points', 'viewer')).json()) as { features: unknown[] };
    expect(exported.features).toHaveLength(catalog.features.length);
  });
});
