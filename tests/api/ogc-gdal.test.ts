import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createToken } from '../../server/auth/tokens.js';
import { getJson, insertAdminAreas, type OgcPage } from '../helpers/ogc.js';
import { describeApp } from '../helpers/suite.js';

/**
 * Real clients: GDAL's OAPIF driver (ogrinfo, ogr2ogr), as QGIS and scripts use it, against the
 * running server. CI installs gdal-bin (.ci/run); where ogrinfo is missing the tests are skipped
 * and say why.
 */
const run = promisify(execFile);
const ogrVersion = (() => {
  try {
    return execFileSync('ogrinfo', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
})();
const SKIP = ogrVersion ? '' : ' (SKIPPED: ogrinfo not installed; apt-get install gdal-bin)';

const options = { db: 'fresh', env: { HEAVY_RATE_LIMIT: '100000' }, skip: !ogrVersion } as const;
describeApp(`GDAL ${ogrVersion ?? ''} reads the OGC API on the %s database${SKIP}`, options, ({ app, db }) => {
  let env: NodeJS.ProcessEnv;
  let dir: string;
  const gdal = async (tool: 'ogrinfo' | 'ogr2ogr', args: string[]) => (await run(tool, args, { env, timeout: 120_000, maxBuffer: 16 << 20 })).stdout;

  beforeAll(async () => {
    await insertAdminAreas(db);
    const { token } = await createToken(db, { name: 'gdal', role: 'viewer' });
    // GDAL_HTTP_HEADERS (GDAL ≥ 3.6): what QGIS's "API Header" authentication sends too. No cache between runs.
    env = { ...process.env, GDAL_HTTP_HEADERS: `Authorization: Bearer ${token}`, CPL_VSIL_CURL_NON_CACHED: '/vsicurl/', GDAL_HTTP_TIMEOUT: '60' };
    dir = mkdtempSync(join(tmpdir(), 'corridor-gdal-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('when ogrinfo opens the landing page, then it lists every collection with its geometry', async () => {
    const out = await gdal('ogrinfo', ['-ro', '-q', `OAPIF:${app.url}/ogc`]);
    for (const line of [
      'monitoring-points (title: Monitoring points) (Point)', 'services (title: Services) (Point)', 'places (title: Places) (Point)',
      'outreach-sites (title: Outreach sites) (Point)', 'admin-areas-1', 'admin-areas-2', 'flows (title: Flows) (Line String)',
      'hotspot-cells (title: Hot spot cells) (Polygon)', 'access-gaps (title: Access gap cells) (Polygon)',
    ]) expect(out).toContain(line);
  });

  it('when ogrinfo -al -so reads monitoring points and admin areas, then the feature counts and fields are the API\'s', async () => {
    const points = await getJson<OgcPage>(app.as('viewer'), '/ogc/collections/monitoring-points/items?limit=1');
    const mp = await gdal('ogrinfo', ['-ro', '-al', '-so', `OAPIF:${app.url}/ogc`, 'monitoring-points']);
    expect(mp).toContain(`Feature Count: ${points.numberMatched}`);
    for (const field of ['code: String', 'name: String', 'kind: String', 'corridor: String', 'country: String', 'isSynthetic: Integer(Boolean)']) expect(mp).toContain(field);
    // The vendored districts (data/admin/) and the three test districts.
    const districts = await getJson<OgcPage>(app.as('viewer'), '/ogc/collections/admin-areas-2/items?limit=1');
    expect(districts.numberMatched).toBe(116 + 3);
    const areas = await gdal('ogrinfo', ['-ro', '-al', '-so', `OAPIF:${app.url}/ogc`, 'admin-areas-2']);
    expect(areas).toContain(`Feature Count: ${districts.numberMatched}`);
    expect(areas).toMatch(/Geometry: Multi Polygon/);
    for (const field of ['pcode: String', 'name: String', 'level: Integer', 'parentPcode: String', 'country: String']) expect(areas).toContain(field);
    const one = await gdal('ogrinfo', ['-ro', '-al', '-q', '-where', "pcode = 'ZMT2001'", `OAPIF:${app.url}/ogc`, 'admin-areas-2']);
    expect(one).toContain('name (String) = Test Nakonde');
  });

  it('when ogr2ogr copies the flows to a GeoPackage, then it holds every flow and the same total as the API', async () => {
    const gpkg = join(dir, 'flows.gpkg');
    const query = 'from=2026-01-01&to=2026-03-31';
    // Analysis parameters go in the URL of the collection, as a QGIS user adds them to the connection's URL.
    await gdal('ogr2ogr', ['-f', 'GPKG', gpkg, `OAPIF:${app.url}/ogc/collections/flows?${query}`]);
    const api = await getJson<OgcPage>(app.as('viewer'), `/ogc/collections/flows/items?${query}&limit=10000`);
    const total = api.features.reduce((s, f) => s + ((f.properties.count as number | null) ?? 0), 0);
    expect(api.numberMatched).toBeGreaterThan(100);
    const sql = await gdal('ogrinfo', ['-ro', '-q', gpkg, '-sql', 'SELECT count(*) AS n, sum("count") AS total FROM flows']);
    expect(sql).toContain(`n (Integer) = ${api.numberMatched}`);
    expect(sql).toMatch(new RegExp(`total \\((Integer|Integer64|Real)\\) = ${total}(\\.0+)?\\b`));
  });
});
