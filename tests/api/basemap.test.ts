import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FetchSource, PMTiles } from 'pmtiles';
import { afterAll, describe, expect, it } from 'vitest';
import type { DetailBasemap } from '../../common/basemap.js';
import type { ClientConfig } from '../../common/catalog.js';
import { loadConfig } from '../../server/config.js';
import { writeTestArchive } from '../helpers/basemap-archive.js';
import { describeApp } from '../helpers/suite.js';

// Made while the file is collected: the app's configuration names it.
const dir = mkdtempSync(join(tmpdir(), 'corridor-basemap-'));
const archive = writeTestArchive(dir, 7);
const bytes = readFileSync(archive.path);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeApp('BASEMAP=pmtiles:… on the %s database', { env: { BASEMAP: `pmtiles:${archive.path}` } }, ({ app }) => {
  const URL_ = '/api/v1/basemap/archive.pmtiles';

  it('when the client asks for its configuration, then it is told to draw the archive', async () => {
    const config = (await (await app.get('/api/v1/client-config')).json()) as ClientConfig;
    expect(config.basemap).toBe('pmtiles');
  });

  it('when a byte range of the archive is asked for, then exactly those bytes come back as 206, with validators', async () => {
    const res = await app.get(URL_, { headers: { range: 'bytes=0-126' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-range')).toBe(`bytes 0-126/${bytes.length}`);
    expect(res.headers.get('cache-control')).toBe('private, max-age=3600');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(0, 127))).toBe(true);
    const etag = res.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    // A range starting past the end cannot be satisfied; an unchanged file revalidates with 304.
    expect((await app.get(URL_, { headers: { range: `bytes=${bytes.length + 10}-` } })).status).toBe(416);
    // (fetch adds Cache-Control: no-cache to a request with its own If-None-Match unless one is given;
    // a browser revalidating from its cache sends none.)
    expect((await app.get(URL_, { headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' } })).status).toBe(304);
    const whole = await app.get(URL_);
    expect(whole.status).toBe(200);
    expect(Number(whole.headers.get('content-length'))).toBe(bytes.length);
    await whole.arrayBuffer();
  });

  it('when the pmtiles reader reads through the server, then it finds the tile over Nakonde', async () => {
    const reader = new PMTiles(new FetchSource(`${app.url}${URL_}`));
    const header = await reader.getHeader();
    expect(header.maxZoom).toBe(7);
    // Nakonde 32.76 E, 9.33 S → zoom-7 tile x = 75, y = 67.
    const tile = await reader.getZxy(7, 75, 67);
    expect(Buffer.from(tile?.data ?? new ArrayBuffer(0)).includes('roads')).toBe(true);
  });
});

describeApp('the basemap without an archive on the %s database', {}, ({ app }) => {
  it('when the archive is asked for, then the answer is a 404 problem naming the setting', async () => {
    const res = await app.get('/api/v1/basemap/archive.pmtiles');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/BASEMAP=pmtiles:/);
  });

  it('when the detailed borders are asked for, then Natural Earth 1:10m around Zambia comes back, with an ETag that revalidates', async () => {
    const res = await app.get('/api/v1/basemap/borders');
    expect(res.status).toBe(200);
    const d = (await res.json()) as DetailBasemap;
    expect(d.attribution).toMatch(/Natural Earth/);
    expect(d.land.features.find((f) => f.properties.focus)?.properties.name).toBe('Zambia');
    // 1:10m, not 1:50m: the Zambia–Namibia–Botswana–Zimbabwe borders alone have hundreds of vertices.
    expect(d.borders.geometry.coordinates.flat().length).toBeGreaterThan(2000);
    const again = await app.get('/api/v1/basemap/borders', { headers: { 'if-none-match': res.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
  });
});

describe('BASEMAP in the configuration', () => {
  it('when it names something other than offline, online or a pmtiles archive, then start-up stops naming it', () => {
    expect(() => loadConfig({ BASEMAP: 'tiles' })).toThrow(/invalid BASEMAP="tiles": must be offline, online or pmtiles:/);
    expect(() => loadConfig({ BASEMAP: `pmtiles:${join(dir, 'nowhere.pmtiles')}` })).toThrow(/invalid BASEMAP: cannot read .*nowhere\.pmtiles/);
    expect(loadConfig({ BASEMAP: `pmtiles:${archive.path}` }).basemapArchive).toBe(archive.path);
    expect(loadConfig({}).basemapArchive).toBeNull();
  });
});
