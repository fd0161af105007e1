import type { Express } from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { issueOneTimeCode } from '../../server/auth/one-time.js';
import { ROLES, type Role, roleRank } from '../../server/auth/roles.js';
import { type Access, registeredRoutes, routeKey } from '../../server/http/route.js';
import { createToken } from '../../server/auth/tokens.js';
import { loadConfig } from '../../server/config.js';
import type { Db } from '../../server/db/index.js';
import { startApp, type TestApp } from '../helpers/app.js';
import { json, makeUser, type TestUser } from '../helpers/auth.js';
import { describeApp } from '../helpers/suite.js';

interface Fixture {
  db: Db;
  user: TestUser;
}
interface Expectation {
  access: Access;
  /**
   * Status of an allowed call. Prefer a request that succeeds (2xx); where that needs heavy
   * fixtures, a 404 for a missing id or a 400/415 for an empty body also proves the caller got
   * past the access check (route() checks access before parsing and before the handler).
   */
  ok: number;
  /** a valid request (path with real ids, body); default: the path itself, no body */
  request?: (f: Fixture) => Promise<{ path?: string; body?: unknown }>;
}

const MISSING = 2_147_483_647; // a valid id that no row has

/**
 * Every registered route must be here: a route added without an entry fails. Add yours with
 * the access it should have and a request that shows an allowed caller gets through.
 */
const EXPECTED: Record<string, Expectation> = {
  'GET /health': { access: 'public', ok: 200 },
  'GET /client-config': { access: 'public', ok: 200 },
  'GET /basemap/borders': { access: 'public', ok: 200 },
  'GET /basemap/archive.pmtiles': { access: 'public', ok: 404 },
  'GET /monitoring-points': { access: 'viewer', ok: 200 },
  'GET /services': { access: 'viewer', ok: 200 },
  'GET /places': { access: 'viewer', ok: 200 },
  'GET /outreach-sites': { access: 'viewer', ok: 200 },
  'GET /corridors': { access: 'viewer', ok: 200 },
  'GET /admin-areas': { access: 'viewer', ok: 200, request: async () => ({ path: '/admin-areas?level=1' }) },
  'GET /admin-areas/summary': { access: 'viewer', ok: 200 },
  'POST /corridors': { access: 'data_manager', ok: 400, request: async () => ({ body: {} }) },
  'PATCH /corridors/:code': { access: 'data_manager', ok: 404, request: async () => ({ path: '/corridors/nowhere', body: {} }) },
  'DELETE /corridors/:code': { access: 'data_manager', ok: 404, request: async () => ({ path: '/corridors/nowhere' }) },
  'POST /auth/login': {
    access: 'public',
    ok: 200,
    request: async ({ user }) => ({ body: { username: user.username, password: user.password } }),
  },
  'POST /auth/one-time': { access: 'public', ok: 200, request: async ({ db, user }) => ({ body: { code: await issueOneTimeCode(db, user.id) } }) },
  'POST /auth/logout': { access: 'public', ok: 204 },
  'GET /auth/me': { access: 'viewer', ok: 200 },
  'GET /users': { access: 'admin', ok: 200 },
  'GET /admin/stats': { access: 'admin', ok: 200 },
  'POST /users': {
    access: 'admin',
    ok: 201,
    request: async () => ({ body: { username: `m-${Math.random().toString(36).slice(2)}`, password: 'correct horse battery', role: 'viewer' } }),
  },
  'PATCH /users/:id': { access: 'admin', ok: 200, request: async ({ db }) => ({ path: `/users/${(await makeUser(db, 'viewer', 'm')).id}`, body: { role: 'analyst' } }) },
  'GET /tokens': { access: 'admin', ok: 200 },
  'POST /tokens': { access: 'admin', ok: 201, request: async () => ({ body: { role: 'viewer', name: 'matrix' } }) },
  'DELETE /tokens/:id': {
    access: 'admin',
    ok: 204,
    request: async ({ db }) => ({ path: `/tokens/${(await createToken(db, { name: 'matrix-throwaway', role: 'viewer' })).id}` }),
  },
  'GET /audit': { access: 'admin', ok: 200 },
  // flows, hotspots, access (issue 4–6): aggregates, viewer level
  'GET /flows': { access: 'viewer', ok: 200 },
  'GET /flows/breakdowns': { access: 'viewer', ok: 200 },
  'GET /flows/corridors': { access: 'viewer', ok: 200 },
  'GET /flows/crossings': { access: 'viewer', ok: 200 },
  'GET /flows/timeseries': { access: 'viewer', ok: 200 },
  'GET /hotspots': { access: 'viewer', ok: 200 },
  'GET /hotspots/emerging': { access: 'viewer', ok: 200 },
  'GET /hotspots/kde': { access: 'viewer', ok: 200 },
  'GET /access': { access: 'viewer', ok: 200 },
  // imports and datasets: data managers change data; everyone signed in sees provenance
  'POST /imports': { access: 'data_manager', ok: 415, request: async () => ({ body: {} }) },
  'GET /imports/:id': { access: 'data_manager', ok: 404, request: async () => ({ path: `/imports/${MISSING}` }) },
  'POST /imports/:id/cancel': { access: 'data_manager', ok: 404, request: async () => ({ path: `/imports/${MISSING}/cancel`, body: {} }) },
  'GET /imports/:id/rejected.csv': { access: 'data_manager', ok: 404, request: async () => ({ path: `/imports/${MISSING}/rejected.csv` }) },
  'POST /imports/preview': { access: 'data_manager', ok: 415, request: async () => ({ body: {} }) },
  'GET /import-recipes': { access: 'data_manager', ok: 200 },
  'POST /import-recipes': { access: 'data_manager', ok: 400, request: async () => ({ body: {} }) },
  'GET /import-recipes/:id': { access: 'data_manager', ok: 404, request: async () => ({ path: `/import-recipes/${MISSING}` }) },
  'PUT /import-recipes/:id': { access: 'data_manager', ok: 400, request: async () => ({ path: `/import-recipes/${MISSING}`, body: {} }) },
  'DELETE /import-recipes/:id': { access: 'data_manager', ok: 404, request: async () => ({ path: `/import-recipes/${MISSING}` }) },
  'GET /datasets': { access: 'viewer', ok: 200 },
  'DELETE /datasets/:id': { access: 'data_manager', ok: 404, request: async () => ({ path: `/datasets/${MISSING}` }) },
  // exports (suppressed for every role, audited)
  ...Object.fromEntries(
    ['monitoring-points', 'services', 'places', 'outreach-sites', 'observations'].flatMap((layer) =>
      ['csv', 'geojson'].map((ext) => [`GET /exports/${layer}.${ext}`, { access: 'viewer', ok: 200 } satisfies Expectation]),
    ),
  ),
  // outreach planning (issue 7): planners write, viewers read
  // map briefs (issue 8): export disclosure control for every role; POST checked with a 400 (no render per role)
  'GET /briefs/data': { access: 'viewer', ok: 200, request: async () => ({ path: '/briefs/data?from=2025-03-01&to=2025-03-31' }) },
  'GET /briefs/pack': { access: 'viewer', ok: 200, request: async () => ({ path: '/briefs/pack?from=2025-03-01&to=2025-03-31' }) },
  'POST /briefs': { access: 'viewer', ok: 400, request: async () => ({ body: { paper: 'A5' } }) },
  'POST /outreach/plans': { access: 'planner', ok: 400, request: async () => ({ body: {} }) },
  'GET /outreach/plans': { access: 'viewer', ok: 200 },
  'GET /outreach/plans/compare': { access: 'viewer', ok: 404, request: async () => ({ path: `/outreach/plans/compare?a=${MISSING}&b=${MISSING - 1}` }) },
  'GET /outreach/plans/:id': { access: 'viewer', ok: 404, request: async () => ({ path: `/outreach/plans/${MISSING}` }) },
  'GET /outreach/plans/:id.:format': { access: 'viewer', ok: 404, request: async () => ({ path: `/outreach/plans/${MISSING}.csv` }) },
  'DELETE /outreach/plans/:id': { access: 'planner', ok: 404, request: async () => ({ path: `/outreach/plans/${MISSING}` }) },
  'GET /outreach/plans/:id/activities': { access: 'viewer', ok: 404, request: async () => ({ path: `/outreach/plans/${MISSING}/activities` }) },
  'POST /outreach/plans/:id/activities': { access: 'planner', ok: 400, request: async () => ({ path: `/outreach/plans/${MISSING}/activities`, body: {} }) },
  // alerts (issue 17): analysts and above see and act on alerts; data managers own the rules; admins the delivery log
  'GET /alerts': { access: 'analyst', ok: 200 },
  'GET /alerts/:id': { access: 'analyst', ok: 404, request: async () => ({ path: `/alerts/${MISSING}` }) },
  'GET /alerts/:id/series': { access: 'analyst', ok: 404, request: async () => ({ path: `/alerts/${MISSING}/series` }) },
  'PATCH /alerts/:id': { access: 'analyst', ok: 404, request: async () => ({ path: `/alerts/${MISSING}`, body: { action: 'acknowledge' } }) },
  'POST /alerts/evaluate': { access: 'data_manager', ok: 400, request: async () => ({ body: {} }) },
  'GET /alert-rules': { access: 'data_manager', ok: 200 },
  'POST /alert-rules': { access: 'data_manager', ok: 400, request: async () => ({ body: {} }) },
  'PUT /alert-rules/:id': { access: 'data_manager', ok: 400, request: async () => ({ path: `/alert-rules/${MISSING}`, body: {} }) },
  'DELETE /alert-rules/:id': { access: 'data_manager', ok: 404, request: async () => ({ path: `/alert-rules/${MISSING}` }) },
  'GET /alert-deliveries': { access: 'admin', ok: 200 },
  // awareness surveys (issue 16): estimates for viewers, under disclosure control
  'GET /awareness/indicators': { access: 'viewer', ok: 200 },
  'GET /awareness/surveys': { access: 'viewer', ok: 200 },
  'GET /awareness': { access: 'viewer', ok: 200, request: async () => ({ path: '/awareness?indicator=exposure' }) },
  'GET /awareness/change': { access: 'viewer', ok: 200, request: async () => ({ path: '/awareness/change?indicator=would_report' }) },
  'GET /awareness/clusters': { access: 'viewer', ok: 200, request: async () => ({ path: '/awareness/clusters?indicator=trusts_action' }) },
  // the API's description (issue 18): public, holds no data
  'GET /openapi.json': { access: 'public', ok: 200 },
  'GET /api/docs/': { access: 'public', ok: 200 },
  'GET /api/docs/ogc': { access: 'public', ok: 200 },
  'GET /api/docs/assets/:file': { access: 'public', ok: 200, request: async () => ({ path: '/assets/docs.js' }) },
  // OGC API – Features (issue 18): paths relative to /ogc; landing, conformance and definition are public, the data viewer level
  'GET /ogc/': { access: 'public', ok: 200 },
  'GET /ogc/conformance': { access: 'public', ok: 200 },
  'GET /ogc/api': { access: 'public', ok: 200 },
  'GET /ogc/style.css': { access: 'public', ok: 200 },
  'GET /ogc/collections': { access: 'viewer', ok: 200 },
  'GET /ogc/collections/:collectionId': { access: 'viewer', ok: 200, request: async () => ({ path: '/collections/services' }) },
  'GET /ogc/collections/:collectionId/queryables': { access: 'viewer', ok: 200, request: async () => ({ path: '/collections/services/queryables' }) },
  'GET /ogc/collections/:collectionId/items': { access: 'viewer', ok: 200, request: async () => ({ path: '/collections/monitoring-points/items' }) },
  'GET /ogc/collections/:collectionId/items/:featureId': {
    access: 'viewer',
    ok: 404,
    request: async () => ({ path: `/collections/monitoring-points/items/${MISSING}` }),
  },
};

type Caller = 'anonymous' | 'public viewer' | Role;
const CALLERS: Caller[] = ['anonymous', 'public viewer', ...ROLES];

function expectedStatus(e: Expectation, method: string, caller: Caller): number {
  if (e.access === 'public') return e.ok;
  if (caller === 'public viewer') return e.access === 'viewer' && method === 'GET' ? e.ok : 401;
  if (caller === 'anonymous') return 401;
  if (e.access === 'authenticated') return e.ok;
  return roleRank(caller) >= roleRank(e.access) ? e.ok : 403;
}

/** method + path of every route Express itself would answer, walking nested routers. */
function expressRoutes(app: Express): string[] {
  type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };
  const out: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const [m, on] of Object.entries(layer.route.methods)) if (on && m !== '_all') out.push(`${m.toUpperCase()} ${layer.route.path}`);
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return out;
}

const env = { LOGIN_RATE_LIMIT: '1000' };
describeApp('role × endpoint matrix on the %s database', { env }, ({ app, db, kind }) => {
  let publicApp: TestApp;
  let fixture: Fixture;
  beforeAll(async () => {
    publicApp = await startApp({ kind, env: { ...env, PUBLIC_VIEWER: 'on' } });
    fixture = { db, user: await makeUser(db, 'viewer', 'matrix') };
  });
  afterAll(() => publicApp.close());

  it('when the app is built, then every API route Express serves was declared with route() and its access', async () => {
    const express = createApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), db, log: pino({ level: 'silent' }), schemaVersion: 'x' });
    // Express sees paths relative to each router's mount point.
    const declared = new Set(registeredRoutes().map((r) => `${r.method} ${r.path}`));
    const served = expressRoutes(express).filter((r) => !r.endsWith(' /')); // GET / serves the client page
    // The routers' own '/' routes (the OGC landing page, the API reference) are filtered out with the client page.
    expect(served.length).toBeGreaterThanOrEqual(Object.keys(EXPECTED).filter((k) => !k.endsWith('/')).length);
    expect(served.filter((r) => !declared.has(r))).toEqual([]);
  });

  it('when the registry is compared with the expectation table, then every route is listed there with the same access', () => {
    const registered = registeredRoutes().map((r) => `${routeKey(r)} ${r.access}`);
    const expected = registeredRoutes().map((r) => `${routeKey(r)} ${EXPECTED[routeKey(r)]?.access ?? 'MISSING FROM EXPECTED'}`);
    expect(registered).toEqual(expected);
  });

  it('when each caller calls each registered route, then the status is the expected one', async () => {
    const results: string[] = [];
    for (const r of registeredRoutes()) {
      const key = routeKey(r);
      const e = EXPECTED[key];
      if (!e) throw new Error(`${key} has no entry in EXPECTED (tests/api/auth-matrix.test.ts)`);
      for (const caller of CALLERS) {
        const req = e.request ? await e.request(fixture) : {};
        const path = `${r.base}${req.path ?? r.path}`;
        const init: RequestInit = req.body === undefined ? { method: r.method } : json(req.body, { method: r.method });
        const requester = caller === 'anonymous' ? app.anonymous : caller === 'public viewer' ? publicApp.anonymous : app.as(caller);
        const res = await requester.get(path, init);
        const want = expectedStatus(e, r.method, caller);
        results.push(`${key} ${caller}: ${res.status === want ? 'ok' : `got ${res.status}, want ${want}`}`);
        if (res.status === 401 || res.status === 403) expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      }
    }
    expect(results.filter((r) => !r.endsWith(': ok'))).toEqual([]);
    expect(results.length).toBe(registeredRoutes().length * CALLERS.length);
  });

  it('when a route is a write, then no anonymous caller can reach it unless it is part of signing in or out', () => {
    const openWrites = registeredRoutes().filter((r) => r.method !== 'GET' && r.access === 'public').map((r) => r.path);
    expect(openWrites.sort()).toEqual(['/auth/login', '/auth/logout', '/auth/one-time']);
  });
});
