import { describe, expect, it } from 'vitest';
import { nearestName } from '../../../client/planner/geo.js';
import type { PlanSite, SiteDelivery } from '../../../common/outreach.js';
import { activityFromInput, localIsoDate, summariseDelivery } from '../../../client/planner/deliveryModel.js';
import { canPlan } from '../../../client/planner/model.js';
import { buildPlanRequest, viewFromRequest } from '../../../client/planner/request.js';
import { decodePlannerView, defaultPlannerView, encodePlannerView, type PlannerView, withSiteChoice } from '../../../client/planner/view.js';
import { decodeState, defaultState, encodeState } from '../../../client/state.js';

const params = (hash: string) => new URLSearchParams(hash.replace(/^#/, ''));
const noPeriod = { from: null, to: null };

function everything(): PlannerView {
  return {
    open: true, measure: 'unaccompanied', from: '2026-02-01', to: '2026-04-30', corridor: 'nakonde',
    mix: { drama: { radiusKm: 2.5, cost: 4000 }, road_show: { radiusKm: null, cost: 3000 }, community_meeting: { radiusKm: 0.8, cost: null } },
    size: { kind: 'budget', value: 25_000 }, method: 'exact', timeLimitS: 20, locked: [12, 7], excluded: [3], plan: 41, compare: [40, 41],
    awareness: { survey: 9, indicator: 'would_report' },
  };
}

describe('planner state in the URL', () => {
  it('when the planner is untouched, then the hash gains nothing', () => {
    expect(encodePlannerView(defaultPlannerView())).toEqual([]);
    expect(encodeState(defaultState())).toBe('#v=-13.5,27.5,4.6&l=points,services,labels');
  });

  it('when every planner setting is set, then it survives the round trip through the whole app hash', () => {
    const s = { ...defaultState(), planner: everything() };
    const hash = encodeState(s);
    expect(hash).toContain('pl=1&pm=unaccompanied&pfrom=2026-02-01&pto=2026-04-30&pc=nakonde');
    expect(hash).toContain('pa=drama:2.5:4000,road_show::3000,community_meeting:0.8:');
    expect(hash).toContain('plan=41&cmp=40,41');
    expect(decodeState(hash).planner).toEqual(s.planner);
  });

  it('when the hash holds bad planner values, then each falls back to its default alone', () => {
    const v = decodePlannerView(params('pl=yes&pm=everyone&pfrom=2026-02-30&pto=2026-01-01&pc=Mars!&pa=drama:99:-5,juggling:1:1,road_show:6:&pp=0&pmt=magic&ptl=600&plk=4,x,4,0&pex=4,9&plan=-1&cmp=5'));
    const d = defaultPlannerView();
    expect(v).toEqual({ ...d, to: '2026-01-01', mix: { ...d.mix, road_show: { radiusKm: 6, cost: null } }, locked: [4], excluded: [9] });
    // Corridors are data: a well-formed code the client has not heard of is kept (the server checks it).
    expect(decodePlannerView(params('pc=chirundu')).corridor).toBe('chirundu');
  });

  it('when a site is locked, excluded or freed, then it is in at most one list', () => {
    let v = withSiteChoice(defaultPlannerView(), 5, 'lock');
    expect([v.locked, v.excluded]).toEqual([[5], []]);
    v = withSiteChoice(v, 5, 'exclude');
    expect([v.locked, v.excluded]).toEqual([[], [5]]);
    v = withSiteChoice(v, 5, 'free');
    expect([v.locked, v.excluded]).toEqual([[], []]);
  });
});

describe('plan request building', () => {
  it('when nothing is set, then the period follows the movements filters and only p and the measure are sent', () => {
    const req = buildPlanRequest(defaultPlannerView(), { from: '2026-05-01', to: '2026-05-31' });
    expect(req).toEqual({ measure: 'movement', period: { from: '2026-05-01', to: '2026-05-31' }, sites: {}, activities: [], locked: [], excluded: [], method: 'greedy', p: 5 });
  });

  it('when the planner has its own period, budget, exact method and overrides, then the body says exactly that', () => {
    const req = buildPlanRequest(everything(), { from: '2025-01-01', to: '2025-12-31' }, '  Nakonde Q2  ');
    expect(req).toEqual({
      name: 'Nakonde Q2', measure: 'unaccompanied', period: { from: '2026-02-01', to: '2026-04-30' }, sites: { corridors: ['nakonde'] },
      activities: [{ type: 'drama', radiusKm: 2.5, cost: 4000 }, { type: 'road_show', cost: 3000 }, { type: 'community_meeting', radiusKm: 0.8 }],
      budget: 25_000, locked: [12, 7], excluded: [3], method: 'exact', timeLimitMs: 20_000,
      weighting: { lowAwareness: true }, awareness: { surveyId: 9, indicator: 'would_report' },
    });
    expect(req).not.toHaveProperty('p');
  });

  it('when only one end of its own period is set, then the other end is left to the server, not taken from the flows', () => {
    const req = buildPlanRequest({ ...defaultPlannerView(), from: '2026-03-01' }, { from: '2026-01-01', to: '2026-01-31' });
    expect(req.period).toEqual({ from: '2026-03-01' });
    expect(buildPlanRequest(defaultPlannerView(), noPeriod).period).toEqual({});
  });

  it('when low-awareness weighting is on without a pinned survey, then the body asks for it with the indicator only, and a saved request reads back', () => {
    const v = { ...defaultPlannerView(), awareness: { survey: null, indicator: 'exposure' } };
    const req = buildPlanRequest(v, noPeriod);
    expect(req.weighting).toEqual({ lowAwareness: true });
    expect(req.awareness).toEqual({ indicator: 'exposure' });
    expect(viewFromRequest(defaultPlannerView(), req).awareness).toEqual({ survey: null, indicator: 'exposure' });
    expect(viewFromRequest(defaultPlannerView(), { ...req, weighting: { lowAwareness: false } }).awareness).toBeNull();
    expect(decodePlannerView(params('paw=Bad Code&paws=3')).awareness).toBeNull();
  });

  it('when more sites are locked than p asks for, then p grows to hold them rather than earn a 400', () => {
    const req = buildPlanRequest({ ...defaultPlannerView(), size: { kind: 'p', value: 2 }, locked: [1, 2, 3] }, noPeriod);
    expect(req.p).toBe(3);
  });

  it('when a saved plan is opened, then its request comes back as panel settings that rebuild the same request', () => {
    const v = { ...everything(), plan: null, compare: null, open: true };
    const req = buildPlanRequest(v, noPeriod);
    const back = viewFromRequest(defaultPlannerView(), req);
    expect(buildPlanRequest(back, noPeriod)).toEqual(req);
  });

  it('then only planner, data manager and admin may run plans', () => {
    expect(['viewer', 'analyst', 'planner', 'data_manager', 'admin', 'public', undefined].map(canPlan)).toEqual([false, false, true, true, true, false, false]);
  });
});

describe('hotspot wording', () => {
  it('when sites are known, then a point is described by the closest one and its distance', () => {
    const sites = [
      { name: 'Nakonde market 2', lon: 32.77166, lat: -9.34329 },
      { name: 'Nakonde border post', lon: 32.758, lat: -9.318 },
    ];
    // 0.01° of latitude is 1.11 km.
    expect(nearestName(32.758, -9.308, sites)).toBe('1.1 km from Nakonde border post');
    expect(nearestName(32.758, -9.308, [])).toBe('');
  });
});

describe('planned vs delivered', () => {
  const site = (siteId: number, rank: number, name: string, activity: string) => ({ siteId, rank, name, activity }) as PlanSite;
  const plan = [site(7, 2, 'Sesheke market', 'drama'), site(3, 1, 'Katima bus stop', 'road_show')];
  const record = (siteId: number, delivered: number, reach: number, last: string | null, rank: number | null): SiteDelivery => ({
    siteId, name: `site ${siteId}`, rank, plannedActivity: null, delivered, reach, lastDelivered: last, status: rank === null ? 'unplanned' : delivered ? 'delivered' : 'pending',
  });

  it('when one chosen site has activities and another site was logged outside the plan, then chosen sites come in rank order, then the unplanned one, with totals', () => {
    const { rows, total } = summariseDelivery(plan, [record(7, 2, 300, '2026-09-14', 2), record(9, 1, 40, '2026-09-01', null)]);
    expect(rows.map((r) => [r.siteId, r.rank, r.planned, r.delivered, r.reach, r.last, r.status])).toEqual([
      [3, 1, 'Road show', 0, 0, null, 'pending'],
      [7, 2, 'Drama at market', 2, 300, '2026-09-14', 'delivered'],
      [9, null, 'Not in the plan', 1, 40, '2026-09-01', 'unplanned'],
    ]);
    expect(total).toEqual({ sites: 2, delivered: 3, reach: 340 });
  });

  it('when nothing is logged, then every chosen site is pending and the totals are zero', () => {
    const { rows, total } = summariseDelivery(plan, []);
    expect(rows.map((r) => r.status)).toEqual(['pending', 'pending']);
    expect(total).toEqual({ sites: 0, delivered: 0, reach: 0 });
  });
});

describe('logging a delivered activity', () => {
  const today = '2026-11-29';
  const input = { siteId: '7', date: '2026-11-20', type: 'materials', reach: ' 120 ', notes: '  ' };

  it('when the form is filled in, then the body has numbers and leaves out empty notes', () => {
    expect(activityFromInput(input, today)).toEqual({ body: { siteId: 7, date: '2026-11-20', type: 'materials', reach: 120 } });
    expect(activityFromInput({ ...input, date: today, reach: '0', notes: ' rain ' }, today)).toEqual({ body: { siteId: 7, date: today, type: 'materials', reach: 0, notes: 'rain' } });
  });

  it.each([
    ['no site', { siteId: '' }, 'siteId'],
    ['a date in the future', { date: '2026-11-30' }, 'date'],
    ['no date', { date: '' }, 'date'],
    ['an unknown type', { type: 'concert' }, 'type'],
    ['no reach', { reach: '' }, 'reach'],
    ['a negative reach', { reach: '-3' }, 'reach'],
    ['a fractional reach', { reach: '2.5' }, 'reach'],
    ['notes too long', { notes: 'x'.repeat(2001) }, 'notes'],
  ])('when the form has %s, then it names the field', (_what, patch, field) => {
    expect(activityFromInput({ ...input, ...patch }, today)).toMatchObject({ field });
  });

  it('when today is asked for, then it is the local calendar date', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
