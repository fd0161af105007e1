import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AreaCounts, DIRECTIONS, discloseSummary } from '../../../server/places/disclose.js';

const n = fc.integer({ min: 0, max: 25 });
const triple = fc.record({ inbound: n, outbound: n, transit: n });

/** Hidden true values in one published sum must leave each of them anywhere from 1 to ≥ k. */
function protectedSum(hidden: number[], k: number): boolean {
  return hidden.length === 0 || (hidden.length >= 2 && hidden.reduce((s, v) => s + v, 0) - (hidden.length - 1) >= k);
}

describe('disclosure control of the admin-area summary', () => {
  it('when areas, people outside them and reports are random, then every published figure is true and every published sum protects its hidden cells', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ people: triple, reports: n }), { minLength: 1, maxLength: 8 }), triple, n, fc.integer({ min: 2, max: 11 }),
        (rows, outside, reportsOutside, k) => {
          const areas = rows.map((_, i) => ({ pcode: `A${i}`, name: `Area ${i}`, level: 2, parent: null, official: true, source: null }));
          const counts: AreaCounts = {
            people: new Map([...rows.map((r, i): [string, typeof outside] => [`A${i}`, r.people]), ['', outside]]),
            reports: new Map([...rows.map((r, i): [string, number] => [`A${i}`, r.reports]), ['', reportsOutside]]),
            services: new Map(),
            activities: new Map(),
          };
          const { areas: out, outside: outPub } = discloseSummary(areas, counts, { suppress: true, k }, { suppress: true, k: k + 3 });
          out.forEach((a, i) => {
            const r = rows[i];
            if (!r) throw new Error('row missing');
            for (const d of DIRECTIONS) {
              if (a[d] !== null) expect(a[d]).toBe(r.people[d]);
              if (r.people[d] > 0 && r.people[d] < k) expect(a[d]).toBeNull();
              if (r.people[d] === 0) expect(a[d]).toBe(0);
            }
            if (a.net !== null) expect(a.net).toBe(r.people.inbound - r.people.outbound);
            if (a.inbound === null || a.outbound === null) expect(a.net).toBeNull();
            if (a.people !== null) {
              expect(a.people).toBe(r.people.inbound + r.people.outbound + r.people.transit);
              expect(protectedSum(DIRECTIONS.filter((d) => a[d] === null).map((d) => r.people[d]), k)).toBe(true);
            }
            if (a.reports !== null) expect(a.reports).toBe(r.reports);
            if (r.reports > 0 && r.reports < k + 3) expect(a.reports).toBeNull();
          });
          // Each direction's total over the level (people outside the areas included) is public
          // elsewhere (crossings) unless it is itself below k: the hidden areas in it must stay ambiguous.
          const small = (total: number, kk: number) => total > 0 && total < kk;
          for (const d of DIRECTIONS) {
            const total = rows.reduce((s, r) => s + r.people[d], outside[d]);
            if (outPub[d] !== null) expect(outPub[d]).toBe(outside[d]);
            const hidden = [...out.flatMap((a, i) => (a[d] === null ? [rows[i]?.people[d] ?? 0] : [])), ...(outPub[d] === null ? [outside[d]] : [])];
            // When every non-zero cell is hidden the rule withholds the total as well (suppress.ts).
            const allHidden = hidden.length === [...rows.map((r) => r.people[d]), outside[d]].filter((v) => v > 0).length;
            if (!small(total, k) && !allHidden) expect(protectedSum(hidden, k)).toBe(true);
          }
          const reportTotal = rows.reduce((s, r) => s + r.reports, reportsOutside);
          if (outPub.reports !== null) expect(outPub.reports).toBe(reportsOutside);
          const hiddenReports = [...out.flatMap((a, i) => (a.reports === null ? [rows[i]?.reports ?? 0] : [])), ...(outPub.reports === null ? [reportsOutside] : [])];
          const allReportsHidden = hiddenReports.length === [...rows.map((r) => r.reports), reportsOutside].filter((v) => v > 0).length;
          if (!small(reportTotal, k + 3) && !allReportsHidden) expect(protectedSum(hiddenReports, k + 3)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('when the caller is a data manager, then nothing is hidden', () => {
    const areas = [{ pcode: 'A', name: 'A', level: 1, parent: null, official: true, source: null }];
    const counts: AreaCounts = { people: new Map([['A', { inbound: 1, outbound: 2, transit: 0 }]]), reports: new Map([['A', 1]]), services: new Map(), activities: new Map() };
    expect(discloseSummary(areas, counts, { suppress: false, k: 5 }, { suppress: false, k: 11 }).areas[0]).toMatchObject({ inbound: 1, outbound: 2, net: -1, people: 3, reports: 1, suppressed: [] });
  });
});
