import { describe, expect, it } from 'vitest';
import type { CrossingsResult } from '../../../server/flows/crossings.js';
import { discloseCrossings, discloseFlows } from '../../../server/flows/disclose.js';
import type { FlowsResult } from '../../../server/flows/flows.js';

const VIEWER = { suppress: true, k: 5 };
const MANAGER = { suppress: false, k: 5 };
const period = { from: '2026-01-01', to: '2026-01-31', days: 31 };

const loc = (id: string, incoming: number, outgoing: number) => ({ id, name: id, lat: 0, lon: 0, kind: 'place' as const, incoming, outgoing });
const flows: FlowsResult = {
  period, level: 'place', measure: 'total', source: 'rollup',
  flows: [
    { origin: 'p:1', dest: 'p:2', count: 40 },
    { origin: 'p:1', dest: 'p:3', count: 30 },
    { origin: 'p:4', dest: 'p:3', count: 2 },
  ],
  locations: [loc('p:1', 0, 70), loc('p:2', 40, 0), loc('p:3', 32, 0), loc('p:4', 0, 2)],
  totals: { count: 72, people: 72, unlocated: 3, matched: 75, flows: 3, locations: 4 },
};

describe('disclosing flows', () => {
  it('when a data manager asks, then every number passes unchanged', () => {
    const r = discloseFlows(flows, MANAGER);
    expect(r.flows.map((f) => f.count)).toEqual([40, 30, 2]);
    expect(r.disclosure).toEqual({ suppressed: false, k: 5 });
  });

  it('when a viewer asks, then the small flow and every flow that would reveal it through a published total are hidden', () => {
    const r = discloseFlows(flows, VIEWER);
    // 2 is small; 30 goes too (else p:3's 32 − 30 = 2), then 40 (else p:1's 70 − 40 = 30). Then
    // the published totals together: p:2's incoming 40 is p:1 → p:2 alone (70 − 40 = 30, and
    // 32 − 30 = 2), and the grand total 72 − p:1's 70 = 2: those go too (server/privacy/linear.ts).
    expect(r.flows.map((f) => f.count)).toEqual([null, null, null]);
    expect(r.locations.find((l) => l.id === 'p:1')).toMatchObject({ outgoing: 70, suppressed: false });
    expect(r.locations.find((l) => l.id === 'p:2')).toMatchObject({ incoming: null });
    expect(r.locations.find((l) => l.id === 'p:3')).toMatchObject({ incoming: null });
    expect(r.locations.find((l) => l.id === 'p:4')).toMatchObject({ outgoing: null, suppressed: true });
    expect(r.totals).toMatchObject({ count: null, unlocated: null, matched: null });
  });
});

describe('disclosing crossings', () => {
  const c = (id: number, inbound: number, outbound: number, transit: number, previous: number) => ({
    id, name: `mp ${id}`, kind: 'market', corridor: 'lusaka', lat: 0, lon: 0, inbound, outbound, transit,
    total: inbound + outbound + transit, net: inbound - outbound, dailyAverage: (inbound + outbound + transit) / 31, previous, change: null,
  });
  const result: CrossingsResult = {
    period, previousPeriod: period, measure: 'total', source: 'rollup',
    crossings: [c(1, 3, 50, 0, 40), c(2, 60, 70, 0, 90)],
    totals: { inbound: 63, outbound: 120, transit: 0, total: 183, previous: 130 },
  };

  it('when an inbound count is small, then net goes with it and the point and direction sums stay protected', () => {
    const r = discloseCrossings(result, VIEWER);
    const [a, b] = r.crossings;
    expect(a).toMatchObject({ inbound: null, net: null });
    expect(a?.suppressed).toContain('inbound');
    // inbound of point 1 is hidden in two sums (point 1, all inbound): a partner is hidden in each
    expect([a?.outbound, b?.inbound].filter((v) => v === null).length).toBeGreaterThanOrEqual(2);
    expect(r.totals.inbound).toBe(63);
  });
});
