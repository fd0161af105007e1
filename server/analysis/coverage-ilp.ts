/**
 * Maximal covering MIP (Church & ReVelle 1974) over a reduced model:
 *   max Σ w_r x_r  s.t.  x_r <= Σ_{j∈N_r} y_j,  capacity on y,  y binary, 0 <= x_r <= 1.
 * x stays continuous: with binary y the optimum puts x_r = 1 exactly where some
 * y_j is open, so integrality there only slows branching.
 * Cardinality uses Σ y <= p, not = p: coverage is monotone, so the optimum is the
 * same, and it stays feasible when fewer than p sites are worth opening.
 */
import { loadHighs } from './coverage-highs.js';
import type { ReducedModel } from './coverage-reduce.js';

export type Capacity = { kind: 'count'; slots: number } | { kind: 'budget'; costs: readonly number[]; budget: number };

export interface IlpOutcome {
  /** Sites the best solution found opens, ascending; empty when none was found. */
  sites: number[];
  optimal: boolean;
  /** Proven upper bound on the reduced objective (Infinity if none). */
  dualBound: number;
}

// Long sums are wrapped: the LP format allows continuation lines and short lines keep the parser happy.
const TERMS_PER_LINE = 16;

function sum(terms: string[]): string {
  const lines: string[] = [];
  for (let k = 0; k < terms.length; k += TERMS_PER_LINE) lines.push(terms.slice(k, k + TERMS_PER_LINE).join(' + '));
  return lines.join('\n   + ');
}

export function buildLp(model: ReducedModel, capacity: Capacity): string {
  const out: string[] = ['Maximize', ` obj: ${sum(model.rowWeights.map((w, r) => `${w} x${r}`))}`, 'Subject To'];
  model.rowSites.forEach((sites, r) => out.push(` c${r}: x${r} - ${sites.map((j) => `y${j}`).join(' - ')} <= 0`));
  const cap =
    capacity.kind === 'count'
      ? { terms: model.sites.map((j) => `y${j}`), rhs: capacity.slots }
      : { terms: model.sites.map((j) => `${capacity.costs[j] ?? 0} y${j}`), rhs: capacity.budget };
  out.push(` cap: ${sum(cap.terms)} <= ${cap.rhs}`, 'Bounds');
  model.rowWeights.forEach((_w, r) => out.push(` x${r} <= 1`));
  out.push('Binaries', ...model.sites.map((j) => ` y${j}`), 'End', '');
  return out.join('\n');
}

/**
 * Solves the MIP, warm-started from a known feasible set (the greedy answer).
 * `deadline` (performance.now() time) becomes HiGHS's time_limit after LP parsing,
 * which takes ~0.6 s at 2,000 sites × 50,000 points, so the caller's limit covers
 * the whole call. HiGHS checks its clock between steps and may overrun somewhat.
 */
export async function solveIlp(
  model: ReducedModel,
  capacity: Capacity,
  warmSites: readonly number[],
  deadline = Infinity,
): Promise<IlpOutcome> {
  const highs = await loadHighs();
  return highs.withModel({ format: 'lp', data: buildLp(model, capacity) }, (mip) => {
    // mip_rel_gap 0: the default 1e-4 would let "Optimal" mean "within 0.01%".
    mip.options.set({ output_flag: false, mip_rel_gap: 0 });

    const yCol = model.sites.map((j) => mip.getColByName(`y${j}`));
    const xCol = model.rowWeights.map((_w, r) => mip.getColByName(`x${r}`));
    const open = new Set(warmSites);
    const start = new Float64Array(yCol.length + xCol.length);
    model.sites.forEach((j, k) => (start[yCol[k] ?? 0] = open.has(j) ? 1 : 0));
    model.rowSites.forEach((sites, r) => (start[xCol[r] ?? 0] = sites.some((j) => open.has(j)) ? 1 : 0));
    mip.setSolution({ colValue: start });
    // At least 1 ms: a zero limit would be rejected, and the warm start is kept anyway.
    if (Number.isFinite(deadline)) mip.options.set('time_limit', Math.max(1, deadline - performance.now()) / 1000);

    const { modelStatus } = mip.run();
    const feasible = mip.info.get('primal_solution_status') === highs.constants.solutionStatus.feasible;
    const values = feasible ? mip.getSolution().colValue : undefined;
    const bound = Number(mip.info.get('mip_dual_bound'));
    return {
      sites: values ? model.sites.filter((_j, k) => (values[yCol[k] ?? 0] ?? 0) > 0.5) : [],
      optimal: modelStatus === highs.constants.modelStatus.optimal,
      dualBound: Number.isFinite(bound) ? bound : Infinity,
    };
  });
}
