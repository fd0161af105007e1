import { describe, expect, it } from 'vitest';
import { assembleFlows, locationTotals, relativeChange } from '../../../server/flows/shape.js';

describe('shaping flows', () => {
  it('when rows include unknown ends and zero counts, then they are unlocated or dropped and totals are sums of the flows', () => {
    const { flows, totals } = assembleFlows(
      [
        { o: 'p:1', d: 'c:ZAF', n: 5 },
        { o: null, d: 'p:2', n: 3 },
        { o: 'p:1', d: 'p:2', n: 0 },
        { o: 'c:ETH', d: 'p:2', n: 9 },
      ],
      1,
    );
    expect(flows).toEqual([
      { origin: 'c:ETH', dest: 'p:2', count: 9 },
      { origin: 'p:1', dest: 'c:ZAF', count: 5 },
    ]);
    expect(totals).toEqual({ count: 14, people: 14, unlocated: 3, matched: 17, flows: 2, locations: 4 });
  });

  it('when legs come from two SQL branches at level=point, then equal pairs merge and people are half the legs', () => {
    const { flows, totals } = assembleFlows(
      [
        { o: 'p:1', d: 'm:7', n: 4 },
        { o: 'm:7', d: 'p:2', n: 4 },
        { o: 'p:1', d: 'm:7', n: 2 },
        { o: 'm:7', d: 'p:2', n: 2 },
      ],
      2,
    );
    expect(flows).toHaveLength(2);
    expect(totals.count).toBe(12);
    expect(totals.people).toBe(6);
  });

  it('when totalling per location, then a self-flow counts as both incoming and outgoing', () => {
    const t = locationTotals([
      { origin: 'c:ZMB', dest: 'c:ZMB', count: 4 },
      { origin: 'c:ZMB', dest: 'c:TZA', count: 1 },
    ]);
    expect(t.get('c:ZMB')).toEqual({ incoming: 4, outgoing: 5 });
    expect(t.get('c:TZA')).toEqual({ incoming: 1, outgoing: 0 });
  });

  it('when the previous period is empty, then there is no relative change', () => {
    expect(relativeChange(10, 0)).toBeNull();
    expect(relativeChange(15, 10)).toBe(0.5);
    expect(relativeChange(1, 3)).toBe(-0.6667);
  });
});
