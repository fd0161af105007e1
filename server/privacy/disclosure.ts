/**
 * Disclosure control (docs/architecture.md#privacy): the one place that decides which counts may leave the
 * API. Pure functions; apply them to every aggregate served below data_manager and to every
 * export for every role:
 *
 *   const { ordinary, sensitive } = requestPolicies(principal, config, filter, { exporting: false });
 *   const total = publishCount(n, ordinary);                     // { count: number | null, suppressed }
 *   const bySex = publishBreakdown([{ key: 'male', count: 12 }, …], ordinary);
 *   const flows = publishLinked(counts, sums, ordinary);         // cells in several sums at once
 *   const cell = publishImputed(n, suppressionFor(…));           // analyses: impute.ts
 *
 * Who gets which k is policy.ts; the suppression rule itself is suppress.ts. Report locations
 * are coarsened in SQL, before they leave the database: see reportLocationSql.
 */
import type { DisclosurePolicy } from './policy.js';
import { type Cell, type PublishedBreakdown, type PublishedCount, suppressBreakdown, suppressCount, suppressLinked } from './suppress.js';

export { coarsenedPointSql, GRID_DEGREES, reportLocationSql } from './coarsen.js';
export { disclosureInfo, type DisclosureInfo, type Imputed, publishImputed, suppressionFor } from './impute.js';
export { type DisclosureConfig, disclosurePolicy, type DisclosurePolicy, isSensitive, requestPolicies } from './policy.js';
export { type Cell, groupIndices, type PublishedBreakdown, type PublishedCount, suppressBreakdown, suppressCount } from './suppress.js';
export { recoverable } from './linear.js';
export { suppressTable, tableSums } from './table.js';

export function publishCount(n: number, policy: DisclosurePolicy): PublishedCount {
  return policy.suppress ? suppressCount(n, policy.k) : { count: n, suppressed: false };
}

/** One dimension of cells with its total, complementary suppression included (suppress.ts). */
export function publishBreakdown<K>(cells: readonly Cell<K>[], policy: DisclosurePolicy, opts: { total?: number } = {}): PublishedBreakdown<K> {
  if (policy.suppress) return suppressBreakdown(cells, policy.k, opts);
  const total = opts.total ?? cells.reduce((s, c) => s + c.count, 0);
  return { cells: cells.map((c) => ({ key: c.key, count: c.count, suppressed: false })), total: { count: total, suppressed: false } };
}

/** Cells in several published sums at once (members by index): which cells and which sums are hidden. */
export function publishLinked(
  counts: readonly number[],
  sums: readonly (readonly number[])[],
  policy: DisclosurePolicy,
): { cells: boolean[]; sums: boolean[] } {
  if (policy.suppress) return suppressLinked(counts, sums, policy.k);
  return { cells: counts.map(() => false), sums: sums.map(() => false) };
}
