import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressBreakdown } from '../../../server/privacy/disclosure.js';
import { recoverableBelow } from '../../../server/privacy/linear.js';
import { groupIndices, suppressLinked } from '../../../server/privacy/suppress.js';

/** What a viewer could work out: for each published sum, the hidden cells must stay ambiguous. */
function assertProtected(counts: number[], sums: number[][], k: number, r: { cells: boolean[]; sums: boolean[] }): void {
  counts.forEach((c, i) => {
    if (c > 0 && c < k) expect(r.cells[i]).toBe(true);
    if (c === 0) expect(r.cells[i]).toBe(false);
  });
  sums.forEach((members, g) => {
    if (r.sums[g]) return;
    const hidden = members.filter((i) => r.cells[i]).map((i) => counts[i] ?? 0);
    if (hidden.length === 0) return;
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    expect(hidden.reduce((s, v) => s + v, 0) - (hidden.length - 1)).toBeGreaterThanOrEqual(k);
  });
}

describe('linked small-count suppression', () => {
  it('when one flow is small, then a second flow in each sum it belongs to is hidden with it', () => {
    // flows: A→B 3, A→C 20, D→B 30, D→C 40; sums: out A, out D, in B, in C, all
    const counts = [3, 20, 30, 40];
    const sums = [[0, 1], [2, 3], [0, 2], [1, 3], [0, 1, 2, 3]];
    const r = suppressLinked(counts, sums, 5);
    assertProtected(counts, sums, 5, r);
    expect(r.cells).toEqual([true, true, true, true]);
  });

  it('when nothing is small, then nothing is hidden', () => {
    expect(suppressLinked([5, 6, 0], [[0, 1, 2]], 5)).toEqual({ cells: [false, false, false], sums: [false] });
  });

  it('when a sum itself is below k, then it is hidden and needs no complementary cells', () => {
    expect(suppressLinked([1, 2, 50], [[0, 1], [2]], 5)).toEqual({ cells: [true, true, false], sums: [true, false] });
  });

  it('when cells form one sum, then it agrees with the privacy module on what is hidden', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 2, max: 11 }), (counts, k) => {
        const linked = suppressLinked(counts, [counts.map((_, i) => i)], k);
        const single = suppressBreakdown(counts.map((count, key) => ({ key, count })), k);
        expect(linked.cells).toEqual(single.cells.map((c) => c.suppressed));
        expect(linked.sums[0]).toBe(single.total.suppressed);
      }),
    );
  });

  it('when flows link locations at random, then every published sum protects its hidden flows', () => {
    const flow = fc.record({ o: fc.integer({ min: 0, max: 5 }), d: fc.integer({ min: 0, max: 5 }), n: fc.integer({ min: 0, max: 25 }) });
    fc.assert(
      fc.property(fc.array(flow, { minLength: 1, maxLength: 25 }), fc.integer({ min: 2, max: 11 }), (flows, k) => {
        const counts = flows.map((f) => f.n);
        const sums = [
          ...groupIndices(flows, (f) => `o${f.o}`).values(),
          ...groupIndices(flows, (f) => `d${f.d}`).values(),
          flows.map((_, i) => i),
        ];
        const r = suppressLinked(counts, sums, k);
        assertProtected(counts, sums, k, r);
        // and no small hidden figure can be solved for from all the published sums together
        expect(recoverableBelow(counts, sums, r, k)).toEqual({ cells: [], sums: [] });
      }),
      { numRuns: 500 },
    );
  });
});
