/**
 * Greedy site selection for coverage. Lazy greedy (CELF, Leskovec et al. 2007)
 * keeps every site's last marginal gain as a stale upper bound: coverage is
 * submodular, so gains only shrink and a site whose fresh score still tops the
 * heap is the plain-greedy choice. plainGreedyRun is the reference it must match.
 */
import { SiteHeap } from './coverage-heap.js';
import type { Problem } from './coverage-validate.js';

/** Capacity rule: cardinality (p) or budget. */
export interface GreedyRule {
  /** Ranking of a site with this gain; must not grow as gain shrinks. */
  score(site: number, gain: number): number;
  /** Whether the site still fits; once false it must stay false. */
  fits(site: number): boolean;
  take(site: number): void;
}

export interface GreedyRun {
  chosen: number[];
  gains: number[];
  covered: number;
  /** 1 for demand points covered by the chosen sites. */
  coveredMask: Uint8Array;
  /** Marginal-gain evaluations performed, to show the lazy saving. */
  evaluations: number;
}

export function cardinalityRule(slots: number): GreedyRule {
  let left = slots;
  return { score: (_site, gain) => gain, fits: () => left > 0, take: () => void left-- };
}

export function budgetRule(costs: readonly number[], budget: number): GreedyRule {
  let left = budget;
  const cost = (site: number): number => costs[site] ?? 0;
  return {
    // A free site with positive gain beats every paid one.
    score: (site, gain) => (cost(site) > 0 ? gain / cost(site) : gain > 0 ? Infinity : 0),
    fits: (site) => cost(site) <= left,
    take: (site) => void (left -= cost(site)),
  };
}

/** Weight of the demand site j would newly cover. Summed in list order so lazy and plain agree bit for bit. */
export function marginalGain(problem: Problem, mask: Uint8Array, site: number): number {
  let gain = 0;
  for (const i of problem.covers[site] ?? []) if (mask[i] === 0) gain += problem.weights[i] ?? 0;
  return gain;
}

function startRun(problem: Problem): GreedyRun {
  const run: GreedyRun = { chosen: [], gains: [], covered: 0, coveredMask: new Uint8Array(problem.weights.length), evaluations: 0 };
  for (const site of problem.locked) add(problem, run, site, marginalGain(problem, run.coveredMask, site));
  return run;
}

function add(problem: Problem, run: GreedyRun, site: number, gain: number): void {
  for (const i of problem.covers[site] ?? []) run.coveredMask[i] = 1;
  run.chosen.push(site);
  run.gains.push(gain);
  run.covered += gain;
}

/** Free sites in index order, or the given subset (used to order an exact solution). */
function pool(problem: Problem, only?: readonly number[]): number[] {
  if (only) return [...only].sort((a, b) => a - b);
  const sites: number[] = [];
  problem.free.forEach((f, j) => f === 1 && sites.push(j));
  return sites;
}

/**
 * Locked sites first, then greedy picks. Sites with zero marginal gain are never
 * added: they would cover nothing, and stopping keeps the answer unambiguous.
 */
export function lazyGreedy(problem: Problem, rule: GreedyRule, only?: readonly number[]): GreedyRun {
  const run = startRun(problem);
  const sites = pool(problem, only);
  const heap = new SiteHeap(sites.length);
  // freshAt[j] = number of picks made when j's heap score was computed.
  const freshAt = new Int32Array(problem.covers.length);
  const lastGain = new Float64Array(problem.covers.length);
  const picked = (): number => run.chosen.length - problem.locked.length;
  const rescore = (j: number): void => {
    const gain = marginalGain(problem, run.coveredMask, j);
    run.evaluations++;
    freshAt[j] = picked();
    lastGain[j] = gain;
    if (gain > 0) heap.push(rule.score(j, gain), j);
  };
  for (const j of sites) rescore(j);
  while (heap.size > 0) {
    const j = heap.peekSite();
    heap.pop();
    if (!rule.fits(j)) continue;
    if (freshAt[j] !== picked()) {
      rescore(j);
      continue;
    }
    rule.take(j);
    add(problem, run, j, lastGain[j] ?? 0);
  }
  return run;
}

/** Reference greedy: rescores every remaining site each round. O(p · nnz); for tests. */
export function plainGreedyRun(problem: Problem, rule: GreedyRule, only?: readonly number[]): GreedyRun {
  const run = startRun(problem);
  const left = new Set(pool(problem, only));
  for (;;) {
    let best = -1;
    let bestScore = -Infinity;
    let bestGain = 0;
    for (const j of left) {
      if (!rule.fits(j)) continue;
      const gain = marginalGain(problem, run.coveredMask, j);
      run.evaluations++;
      const score = rule.score(j, gain);
      if (gain > 0 && (score > bestScore || (score === bestScore && j < best))) [best, bestScore, bestGain] = [j, score, gain];
    }
    if (best < 0) return run;
    left.delete(best);
    rule.take(best);
    add(problem, run, best, bestGain);
  }
}
