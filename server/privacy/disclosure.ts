/**
 * Disclosure control (ARCHITECTURE §7): the one place that decides which counts may leave the
 * API. Pure functions; apply them to every aggregate served below data_manager and to every
 * export for every role:
 *
 *   const policy = disclosurePolicy(principal, config, { sensitive: true, exporting: false });
 *   const total = publishCount(n, policy);                       // { count: number | null, suppressed }
 *   const bySex = publishBreakdown([{ key: 'male', count: 12 }, …], policy);
 *
 * Report locations are coarsened in SQL, before they leave the database: see reportLocationSql.
 */
import { hasRole, type Principal } from '../auth/roles.js';
import type { Config } from '../config.js';

export { coarsenedPointSql, GRID_DEGREES, reportLocationSql } from './coarsen.js';

/** A count as published: null with suppressed: true when it was too small to show (client: "<k"). */
export interface PublishedCount {
  count: number | null;
  suppressed: boolean;
}

export interface Cell<K> {
  key: K;
  count: number;
}

export interface PublishedBreakdown<K> {
  cells: (PublishedCount & { key: K })[];
  total: PublishedCount;
}

export interface DisclosurePolicy {
  /** false only for data_manager and admin outside exports */
  suppress: boolean;
  /** counts in 1…k−1 are suppressed */
  k: number;
}

/**
 * Decides k and whether to suppress for a caller. sensitive: protection reports and trafficking
 * indicators (SUPPRESSION_K_SENSITIVE). exporting: files leave our control, so every role is
 * suppressed.
 */
export function disclosurePolicy(
  principal: Principal,
  config: Pick<Config, 'SUPPRESSION_K' | 'SUPPRESSION_K_SENSITIVE'>,
  opts: { sensitive?: boolean; exporting?: boolean } = {},
): DisclosurePolicy {
  return {
    k: opts.sensitive ? config.SUPPRESSION_K_SENSITIVE : config.SUPPRESSION_K,
    suppress: opts.exporting === true || !hasRole(principal, 'data_manager'),
  };
}

/** Zero is published (an empty cell discloses nobody); 1…k−1 is not. */
export function suppressCount(n: number, k: number): PublishedCount {
  return n > 0 && n < k ? { count: null, suppressed: true } : { count: n, suppressed: false };
}

export function publishCount(n: number, policy: DisclosurePolicy): PublishedCount {
  return policy.suppress ? suppressCount(n, policy.k) : { count: n, suppressed: false };
}

/**
 * One dimension of cells (sex, age group, nationality …) with its published total.
 * Primary suppression hides cells in 1…k−1. Complementary suppression then hides the next
 * smallest non-zero cells until the hidden cells cannot be worked out from the total and the
 * published cells: at least two are hidden, and with H the hidden sum and m their number, each
 * hidden cell could be as large as H − (m − 1) ≥ k (each is at least 1). Hiding a single cell
 * would let anyone subtract it back out; hiding two 1s (H = 2) would too.
 * A total in 1…k−1 is suppressed itself (and then every non-zero cell is below k as well); a
 * total that cannot be protected otherwise is suppressed too.
 * opts.total: when the published total includes more than these cells (an "unknown" group), the
 * rest counts as one more cell that is published implicitly (total − cells) and protected alike.
 */
export function suppressBreakdown<K>(cells: readonly Cell<K>[], k: number, opts: { total?: number } = {}): PublishedBreakdown<K> {
  const sum = cells.reduce((s, c) => s + c.count, 0);
  const total = opts.total ?? sum;
  if (total < sum) throw new RangeError(`breakdown total ${total} is less than the sum of its cells (${sum})`);
  const values = cells.map((c) => c.count);
  if (total > sum) values.push(total - sum); // the implicit remainder cell, never output
  const hidden = new Set(values.flatMap((v, i) => (v > 0 && v < k ? [i] : [])));
  let totalHidden = total > 0 && total < k;
  if (!totalHidden && hidden.size > 0) {
    const candidates = values
      .map((v, i) => ({ v, i }))
      .filter(({ v, i }) => v > 0 && !hidden.has(i))
      .sort((a, b) => a.v - b.v || a.i - b.i);
    while (!isProtected(values, hidden, k)) {
      const next = candidates.shift();
      if (!next) {
        totalHidden = true;
        break;
      }
      hidden.add(next.i);
    }
  }
  return {
    cells: cells.map((c, i) => (hidden.has(i) ? { key: c.key, count: null, suppressed: true } : { key: c.key, count: c.count, suppressed: false })),
    total: totalHidden ? { count: null, suppressed: true } : { count: total, suppressed: false },
  };
}

function isProtected(values: number[], hidden: Set<number>, k: number): boolean {
  let h = 0;
  for (const i of hidden) h += values[i] ?? 0;
  return hidden.size >= 2 && h - (hidden.size - 1) >= k;
}

export function publishBreakdown<K>(cells: readonly Cell<K>[], policy: DisclosurePolicy, opts: { total?: number } = {}): PublishedBreakdown<K> {
  if (policy.suppress) return suppressBreakdown(cells, policy.k, opts);
  const total = opts.total ?? cells.reduce((s, c) => s + c.count, 0);
  return { cells: cells.map((c) => ({ key: c.key, count: c.count, suppressed: false })), total: { count: total, suppressed: false } };
}
