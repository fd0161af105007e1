import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { studentTQuantile } from '../../../server/analysis/student-t.js';
import {
  LonelyPsuError,
  surveyByDomain,
  surveyDesign,
  surveyDifference,
  surveyDomainMeans,
  surveyDomains,
  surveyMean,
  type LonelyPsu,
  type SurveyEstimate,
  type SurveyRow,
} from '../../../server/analysis/survey.js';

const T2 = 4.302652729749464; // qt(0.975, 2)
const T3 = 3.182446305284263; // qt(0.975, 3)
const T1 = 12.706204736174698; // qt(0.975, 1)

function expectEstimate(got: SurveyEstimate | undefined, want: Omit<SurveyEstimate, 'ci'> & { halfWidth: number }) {
  expect(got).toBeDefined();
  const g = got as SurveyEstimate;
  expect(g.estimate).toBeCloseTo(want.estimate, 12);
  expect(g.se).toBeCloseTo(want.se, 12);
  expect(g.ci[0]).toBeCloseTo(want.estimate - want.halfWidth, 11);
  expect(g.ci[1]).toBeCloseTo(want.estimate + want.halfWidth, 11);
  expect([g.df, g.n, g.sumWeights]).toEqual([want.df, want.n, want.sumWeights]);
}

// Two strata; PSU labels restart per stratum ("1" of S1 and "1" of S2 are different PSUs).
const TWO_STRATA: SurveyRow[] = [
  { y: 2, weight: 1, stratum: 'S1', psu: '1' },
  { y: 4, weight: 1, stratum: 'S1', psu: '2' },
  { y: 6, weight: 2, stratum: 'S2', psu: '1' },
  { y: 8, weight: 2, stratum: 'S2', psu: '2' },
  { y: 10, weight: 2, stratum: 'S2', psu: '3' },
];

describe('surveyMean, hand-computed', () => {
  it('when one stratum has three PSUs, then se is √(n/(n−1)·Σ(t − t̄)²) of the PSU totals', () => {
    // Σw = 6, Σwy = 3 → 0.5. Totals of w(y − 0.5)/6: a = 1·0.5/6 − 1·0.5/6 = 0, b = 2·0.5/6 = 1/6,
    // c = −1/6; t̄ = 0; Σ(t − t̄)² = 2/36 = 1/18; × 3/2 = 1/12; se = 0.2886751. df = 3 − 1 = 2.
    const r = surveyMean([
      { y: 1, weight: 1, psu: 'a' },
      { y: 0, weight: 1, psu: 'a' },
      { y: 1, weight: 2, psu: 'b' },
      { y: 0, weight: 2, psu: 'c' },
    ]);
    expectEstimate(r, { estimate: 0.5, se: Math.sqrt(1 / 12), df: 2, n: 4, sumWeights: 6, halfWidth: T2 * Math.sqrt(1 / 12) });
  });

  it('when there are two strata, then their contributions add and df = PSUs − strata', () => {
    // Σw = 8, Σwy = 54 → 6.75. S1 totals (y − 6.75)/8: −0.59375, −0.34375; mean −0.46875,
    //   deviations ∓0.125 → 0.03125 × 2/1 = 0.0625.
    // S2 totals 2(y − 6.75)/8: −0.1875, 0.3125, 0.8125; mean 0.3125, deviations −0.5, 0, 0.5 →
    //   0.5 × 3/2 = 0.75. Variance 0.8125, se 0.9013878. df = 5 − 2 = 3.
    const r = surveyMean(TWO_STRATA);
    expectEstimate(r, { estimate: 6.75, se: Math.sqrt(0.8125), df: 3, n: 5, sumWeights: 8, halfWidth: T3 * Math.sqrt(0.8125) });
  });

  describe('when a stratum has a single PSU', () => {
    // S1: a (y 1, w 1), b (y 0, w 1); S2: c alone (y 1, w 2). Σw = 4, Σwy = 3 → 0.75.
    // Totals w(y − 0.75)/4: a 0.0625, b −0.1875, c 0.125 (they sum to 0). S1: mean −0.0625,
    // deviations ±0.125 → 0.03125 × 2 = 0.0625. df = 3 − 2 = 1.
    const LONELY: SurveyRow[] = [
      { y: 1, weight: 1, stratum: 'S1', psu: 'a' },
      { y: 0, weight: 1, stratum: 'S1', psu: 'b' },
      { y: 1, weight: 2, stratum: 'S2', psu: 'c' },
    ];
    it('then "fail" (the default, as R) throws naming the stratum', () => {
      expect(() => surveyMean(LONELY)).toThrow(LonelyPsuError);
      expect(() => surveyMean(LONELY, { lonely: 'fail' })).toThrow(/stratum "S2" has only one PSU/);
    });
    it('then "remove" leaves out its contribution: variance 0.0625', () => {
      expectEstimate(surveyMean(LONELY, { lonely: 'remove' }), { estimate: 0.75, se: 0.25, df: 1, n: 3, sumWeights: 4, halfWidth: T1 * 0.25 });
    });
    it('then "adjust" centres it at the overall mean of PSU totals (0): 0.0625 + 0.125² = 0.078125', () => {
      const se = Math.sqrt(0.078125);
      expectEstimate(surveyMean(LONELY, { lonely: 'adjust' }), { estimate: 0.75, se, df: 1, n: 3, sumWeights: 4, halfWidth: T1 * se });
    });
  });

  it('when answers are missing, then they leave the estimate and n but their PSUs stay in the design', () => {
    // As the first design, plus a missing answer in PSU a and a PSU d whose one row is missing.
    // Estimate 0.5, n 4, Σw 6 unchanged; totals a 0, b 1/6, c −1/6, d 0: n_h = 4 now,
    // Σ(t − 0)² = 1/18 × 4/3 = 2/27; se = 0.2721655 (not 0.2886751); df = 4 − 1 = 3.
    const r = surveyMean([
      { y: 1, weight: 1, psu: 'a' },
      { y: 0, weight: 1, psu: 'a' },
      { y: null, weight: 3, psu: 'a' },
      { y: 1, weight: 2, psu: 'b' },
      { y: 0, weight: 2, psu: 'c' },
      { y: null, weight: 5, psu: 'd' },
    ]);
    expectEstimate(r, { estimate: 0.5, se: Math.sqrt(2 / 27), df: 3, n: 4, sumWeights: 6, halfWidth: T3 * Math.sqrt(2 / 27) });
  });

  it('when rows have no psu, then each is its own PSU', () => {
    const own = surveyMean(TWO_STRATA.map(({ psu: _psu, ...r }) => r));
    expect(own).toEqual(surveyMean(TWO_STRATA));
    // No stratum either: one stratum of 5 PSUs, df 4.
    expect(surveyMean(TWO_STRATA.map(({ y, weight }) => ({ y, weight }))).df).toBe(4);
  });

  it('when every stratum is lonely under "remove", then se is 0 and df 0 leaves the interval undefined (NaN)', () => {
    const r = surveyMean([{ y: 3, weight: 1 }], { lonely: 'remove' });
    expect([r.estimate, r.se, r.df]).toEqual([3, 0, 0]);
    expect(r.ci.every(Number.isNaN)).toBe(true);
  });

  it('when an input is invalid, then it throws naming it', () => {
    for (const weight of [0, -1, Number.NaN, Infinity]) expect(() => surveyMean([{ y: 1, weight }, { y: 0, weight: 1 }])).toThrow(/rows\[0\]\.weight/);
    expect(() => surveyMean([{ y: 1, weight: 1 }, { y: Number.NaN, weight: 1 }])).toThrow(/y\[1\]/);
    expect(() => surveyMean([{ y: null, weight: 1 }])).toThrow(/no row has an answer/);
    expect(() => surveyMean(TWO_STRATA, { level: 1 })).toThrow(/level/);
    expect(() => surveyMean(TWO_STRATA, { lonely: 'certainty' as LonelyPsu })).toThrow(/lonely/);
  });

  it('when level is 0.90, then the interval uses t(df, 0.95)', () => {
    const r = surveyMean(TWO_STRATA, { level: 0.9 });
    expect(r.ci[1] - r.estimate).toBeCloseTo(2.3533634348018264 * Math.sqrt(0.8125), 12); // qt(0.95, 3)
  });
});

describe('surveyByDomain, hand-computed', () => {
  // Domain x = rows 0, 2, 3 (S1 PSU 1, S2 PSUs 1, 2); y = rows 1, 4.
  const rows = TWO_STRATA.map((r, i) => ({ ...r, domain: [0, 2, 3].includes(i) ? 'x' : 'y' }));

  it('when estimated by domain, then the other rows keep their PSUs with zero totals, as svyby', () => {
    // x: Σw 5, Σwy 30 → 6. Totals w(y − 6)/5: S1 −0.8 and 0 (PSU 2 not in x) → mean −0.4,
    //   ±0.4 → 0.32 × 2 = 0.64; S2 0, 0.8, 0 → mean 0.26667, Σdev² = 0.42667 × 1.5 = 0.64.
    //   Variance 1.28, se 1.1313708, df 3 (the design's).
    // y: Σw 3, Σwy 24 → 8. S1 0, −4/3 → 16/9; S2 0, 0, 4/3 → (32/27)·1.5 = 16/9. se = √(32/9).
    const byDomain = surveyByDomain(rows);
    expect([...byDomain.keys()]).toEqual(['x', 'y']);
    expectEstimate(byDomain.get('x'), { estimate: 6, se: Math.sqrt(1.28), df: 3, n: 3, sumWeights: 5, halfWidth: T3 * Math.sqrt(1.28) });
    expectEstimate(byDomain.get('y'), { estimate: 8, se: Math.sqrt(32 / 9), df: 3, n: 2, sumWeights: 3, halfWidth: T3 * Math.sqrt(32 / 9) });
  });

  it('when the domain is instead cut out as a subset, then the variance differs (the wrong way)', () => {
    // The subset of x has S1 with one PSU (dropped under "remove") and S2 with two: 0.64 ≠ 1.28.
    const subset = surveyMean(rows.filter((r) => r.domain === 'x'), { lonely: 'remove' });
    expect(subset.se ** 2).toBeCloseTo(0.64, 12);
    // …whereas setting y to null outside the domain is exactly the domain estimate.
    expect(surveyMean(rows.map((r) => ({ ...r, y: r.domain === 'x' ? r.y : null })))).toEqual(surveyByDomain(rows).get('x'));
  });

  it('when a lonely stratum has no row in a domain, then "fail" does not stop that domain (as svyby)', () => {
    const withLonely = [...rows, { y: 1, weight: 1, stratum: 'S3', psu: '1', domain: 'z' }];
    expect(() => surveyByDomain(withLonely)).toThrow(/S3/);
    const xOnly = withLonely.map((r) => ({ ...r, domain: r.domain === 'x' ? 'x' : null }));
    expect(surveyByDomain(xOnly).get('x')?.df).toBe(3); // 6 PSUs − 3 strata: S3 is in the design
    expect(surveyByDomain(xOnly).get('x')?.se).toBeCloseTo(Math.sqrt(1.28), 12); // and adds nothing
  });

  it('when a domain has no answered row, then it is left out', () => {
    const r = surveyByDomain([...rows, { y: null, weight: 1, stratum: 'S1', psu: '1', domain: 'empty' }]);
    expect([...r.keys()]).toEqual(['x', 'y']);
  });
});

describe('surveyDifference', () => {
  it('when two independent rounds are compared, then se = √(0.03² + 0.04²) = 0.05 and z = 0.1/0.05 = 2', () => {
    const d = surveyDifference({ estimate: 0.4, se: 0.03 }, { estimate: 0.5, se: 0.04 });
    expect(d.difference).toBeCloseTo(0.1, 15);
    expect(d.se).toBeCloseTo(0.05, 15);
    expect(d.z).toBeCloseTo(2, 14);
    expect(d.p).toBeCloseTo(0.04550026389635842, 13); // 2·(1 − Φ(2))
  });

  it('when both SEs are 0, then a difference is infinitely significant and no difference is not at all', () => {
    expect(surveyDifference({ estimate: 1, se: 0 }, { estimate: 1, se: 0 })).toEqual({ difference: 0, se: 0, z: 0, p: 1 });
    expect(surveyDifference({ estimate: 1, se: 0 }, { estimate: 0, se: 0 })).toMatchObject({ z: -Infinity, p: 0 });
  });
});

type DomainRow = SurveyRow & { domain: string | null };

/** The formula again, with objects and plain loops, one domain at a time. */
function naiveDomain(rows: DomainRow[], domain: string | undefined, lonely: LonelyPsu, level = 0.95): SurveyEstimate | 'fail' | undefined {
  const counts = (r: DomainRow) => r.y !== null && (domain === undefined || r.domain === domain);
  let sw = 0;
  let swy = 0;
  let n = 0;
  for (const r of rows) if (counts(r)) [sw, swy, n] = [sw + r.weight, swy + r.weight * (r.y ?? 0), n + 1];
  if (n === 0) return undefined;
  const est = swy / sw;
  const strata = new Map<string, Map<string, { t: number; used: boolean }>>();
  rows.forEach((r, i) => {
    const h = r.stratum ?? '(none)';
    if (!strata.has(h)) strata.set(h, new Map());
    const psus = strata.get(h) as Map<string, { t: number; used: boolean }>;
    const id = r.psu ?? `row ${i}`;
    const cell = psus.get(id) ?? { t: 0, used: false };
    if (counts(r)) [cell.t, cell.used] = [cell.t + (r.weight * ((r.y ?? 0) - est)) / sw, true];
    psus.set(id, cell);
  });
  const all = [...strata.values()].flatMap((m) => [...m.values()]);
  const centre = all.reduce((s, c) => s + c.t, 0) / all.length;
  let v = 0;
  for (const psus of strata.values()) {
    const ts = [...psus.values()];
    if (ts.length === 1) {
      if (!ts[0]?.used) continue;
      if (lonely === 'fail') return 'fail';
      if (lonely === 'adjust') v += ((ts[0]?.t ?? 0) - centre) ** 2;
      continue;
    }
    const mean = ts.reduce((s, c) => s + c.t, 0) / ts.length;
    v += (ts.length / (ts.length - 1)) * ts.reduce((s, c) => s + (c.t - mean) ** 2, 0);
  }
  const df = all.length - strata.size;
  const half = studentTQuantile(1 - (1 - level) / 2, df) * Math.sqrt(v);
  return { estimate: est, se: Math.sqrt(v), ci: [est - half, est + half], df, n, sumWeights: sw };
}

function close(a: number, b: number) {
  if (Number.isNaN(b)) expect(a).toBeNaN();
  else expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
}
function expectSame(got: SurveyEstimate | undefined, want: SurveyEstimate | undefined) {
  expect(got === undefined).toBe(want === undefined);
  if (!got || !want) return;
  for (const k of ['estimate', 'se', 'sumWeights'] as const) close(got[k], want[k]);
  close(got.ci[0], want.ci[0]);
  close(got.ci[1], want.ci[1]);
  expect([got.df, got.n]).toEqual([want.df, want.n]);
}

const designRow = fc.record({
  y: fc.option(fc.oneof(fc.constantFrom(0, 1), fc.double({ min: -50, max: 100, noNaN: true })), { nil: null, freq: 5 }),
  weight: fc.double({ min: 0.1, max: 20, noNaN: true }),
  stratum: fc.option(fc.constantFrom('A', 'B', 'C'), { nil: undefined, freq: 6 }),
  psu: fc.option(fc.constantFrom('1', '2', '3', '4'), { nil: undefined, freq: 6 }),
  domain: fc.option(fc.constantFrom('x', 'y', 'z'), { nil: null, freq: 6 }),
});

describe('survey estimates against the independent implementation, random designs', () => {
  it('when the whole sample and every domain are estimated, then both implementations agree (or both fail)', () => {
    fc.assert(
      fc.property(fc.array(designRow, { minLength: 1, maxLength: 40 }), fc.constantFrom<LonelyPsu>('fail', 'adjust', 'remove'), fc.constantFrom(0.8, 0.95, 0.99), (rows, lonely, level) => {
        const rows2: DomainRow[] = rows.map(({ stratum, psu, ...r }) => ({ ...r, ...(stratum === undefined ? {} : { stratum }), ...(psu === undefined ? {} : { psu }) }));
        const wantAll = naiveDomain(rows2, undefined, lonely, level);
        if (wantAll === 'fail') expect(() => surveyMean(rows2, { lonely, level })).toThrow(LonelyPsuError);
        else if (wantAll === undefined) expect(() => surveyMean(rows2, { lonely, level })).toThrow(/no row has an answer/);
        else expectSame(surveyMean(rows2, { lonely, level }), wantAll);
        const wants = ['x', 'y', 'z'].map((d) => [d, naiveDomain(rows2, d, lonely, level)] as const);
        if (wants.some(([, w]) => w === 'fail')) return void expect(() => surveyByDomain(rows2, { lonely, level })).toThrow(LonelyPsuError);
        const got = surveyByDomain(rows2, { lonely, level });
        for (const [d, want] of wants) expectSame(got.get(d), want === 'fail' ? undefined : want);
      }),
      { numRuns: 500 },
    );
  });

  it('when one indexed design and domain index serve several indicators, then each matches surveyByDomain', () => {
    fc.assert(
      fc.property(fc.array(designRow, { minLength: 1, maxLength: 30 }), fc.array(fc.option(fc.constantFrom(0, 1), { nil: null }), { minLength: 30, maxLength: 30 }), (rows, other) => {
        const rows2 = rows.map((r) => ({ ...r, stratum: undefined, psu: r.psu === undefined ? undefined : `${r.stratum}-${r.psu}` }));
        const design = surveyDesign(rows2);
        const domains = surveyDomains(design, rows2.map((r) => r.domain));
        const second = rows2.map((_, i) => other[i] ?? null);
        for (const y of [rows2.map((r) => r.y), second]) {
          const fast = surveyDomainMeans(design, domains, y, { lonely: 'remove' });
          const slow = surveyByDomain(rows2.map((r, i) => ({ ...r, y: y[i] ?? null })), { lonely: 'remove' });
          expect(fast).toEqual(slow);
        }
      }),
      { numRuns: 200 },
    );
  });
});
