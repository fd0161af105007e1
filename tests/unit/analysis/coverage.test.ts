import { describe, expect, it } from 'vitest';
import { plainGreedy, solveBudgetCoverage, solveMaxCoverage } from '../../../server/analysis/coverage.js';

// Greedy trap. Demand 0..3 with weights 2, 3, 3, 2 along a line; site 0 covers the
// middle pair {1, 2} (6), sites 1 and 2 the ends {0, 1} and {2, 3} (5 each).
// Greedy takes the middle first (6 > 5), after which either end adds only 2:
// 8 in total. Taking both ends covers everything: 10, the optimum for p = 2.
const trap = { weights: [2, 3, 3, 2], covers: [[1, 2], [0, 1], [2, 3]], p: 2 };

describe('solveMaxCoverage by hand', () => {
  it('when greedy is lured by the middle site, then it covers 8 and its bound says the optimum may be 10', async () => {
    // After {0}: sites 1 and 2 add 2 each (tie → site 1); afterwards only site 2 adds 2,
    // and just demand 3 (weight 2) is left uncovered → bound 8 + min(2, 2) = 10.
    const r = await solveMaxCoverage(trap);
    expect(r).toEqual({ chosen: [0, 1], gains: [6, 2], covered: 8, optimal: false, upperBound: 10 });
    expect(plainGreedy(trap)).toEqual(r);
  });

  it('when solved exactly, then both end sites are chosen and proved optimal', async () => {
    const r = await solveMaxCoverage(trap, { method: 'exact' });
    expect(r).toEqual({ chosen: [1, 2], gains: [5, 5], covered: 10, optimal: true });
  });

  it('when site 0 is locked, then it comes first and the best single addition follows', async () => {
    const r = await solveMaxCoverage({ ...trap, locked: [0] }, { method: 'exact' });
    expect(r).toEqual({ chosen: [0, 1], gains: [6, 2], covered: 8, optimal: true });
  });

  it('when locked sites are given out of index order, then chosen keeps their order', async () => {
    const r = await solveMaxCoverage({ ...trap, locked: [2, 0] });
    // Site 2 covers {2, 3} = 5; site 0 then adds only demand 1 = 3.
    expect(r.chosen).toEqual([2, 0]);
    expect(r.gains).toEqual([5, 3]);
  });

  it('when site 1 is excluded, then it is never chosen, greedy or exact', async () => {
    for (const method of ['greedy', 'exact'] as const) {
      const r = await solveMaxCoverage({ ...trap, excluded: [1] }, { method });
      expect(r.chosen).toEqual([0, 2]);
      expect(r.covered).toBe(8);
    }
  });

  it('when p is at least the number of sites, then every useful site is chosen and the answer is optimal', async () => {
    const r = await solveMaxCoverage({ ...trap, covers: [...trap.covers, []], p: 10 });
    expect(r).toEqual({ chosen: [0, 1, 2], gains: [6, 2, 2], covered: 10, optimal: true });
  });

  it('when there is no demand, then only locked sites are chosen, covering 0, optimally', async () => {
    for (const method of ['greedy', 'exact'] as const) {
      const r = await solveMaxCoverage({ weights: [], covers: [[], [], []], p: 2, locked: [1] }, { method });
      expect(r).toEqual({ chosen: [1], gains: [0], covered: 0, optimal: true });
    }
  });

  it('when some demand weighs 0, then a site covering only that demand is not chosen', async () => {
    const r = await solveMaxCoverage({ weights: [0, 0, 5], covers: [[0, 1], [2], [0]], p: 2 });
    expect(r).toEqual({ chosen: [1], gains: [5], covered: 5, optimal: true });
  });

  it('when a site lists a demand point twice, then it is counted once', async () => {
    const r = await solveMaxCoverage({ weights: [4, 1], covers: [[0, 0, 0], [1]], p: 1 });
    expect(r.covered).toBe(4);
  });
});

describe('solveBudgetCoverage by hand', () => {
  // Site 0 covers demand 1 (2) for cost 1: ratio 2. Site 1 covers demand 0 (10) for cost 10:
  // ratio 1. Budget 10: ratio greedy buys site 0, then site 1 no longer fits → 2. The best
  // single affordable site is site 1 → 10, so the modified greedy returns that.
  const inst = { weights: [10, 2], covers: [[1], [0]], costs: [1, 10], budget: 10 };

  it('when one expensive site beats cheap ratio picks, then the modified greedy takes it', async () => {
    // Bound: site 0 still adds 2 at cost 1 ≤ 10 → 10 + 2 = 12.
    const r = await solveBudgetCoverage(inst);
    expect(r).toEqual({ chosen: [1], gains: [10], covered: 10, optimal: false, upperBound: 12 });
  });

  it('when solved exactly, then the expensive site is proved optimal', async () => {
    const r = await solveBudgetCoverage(inst, { method: 'exact' });
    expect(r).toEqual({ chosen: [1], gains: [10], covered: 10, optimal: true });
  });

  it('when several cheap sites outweigh one dear site, then ratio greedy buys the cheap ones', async () => {
    // Site 0: weight 10 for 10; sites 1–3: weight 4 each for 1. Budget 10 → 1, 2, 3 (12),
    // and site 0 (10) no longer fits; exact agrees: 12 > 10.
    const cheap = { weights: [10, 4, 4, 4], covers: [[0], [1], [2], [3]], costs: [10, 1, 1, 1], budget: 10 };
    const r = await solveBudgetCoverage(cheap, { method: 'exact' });
    expect(r).toEqual({ chosen: [1, 2, 3], gains: [4, 4, 4], covered: 12, optimal: true });
  });

  it('when a site is locked, then its cost comes out of the budget first', async () => {
    const r = await solveBudgetCoverage({ ...inst, budget: 10.5, locked: [1] }, { method: 'exact' });
    expect(r).toEqual({ chosen: [1], gains: [10], covered: 10, optimal: true });
  });
});
