import { beforeAll, expect, it } from 'vitest';
import { allPages, getJson, insertAdminAreas, type OgcFeature, type OgcPage } from '../helpers/ogc.js';
import { describeApp } from '../helpers/suite.js';

const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const ids = (pages: OgcPage[]) => pages.flatMap((p) => p.features.map((f) => String(f.id)));

describeApp('OGC API – Features on the %s database', { db: 'fresh', env: { HEAVY_RATE_LIMIT: '100000' } }, ({ app, db }) => {
  let planId: number;
  const viewer = () => app.as('viewer');
  const items = (id: string, query = '') => `/ogc/collections/${id}/items${query ? `?${query}` : ''}`;

  beforeAll(async () => {
    await insertAdminAreas(db);
    const res = await app.as('planner').get('/api/v1/outreach/plans', post({ measure: 'movement', p: 4, name: 'Plan <b>four</b>' }));
    expect(res.status, await res.clone().text()).toBe(201);
    planId = ((await res.json()) as { id: number }).id;
  });

  it('when a client opens the landing page and conformance, then they are public and link the API definition, conformance and collections', async () => {
    const landing = await getJson<{ links: { rel: string; href: string }[] }>(app.anonymous, '/ogc');
    const rels = landing.links.map((l) => l.rel);
    expect(rels).toEqual(expect.arrayContaining(['self', 'alternate', 'service-desc', 'service-doc', 'conformance', 'data']));
    expect(landing.links.find((l) => l.rel === 'data')?.href).toBe(`${app.url}/ogc/collections`);
    const conf = await getJson<{ conformsTo: string[] }>(app.anonymous, '/ogc/conformance');
    for (const c of ['core', 'geojson', 'oas30', 'html']) expect(conf.conformsTo).toContain(`http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/${c}`);
    expect((await app.anonymous.get('/ogc/collections')).status).toBe(401);
  });

  it('when a viewer lists the collections, then there is one per layer, analysis, admin level present and saved plan', async () => {
    const { collections } = await getJson<{ collections: { id: string; itemType: string; links: { rel: string }[] }[] }>(viewer(), '/ogc/collections');
    expect(collections.map((c) => c.id)).toEqual([
      'monitoring-points', 'services', 'places', 'outreach-sites', 'admin-areas-1', 'admin-areas-2', 'flows', 'hotspot-cells', 'access-gaps',
      `outreach-plan-${planId}`,
    ]);
    for (const c of collections) {
      expect(c.itemType).toBe('feature');
      expect(c.links.map((l) => l.rel)).toEqual(expect.arrayContaining(['self', 'items']));
    }
    expect((await viewer().get('/ogc/collections/admin-areas-3')).status).toBe(404);
    expect((await viewer().get('/ogc/collections/outreach-plan-2147483647')).status).toBe(404);
  });

  it.each([
    ['monitoring-points', '', '/api/v1/monitoring-points'],
    ['services', 'kind=health,shelter', '/api/v1/services?kind=health,shelter'],
    ['places', 'country=ZMB', '/api/v1/places?country=ZMB'],
    ['outreach-sites', 'corridor=sesheke', '/api/v1/outreach-sites?corridor=sesheke'],
  ])('when %s is read with %s, then numberMatched and the features equal the REST layer', async (id, query, rest) => {
    const restBody = await getJson<{ features: OgcFeature[] }>(viewer(), rest);
    const page = await getJson<OgcPage>(viewer(), items(id, `${query}${query ? '&' : ''}limit=10000`));
    expect(page.numberMatched).toBe(restBody.features.length);
    expect(page.numberReturned).toBe(restBody.features.length);
    expect(page.features.map((f) => f.id)).toEqual(restBody.features.map((f) => f.id));
    const { id: _id, ...props } = restBody.features[0]!.properties;
    expect(page.features[0]?.properties).toEqual(props);
    expect(page.features[0]?.geometry).toEqual(restBody.features[0]?.geometry);
  });

  it('when the analyses are read with the REST parameters, then numberMatched equals the REST answer and the counts are the same', async () => {
    const flows = await getJson<{ flows: { origin: string; dest: string; count: number | null }[] }>(viewer(), '/api/v1/flows?direction=inbound&from=2026-01-01&to=2026-03-31');
    const f = await getJson<OgcPage>(viewer(), items('flows', 'direction=inbound&from=2026-01-01&to=2026-03-31&limit=10000'));
    expect(f.numberMatched).toBe(flows.flows.length);
    const byId = new Map(f.features.map((x) => [x.id, x.properties.count]));
    for (const x of flows.flows) expect(byId.get(`${x.origin}~${x.dest}`)).toBe(x.count);

    const hot = await getJson<{ cells: { h3: string; z: number; class: number }[] }>(viewer(), '/api/v1/hotspots?measure=vulnerable&res=7&k=2');
    const h = await getJson<OgcPage>(viewer(), items('hotspot-cells', 'measure=vulnerable&res=7&k=2&limit=10000'));
    expect(h.numberMatched).toBe(hot.cells.length);
    const cell = h.features.find((x) => x.id === hot.cells[0]!.h3);
    expect(cell?.properties).toMatchObject({ z: hot.cells[0]!.z, class: hot.cells[0]!.class });
    expect(cell?.geometry?.type).toBe('Polygon');

    const acc = await getJson<{ cells: { h3: string; gap: number }[] }>(viewer(), '/api/v1/access?mode=motor&kind=health');
    const a = await getJson<OgcPage>(viewer(), items('access-gaps', 'mode=motor&kind=health&limit=10000'));
    expect(a.numberMatched).toBe(acc.cells.length);
    expect(a.features.find((x) => x.id === acc.cells[0]!.h3)?.properties.gap).toBe(acc.cells[0]!.gap);

    const plan = await getJson<{ sites: unknown[] }>(viewer(), `/api/v1/outreach/plans/${planId}`);
    expect((await getJson<OgcPage>(viewer(), items(`outreach-plan-${planId}`))).numberMatched).toBe(plan.sites.length);
  });

  it.each([
    ['services', 7],
    ['flows', 40],
    ['hotspot-cells', 60],
    ['admin-areas-2', 2],
  ])('when %s is paged with limit=%i following next, then each feature comes exactly once and prev goes back', async (id, limit) => {
    const first = await getJson<OgcPage>(viewer(), items(id, `limit=${limit}`));
    const pages = await allPages(viewer(), items(id, `limit=${limit}`), app.url);
    const seen = ids(pages);
    expect(pages.length).toBe(Math.max(1, Math.ceil(first.numberMatched / limit)));
    expect(seen.length).toBe(first.numberMatched);
    expect(new Set(seen).size).toBe(seen.length);
    expect(ids(await allPages(viewer(), items(id, 'limit=10000'), app.url)).sort()).toEqual([...seen].sort());
    expect(pages[0]?.links.some((l) => l.rel === 'prev')).toBe(false);
    if (pages.length > 1) {
      const prev = pages[1]!.links.find((l) => l.rel === 'prev')!.href.slice(app.url.length);
      expect(ids([await getJson<OgcPage>(viewer(), prev)])).toEqual(ids([pages[0]!]));
    }
  });

  it('when bbox is given, then it selects as the REST bbox does, and a box across the antimeridian wraps around', async () => {
    const count = async (q: string) => (await getJson<OgcPage>(viewer(), items('services', `${q}&limit=1`))).numberMatched;
    const rest = async (b: string) => (await getJson<{ features: unknown[] }>(viewer(), `/api/v1/services?bbox=${b}`)).features.length;
    expect(await count('bbox=24,-18.5,27,-16')).toBe(await rest('24,-18.5,27,-16'));
    expect(await count('bbox=24,-18.5,27,-16')).toBeGreaterThan(0);
    // 170 → 180 and −180 → 30: only the western part holds data
    expect(await count('bbox=170,-20,30,-5')).toBe(await rest('-180,-20,30,-5'));
    // 30 → 180 and −180 → −170
    expect(await count('bbox=30,-20,-170,-5')).toBe(await rest('30,-20,180,-5'));
    expect(await count('bbox=24,-18.5,0,27,-16,100')).toBe(await rest('24,-18.5,27,-16')); // with heights
    const flows = await getJson<OgcPage>(viewer(), items('flows', 'bbox=32,-10,34,-8&limit=10000'));
    expect(flows.features.length).toBeGreaterThan(0);
    for (const f of flows.features) {
      const xs = (f.geometry!.coordinates as number[][]).map((c) => c[0]!);
      expect(Math.max(...xs)).toBeGreaterThanOrEqual(32);
      expect(Math.min(...xs)).toBeLessThanOrEqual(34);
    }
  });

  it('when datetime is an interval, an instant or open at one end, then it is the period the REST from/to name', async () => {
    const same = async (datetime: string, rest: string) => {
      const o = await getJson<OgcPage>(viewer(), items('flows', `datetime=${encodeURIComponent(datetime)}&limit=10000`));
      const r = await getJson<{ flows: unknown[]; period: { from: string; to: string } }>(viewer(), `/api/v1/flows?${rest}`);
      expect(o.numberMatched).toBe(r.flows.length);
      expect(o.features[0]?.properties).toMatchObject({ from: r.period.from, to: r.period.to });
    };
    await same('2026-01-01/2026-02-15', 'from=2026-01-01&to=2026-02-15');
    await same('2026-01-01T00:00:00Z/2026-02-15T23:59:59Z', 'from=2026-01-01&to=2026-02-15');
    await same('2026-02-01', 'from=2026-02-01&to=2026-02-01');
    await same('../2026-02-15', 'to=2026-02-15');
    await same('2026-01-01/..', 'from=2026-01-01');
  });

  it.each([
    ['services', 'nonsense=1', 'query.nonsense'],
    ['services', 'datetime=2026-01-01', 'query.datetime'],
    ['flows', 'datetime=2026-01-01/2026-01-31&from=2026-01-01', 'query.datetime'],
    ['flows', 'datetime=2026-03-01/2026-01-01', 'query.datetime'],
    ['services', 'limit=10001', 'query.limit'],
    ['services', 'bbox=1,2,3', 'query.bbox'],
    ['services', 'kind=spa', 'query.kind'],
    ['hotspot-cells', 'measure=reports&sex=female', 'query.sex'],
  ])('when %s is asked with %s, then the answer is a 400 problem naming %s', async (id, query, field) => {
    const res = await viewer().get(items(id, query));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field);
  });

  it('when a token is put in the URL, then it is refused with a problem saying to use the header, on /ogc and /api/v1 alike', async () => {
    for (const path of ['/ogc/collections?access_token=abcdefabcdefabcdef', '/api/v1/flows?token=abcdefabcdefabcdef', '/ogc?api_key=x']) {
      const res = await viewer().get(path);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { detail: string };
      expect(body.detail).toContain('Authorization: Bearer');
    }
  });

  it('when one feature is asked for, then it is the feature of the list, and a missing one is a 404', async () => {
    const list = await getJson<OgcPage>(viewer(), items('services', 'limit=3'));
    const one = await getJson<OgcFeature & { links: { rel: string }[] }>(viewer(), `/ogc/collections/services/items/${list.features[2]!.id}`);
    expect({ ...one, links: undefined }).toEqual({ ...list.features[2], links: undefined });
    expect(one.links.map((l) => l.rel)).toEqual(expect.arrayContaining(['self', 'collection']));
    const flows = await getJson<OgcPage>(viewer(), items('flows', 'limit=1&direction=outbound'));
    const flow = await getJson<OgcFeature>(viewer(), `/ogc/collections/flows/items/${encodeURIComponent(String(flows.features[0]!.id))}?direction=outbound`);
    expect(flow.properties).toEqual(flows.features[0]!.properties);
    const area = await getJson<OgcFeature>(viewer(), '/ogc/collections/admin-areas-2/items/ZMT2001');
    expect(area.properties).toMatchObject({ name: 'Test Nakonde', parentPcode: 'ZMT20', level: 2 });
    expect(area.geometry?.type).toBe('MultiPolygon');
    for (const path of ['/ogc/collections/services/items/2147483647', '/ogc/collections/services/items/abc', '/ogc/collections/admin-areas-2/items/ZMT10']) {
      expect((await viewer().get(path)).status).toBe(404);
    }
  });

  it('when admin areas are filtered by parent, then only the children come back', async () => {
    const page = await getJson<OgcPage>(viewer(), items('admin-areas-2', 'parentPcode=ZMT10'));
    expect(page.features.map((f) => f.id)).toEqual(['ZMT1001', 'ZMT1002']);
    expect(page.numberMatched).toBe(2);
  });

  it('when a viewer reads counts from any collection, then none is in 1…k−1, and a data manager sees the exact ones', async () => {
    const cases: [string, string, number][] = [
      ['flows', 'vulnerability=trafficking_indicators&from=2026-01-01&to=2026-03-31', 11],
      ['flows', 'direction=transit&age=children', 5],
      ['hotspot-cells', 'measure=reports&from=2025-06-01&to=2026-05-31&res=7', 11],
      ['access-gaps', 'measure=unaccompanied', 5],
      [`outreach-plan-${planId}`, '', 5],
    ];
    const countsOf = (f: OgcFeature) => ['count', 'value', 'demand', 'gain', 'people'].filter((k) => k in f.properties).map((k) => f.properties[k] as number | null);
    let exactSmall = 0;
    for (const [id, query, k] of cases) {
      const q = `${query}${query ? '&' : ''}limit=10000`;
      const shown = (await getJson<OgcPage>(viewer(), items(id, q))).features;
      const exact = (await getJson<OgcPage>(app.as('data_manager'), items(id, q))).features;
      // Reports are binned where the caller may see them (coarsened below data manager): other cells.
      if (!query.includes('reports')) expect(shown.map((f) => f.id)).toEqual(exact.map((f) => f.id));
      for (const c of shown.flatMap(countsOf)) expect(c === null || c === 0 || c >= k, `${id}: ${c}`).toBe(true);
      exactSmall += exact.flatMap(countsOf).filter((c) => c !== null && c > 0 && c < k).length;
    }
    expect(exactSmall).toBeGreaterThan(0); // the cases are worth testing
  });

  it('when any collection is read, by any role, then no exact report location appears in it', async () => {
    const reports = await db.query<{ x: number; y: number }>('SELECT ST_X(geom) AS x, ST_Y(geom) AS y FROM reports');
    expect(reports.length).toBeGreaterThan(0);
    const exact = new Set(reports.map((r) => `${Math.round(r.x * 1e6) / 1e6},${Math.round(r.y * 1e6) / 1e6}`));
    const { collections } = await getJson<{ collections: { id: string }[] }>(viewer(), '/ogc/collections');
    for (const role of ['viewer', 'admin'] as const) {
      for (const c of collections) {
        const queries = ['flows', 'hotspot-cells', 'access-gaps'].includes(c.id) ? ['', 'measure=reports&from=2025-06-01&to=2026-05-31&res=9'] : [''];
        for (const q of c.id === 'flows' ? [''] : queries) {
          const page = await getJson<OgcPage>(app.as(role), items(c.id, `${q}${q ? '&' : ''}limit=10000`));
          const text = JSON.stringify(page.features);
          const pairs = [...text.matchAll(/\[(-?[\d.]+),(-?[\d.]+)\]/g)].map((m) => `${Number(m[1])},${Number(m[2])}`);
          expect(pairs.filter((p) => exact.has(p)), `${role} ${c.id} ${q}`).toEqual([]);
          expect(text).not.toMatch(/"(lon|lat|longitude|latitude)"/);
        }
      }
    }
  });

  it('when each resource is asked for as HTML, then a page comes back with no script, escaped values and working links', async () => {
    const pages = [
      '/ogc?f=html', '/ogc/conformance?f=html', '/ogc/collections?f=html', '/ogc/collections/services?f=html',
      items('services', 'f=html&limit=5'), '/ogc/collections/services/items/1?f=html', items('flows', 'f=html&limit=5'),
      items('hotspot-cells', 'f=html'), items('admin-areas-1', 'f=html'), `/ogc/collections/outreach-plan-${planId}?f=html`,
      '/ogc/collections/services/queryables?f=html',
    ];
    for (const path of pages) {
      const res = await viewer().get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('vary')).toMatch(/Accept/);
      const html = await res.text();
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain('<link rel="stylesheet" href="/ogc/style.css">');
      expect(html).not.toMatch(/<script|\son\w+=|style="/i);
    }
    const browser = await viewer().get(items('services', 'limit=2'), { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(browser.headers.get('content-type')).toMatch(/^text\/html/);
    const list = await (await viewer().get('/ogc/collections?f=html')).text();
    expect(list).toContain('Plan &lt;b&gt;four&lt;/b&gt;');
    expect(list).not.toContain('<b>four</b>');
    const css = await app.anonymous.get('/ogc/style.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    const api = await app.anonymous.get('/ogc/api?f=html', { redirect: 'manual' });
    expect(api.status).toBe(303);
    expect(api.headers.get('location')).toBe('/api/docs/ogc');
  });

  it('when the queryables are asked for, then they name the collection filters that are properties', async () => {
    const q = await getJson<{ properties: Record<string, { type: string; enum?: string[] }> }>(viewer(), '/ogc/collections/services/queryables');
    expect(Object.keys(q.properties).sort()).toEqual(['country', 'geometry', 'kind']);
    expect(q.properties.kind?.enum).toContain('health');
  });
});
