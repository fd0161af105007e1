import { describe, expect, it } from 'vitest';
import { solveMaxCoverage } from '../../../server/analysis/coverage.js';
import { randomInstance } from '../../../server/analysis/coverage-instance.js';
import { buildLp } from '../../../server/analysis/coverage-ilp.js';
import { reduce } from '../../../server/analysis/coverage-reduce.js';
import { toProblem } from '../../../server/analysis/coverage-validate.js';

describe('randomInstance', () => {
  it('when called twice with one seed, then the instances are identical; another seed differs', () => {
    expect(randomInstance(3, 50, 400, 3)).toEqual(randomInstance(3, 50, 400, 3));
    expect(randomInstance(4, 50, 400, 3).weights).not.toEqual(randomInstance(3, 50, 400, 3).weights);
  });

  it('when covers are built, then they hold exactly the demand within the radius (inclusive)', () => {
    const inst = randomInstance(11, 40, 600, 5);
    inst.sites.forEach(([sx, sy], j) => {
      const expected = inst.demand.flatMap(([x, y], i) => ((x - sx) ** 2 + (y - sy) ** 2 <= inst.radius ** 2 ? [i] : []));
      expect(inst.covers[j]).toEqual(expected);
    });
  });

  it('when avgCover is 4, then a demand point is covered by a few sites on average', () => {
    const inst = randomInstance(5, 500, 5_000, 4);
    const mean = inst.covers.reduce((s, c) => s + c.length, 0) / 5_000;
    expect(mean).toBeGreaterThan(2); // edge effects pull it down, clustered sites push it up
    expect(mean).toBeLessThan(12);
  });
});

describe('reduce', () => {
  it('when demand is zero-weight, locked-covered, unreachable or shares a coverage set, then it is dropped or merged', () => {
    // Demand 0 and 2 are both covered by exactly {1, 2} → one row of weight 5; demand 1 weighs 0;
    // demand 3 is covered only by locked site 0; demand 4 only by excluded site 3.
    const problem = toProblem([2, 0, 3, 7, 9, 1], [[3], [0, 1, 2], [0, 2, 5], [4]], [0], [3]);
    const locked = new Uint8Array(6);
    for (const i of problem.covers[0] ?? []) locked[i] = 1;
    expect(reduce(problem, locked, () => true)).toEqual({ sites: [1, 2], rowWeights: [5, 1], rowSites: [[1, 2], [2]] });
  });

  it('when written as LP text, then each row links its x to the sites covering it', () => {
    const lp = buildLp({ sites: [1, 2], rowWeights: [5, 1], rowSites: [[1, 2], [2]] }, { kind: 'count', slots: 1 });
    expect(lp).toContain(' obj: 5 x0 + 1 x1');
    expect(lp).toContain(' c0: x0 - y1 - y2 <= 0');
    expect(lp).toContain(' cap: y1 + y2 <= 1');
  });
});

describe('exact solve under a time limit', () => {
  it('when the limit is tiny, then the answer is still at least greedy and any bound is above it', async () => {
    const inst = { ...randomInstance(2, 300, 8_000, 5), p: 15 };
    const greedy = await solveMaxCoverage(inst);
    const exact = await solveMaxCoverage(inst, { method: 'exact', timeLimitMs: 1 });
    expect(exact.covered).toBeGreaterThanOrEqual(greedy.covered);
    expect(exact.chosen.length).toBeLessThanOrEqual(15);
    if (!exact.optimal) expect(exact.upperBound).toBeGreaterThanOrEqual(exact.covered);
  });
});
