/**
 * Input checks and normalisation for the MCLP solvers (docs/architecture.md#analysis).
 * Bad input fails at once with a RangeError naming the offending value, so the
 * solvers can assume clean, de-duplicated data.
 */

export interface CoverageInstance {
  weights: number[];
  covers: number[][];
  p: number;
  locked?: number[];
  excluded?: number[];
}

export interface BudgetInstance {
  weights: number[];
  covers: number[][];
  costs: number[];
  budget: number;
  locked?: number[];
  excluded?: number[];
}

export interface SolveOptions {
  /** 'greedy' (default): lazy greedy with a bound; 'exact': HiGHS MIP. */
  method?: 'greedy' | 'exact';
  /** Wall-clock limit for the exact phase (reduce, LP parse, MIP); omitted means none. Greedy ignores it. */
  timeLimitMs?: number;
}

export interface CoverageResult {
  chosen: number[];
  covered: number;
  optimal: boolean;
  upperBound?: number;
  gains: number[];
}

/** Validated instance shared by greedy, bounds and ILP code. */
export interface Problem {
  weights: readonly number[];
  /** covers[j] without duplicates, so each demand point counts once. */
  covers: Int32Array[];
  locked: readonly number[];
  /** 1 when site j may be chosen freely: neither locked nor excluded. */
  free: Uint8Array;
}

function fail(message: string): never {
  throw new RangeError(message);
}

function checkSiteList(list: readonly number[], sites: number, name: string): void {
  for (const j of list) {
    if (!Number.isInteger(j) || j < 0 || j >= sites) fail(`${name} site ${j} is not in 0..${sites - 1}`);
  }
}

export function toProblem(
  weights: readonly number[],
  covers: readonly (readonly number[])[],
  locked: readonly number[] = [],
  excluded: readonly number[] = [],
): Problem {
  weights.forEach((w, i) => {
    if (!Number.isFinite(w) || w < 0) fail(`weights[${i}] must be a finite number >= 0, got ${w}`);
  });
  const sites = covers.length;
  checkSiteList(locked, sites, 'locked');
  checkSiteList(excluded, sites, 'excluded');
  if (new Set(locked).size !== locked.length) fail('locked contains a site twice');
  const free = new Uint8Array(sites).fill(1);
  for (const j of excluded) free[j] = 0;
  for (const j of locked) {
    if (free[j] === 0) fail(`site ${j} is both locked and excluded`);
    free[j] = 0;
  }
  // A stamp per demand point de-duplicates each list in one pass.
  const stamp = new Int32Array(weights.length).fill(-1);
  const clean = covers.map((list, j) => {
    const out: number[] = [];
    for (const i of list) {
      if (!Number.isInteger(i) || i < 0 || i >= weights.length) {
        fail(`covers[${j}] holds demand index ${i}, outside 0..${weights.length - 1}`);
      }
      if (stamp[i] !== j) {
        stamp[i] = j;
        out.push(i);
      }
    }
    return Int32Array.from(out);
  });
  return { weights, covers: clean, locked, free };
}

export function checkP(p: number, lockedCount: number): void {
  if (!Number.isInteger(p) || p < 0) fail(`p must be an integer >= 0, got ${p}`);
  if (lockedCount > p) fail(`${lockedCount} locked sites exceed p = ${p}`);
}

/** Returns the budget left for free sites once locked sites are paid for. */
export function checkBudget(costs: readonly number[], budget: number, sites: number, locked: readonly number[]): number {
  if (costs.length !== sites) fail(`costs has ${costs.length} entries for ${sites} candidate sites`);
  costs.forEach((c, j) => {
    if (!Number.isFinite(c) || c < 0) fail(`costs[${j}] must be a finite number >= 0, got ${c}`);
  });
  if (!Number.isFinite(budget) || budget < 0) fail(`budget must be a finite number >= 0, got ${budget}`);
  const lockedCost = locked.reduce((sum, j) => sum + (costs[j] ?? 0), 0);
  if (lockedCost > budget) fail(`locked sites cost ${lockedCost}, over the budget ${budget}`);
  return budget - lockedCost;
}

export function checkOptions(options: SolveOptions): void {
  const { method, timeLimitMs } = options;
  if (method !== undefined && method !== 'greedy' && method !== 'exact') {
    fail(`method must be 'greedy' or 'exact', got ${String(method)}`);
  }
  if (timeLimitMs !== undefined && !(timeLimitMs > 0)) fail(`timeLimitMs must be > 0, got ${timeLimitMs}`);
}
