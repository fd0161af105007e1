/**
 * Optimality certificates for a greedy answer S. For monotone submodular f and
 * any feasible O: f(O) <= f(S) + sum over j in O \ S of gain(j | S)
 * (Nemhauser, Wolsey & Fisher 1978), so the best possible sum of marginal gains
 * under the capacity bounds the optimum. When that sum is 0, S is optimal.
 */
import { marginalGain } from './coverage-greedy.js';
import type { Problem } from './coverage-validate.js';

export interface Certificate {
  /** Most the optimum can exceed the covered weight of S. */
  slack: number;
  upperBound: number;
}

/** Gains of free sites given the covered mask; sites with zero gain are left out. */
function positiveGains(problem: Problem, mask: Uint8Array, fits: (site: number) => boolean): Map<number, number> {
  const gains = new Map<number, number>();
  problem.free.forEach((f, j) => {
    if (f !== 1 || !fits(j)) return;
    const gain = marginalGain(problem, mask, j);
    if (gain > 0) gains.set(j, gain);
  });
  return gains;
}

/** Uncovered weight that some free site could still reach: no answer gains more. */
function reachable(problem: Problem, mask: Uint8Array): number {
  const seen = new Uint8Array(mask);
  let total = 0;
  problem.free.forEach((f, j) => {
    if (f !== 1) return;
    for (const i of problem.covers[j] ?? []) {
      if (seen[i] === 0) {
        seen[i] = 1;
        total += problem.weights[i] ?? 0;
      }
    }
  });
  return total;
}

function certificate(problem: Problem, covered: number, mask: Uint8Array, gainBound: number): Certificate {
  const slack = gainBound > 0 ? Math.min(gainBound, reachable(problem, mask)) : 0;
  return { slack, upperBound: covered + slack };
}

/** Cardinality: the `slots` largest marginal gains (slots = p minus locked sites). */
export function cardinalityCertificate(problem: Problem, covered: number, mask: Uint8Array, slots: number): Certificate {
  // One free slot: greedy's single pick already maximises the gain over the locked sites.
  if (slots <= 1) return { slack: 0, upperBound: covered };
  const gains = [...positiveGains(problem, mask, () => true).values()].sort((a, b) => b - a);
  const top = gains.slice(0, slots).reduce((sum, g) => sum + g, 0);
  return certificate(problem, covered, mask, top);
}

/** Budget: the fractional-knapsack optimum of marginal gains within the free budget. */
export function budgetCertificate(
  problem: Problem,
  covered: number,
  mask: Uint8Array,
  costs: readonly number[],
  freeBudget: number,
): Certificate {
  const cost = (j: number): number => costs[j] ?? 0;
  const gains = [...positiveGains(problem, mask, (j) => cost(j) <= freeBudget)];
  // Zero-cost sites first (they are free), then by gain per unit cost.
  const ratio = ([j, g]: [number, number]): number => (cost(j) > 0 ? g / cost(j) : Infinity);
  gains.sort((a, b) => ratio(b) - ratio(a) || a[0] - b[0]);
  let left = freeBudget;
  let total = 0;
  for (const [j, g] of gains) {
    if (cost(j) <= left) {
      left -= cost(j);
      total += g;
    } else {
      total += (g * left) / cost(j);
      break;
    }
  }
  return certificate(problem, covered, mask, total);
}
