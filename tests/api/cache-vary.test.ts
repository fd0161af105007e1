import { expect, it } from 'vitest';
import type { Role } from '../../server/auth/roles.js';
import { type RegisteredRoute, registeredRoutes, routeKey } from '../../server/http/route.js';
import { type TestApp } from '../helpers/app.js';
import { describeApp } from '../helpers/suite.js';

const MISSING = 2_147_483_647; // a valid id that no row has
const ROLES: Role[] = ['viewer', 'data_manager'];

/**
 * Query strings for GET routes that cannot answer without one (or answer faster with one). A GET
 * route that answers 400 and is not listed here fails: the test must see its real response.
 */
const QUERIES: Record<string, string> = {
  '/outreach/plans/compare': `a=${MISSING}&b=${MISSING - 1}`,
  '/briefs/data': 'from=2025-03-01&to=2025-03-31',
  '/briefs/pack': 'from=2025-03-01&to=2025-03-31',
  '/awareness': 'indicator=exposure',
  '/awareness/change': 'indicator=would_report',
  '/awareness/clusters': 'indicator=knows_help',
};

/** Path parameters: ids no row has (a 404 still shows the headers of a caller-dependent route), formats that exist. */
const KNOWN: Record<string, string> = { format: 'csv', collectionId: 'services', file: 'docs.js' };
const fill = (path: string) => path.replace(/:(\w+)/g, (_m, name: string) => KNOWN[name] ?? String(MISSING));

interface Answer {
  status: number;
  vary: string[];
  cacheControl: string;
  expires: boolean;
  body: string;
}

async function call(app: TestApp, r: RegisteredRoute, role: Role): Promise<Answer> {
  const query = QUERIES[r.path];
  const res = await app.as(role).get(`${r.base}${fill(r.path)}${query ? `?${query}` : ''}`);
  return {
    status: res.status,
    vary: (res.headers.get('vary') ?? '').split(',').map((v) => v.trim().toLowerCase()),
    cacheControl: (res.headers.get('cache-control') ?? '').toLowerCase(),
    expires: res.headers.has('expires'),
    body: Buffer.from(await res.arrayBuffer()).toString('base64'),
  };
}

/**
 * What is wrong with one answer. A response that depends on the caller (any access but 'public',
 * or a body that differs by role) must say so with `Vary: Authorization, Cookie`, or a browser
 * shared by two people hands the second one the first one's counts from its cache; and no
 * response may be kept for a while by shared caches (a lifetime without `private`).
 */
function faults(r: RegisteredRoute, role: Role, a: Answer, dependsOnCaller: boolean): string[] {
  const key = routeKey(r);
  const out: string[] = [];
  if (a.status === 400 && !QUERIES[r.path]) out.push(`${key} as ${role}: 400; give it a query in QUERIES`);
  if (dependsOnCaller && !(a.vary.includes('authorization') && a.vary.includes('cookie'))) {
    out.push(`${key} as ${role}: ${a.status} without Vary: Authorization, Cookie (got "${a.vary.join(', ')}")`);
  }
  const lifetime = /(^|,)\s*(s-)?max-age\s*=\s*0*[1-9]/.test(a.cacheControl) || a.expires;
  if (lifetime && !/(^|,)\s*private\b/.test(a.cacheControl)) out.push(`${key} as ${role}: a cache lifetime without private ("${a.cacheControl}")`);
  if (dependsOnCaller && /(^|,)\s*public\b/.test(a.cacheControl)) out.push(`${key} as ${role}: caller-dependent but public ("${a.cacheControl}")`);
  return out;
}

const env = { HEAVY_RATE_LIMIT: '100000', CHROMIUM_PATH: 'off' };
describeApp('caching headers of every GET route on the %s database', { env }, ({ app }) => {
  it('when a viewer and a data manager call each GET route, then every caller-dependent answer varies on Authorization and Cookie and none is public', async () => {
    const gets = registeredRoutes().filter((r) => r.method === 'GET');
    expect(gets.length).toBeGreaterThan(30);
    const found: string[] = [];
    const checked = new Set<string>();
    for (const r of gets) {
      const answers = new Map<Role, Answer>();
      for (const role of ROLES) answers.set(role, await call(app, r, role));
      const [a, b] = [answers.get('viewer')!, answers.get('data_manager')!];
      const dependsOnCaller = r.access !== 'public' || a.status !== b.status || a.body !== b.body;
      for (const role of ROLES) found.push(...faults(r, role, answers.get(role)!, dependsOnCaller));
      checked.add(routeKey(r));
    }
    expect(found).toEqual([]);
    expect(checked.size).toBe(gets.length);
  });

  it('when a public route reads the caller, then its answer varies on the credentials too; one that does not, does not', async () => {
    // /health publishes the reports count under the caller's disclosure policy; /client-config is the same for everyone.
    expect((await app.as('viewer').get('/api/v1/health')).headers.get('vary')).toBe('Authorization, Cookie');
    expect((await app.as('viewer').get('/api/v1/client-config')).headers.get('vary')).toBeNull();
  });

  it('when a cached route answers with an error, then the error is never kept but still varies on the caller', async () => {
    const res = await app.as('viewer').get('/api/v1/hotspots?from=2025-02-30');
    expect(res.status).toBe(400);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('etag')).toBeNull();
    expect(res.headers.get('vary')).toBe('Authorization, Cookie');
  });

  it('when a role-dependent aggregate is cached, then the same answer names private, Vary and an ETag that gives a 304', async () => {
    for (const path of ['/api/v1/flows', '/api/v1/hotspots', '/api/v1/access']) {
      const first = await app.as('viewer').get(path);
      expect(first.status).toBe(200);
      expect(first.headers.get('cache-control')).toBe('private, max-age=60');
      expect(first.headers.get('vary')).toBe('Authorization, Cookie');
      const etag = first.headers.get('etag') ?? '';
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await app.as('viewer').get(path, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
      expect(again.headers.get('vary')).toBe('Authorization, Cookie');
    }
  });
});
