import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { SummaryResult } from '../../server/places/service.js';
import { json } from '../helpers/auth.js';
import { importFile } from '../helpers/import.js';
import { zippedShapefile } from '../helpers/shapefile.js';
import { describeApp } from '../helpers/suite.js';

// Read here, not through the code under test: province P-codes and names as the file gives them.
const provinces = JSON.parse(readFileSync(new URL('../../data/admin/zmb_adm1_provinces.geojson', import.meta.url), 'utf8')) as {
  features: { properties: { ADM1_PCODE: string; ADM1_EN: string } }[];
};
const provinceName = new Map(provinces.features.map((f) => [f.properties.ADM1_PCODE, f.properties.ADM1_EN]));
const LOCATED = ['monitoring_points', 'services', 'outreach_sites', 'places', 'reports'] as const;

/** The area of row `t`, written apart from the code: the covering area with the lowest P-code; else, for a row of a country with areas, the nearest within 0.02°. */
const expected = (level: number, country: string, t = 't') => `coalesce(
  (SELECT min(a.pcode) FROM admin_areas a WHERE a.level = ${level} AND ST_Covers(a.geom, ${t}.geom)),
  (SELECT n.pcode FROM (SELECT a.pcode, ST_Distance(a.geom, ${t}.geom) AS d FROM admin_areas a WHERE a.level = ${level} AND a.country = ${country}) n
    WHERE n.d <= 0.02 ORDER BY n.d, n.pcode LIMIT 1))`;

// A database of its own: the tests add a corridor and replace the districts.
describeApp('real places on the %s database', { db: 'fresh', as: 'viewer' }, ({ app, db }) => {

  it('when the database is migrated, then it holds the 10 provinces with COD-AB P-codes and 116 districts with marked project codes', async () => {
    const levels = await db.query<{ level: number; n: number; official: boolean; valid: boolean }>(
      'SELECT level, count(*)::int AS n, bool_and(pcode_official) AS official, bool_and(ST_IsValid(geom)) AS valid FROM admin_areas GROUP BY level ORDER BY level',
    );
    expect(levels).toEqual([
      { level: 1, n: 10, official: true, valid: true },
      { level: 2, n: 116, official: false, valid: true },
    ]);
    const [orphans] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM admin_areas d WHERE d.level = 2 AND NOT EXISTS (SELECT 1 FROM admin_areas p WHERE p.level = 1 AND p.pcode = d.parent_pcode) OR (d.level = 2 AND d.pcode NOT LIKE 'PRJ-ZM-%')",
    );
    expect(orphans?.n).toBe(0);
  });

  it('when districts are linked to provinces by geometry, then Sesheke, Mwandi, Kazungula, Nakonde, Lusaka and Chirundu are where the file says', async () => {
    const fc = (await (await app.get('/api/v1/admin-areas?level=2')).json()) as { attribution: string; features: { properties: { name: string; parent: string; official: boolean } }[] };
    expect(fc.attribution).toMatch(/DMMU \/ OCHA \(COD-AB\), CC BY 3\.0 IGO/);
    const parent = Object.fromEntries(fc.features.map((f) => [f.properties.name, f.properties.parent]));
    expect({ Sesheke: parent.Sesheke, Mwandi: parent.Mwandi, Kazungula: parent.Kazungula, Livingstone: parent.Livingstone, Nakonde: parent.Nakonde, Lusaka: parent.Lusaka, Chirundu: parent.Chirundu })
      .toEqual({ Sesheke: 'ZM90', Mwandi: 'ZM90', Kazungula: 'ZM80', Livingstone: 'ZM80', Nakonde: 'ZM11', Lusaka: 'ZM50', Chirundu: 'ZM50' });
    expect([provinceName.get('ZM90'), provinceName.get('ZM80'), provinceName.get('ZM11'), provinceName.get('ZM50')]).toEqual(['Western', 'Southern', 'Muchinga', 'Lusaka']);
    expect(fc.features.every((f) => !f.properties.official)).toBe(true);
  });

  it('when rows are located, then their admin areas equal an independent ST_Covers lookup, and points outside Zambia have none but keep their country', async () => {
    for (const t of LOCATED) {
      const country = ['reports', 'outreach_sites'].includes(t) ? 'NULL' : 't.country';
      const rows = await db.query<{ a1: string | null; a2: string | null; e1: string | null; e2: string | null }>(
        `SELECT t.adm1_pcode AS a1, t.adm2_pcode AS a2, ${expected(1, country)} AS e1, ${expected(2, country)} AS e2 FROM ${t} t`,
      );
      expect(rows.length, t).toBeGreaterThan(0);
      expect(rows.filter((r) => r.a1 !== r.e1 || r.a2 !== r.e2), t).toEqual([]);
    }
    const pts = await db.query<{ code: string; country: string; adm1: string | null; adm2: string | null }>(
      'SELECT code, country, adm1_pcode AS adm1, adm2_pcode AS adm2 FROM monitoring_points ORDER BY code',
    );
    expect(pts.filter((p) => p.adm1 === null).every((p) => p.country !== 'ZMB')).toBe(true);
    expect(pts.filter((p) => p.country === 'ZMB').every((p) => p.adm1 !== null)).toBe(true);
    const [outside] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM services WHERE adm1_pcode IS NULL AND country <> 'ZMB'");
    expect(outside?.n).toBeGreaterThan(0);
  });

  it('when a point lies on the line between two provinces, then it goes to the lowest P-code touching it, and moving it re-assigns it', async () => {
    const [v] = await db.query<{ lon: number; lat: number; touching: string[] }>(
      `SELECT ST_X(d.geom) AS lon, ST_Y(d.geom) AS lat,
         (SELECT array_agg(o.pcode ORDER BY o.pcode) FROM admin_areas o WHERE o.level = 1 AND ST_Covers(o.geom, d.geom)) AS touching
       FROM admin_areas w, ST_DumpPoints(w.geom) d
        WHERE w.pcode = 'ZM90' AND ST_Intersects(d.geom, (SELECT geom FROM admin_areas WHERE pcode = 'ZM80')) LIMIT 1`,
    );
    expect(v?.touching.length).toBeGreaterThanOrEqual(2);
    expect(v?.touching).toContain('ZM80');
    const [s] = await db.query<{ id: number; adm1: string }>(
      `INSERT INTO services (name, kind, country, geom) VALUES ('on the line', 'health', 'ZMB', ST_SetSRID(ST_MakePoint($1, $2), 4326)) RETURNING id, adm1_pcode AS adm1`,
      [v?.lon, v?.lat],
    );
    expect(s?.adm1).toBe(v?.touching[0]);
    const [moved] = await db.query<{ adm1: string; adm2: string }>(
      "UPDATE services SET geom = ST_SetSRID(ST_MakePoint(32.78, -9.34), 4326) WHERE id = $1 RETURNING adm1_pcode AS adm1, adm2_pcode AS adm2", [s?.id],
    );
    expect(moved).toEqual({ adm1: 'ZM11', adm2: 'PRJ-ZM-NAKONDE' });
    await db.query('DELETE FROM services WHERE id = $1', [s?.id]);
  });

  it('when a data manager asks for the district summary, then each area equals the raw observations and reports at its points', async () => {
    const res = await app.as('data_manager').get('/api/v1/admin-areas/summary?level=2');
    expect(res.status).toBe(200);
    const body = (await res.json()) as SummaryResult;
    expect(body.areas).toHaveLength(116);
    const raw = await db.query<{ pcode: string; inbound: number; outbound: number; transit: number }>(
      `SELECT a.pcode, coalesce(sum(o.total) FILTER (WHERE o.direction = 'inbound'), 0)::int AS inbound,
         coalesce(sum(o.total) FILTER (WHERE o.direction = 'outbound'), 0)::int AS outbound,
         coalesce(sum(o.total) FILTER (WHERE o.direction = 'transit'), 0)::int AS transit
       FROM observations o JOIN monitoring_points mp ON mp.id = o.monitoring_point_id
       JOIN admin_areas a ON a.pcode = ${expected(2, 'mp.country', 'mp')}
       WHERE o.observed_on BETWEEN $1 AND $2 GROUP BY a.pcode`,
      [body.period.from, body.period.to],
    );
    const reports = await db.query<{ pcode: string; n: number }>(
      `SELECT a.pcode, count(*)::int AS n FROM reports r JOIN admin_areas a ON a.pcode = ${expected(2, 'NULL', 'r')}
        WHERE r.reported_on BETWEEN $1 AND $2 GROUP BY a.pcode`,
      [body.period.from, body.period.to],
    );
    expect(raw.length).toBeGreaterThanOrEqual(3);
    const byArea = new Map(body.areas.map((a) => [a.pcode, a]));
    for (const r of raw) {
      expect(byArea.get(r.pcode), r.pcode).toMatchObject({ inbound: r.inbound, outbound: r.outbound, transit: r.transit, net: r.inbound - r.outbound, people: r.inbound + r.outbound + r.transit, suppressed: [] });
    }
    const counted = new Set(raw.map((r) => r.pcode));
    expect(body.areas.filter((a) => !counted.has(a.pcode)).every((a) => a.people === 0)).toBe(true);
    for (const r of reports) expect(byArea.get(r.pcode)?.reports, r.pcode).toBe(r.n);
    expect(byArea.get('PRJ-ZM-SESHEKE')?.people).toBeGreaterThan(0);
  });

  it('when a viewer asks, then small counts are hidden and everything published equals the unsuppressed answer', async () => {
    const q = '/api/v1/admin-areas/summary?level=2&nationality=COD';
    const full = (await (await app.as('data_manager').get(q)).json()) as SummaryResult;
    const seen = (await (await app.as('viewer').get(q)).json()) as SummaryResult;
    const k = app.config.SUPPRESSION_K;
    const fields = ['inbound', 'outbound', 'transit', 'people', 'net'] as const;
    seen.areas.forEach((a, i) => {
      const f = full.areas[i];
      for (const m of fields) {
        if (a[m] !== null) expect(a[m], `${a.pcode} ${m}`).toBe(f?.[m]);
        if (m !== 'net' && m !== 'people' && (f?.[m] ?? 0) > 0 && (f?.[m] ?? 0) < k) expect(a[m]).toBeNull();
      }
    });
  });

  it('when flows, crossings and hot-spot sites are filtered by province or district, then only that area\'s points count', async () => {
    const cr = (await (await app.as('data_manager').get('/api/v1/flows/crossings?adm1=ZM90')).json()) as { crossings: { id: number }[] };
    const want = await db.query<{ id: number }>("SELECT id FROM monitoring_points WHERE adm1_pcode = 'ZM90' ORDER BY id");
    expect(cr.crossings.map((c) => c.id).sort((a, b) => a - b)).toEqual(want.map((w) => w.id));
    const all = (await (await app.as('data_manager').get('/api/v1/admin-areas/summary?level=2')).json()) as SummaryResult;
    const one = (await (await app.as('data_manager').get('/api/v1/admin-areas/summary?level=2&adm2=PRJ-ZM-SESHEKE')).json()) as SummaryResult;
    expect(one.areas.map((a) => a.pcode)).toEqual(['PRJ-ZM-SESHEKE']);
    expect(one.areas[0]?.people).toBe(all.areas.find((a) => a.pcode === 'PRJ-ZM-SESHEKE')?.people);
    const bad = await app.get('/api/v1/admin-areas/summary?level=3');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('query.level');
  });

  it('when catalog layers and aggregates are exported as CSV, then they carry #adm1+code, #adm1+name, #adm2+code and #adm2+name', async () => {
    for (const path of ['/api/v1/exports/monitoring-points.csv', '/api/v1/exports/observations.csv']) {
      const [header = '', hxl = '', ...rows] = (await (await app.as('viewer').get(path)).text()).trim().split(/\r?\n/);
      const tags = hxl.split(',');
      for (const tag of ['#adm1+code', '#adm1+name', '#adm2+code', '#adm2+name']) expect(tags, `${path} ${tag}`).toContain(tag);
      const col = header.split(',').indexOf(path.includes('observations') ? 'adm2_code' : 'adm2Code');
      expect(rows.some((r) => r.split(',')[col] === 'PRJ-ZM-SESHEKE'), path).toBe(true);
    }
  });

  it('when a data manager adds a corridor, then lists, filters and imports take it; in use it cannot be deleted; its code never changes', async () => {
    const dm = app.as('data_manager');
    const created = await dm.get('/api/v1/corridors', json({ code: 'chirundu', name: 'Chirundu', colour: '#118844', districts: ['chirundu', 'Lusaka'] }, { method: 'POST' }));
    expect(created.status, await created.clone().text()).toBe(201);
    expect(await created.json()).toMatchObject({ code: 'chirundu', districts: ['Chirundu', 'Lusaka'] });
    const list = (await (await app.get('/api/v1/corridors')).json()) as { corridors: { code: string }[] };
    expect(list.corridors.map((c) => c.code)).toEqual(['lusaka', 'chirundu', 'nakonde', 'sesheke', 'other'].sort((a, b) => (a === 'other' ? 1 : b === 'other' ? -1 : a.localeCompare(b))));
    const badDistrict = await dm.get('/api/v1/corridors', json({ code: 'kariba', name: 'Kariba', districts: ['Atlantis'] }, { method: 'POST' }));
    expect(((await badDistrict.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('body.districts.0');
    const csv = 'id,name,kind,corridor,lat,lon\nc1,Chirundu market,market,Chirundu,-16.03,28.85\n';
    const v = await importFile(app, 'chirundu-sites.csv', Buffer.from(csv), { kind: 'outreach_sites', dataset: 'Chirundu sites' });
    expect(v.status, JSON.stringify(v.report)).toBe('committed');
    const sites = (await (await app.get('/api/v1/outreach-sites?corridor=chirundu')).json()) as { features: { properties: { name: string } }[] };
    expect(sites.features.map((f) => f.properties.name)).toEqual(['Chirundu market']);
    const [site] = await db.query<{ adm2: string }>("SELECT adm2_pcode AS adm2 FROM outreach_sites WHERE corridor = 'chirundu'");
    expect(site?.adm2).toBe('PRJ-ZM-CHIRUNDU');
    const del = await dm.get('/api/v1/corridors/chirundu', { method: 'DELETE' });
    expect(del.status).toBe(409);
    expect(((await del.json()) as { detail: string }).detail).toBe('corridor chirundu is in use by 1 outreach site');
    const recode = await dm.get('/api/v1/corridors/chirundu', json({ code: 'chirundu2' }, { method: 'PATCH' }));
    expect(((await recode.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('body.code');
    const renamed = await dm.get('/api/v1/corridors/chirundu', json({ name: 'Chirundu–Kariba' }, { method: 'PATCH' }));
    expect(await renamed.json()).toMatchObject({ code: 'chirundu', name: 'Chirundu–Kariba' });
    expect((await app.get('/api/v1/corridors', json({ code: 'x1', name: 'X' }, { method: 'POST' }))).status).toBe(403);
    const audit = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'corridor.%' ORDER BY id");
    expect(audit.map((a) => a.action)).toEqual(['corridor.create', 'corridor.update']);
    await db.query("DELETE FROM datasets WHERE name = 'Chirundu sites'");
    expect((await dm.get('/api/v1/corridors/chirundu', { method: 'DELETE' })).status).toBe(204);
  });

  it('when a data manager imports an official district file, then level 2 is replaced in one go, a bad polygon is repaired and named, and located rows move to the new codes', async () => {
    const districts = JSON.parse(readFileSync(new URL('../../data/admin/zmb_adm2_districts.geojson', import.meta.url), 'utf8')) as {
      features: { properties: { shapeName: string }; geometry: unknown }[];
    };
    const pick = ['Sesheke', 'Mwandi', 'Nakonde'];
    const features = districts.features.filter((f) => pick.includes(f.properties.shapeName)).map((f, i) => ({
      type: 'Feature', geometry: f.geometry, properties: { pcode: `ZM90${String(i + 1).padStart(2, '0')}`, name: f.properties.shapeName, level: 2, country: 'ZMB' },
    }));
    // A bow tie: self-intersecting, valid after ST_MakeValid (two triangles), near Lusaka.
    features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[28.2, -15.5], [28.4, -15.3], [28.4, -15.5], [28.2, -15.3], [28.2, -15.5]]] },
      properties: { pcode: 'ZM5001', name: 'Bow tie', level: 2, country: 'ZMB' } });
    const v = await importFile(app, 'official-districts.geojson', Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })), { kind: 'admin_areas', dataset: 'Official districts' });
    expect(v.status, JSON.stringify(v.report)).toBe('committed');
    expect(v.report?.warnings.join(' ')).toMatch(/repaired with ST_MakeValid: ZM5001/);
    const level2 = await db.query<{ pcode: string; parent: string; official: boolean; valid: boolean }>(
      'SELECT pcode, parent_pcode AS parent, pcode_official AS official, ST_IsValid(geom) AS valid FROM admin_areas WHERE level = 2 ORDER BY pcode',
    );
    expect(level2.map((a) => a.pcode)).toEqual(['ZM5001', 'ZM9001', 'ZM9002', 'ZM9003']);
    expect(level2.every((a) => a.official && a.valid)).toBe(true);
    expect(level2.find((a) => a.pcode === 'ZM5001')?.parent).toBe('ZM50');
    const [sesheke] = await db.query<{ adm2: string }>("SELECT adm2_pcode AS adm2 FROM monitoring_points WHERE code = 'mp-sesheke-pontoon'");
    expect(sesheke?.adm2).toMatch(/^ZM900\d$/);
    const [stale] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM services WHERE adm2_pcode LIKE 'PRJ-%'");
    expect(stale?.n).toBe(0);
    // A file whose level 1 areas would be empty polygons is refused whole: the old provinces stay.
    const empty = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[28, -15], [28.1, -15], [28.2, -15], [28, -15]]] }, properties: { pcode: 'ZM99', name: 'Flat', level: 1, country: 'ZMB' } }] };
    const bad = await importFile(app, 'flat.geojson', Buffer.from(JSON.stringify(empty)), { kind: 'admin_areas', dataset: 'Flat provinces' });
    expect(bad.status).toBe('rejected');
    expect(bad.message).toMatch(/ZM99 has no polygon left after ST_MakeValid/);
    const [provinces] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM admin_areas WHERE level = 1');
    expect(provinces?.n).toBe(10);
  });

  it('when a zipped shapefile of districts is imported, then it replaces level 2; a projected one is refused with the reason', async () => {
    const districts = JSON.parse(readFileSync(new URL('../../data/admin/zmb_adm2_districts.geojson', import.meta.url), 'utf8')) as {
      features: { properties: { shapeName: string }; geometry: { type: string; coordinates: [number, number][][] } }[];
    };
    const nakonde = districts.features.find((f) => f.properties.shapeName === 'Nakonde' && f.geometry.type === 'Polygon');
    const ring = nakonde?.geometry.coordinates[0] ?? [];
    const zip = zippedShapefile([{ ring, props: { pcode: 'ZM1105', name: 'Nakonde', level: 2, country: 'ZMB' } }]);
    const v = await importFile(app, 'nakonde.zip', zip, { kind: 'admin_areas', dataset: 'Nakonde shapefile' });
    expect(v.status, v.message ?? undefined).toBe('committed');
    const level2 = await db.query<{ pcode: string; parent: string }>('SELECT pcode, parent_pcode AS parent FROM admin_areas WHERE level = 2');
    expect(level2).toEqual([{ pcode: 'ZM1105', parent: 'ZM11' }]);
    const [osbp] = await db.query<{ adm2: string }>("SELECT adm2_pcode AS adm2 FROM monitoring_points WHERE code = 'mp-tunduma-nakonde-osbp'");
    expect(osbp?.adm2).toBe('ZM1105');
    const utm = zippedShapefile([{ ring, props: { pcode: 'ZM1105', name: 'Nakonde', level: 2, country: 'ZMB' } }], 'PROJCS["WGS_1984_UTM_Zone_36S",GEOGCS["GCS_WGS_1984"]]');
    const refused = await importFile(app, 'nakonde-utm.zip', utm, { kind: 'admin_areas', dataset: 'Nakonde UTM' });
    expect(refused.status).toBe('rejected');
    expect(JSON.stringify(refused)).toMatch(/not WGS 84 longitude\/latitude/);
  });
});
