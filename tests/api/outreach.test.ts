import { expect, it } from 'vitest';
import type { Plan } from '../../common/outreach.js';
import { describeApp } from '../helpers/suite.js';

const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describeApp('outreach plans on the %s database', { db: 'fresh', as: 'planner' }, ({ app, db }) => {
  const plan = async (body: Record<string, unknown>, as = app.as('planner')): Promise<Plan> => {
    const res = await as.get('/api/v1/outreach/plans', post({ measure: 'movement', ...body }));
    expect(res.status, await res.clone().text()).toBe(201);
    expect(res.headers.get('location')).toMatch(/^\/api\/v1\/outreach\/plans\/\d+$/);
    return (await res.json()) as Plan;
  };
  const gains = (p: Plan) => p.sites.map((s) => s.gain.count ?? NaN);

  it('when a greedy plan asks for 5 sites on the demo data, then 5 sites come back with non-increasing gains that sum to the covered demand', async () => {
    const p = await plan({ p: 5 });
    expect(p.sites).toHaveLength(5);
    expect(new Set(p.sites.map((s) => s.siteId)).size).toBe(5);
    expect(p.sites.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5]);
    const g = gains(p);
    for (let k = 1; k < g.length; k++) expect(g[k]).toBeLessThanOrEqual(g[k - 1] as number);
    expect(g.reduce((a, b) => a + b, 0)).toBe(p.coverage.covered.count);
    expect(p.coverage.share).toBeGreaterThan(0);
    expect(p.coverage.share).toBeLessThanOrEqual(1);
    expect(p.demand.cells).toBeGreaterThan(50);
    expect(p.uncoveredHotspots.length).toBeGreaterThan(0);
    expect(p.synthetic).toBe(true);
    expect(p.disclosure.suppressed).toBe(true); // planner is below data_manager
  });

  it('when a site is locked and the best site excluded, then the locked site leads and the excluded one is absent', async () => {
    const free = await plan({ p: 4 });
    const best = free.sites[0]?.siteId as number;
    const [low] = await db.query<{ id: number }>(
      `SELECT id FROM outreach_sites WHERE kind = 'community_hall' AND id <> ALL($1::int[]) ORDER BY id LIMIT 1`,
      [free.sites.map((s) => s.siteId)],
    );
    // As data manager: a locked site's small gain would be suppressed (with a complement) for a planner.
    const p = await plan({ p: 4, locked: [low?.id], excluded: [best] }, app.as('data_manager'));
    expect(p.disclosure.suppressed).toBe(false);
    expect(p.sites[0]).toMatchObject({ siteId: low?.id, locked: true, rank: 1 });
    expect(p.sites.map((s) => s.siteId)).not.toContain(best);
    const g = gains(p).slice(1);
    for (let k = 1; k < g.length; k++) expect(g[k]).toBeLessThanOrEqual(g[k - 1] as number);
  });

  it('when the same plan is solved exactly, then it covers at least as much as greedy and says it is optimal', async () => {
    for (const size of [{ p: 3 }, { budget: 9000 }] as { p?: number; budget?: number }[]) {
      const body = { measure: 'vulnerable', ...size };
      const greedy = await plan(body);
      const exact = await plan({ ...body, method: 'exact', timeLimitMs: 20_000 });
      expect(exact.coverage.covered.count).toBeGreaterThanOrEqual((greedy.coverage.covered.count ?? 0) - 1); // rounding
      expect(exact.optimal).toBe(true);
      expect(exact.gap).toBe(0);
      expect(exact.solver.fallback).toBeNull();
      expect(exact.solver.thread).toBe('worker');
      expect(exact.coverage.cost).toBeLessThanOrEqual(size.budget ?? Infinity);
    }
  });

  it('when a plan is saved, then it reads back the same, is listed, and is gone after delete', async () => {
    const p = await plan({ p: 2, name: 'Round trip' });
    const got = await app.get(`/api/v1/outreach/plans/${p.id}`);
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual(p);
    const list = (await (await app.get('/api/v1/outreach/plans?limit=200')).json()) as { plans: { id: number; name: string; sites: number }[] };
    expect(list.plans.find((x) => x.id === p.id)).toMatchObject({ name: 'Round trip', sites: 2 });
    expect((await app.get(`/api/v1/outreach/plans/${p.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await app.get(`/api/v1/outreach/plans/${p.id}`)).status).toBe(404);
  });

  it('when two plans are compared, then shared sites and the coverage difference are reported', async () => {
    const a = await plan({ p: 2 });
    const b = await plan({ p: 4 });
    const res = await app.get(`/api/v1/outreach/plans/compare?a=${a.id}&b=${b.id}`);
    expect(res.status).toBe(200);
    const c = await res.json();
    // Greedy is a prefix: the 2-site plan's sites are the 4-site plan's first two.
    expect(c.common.map((s: { siteId: number }) => s.siteId)).toEqual(a.sites.map((s) => s.siteId));
    expect(c.onlyA).toEqual([]);
    expect(c.onlyB).toHaveLength(2);
    expect(c.sameDemand).toBe(true);
    expect(c.coveredDifference).toBe((b.coverage.covered.count ?? 0) - (a.coverage.covered.count ?? 0));
    expect(c.coveredDifference).toBeGreaterThan(0);
  });

  it('when activities are logged, then each plan site shows as delivered or pending and others as unplanned', async () => {
    const p = await plan({ p: 2 });
    const [planned, other] = [p.sites[0]?.siteId, p.sites[1]?.siteId];
    const [outside] = await db.query<{ id: number }>('SELECT id FROM outreach_sites WHERE id <> ALL($1::int[]) ORDER BY id LIMIT 1', [[planned, other]]);
    for (const siteId of [planned, outside?.id]) {
      const res = await app.get(`/api/v1/outreach/plans/${p.id}/activities`, post({ siteId, date: '2026-09-12', type: 'drama', reach: 120 }));
      expect(res.status).toBe(201);
    }
    const view = await (await app.get(`/api/v1/outreach/plans/${p.id}/activities`)).json();
    expect(view.activities).toHaveLength(2);
    const status = Object.fromEntries(view.sites.map((s: { siteId: number; status: string }) => [s.siteId, s.status]));
    expect(status).toEqual({ [planned as number]: 'delivered', [other as number]: 'pending', [outside?.id as number]: 'unplanned' });
    expect(view.sites[0]).toMatchObject({ siteId: planned, delivered: 1, reach: 120, lastDelivered: '2026-09-12' });
  });

  it('when a plan is exported as CSV and GeoJSON, then each has one entry per site and each export is audited', async () => {
    const p = await plan({ p: 3 });
    const csv = await app.get(`/api/v1/outreach/plans/${p.id}.csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^plan_id,plan_name,measure/);
    expect(lines[1]).toContain('synthetic demo data');
    const geo = await app.get(`/api/v1/outreach/plans/${p.id}?format=geojson`);
    expect(geo.headers.get('content-type')).toMatch(/application\/geo\+json/);
    const fc = await geo.json();
    expect(fc.features.filter((f: { properties: { role: string } }) => f.properties.role === 'chosen_site')).toHaveLength(3);
    const audited = await db.query<{ format: string }>(
      `SELECT params->>'format' AS format FROM audit_log WHERE action = 'export.outreach_plan' AND (params->>'planId')::int = $1 ORDER BY id`,
      [p.id],
    );
    expect(audited.map((r) => r.format)).toEqual(['csv', 'geojson']);
  });

  it('when weighting by access gaps and low awareness, then both apply and the plan records the survey and indicator', async () => {
    const p = await plan({ p: 3, weighting: { accessGaps: true, lowAwareness: true } });
    expect(p.weighting.accessGaps.applied).toBe(true);
    expect(p.weighting.lowAwareness).toMatchObject({ requested: true, applied: true, indicator: 'exposure', survey: { round: 'endline', synthetic: true } });
    expect(p.weighting.lowAwareness.note).toMatch(/cells by their district's estimate/);
    expect(p.demand.unit).toBe('weighted people');
  });

  it('when low awareness weights by a well-known indicator, then less weighted demand remains than by a little-known one, and people stay the same', async () => {
    const as = app.as('data_manager'); // unsuppressed totals to compare
    const [baseline] = await db.query<{ id: number }>("SELECT id FROM awareness_surveys WHERE round = 'baseline'");
    const by = (indicator: string) => plan({ p: 2, weighting: { lowAwareness: true }, awareness: { surveyId: baseline?.id, indicator } }, as);
    const [aware, exposed, none] = [await by('aware_risks'), await by('exposure'), await plan({ p: 2 }, as)];
    expect(aware.weighting.lowAwareness).toMatchObject({ applied: true, indicator: 'aware_risks', survey: { id: baseline?.id, round: 'baseline' } });
    expect(aware.demand.people.count).toBe(none.demand.people.count);
    // baseline: most know the risks (1 − p small), few heard a message (1 − p large)
    expect(aware.demand.total.count ?? NaN).toBeLessThan(0.5 * (none.demand.total.count ?? NaN));
    expect(exposed.demand.total.count ?? NaN).toBeGreaterThan(0.7 * (none.demand.total.count ?? NaN));
    expect(exposed.demand.total.count ?? NaN).toBeLessThan(none.demand.total.count ?? NaN);
  });

  it('when the awareness indicator or survey does not exist, then 400 names the field', async () => {
    for (const [awareness, field] of [[{ indicator: 'nope' }, 'body.awareness.indicator'], [{ surveyId: 999999 }, 'body.awareness.surveyId']] as const) {
      const res = await app.as('planner').get('/api/v1/outreach/plans', post({ measure: 'movement', p: 2, weighting: { lowAwareness: true }, awareness }));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([field]);
    }
  });

  it('when no awareness survey is loaded, then low awareness is not applied and the plan says why', async () => {
    await db.query("DELETE FROM datasets WHERE kind = 'survey_respondents'");
    const p = await plan({ p: 3, weighting: { lowAwareness: true } });
    expect(p.weighting.lowAwareness).toMatchObject({ requested: true, applied: false });
    expect(p.weighting.lowAwareness.note).toMatch(/no awareness survey is loaded/);
  });
});
