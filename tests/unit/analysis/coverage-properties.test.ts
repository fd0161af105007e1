import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainGreedy, solveBudgetCoverage, solveMaxCoverage } from '../../../server/analysis/coverage.js';
import { budgetRule, cardinalityRule, lazyGreedy, plainGreedyRun } from '../../../server/analysis/coverage-greedy.js';
import { randomInstance } from '../../../server/analysis/coverage-instance.js';
import { toProblem } from '../../../server/analysis/coverage-validate.js';

// Integer weights keep every sum exact, so objectives compare with toBe.
const arbInstance = (maxSites: number) =>
  fc
    .record({
      weights: fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 25 }),
      sites: fc.integer({ min: 1, max: maxSites }),
      seed: fc.array(fc.nat(), { minLength: 160, maxLength: 160 }),
      p: fc.nat({ max: maxSites + 1 }),
      roles: fc.array(fc.constantFrom('free', 'free', 'free', 'locked', 'excluded'), { minLength: maxSites, maxLength: maxSites }),
      costs: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: maxSites, maxLength: maxSites }),
      budget: fc.nat({ max: 20 }),
    })
    .map(({ weights, sites, seed, p, roles, costs, budget }) => {
      const n = weights.length;
      // Each site covers a few pseudo-random demand points drawn from `seed`.
      const covers = Array.from({ length: sites }, (_, j) =>
        n === 0 ? [] : Array.from({ length: (seed[j] ?? 0) % 5 }, (_, k) => (seed[(j * 5 + k) % seed.length] ?? 0) % n),
      );
      const locked = roles.slice(0, sites).flatMap((r, j) => (r === 'locked' ? [j] : [])).slice(0, p);
      const excluded = roles.slice(0, sites).flatMap((r, j) => (r === 'excluded' ? [j] : []));
      const lockedCost = locked.reduce((s, j) => s + (costs[j] ?? 0), 0);
      return { weights, covers, p, locked, excluded, costs: costs.slice(0, sites), budget: budget + lockedCost };
    });

function coveredBy(weights: number[], covers: number[][], sites: number[]): number {
  const hit = new Set(sites.flatMap((j) => covers[j] ?? []));
  return [...hit].reduce((s, i) => s + (weights[i] ?? 0), 0);
}

/** Best coverage over every feasible set containing the locked sites. */
function bruteForce(inst: { weights: number[]; covers: number[][]; locked: number[]; excluded: number[] }, fits: (set: number[]) => boolean): number {
  const free = inst.covers.map((_, j) => j).filter((j) => !inst.locked.includes(j) && !inst.excluded.includes(j));
  let best = 0;
  for (let mask = 0; mask < 1 << free.length; mask++) {
    const set = [...inst.locked, ...free.filter((_, k) => mask & (1 << k))];
    if (fits(set)) best = Math.max(best, coveredBy(inst.weights, inst.covers, set));
  }
  return best;
}

describe('coverage properties', () => {
  it('when run on random instances, then lazy greedy picks exactly what plain greedy picks', async () => {
    await fc.assert(
      fc.asyncProperty(arbInstance(40), async (inst) => {
        const lazy = await solveMaxCoverage(inst);
        expect(lazy).toEqual(plainGreedy(inst));
        expect(lazy.covered).toBe(coveredBy(inst.weights, inst.covers, lazy.chosen));
      }),
      { numRuns: 300 },
    );
  });

  it('when run on random budget instances, then lazy and plain ratio greedy agree', () => {
    fc.assert(
      fc.property(arbInstance(40), (inst) => {
        const problem = toProblem(inst.weights, inst.covers, inst.locked, inst.excluded);
        const lockedCost = inst.locked.reduce((s, j) => s + (inst.costs[j] ?? 0), 0);
        const rule = () => budgetRule(inst.costs, inst.budget - lockedCost);
        const { evaluations: _a, ...lazy } = lazyGreedy(problem, rule());
        const { evaluations: _b, ...plain } = plainGreedyRun(problem, rule());
        expect(lazy).toEqual(plain);
      }),
      { numRuns: 300 },
    );
  });

  it('when solved exactly on ≤ 10 sites, then the result matches brute force and is at least greedy', async () => {
    await fc.assert(
      fc.asyncProperty(arbInstance(10), async (inst) => {
        const greedy = await solveMaxCoverage(inst);
        const exact = await solveMaxCoverage(inst, { method: 'exact' });
        const best = bruteForce(inst, (set) => set.length <= inst.p);
        expect(exact.optimal).toBe(true);
        expect(exact.covered).toBe(best);
        expect(exact.covered).toBe(coveredBy(inst.weights, inst.covers, exact.chosen));
        expect(exact.covered).toBeGreaterThanOrEqual(greedy.covered);
        expect(greedy.upperBound ?? greedy.covered).toBeGreaterThanOrEqual(best);
        if (greedy.optimal) expect(greedy.covered).toBe(best);
      }),
      { numRuns: 150 },
    );
  });

  it('when the budget variant is solved exactly on ≤ 10 sites, then it matches brute force', async () => {
    await fc.assert(
      fc.asyncProperty(arbInstance(10), async (inst) => {
        const cost = (set: number[]) => set.reduce((s, j) => s + (inst.costs[j] ?? 0), 0);
        const best = bruteForce(inst, (set) => cost(set) <= inst.budget);
        const greedy = await solveBudgetCoverage(inst);
        const exact = await solveBudgetCoverage(inst, { method: 'exact' });
        expect(exact.covered).toBe(best);
        expect(cost(exact.chosen)).toBeLessThanOrEqual(inst.budget);
        expect(exact.covered).toBeGreaterThanOrEqual(greedy.covered);
        expect(greedy.upperBound ?? greedy.covered).toBeGreaterThanOrEqual(best);
      }),
      { numRuns: 150 },
    );
  });

  it('when a spatial instance is solved, then lazy greedy needs far fewer gain evaluations', () => {
    const inst = randomInstance(7, 300, 5_000, 4);
    const problem = toProblem(inst.weights, inst.covers);
    const lazy = lazyGreedy(problem, cardinalityRule(40));
    const plain = plainGreedyRun(problem, cardinalityRule(40));
    expect(lazy.chosen).toEqual(plain.chosen);
    expect(lazy.evaluations * 5).toBeLessThan(plain.evaluations);
  });
});
