import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IndicatorDefinition } from '../../../common/awareness.js';
import { ageBand, estimateBy, indicatorValue, type Respondent } from '../../../server/awareness/estimate.js';

const IND: IndicatorDefinition = {
  code: 'would_report', label: 'Would report', description: null, question: 'would_report', yes: ['yes'], denominator: 'answered', among: null, position: 1,
};

describe('indicatorValue', () => {
  it('when a select_multiple answer has any yes choice, then it counts as yes; "none" does not', () => {
    const exposure = { ...IND, question: 'ch', yes: ['drama', 'radio'] };
    expect([indicatorValue({ ch: 'poster radio' }, exposure), indicatorValue({ ch: 'none' }, exposure), indicatorValue({}, exposure)]).toEqual([1, 0, null]);
  });
  it('when the denominator is all, then a missing answer is a no; among restricts to a subpopulation', () => {
    expect(indicatorValue({}, { ...IND, denominator: 'all' })).toBe(0);
    const among = { ...IND, among: { question: 'aware', yes: ['yes'] } };
    expect([indicatorValue({ aware: 'no', would_report: 'yes' }, among), indicatorValue({ aware: 'yes', would_report: 'yes' }, among), indicatorValue({ would_report: 'yes' }, among)]).toEqual([null, 1, null]);
  });
  it('when ages are banded, then the bands are 15-24, 25-34, 35-49, 50+ and under 15 is none', () => {
    expect([14, 15, 24, 25, 49, 50, 90].map(ageBand)).toEqual([null, '15-24', '15-24', '25-34', '35-49', '50+', '50+']);
  });
});

const respondent = fc.record({
  stratum: fc.constantFrom('A', 'B', 'C'),
  cluster: fc.integer({ min: 1, max: 4 }).map(String),
  weight: fc.double({ min: 0.5, max: 50, noNaN: true }),
  district: fc.constantFrom('D1', 'D2', 'D3', 'D4', 'D5', 'D6'),
  sex: fc.constantFrom('female', 'male', null),
  age: fc.option(fc.integer({ min: 10, max: 90 }), { nil: null }),
  answer: fc.constantFrom('yes', 'no', undefined),
});

type Raw = typeof respondent extends fc.Arbitrary<infer T> ? T : never;
const toRespondent = (r: Raw): Respondent => ({
  // clusters nested in strata: "A-1"; every stratum below gets at least two clusters
  stratum: r.stratum, cluster: `${r.stratum}-${r.cluster}`, weight: r.weight, district: r.district, districtCode: null, province: null, provinceName: null,
  sex: r.sex, age: r.age, answers: r.answer === undefined ? {} : { would_report: r.answer },
});

describe('disclosure control of estimates, property-based', () => {
  it('when domains are small, then every estimate from fewer than k respondents is withheld whole and every other one is published unchanged', () => {
    fc.assert(
      fc.property(fc.array(respondent, { minLength: 2, maxLength: 60 }), fc.integer({ min: 2, max: 15 }), fc.constantFrom('district', 'sex', 'age', 'cluster'), (raw, k, by) => {
        const rows = raw.map(toRespondent);
        const open = estimateBy(rows, IND, by as 'district', { suppress: false, k });
        const closed = estimateBy(rows, IND, by as 'district', { suppress: true, k });
        expect(closed.rows.map((r) => r.key)).toEqual(open.rows.map((r) => r.key));
        for (const [i, c] of closed.rows.entries()) {
          const o = open.rows[i];
          if (o?.n === null || (o?.n ?? 0) < k) {
            expect(c).toMatchObject({ estimate: null, se: null, ci: null, n: null, suppressed: true, wide: false });
          } else {
            expect(c).toEqual(o);
            expect(c.n).toBeGreaterThanOrEqual(k);
          }
        }
        // Unsuppressed answers never flag a row; a published n is never below k.
        expect(open.rows.some((r) => r.suppressed && r.n !== null)).toBe(false);
        expect(closed.rows.every((r) => r.n === null || r.n >= k)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
