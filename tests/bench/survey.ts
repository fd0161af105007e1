/**
 * Awareness estimates at the size of issue 16's closing figure: 7 indicators × 116 districts
 * from 100,000 respondents (synthetic: 232 strata = district × urban/rural, clusters of ~20).
 * The indexed path (surveyDesign + surveyDomains once, surveyDomainMeans per indicator) against
 * the naive one measured in the same run: surveyMean once per district with the answers of
 * other districts set to null (the same numbers, checked). Median of --runs (default 5) after a
 * warm-up; the naive baseline covers one indicator (--naive-runs, default 1) and is scaled ×7.
 *
 *   npm run bench -- survey
 *   options: --runs 5  --naive-runs 1  --respondents 100000  --districts 116  --indicators 7
 */
import { surveyDesign, surveyDomainMeans, surveyDomains, surveyMean, type SurveyEstimate, type SurveyRow } from '../../server/analysis/survey.js';
import { medianTiming as measure } from './common.js';
import type { Bench, BenchContext, BenchRow } from './run.js';

interface Respondent extends SurveyRow {
  district: string;
  answers: (number | null)[];
}

/** Park–Miller minimal standard generator: seeded, so every run times the same sample. */
function seeded(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

function sample(respondents: number, districts: number, indicators: number): Respondent[] {
  const next = seeded(16);
  const perCluster = 20;
  const clusters = Math.ceil(respondents / perCluster);
  const level = Array.from({ length: districts * indicators }, () => 0.2 + 0.6 * next());
  const rows: Respondent[] = [];
  for (let c = 0; c < clusters; c++) {
    const d = c % districts;
    const urban = Math.floor(c / districts) % 2 === 0 ? 'urban' : 'rural';
    for (let i = 0; i < perCluster && rows.length < respondents; i++) {
      const answers = Array.from({ length: indicators }, (_, k) => (next() < 0.05 ? null : next() < (level[d * indicators + k] ?? 0.5) ? 1 : 0));
      rows.push({ y: null, weight: 50 + 250 * next(), stratum: `D${d}-${urban}`, psu: `C${c}`, district: `D${d}`, answers });
    }
  }
  return rows;
}

async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const o = ctx.options;
  const runs = Number(o.runs ?? 5);
  const naiveRuns = Number(o['naive-runs'] ?? 1);
  const [n, districts, indicators] = [Number(o.respondents ?? 100_000), Number(o.districts ?? 116), Number(o.indicators ?? 7)];
  ctx.log(`sample of ${n} respondents…`);
  const rows = sample(n, districts, indicators);
  const answers = Array.from({ length: indicators }, (_, k) => rows.map((r) => r.answers[k] ?? null));
  const size = `${indicators} indicators × ${districts} districts, ${n} respondents`;

  let fast: Map<string, SurveyEstimate>[] = [];
  const index = measure(runs, 1, () => surveyDomains(surveyDesign(rows), rows.map((r) => r.district)));
  const design = surveyDesign(rows);
  const domains = surveyDomains(design, rows.map((r) => r.district));
  const perIndicator = measure(runs, 1, () => (fast = answers.map((y) => surveyDomainMeans(design, domains, y))));
  const total = measure(runs, 1, () => {
    const d = surveyDesign(rows);
    const byDistrict = surveyDomains(d, rows.map((r) => r.district));
    answers.forEach((y) => surveyDomainMeans(d, byDistrict, y));
  });

  ctx.log('naive baseline: surveyMean per district, first indicator…');
  const names = [...new Set(rows.map((r) => r.district))];
  const naive = new Map<string, SurveyEstimate>();
  const first = answers[0] ?? [];
  const slow = measure(naiveRuns, 0, () => {
    for (const name of names) naive.set(name, surveyMean(rows.map((r, i) => ({ y: r.district === name ? (first[i] ?? null) : null, weight: r.weight, stratum: r.stratum, psu: r.psu }))));
  });
  let worst = 0;
  for (const [name, want] of naive) {
    const got = fast[0]?.get(name);
    worst = Math.max(worst, Math.abs((got?.estimate ?? NaN) - want.estimate), Math.abs((got?.se ?? NaN) - want.se));
  }
  const slowAll = { wall: slow.wall * indicators, cpu: slow.cpu * indicators };
  return [
    { task: 'index design + district domains (once)', size: `${n} respondents, ${design.psuCount} PSUs, ${design.strata.length} strata`, 'wall ms': index.wall, 'cpu ms': index.cpu },
    { task: 'surveyDomainMeans, all indicators', size, 'wall ms': perIndicator.wall, 'cpu ms': perIndicator.cpu },
    { task: 'total: index + all indicators', size, 'wall ms': total.wall, 'cpu ms': total.cpu },
    { task: `naive: surveyMean per district (1 indicator, ×${indicators})`, size, 'wall ms': slowAll.wall, 'cpu ms': slowAll.cpu },
    { task: 'ratio naive ÷ total', size: `max |Δ| estimate/se ${worst.toExponential(1)}`, 'wall ms': slowAll.wall / total.wall, 'cpu ms': slowAll.cpu / total.cpu },
  ];
}

export const surveyBench: Bench = {
  name: 'survey',
  summary: 'awareness estimates: 7 indicators × 116 districts from 100k respondents, vs surveyMean per district',
  run,
};
