import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { surveyByDomain, surveyMean, type LonelyPsu, type SurveyEstimate, type SurveyRow } from '../../../server/analysis/survey.js';

// R's survey package on its own example data (data(api), California schools): the samples and
// R's numbers come from fixtures/survey-r.R (R 4.2.2, survey 4.1-1), written to 17 digits.
const dir = new URL('./fixtures/', import.meta.url);
const csv = parse(readFileSync(new URL('survey-api.csv', dir)), { columns: true }) as Record<string, string>[];
const ref = JSON.parse(readFileSync(new URL('survey-r.json', dir), 'utf8')) as {
  lonelyFailThrows: boolean;
  cases: Record<string, { estimate: number; se: number; df: number; ci: [number, number] }>;
};

const apistrat = csv.filter((r) => r.sample === 'apistrat');
const apiclus1 = csv.filter((r) => r.sample === 'apiclus1');
const answer = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));

/** apistrat: strata = school type, every school its own PSU (ids = ~1). */
const strat = (col: string, by?: string) =>
  apistrat.map((r) => ({ y: answer(r[col]), weight: Number(r.pw), stratum: r.stratum, domain: by ? (r[by] ?? null) : null }));
/** apiclus1: 15 school districts as PSUs; with `strata`, made-up strata A, B and L (one PSU). */
const clus = (col: string, strata: boolean, by?: string) =>
  apiclus1.map((r) => ({ y: answer(r[col]), weight: Number(r.pw), psu: r.psu, ...(strata ? { stratum: r.stratum } : {}), domain: by ? (r[by] ?? null) : null }));

function expectR(got: SurveyEstimate | undefined, name: string) {
  const want = ref.cases[name];
  expect(want, name).toBeDefined();
  expect(got, name).toBeDefined();
  if (!got || !want) return;
  const near = (a: number, b: number) => expect(Math.abs(a - b), name).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(b)));
  near(got.estimate, want.estimate);
  near(got.se, want.se);
  near(got.ci[0], want.ci[0]);
  near(got.ci[1], want.ci[1]);
  expect(got.df, name).toBe(want.df);
}

function expectAllDomains(rows: (SurveyRow & { domain: string | null })[], prefix: string, lonely?: LonelyPsu) {
  const got = surveyByDomain(rows, lonely ? { lonely } : {});
  const names = Object.keys(ref.cases).filter((k) => k.startsWith(`${prefix}/`));
  expect([...got.keys()].sort()).toEqual(names.map((k) => k.slice(prefix.length + 1)).sort());
  for (const k of names) expectR(got.get(k.slice(prefix.length + 1)), k);
}

describe('surveyMean and surveyByDomain against R survey', () => {
  it('when apistrat is the stratified sample, then svymean(~api00) = 662.29 and the published SE 9.4089 follows with the fpc', () => {
    const rows = strat('api00');
    const r = surveyMean(rows);
    expectR(r, 'strat api00');
    expect(r.estimate).toBeCloseTo(662.29, 2);
    // Corridor has no fpc; the published figure (svydesign(…, fpc = ~fpc)) is the same sum with
    // each stratum's term times 1 − n_h/N_h: a check that this fixture is the package's data.
    const byStratum = new Map<string, { t: number[]; N: number }>();
    apistrat.forEach((s, i) => {
      const t = (Number(s.pw) * ((rows[i]?.y ?? 0) - r.estimate)) / r.sumWeights;
      const h = byStratum.get(s.stratum ?? '') ?? { t: [], N: Number(s.fpc) };
      h.t.push(t);
      byStratum.set(s.stratum ?? '', h);
    });
    let v = 0;
    let vFpc = 0;
    for (const { t, N } of byStratum.values()) {
      const mean = t.reduce((a, b) => a + b, 0) / t.length;
      const vh = (t.length / (t.length - 1)) * t.reduce((a, b) => a + (b - mean) ** 2, 0);
      v += vh;
      vFpc += (1 - t.length / N) * vh;
    }
    expect(Math.sqrt(v)).toBeCloseTo(r.se, 10);
    expect(Math.sqrt(vFpc)).toBeCloseTo(ref.cases['strat api00 fpc']?.se ?? NaN, 10);
    expect(Math.sqrt(vFpc)).toBeCloseTo(9.4089, 4);
  });

  it('when acs.46 has 66 missing answers, then na.rm = TRUE is matched', () => {
    const rows = strat('acs46');
    expect(rows.filter((r) => r.y === null)).toHaveLength(66);
    expectR(surveyMean(rows), 'strat acs46');
  });

  it('when a proportion (sch.wide) is estimated by awards, then svyby is matched, including a domain of all 1s', () => {
    expectAllDomains(strat('schwide', 'awards'), 'strat schwide by awards');
  });

  it('when api00 is estimated for 40 counties, many with one or two schools, then every svyby row is matched', () => {
    expectAllDomains(strat('api00', 'cname'), 'strat api00 by cname');
  });

  it('when apiclus1 (15 district PSUs, no strata) is used, then the mean, a variable with NAs and svyby by school type match', () => {
    expectR(surveyMean(clus('api00', false)), 'clus api00');
    expectR(surveyMean(clus('acs46', false)), 'clus avged'); // avg.ed, 26 missing
    expectAllDomains(clus('api00', false, 'stype'), 'clus api00 by stype');
  });

  it('when stratum L has one PSU, then "adjust" and "remove" match R and "fail" throws as R does', () => {
    for (const lonely of ['adjust', 'remove'] as const) {
      expectR(surveyMean(clus('api00', true), { lonely }), `lonely ${lonely} api00`);
      expectAllDomains(clus('api00', true, 'stype'), `lonely ${lonely} api00 by stype`, lonely);
    }
    expect(ref.lonelyFailThrows).toBe(true);
    expect(() => surveyMean(clus('api00', true))).toThrow(/stratum "L"/);
    // District 778 has no high school: the H domain never meets the lonely stratum.
    const onlyH = clus('api00', true, 'stype').map((r) => ({ ...r, domain: r.domain === 'H' ? 'H' : null }));
    expectR(surveyByDomain(onlyH).get('H'), 'lonely fail api00 stype H');
  });
});
