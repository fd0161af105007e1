import { expect, it } from 'vitest';
import { MONITORING_POINT_KINDS, SERVICE_KINDS } from '../../common/vocabulary.js';
import type { AdminStats, Health } from '../../common/catalog.js';
import { describeApp } from '../helpers/suite.js';
import { itNamesTheField } from '../helpers/problem.js';

interface FC {
  type: string;
  features: { id: number; geometry: { type: string; coordinates: [number, number] }; properties: Record<string, unknown> }[];
}

describeApp('catalog and health on the %s database', { as: 'viewer' }, ({ app, kind }) => {
  it('when asked for health, then it reports the engine, schema version, demo flag and row estimates without scanning', async () => {
    await app.db.exec('ANALYZE services, monitoring_points');
    const res = await app.get('/api/v1/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Health;
    expect(body.status).toBe('ok');
    expect(body.database).toBe('up');
    expect(body.db.kind).toBe(kind);
    expect(body.db.postgis).toMatch(/^3\./);
    expect(body.schemaVersion).toMatch(/^\d{3}_/);
    expect(body.demo).toBe(true);
    // Estimates come from pg_class.reltuples, which ANALYZE has just made exact for these tables.
    const [sql] = await app.db.query<{ s: number; m: number }>('SELECT (SELECT count(*) FROM services)::int AS s, (SELECT count(*) FROM monitoring_points)::int AS m');
    expect(body.estimatedRows.services).toBe(sql?.s);
    expect(body.estimatedRows.monitoringPoints).toBe(sql?.m);
    expect(body).not.toHaveProperty('counts');
  });

  it('when health is asked, then the SQL it runs reads catalog statistics and counts no table', async () => {
    const seen: string[] = [];
    const original = app.db.query.bind(app.db);
    app.db.query = ((sql: string, params?: unknown[]) => {
      seen.push(sql);
      return original(sql, params);
    }) as typeof app.db.query;
    try {
      expect((await app.get('/api/v1/health')).status).toBe(200);
    } finally {
      app.db.query = original;
    }
    expect(seen.join('\n')).toMatch(/reltuples/);
    expect(seen.join('\n')).not.toMatch(/count\(\*\)/i);
  });

  it('when the database does not answer, then health says 503 unavailable and nothing of the error', async () => {
    const original = app.db.query.bind(app.db);
    app.db.query = ((sql: string, params?: unknown[]) =>
      /reltuples/.test(sql) ? Promise.reject(new Error('connection refused: SELECT secret')) : original(sql, params)) as typeof app.db.query;
    try {
      const res = await app.get('/api/v1/health');
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({ status: 'unavailable', database: 'down' });
      expect(text).not.toMatch(/secret|refused/);
    } finally {
      app.db.query = original;
    }
  });

  it('when listing monitoring points, then both corridors have official posts and informal crossings', async () => {
    const res = await app.get('/api/v1/monitoring-points');
    expect(res.headers.get('content-type')).toMatch(/application\/geo\+json/);
    const fc = (await res.json()) as FC;
    expect(fc.type).toBe('FeatureCollection');
    const by = (corridor: string, k: string) =>
      fc.features.filter((f) => f.properties.corridor === corridor && f.properties.kind === k).length;
    for (const corridor of ['sesheke', 'nakonde']) {
      expect(by(corridor, 'official_border_post')).toBeGreaterThanOrEqual(1);
      expect(by(corridor, 'informal_crossing')).toBeGreaterThanOrEqual(1);
    }
    for (const f of fc.features) {
      expect(f.geometry.type).toBe('Point');
      expect(MONITORING_POINT_KINDS).toContain(f.properties.kind);
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBeGreaterThan(20);
      expect(lat).toBeLessThan(0);
    }
  });

  it('when filtering services by kind and bbox, then only matching services come back, as SQL counts them', async () => {
    const bbox = [24.0, -18.0, 25.5, -17.2];
    const res = await app.get(`/api/v1/services?kind=health,police_vsu&bbox=${bbox.join(',')}`);
    expect(res.status).toBe(200);
    const fc = (await res.json()) as FC;
    const [sql] = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM services WHERE kind IN ('health', 'police_vsu') AND geom && ST_MakeEnvelope($1, $2, $3, $4, 4326)`,
      bbox,
    );
    expect(fc.features.length).toBe(sql?.n);
    expect(fc.features.length).toBeGreaterThan(0);
    for (const f of fc.features) expect(['health', 'police_vsu']).toContain(f.properties.kind);
  });

  it('when the demo is loaded, then every service kind exists and services and sites say they are synthetic', async () => {
    const services = (await (await app.get('/api/v1/services')).json()) as FC;
    expect(new Set(services.features.map((f) => f.properties.kind))).toEqual(new Set(SERVICE_KINDS));
    expect(services.features.every((f) => f.properties.isSynthetic === true)).toBe(true);
    const sites = (await (await app.get('/api/v1/outreach-sites')).json()) as FC;
    expect(sites.features.length).toBeGreaterThan(10);
    expect(sites.features.every((f) => f.properties.isSynthetic === true)).toBe(true);
    const places = (await (await app.get('/api/v1/places?country=ZMB')).json()) as FC;
    expect(places.features.map((f) => f.properties.name)).toEqual(expect.arrayContaining(['Sesheke', 'Nakonde', 'Lusaka']));
  });

  itNamesTheField('when %s is requested, then 400 problem+json names %s', (path) => app.get(path), [
    ['/api/v1/services?kind=hospital', 'query.kind'],
    ['/api/v1/services?bbox=1,2,3', 'query.bbox'],
    ['/api/v1/services?bbox=30,-10,20,-5', 'query.bbox'],
    ['/api/v1/places?country=zambia', 'query.country'],
    ['/api/v1/monitoring-points?corridor=kariba', 'query.corridor'],
    ['/api/v1/outreach-sites?colour=red', 'query.colour'],
  ], { problemJson: true, also: (body) => expect(body.status).toBe(400) });

  it('when an unknown endpoint or malformed JSON arrives, then a problem+json answers without internals', async () => {
    const missing = await app.get('/api/v1/nope');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
    const bad = await app.get('/api/v1/health', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' });
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

describeApp('exact row counts on the %s database', { as: 'admin' }, ({ app }) => {
  it('when an admin asks for stats, then the counts are exact; a viewer is refused', async () => {
    const res = await app.get('/api/v1/admin/stats');
    expect(res.status).toBe(200);
    const body = (await res.json()) as AdminStats;
    const [sql] = await app.db.query<{ o: number; s: number }>('SELECT (SELECT count(*) FROM observations)::int AS o, (SELECT count(*) FROM services)::int AS s');
    expect(body.counts.observations).toBe(sql?.o);
    expect(body.counts.services).toBe(sql?.s);
    expect((await app.as('viewer').get('/api/v1/admin/stats')).status).toBe(403);
  });
});
