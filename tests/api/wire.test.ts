import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { registeredRoutes } from '../../server/http/route.js';
import { paths } from '../../server/paths.js';
import { describeApp } from '../helpers/suite.js';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request as the bytes arrive (fetch would decode them): what goes over the wire. */
function raw(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const vary = (r: Raw): string[] => String(r.headers['vary'] ?? '').toLowerCase().split(/,\s*/);
const decode = (r: Raw): Buffer =>
  r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body;
const asset = (ext: string): string => {
  const name = readdirSync(join(paths.clientDist, 'assets')).find((f) => f.endsWith(ext) && !f.startsWith('maplibre-gl-worker'));
  if (!name) throw new Error(`no ${ext} asset in the build`);
  return `/assets/${name}`;
};

// Issue 19: light on the wire. PUBLIC_VIEWER on, so plain requests (no token) read viewer data.
describeApp('compression and caching headers on the %s database', { env: { PUBLIC_VIEWER: 'on' } }, ({ app }) => {
  it('when JSON above the threshold is asked for with br, gzip or neither, then it comes as asked, the same data, with Vary', async () => {
    const path = `${app.url}/api/v1/services`;
    const [br, gzip, identity] = await Promise.all([
      raw(path, { 'accept-encoding': 'gzip, deflate, br' }),
      raw(path, { 'accept-encoding': 'gzip' }),
      raw(path),
    ]);
    expect([br.headers['content-encoding'], gzip.headers['content-encoding'], identity.headers['content-encoding']]).toEqual(['br', 'gzip', undefined]);
    for (const r of [br, gzip, identity]) expect(vary(r)).toContain('accept-encoding');
    expect(identity.body.length).toBeGreaterThan(1024);
    expect(Number(identity.headers['content-length'])).toBe(identity.body.length);
    expect(br.body.length).toBeLessThan(identity.body.length / 3);
    expect(decode(br).equals(identity.body)).toBe(true);
    expect(decode(gzip).equals(identity.body)).toBe(true);
  });

  it('when a compressed answer has an ETag, then it is weak and If-None-Match still gives a 304', async () => {
    const path = `${app.url}/api/v1/flows`;
    const first = await raw(path, { 'accept-encoding': 'br' });
    expect(first.headers['content-encoding']).toBe('br');
    const etag = String(first.headers['etag']);
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const again = await raw(path, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('when an answer is small, then it goes uncompressed (still with Vary)', async () => {
    const r = await raw(`${app.url}/api/v1/client-config`, { 'accept-encoding': 'br' });
    expect(r.body.length).toBeLessThan(1024);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(vary(r)).toContain('accept-encoding');
  });

  it('when a hashed asset is asked for, then the pre-compressed variant comes, immutable for a year', async () => {
    const path = `${app.url}${asset('.js')}`;
    const [br, gzip, identity] = await Promise.all([raw(path, { 'accept-encoding': 'br, gzip' }), raw(path, { 'accept-encoding': 'gzip' }), raw(path)]);
    expect([br.headers['content-encoding'], gzip.headers['content-encoding'], identity.headers['content-encoding']]).toEqual(['br', 'gzip', undefined]);
    for (const r of [br, gzip, identity]) {
      expect(r.status).toBe(200);
      expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(r.headers['content-type']).toMatch(/^text\/javascript/);
      expect(vary(r)).toContain('accept-encoding');
    }
    expect(decode(br).equals(identity.body)).toBe(true);
    expect(decode(gzip).equals(identity.body)).toBe(true);
    expect(br.headers['etag']).not.toBe(identity.headers['etag']); // each variant its own validator
  });

  it('when a Range is asked for, then the identity bytes come (a range is never re-encoded)', async () => {
    const r = await raw(`${app.url}${asset('.js')}`, { 'accept-encoding': 'br, gzip', range: 'bytes=0-99' });
    expect(r.status).toBe(206);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.body.length).toBe(100);
  });

  it('when the page is asked for, then it is revalidated each time: no-cache, an ETag, 304 when unchanged', async () => {
    for (const path of ['/', '/index.html', '/sw.js', '/brief.html']) {
      const first = await raw(`${app.url}${path}`, { 'accept-encoding': 'br' });
      expect(first.status, path).toBe(200);
      expect(first.headers['cache-control'], path).toBe('no-cache');
      const etag = String(first.headers['etag']);
      expect(etag, path).toMatch(/^(W\/)?"/);
      const again = await raw(`${app.url}${path}`, { 'accept-encoding': 'br', 'if-none-match': etag });
      expect(again.status, path).toBe(304);
    }
    const index = await raw(`${app.url}/`, { 'accept-encoding': 'br' });
    expect(index.headers['content-encoding']).toBe('br');
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(decode(index).toString()).toContain('<title>Corridor');
  });

  it('when a route is for data managers only, then its answers say the service worker must not keep them', async () => {
    const r = registeredRoutes().find((x) => x.method === 'GET' && x.access === 'data_manager' && !x.path.includes(':'));
    if (!r) throw new Error('no data-manager GET route');
    const res = await app.as('data_manager').get(`${r.base}${r.path}`);
    expect(res.headers.get('corridor-offline')).toBe('never');
    const viewer = await app.as('viewer').get('/api/v1/services');
    expect(viewer.headers.get('corridor-offline')).toBeNull();
  });
});
