import { expect, it } from 'vitest';
import { describeApp } from '../helpers/suite.js';

const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

// Rejected requests write nothing, so the shared database serves.
describeApp('outreach requests checked on the %s database', { as: 'planner' }, ({ app }) => {
  it.each([
    ['p below 1', 'body.p', { measure: 'movement', p: 0 }],
    ['neither p nor budget', 'body.p', { measure: 'movement' }],
    ['both p and budget', 'body.budget', { measure: 'movement', p: 3, budget: 5000 }],
    ['an unknown measure', 'body.measure', { measure: 'footfall', p: 3 }],
    ['an unknown locked site', 'body.locked', { measure: 'movement', p: 3, locked: [987654] }],
    ['an unknown excluded site', 'body.excluded', { measure: 'movement', p: 3, excluded: [987654] }],
    ['more locked sites than p', 'body.locked', { measure: 'movement', p: 1, locked: [1, 2] }],
    ['a drama radius of 50 km', 'body.activities.0.radiusKm', { measure: 'movement', p: 3, activities: [{ type: 'drama', radiusKm: 50 }] }],
    ['a meeting radius of 0', 'body.activities.0.radiusKm', { measure: 'movement', p: 3, activities: [{ type: 'community_meeting', radiusKm: 0 }] }],
    ['an unknown activity', 'body.activities.0.type', { measure: 'movement', p: 3, activities: [{ type: 'concert', radiusKm: 2 }] }],
    ['a site kind hosting two activities', 'body.activities.0.siteKinds', { measure: 'movement', p: 3, activities: [{ type: 'drama', siteKinds: ['school'] }] }],
    ['sex with unaccompanied children', 'body.filters.sex', { measure: 'unaccompanied', p: 3, filters: { sex: 'female' } }],
    ['an unknown filter', 'body.filters.colour', { measure: 'movement', p: 3, filters: { colour: 'red' } }],
    ['a period ending before it starts', 'body.period.from', { measure: 'movement', p: 3, period: { from: '2026-05-01', to: '2026-04-01' } }],
    ['a period of ten years', 'body.period.from', { measure: 'movement', p: 3, period: { from: '2016-01-01', to: '2026-01-01' } }],
    ['a time limit of an hour', 'body.timeLimitMs', { measure: 'movement', p: 3, method: 'exact', timeLimitMs: 3_600_000 }],
    ['an unknown method', 'body.method', { measure: 'movement', p: 3, method: 'annealing' }],
  ])('when a plan asks for %s, then 400 problem+json names %s', async (_what, field, body) => {
    const res = await app.get('/api/v1/outreach/plans', post(body));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const problem = await res.json();
    expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('when a locked site is filtered out of the candidates, then 400 says so on body.locked', async () => {
    const [school] = await app.db.query<{ id: number }>(`SELECT id FROM outreach_sites WHERE kind = 'school' ORDER BY id LIMIT 1`);
    const res = await app.get('/api/v1/outreach/plans', post({ measure: 'movement', p: 2, locked: [school?.id], sites: { kinds: ['market'] } }));
    expect(res.status).toBe(400);
    const problem = await res.json();
    expect(problem.errors[0]).toMatchObject({ field: 'body.locked', message: expect.stringMatching(/not candidates/) });
  });

  it('when ids or formats are malformed, then 400 names the path parameter or query', async () => {
    for (const [path, field] of [
      ['/api/v1/outreach/plans/abc', 'path.id'],
      ['/api/v1/outreach/plans/1.pdf', 'path.format'],
      ['/api/v1/outreach/plans/compare?a=1', 'query.b'],
      ['/api/v1/outreach/plans/1?format=xlsx', 'query.format'],
    ] as const) {
      const res = await app.get(path);
      expect(res.status, path).toBe(400);
      expect((await res.json()).errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await app.get('/api/v1/outreach/plans/2147483000')).status).toBe(404);
  });

  it('when a viewer plans or an anonymous caller reads, then 403 and 401', async () => {
    expect((await app.as('viewer').get('/api/v1/outreach/plans', post({ measure: 'movement', p: 2 }))).status).toBe(403);
    expect((await app.as('viewer').get('/api/v1/outreach/plans')).status).toBe(200);
    expect((await app.anonymous.get('/api/v1/outreach/plans')).status).toBe(401);
  });
});
