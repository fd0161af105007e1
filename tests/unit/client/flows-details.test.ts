import { describe, expect, it } from 'vitest';
import type { FlowsResponse } from '../../../common/flows.js';
import { summarize } from '../../../client/panels/details.js';

const res: Pick<FlowsResponse, 'locations' | 'flows' | 'totals' | 'disclosure'> = {
  locations: [
    { id: 'p:1', name: 'Nakonde', lat: -9.3, lon: 32.7, kind: 'place', incoming: 40, outgoing: null, suppressed: true },
    { id: 'p:2', name: 'Lusaka', lat: -15.4, lon: 28.3, kind: 'place', incoming: 30, outgoing: 12, suppressed: false },
    { id: 'p:3', name: 'Mbeya', lat: -8.9, lon: 33.4, kind: 'place', incoming: null, outgoing: 25, suppressed: true },
  ],
  flows: [
    { origin: 'p:3', dest: 'p:1', count: 25, suppressed: false },
    { origin: 'p:1', dest: 'p:2', count: 30, suppressed: false },
    { origin: 'p:1', dest: 'p:1', count: 15, suppressed: false },
    { origin: 'p:1', dest: 'p:3', count: null, suppressed: true },
  ],
  totals: { count: 70, people: 70, matched: 70, unlocated: 0, flows: 4, locations: 3 },
  disclosure: { suppressed: true, k: 5 },
};

describe('location details', () => {
  it('when a location is summarised, then in/out come from the API and internal is its self-flow', () => {
    const s = summarize(res, 'p:1');
    expect(s).toMatchObject({ incoming: 40, outgoing: null, internal: 15 });
    expect(s?.top.map((t) => `${t.from}→${t.to}`)).toEqual(['Nakonde→Lusaka', 'Mbeya→Nakonde', 'Nakonde→Mbeya']);
    expect(s?.top[2]?.count).toBeNull(); // suppressed: shown as "<5", sorted below 5
  });

  it('when the id is unknown (e.g. after a filter change), then there is no summary', () => {
    expect(summarize(res, 'p:99')).toBeNull();
    expect(summarize(res, 'p:2')?.internal).toBe(0);
  });
});
