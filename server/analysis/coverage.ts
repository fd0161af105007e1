/**
 * Outreach site selection: the maximal covering location problem (docs/architecture.md#analysis).
 *
 * greedy (default): lazy greedy, with a submodular upper bound that proves
 * optimality when no unchosen site can add anything. exact: the Church & ReVelle
 * MIP solved by HiGHS, warm-started from greedy; time-limited solves return the
 * best solution found and the solver's dual bound.
 *
 * Results list locked sites first (in the order given), then picks in greedy
 * order with their marginal gains. Sites whose marginal gain is zero are never
 * chosen beyond the locked ones, so `chosen` may be shorter than p.
 * `upperBound` is present exactly when `optimal` is false.
 *
 * @example
 * const r = await solveMaxCoverage({ weights: [5, 3, 4, 6], covers: [[0, 1], [1, 2], [2], [3]], p: 2 });
 * // r.chosen = [0, 3], r.gains = [8, 6], r.covered = 14, r.optimal = false, r.upperBound = 18
 */
import { budgetCertificate, cardinalityCertificate, type Certificate } from './coverage-bounds.js';
import { budgetRule, cardinalityRule, lazyGreedy, marginalGain, plainGreedyRun, type GreedyRule, type GreedyRun } from './coverage-greedy.js';
import { solveIlp, type Capacity } from './coverage-ilp.js';
import { reduce } from './coverage-reduce.js';
import {
  checkBudget,
  checkOptions,
  checkP,
  toProblem,
  type BudgetInstance,
  type CoverageInstance,
  type CoverageResult,
  type Problem,
  type SolveOptions,
} from './coverage-validate.js';

export type { BudgetInstance, CoverageInstance, CoverageResult, SolveOptions };

/** What differs between the cardinality and the budget variant. */
interface Variant {
  rule(): GreedyRule;
  certify(run: GreedyRun): Certificate;
  capacity: Capacity;
  admissible(site: number): boolean;
}

function toResult(run: GreedyRun, certificate: Certificate, optimal = certificate.slack === 0): CoverageResult {
  const result: CoverageResult = { chosen: run.chosen, covered: run.covered, optimal, gains: run.gains };
  if (!optimal) result.upperBound = Math.max(run.covered, certificate.upperBound);
  return result;
}

function cardinalityVariant(problem: Problem, p: number): Variant {
  const slots = p - problem.locked.length;
  return {
    rule: () => cardinalityRule(slots),
    certify: (run) => cardinalityCertificate(problem, run.covered, run.coveredMask, slots),
    capacity: { kind: 'count', slots },
    admissible: () => true,
  };
}

export async function solveMaxCoverage(instance: CoverageInstance, options: SolveOptions = {}): Promise<CoverageResult> {
  checkOptions(options);
  const problem = toProblem(instance.weights, instance.covers, instance.locked, instance.excluded);
  checkP(instance.p, problem.locked.length);
  const variant = cardinalityVariant(problem, instance.p);
  return solve(problem, variant, lazyGreedy(problem, variant.rule()), options);
}

/** Reference (non-lazy) greedy with the same result shape; tests check lazy greedy against it. */
export function plainGreedy(instance: CoverageInstance): CoverageResult {
  const problem = toProblem(instance.weights, instance.covers, instance.locked, instance.excluded);
  checkP(instance.p, problem.locked.length);
  const variant = cardinalityVariant(problem, instance.p);
  const run = plainGreedyRun(problem, variant.rule());
  return toResult(run, variant.certify(run));
}

/**
 * Budgeted MCLP (Σ c_j y_j <= B). Greedy is the modified greedy of Khuller, Moss
 * & Naor (1999): the better of gain-per-cost greedy and the best single
 * affordable site, which keeps a constant-factor guarantee that ratio greedy
 * alone lacks (one expensive site can beat many cheap ones).
 */
export async function solveBudgetCoverage(instance: BudgetInstance, options: SolveOptions = {}): Promise<CoverageResult> {
  checkOptions(options);
  const problem = toProblem(instance.weights, instance.covers, instance.locked, instance.excluded);
  const freeBudget = checkBudget(instance.costs, instance.budget, problem.covers.length, problem.locked);
  const { costs } = instance;
  const variant: Variant = {
    rule: () => budgetRule(costs, freeBudget),
    certify: (run) => budgetCertificate(problem, run.covered, run.coveredMask, costs, freeBudget),
    capacity: { kind: 'budget', costs, budget: freeBudget },
    admissible: (j) => (costs[j] ?? 0) <= freeBudget,
  };
  const ratioRun = lazyGreedy(problem, variant.rule());
  const single = bestSingle(problem, variant);
  const singleRun = single < 0 ? ratioRun : lazyGreedy(problem, variant.rule(), [single]);
  return solve(problem, variant, singleRun.covered > ratioRun.covered ? singleRun : ratioRun, options);
}

/** Free admissible site with the largest gain on top of the locked ones (lowest index on ties), or -1. */
function bestSingle(problem: Problem, variant: Variant): number {
  const base = lazyGreedy(problem, variant.rule(), []).coveredMask;
  let best = -1;
  let bestGain = 0;
  problem.free.forEach((f, j) => {
    if (f !== 1 || !variant.admissible(j)) return;
    const gain = marginalGain(problem, base, j);
    if (gain > bestGain) [best, bestGain] = [j, gain];
  });
  return best;
}

async function solve(problem: Problem, variant: Variant, greedy: GreedyRun, options: SolveOptions): Promise<CoverageResult> {
  const certificate = variant.certify(greedy);
  if (options.method !== 'exact' || certificate.slack === 0) return toResult(greedy, certificate);
  const deadline = performance.now() + (options.timeLimitMs ?? Infinity);

  const lockedRun = lazyGreedy(problem, variant.rule(), []);
  const model = reduce(problem, lockedRun.coveredMask, variant.admissible);
  const warm = greedy.chosen.slice(problem.locked.length);
  const outcome = await solveIlp(model, variant.capacity, warm, deadline);
  // Re-run greedy over the MIP's sites only, to order them and report their gains.
  const ordered = lazyGreedy(problem, variant.rule(), outcome.sites);
  const best = ordered.covered >= greedy.covered ? ordered : greedy;
  const bound = Math.min(certificate.upperBound, lockedRun.covered + outcome.dualBound);
  return toResult(best, { slack: bound - best.covered, upperBound: bound }, outcome.optimal);
}
