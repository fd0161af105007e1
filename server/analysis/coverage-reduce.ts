/**
 * Shrinks an MCLP instance before it becomes a MIP. Demand with zero weight,
 * already covered by locked sites, or out of reach of every admissible site
 * cannot change the choice, so it is dropped; demand points with the same set of
 * covering sites are one row with their weights summed. On spatial instances
 * (cover = within a radius) this turns tens of thousands of points into the few
 * thousand cells of the circles' arrangement.
 */
import type { Problem } from './coverage-validate.js';

export interface ReducedModel {
  /** Admissible sites that reach at least one row, ascending. */
  sites: number[];
  rowWeights: number[];
  /** Sites covering each row, ascending. */
  rowSites: number[][];
}

export function reduce(problem: Problem, baseMask: Uint8Array, admissible: (site: number) => boolean): ReducedModel {
  const { weights, covers } = problem;
  const live = (i: number): boolean => baseMask[i] === 0 && (weights[i] ?? 0) > 0;
  const candidates: number[] = [];
  problem.free.forEach((f, j) => f === 1 && admissible(j) && candidates.push(j));

  // Demand -> covering sites in CSR form: two passes, no per-point arrays.
  const start = new Int32Array(weights.length + 1);
  for (const j of candidates) for (const i of covers[j] ?? []) if (live(i)) start[i + 1] = (start[i + 1] ?? 0) + 1;
  for (let i = 0; i < weights.length; i++) start[i + 1] = (start[i + 1] ?? 0) + (start[i] ?? 0);
  const fill = start.slice(0, weights.length);
  const bySite = new Int32Array(start[weights.length] ?? 0);
  for (const j of candidates) {
    for (const i of covers[j] ?? []) {
      if (!live(i)) continue;
      const at = fill[i] ?? 0;
      bySite[at] = j;
      fill[i] = at + 1;
    }
  }

  const rowOf = new Map<string, number>();
  const model: ReducedModel = { sites: [], rowWeights: [], rowSites: [] };
  const used = new Set<number>();
  for (let i = 0; i < weights.length; i++) {
    const list = bySite.subarray(start[i] ?? 0, start[i + 1] ?? 0);
    if (list.length === 0) continue;
    const key = list.join(',');
    const row = rowOf.get(key);
    if (row !== undefined) {
      model.rowWeights[row] = (model.rowWeights[row] ?? 0) + (weights[i] ?? 0);
      continue;
    }
    rowOf.set(key, model.rowWeights.length);
    model.rowWeights.push(weights[i] ?? 0);
    model.rowSites.push(Array.from(list));
    for (const j of list) used.add(j);
  }
  model.sites = [...used].sort((a, b) => a - b);
  return model;
}
