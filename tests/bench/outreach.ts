/**
 * MCLP solver at scale (issue 7): lazy greedy and exact (HiGHS, time-limited) on seeded spatial
 * instances of 100, 500 and 2,000 candidates × 10,000 and 50,000 demand points, reporting time
 * and the greedy/exact objective ratio. Exact stopped by its limit reports its gap to the bound.
 *
 *   npm run bench -- outreach
 *   options: --time-limit 20000 (ms per exact solve)  --avg-cover 4  --seed 7  --runs 3 (greedy)
 *            --p N (default: 5 % of candidates)       --sizes 100x10000,2000x50000
 */
import { solveMaxCoverage } from '../../server/analysis/coverage.js';
import { randomInstance } from '../../server/analysis/coverage-instance.js';
import { median } from './common.js';
import type { Bench, BenchContext, BenchRow } from './run.js';

const SIZES: [candidates: number, demand: number][] = [
  [100, 10_000],
  [100, 50_000],
  [500, 10_000],
  [500, 50_000],
  [2_000, 10_000],
  [2_000, 50_000],
];

function sizes(option: string | undefined): [number, number][] {
  if (!option) return SIZES;
  return option.split(',').map((s) => {
    const [c, d] = s.split('x').map(Number);
    if (!Number.isInteger(c) || !Number.isInteger(d)) throw new Error(`--sizes wants CANDIDATESxDEMAND, got ${s}`);
    return [c as number, d as number];
  });
}

async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const timeLimitMs = Number(ctx.options['time-limit'] ?? 20_000);
  const avgCover = Number(ctx.options['avg-cover'] ?? 4);
  const seed = Number(ctx.options.seed ?? 7);
  const runs = Number(ctx.options.runs ?? 3);
  const rows: BenchRow[] = [];
  for (const [candidates, demand] of sizes(ctx.options.sizes)) {
    const p = Number(ctx.options.p ?? Math.max(1, Math.round(candidates / 20)));
    const t0 = performance.now();
    const inst = randomInstance(seed, candidates, demand, avgCover);
    const buildMs = performance.now() - t0;
    const instance = { weights: inst.weights, covers: inst.covers, p };
    const greedyMs: number[] = [];
    let greedy = await solveMaxCoverage(instance);
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      greedy = await solveMaxCoverage(instance);
      greedyMs.push(performance.now() - t);
    }
    ctx.log(`${candidates} × ${demand}, p = ${p}: greedy ${median(greedyMs).toFixed(1)} ms; exact up to ${timeLimitMs / 1000} s…`);
    const t1 = performance.now();
    const exact = await solveMaxCoverage(instance, { method: 'exact', timeLimitMs });
    const exactMs = performance.now() - t1;
    const bound = exact.optimal ? exact.covered : (exact.upperBound ?? NaN);
    rows.push({
      candidates,
      demand,
      p,
      nnz: inst.covers.reduce((s, c) => s + c.length, 0),
      'build ms': buildMs,
      'greedy ms': median(greedyMs),
      'exact ms': exactMs,
      exact: exact.optimal ? 'optimal' : `gap ${((100 * (bound - exact.covered)) / bound).toFixed(3)} %`,
      // strings: the table would round numbers to one decimal
      'greedy/exact': (greedy.covered / exact.covered).toFixed(5),
      'greedy/bound': (greedy.covered / bound).toFixed(5),
    });
  }
  return rows;
}

export const outreachBench: Bench = {
  name: 'outreach',
  summary: 'MCLP greedy vs exact (HiGHS) on 100–2,000 candidates × 10k/50k demand: time and objective ratio',
  run,
};
