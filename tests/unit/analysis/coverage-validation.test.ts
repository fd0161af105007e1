import { describe, expect, it } from 'vitest';
import { plainGreedy, solveBudgetCoverage, solveMaxCoverage, type SolveOptions } from '../../../server/analysis/coverage.js';

const base = { weights: [1, 2, 3], covers: [[0], [1, 2], [2]], p: 1 };
const budget = { weights: [1, 2], covers: [[0], [1]], costs: [1, 2], budget: 2 };

describe('coverage input validation', () => {
  const bad: [string, Partial<typeof base> & { locked?: number[]; excluded?: number[] }, RegExp][] = [
    ['p is negative', { p: -1 }, /p must be an integer >= 0/],
    ['p is not an integer', { p: 1.5 }, /p must be an integer >= 0/],
    ['a weight is negative', { weights: [1, -2, 3] }, /weights\[1\]/],
    ['a weight is NaN', { weights: [1, NaN, 3] }, /weights\[1\]/],
    ['a weight is infinite', { weights: [Infinity, 1, 1] }, /weights\[0\]/],
    ['a cover index is past the demand', { covers: [[0], [3], []] }, /covers\[1\] holds demand index 3/],
    ['a cover index is negative', { covers: [[-1], [], []] }, /covers\[0\] holds demand index -1/],
    ['a cover index is fractional', { covers: [[0.5], [], []] }, /covers\[0\]/],
    ['a site is locked and excluded', { p: 2, locked: [1], excluded: [1] }, /site 1 is both locked and excluded/],
    ['more sites are locked than p', { p: 1, locked: [0, 1] }, /2 locked sites exceed p = 1/],
    ['a locked site is listed twice', { p: 2, locked: [0, 0] }, /locked contains a site twice/],
    ['a locked site does not exist', { locked: [3] }, /locked site 3/],
    ['an excluded site does not exist', { excluded: [-1] }, /excluded site -1/],
  ];
  for (const [when, change, message] of bad) {
    it(`when ${when}, then a RangeError says so`, async () => {
      const inst = { ...base, ...change };
      await expect(solveMaxCoverage(inst)).rejects.toThrow(RangeError);
      await expect(solveMaxCoverage(inst)).rejects.toThrow(message);
      expect(() => plainGreedy(inst)).toThrow(message);
    });
  }

  const badOptions: [string, SolveOptions, RegExp][] = [
    ['the method is unknown', { method: 'fast' as 'exact' }, /method must be 'greedy' or 'exact'/],
    ['the time limit is zero', { timeLimitMs: 0 }, /timeLimitMs must be > 0/],
    ['the time limit is NaN', { timeLimitMs: NaN }, /timeLimitMs must be > 0/],
  ];
  for (const [when, options, message] of badOptions) {
    it(`when ${when}, then a RangeError says so`, async () => {
      await expect(solveMaxCoverage(base, options)).rejects.toThrow(message);
    });
  }

  const badBudget: [string, Partial<typeof budget> & { locked?: number[] }, RegExp][] = [
    ['costs do not match the sites', { costs: [1] }, /costs has 1 entries for 2 candidate sites/],
    ['a cost is negative', { costs: [1, -1] }, /costs\[1\]/],
    ['the budget is negative', { budget: -1 }, /budget must be a finite number >= 0/],
    ['the budget is infinite', { budget: Infinity }, /budget must be a finite number >= 0/],
    ['locked sites cost more than the budget', { budget: 2, locked: [0, 1] }, /locked sites cost 3, over the budget 2/],
  ];
  for (const [when, change, message] of badBudget) {
    it(`when ${when}, then the budget variant throws a RangeError`, async () => {
      await expect(solveBudgetCoverage({ ...budget, ...change })).rejects.toThrow(RangeError);
      await expect(solveBudgetCoverage({ ...budget, ...change })).rejects.toThrow(message);
    });
  }
});
