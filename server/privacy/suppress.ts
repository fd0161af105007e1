import type { PublishedCount } from '../../common/disclosure.js';
import { recoverableBelow } from './linear.js';
/**
 * Complementary small-count suppression: the one implementation, for a single breakdown against
 * its total (suppressBreakdown) and for cells that sit in several published sums at once
 * (suppressLinked: a flow is in its origin's outgoing total, its destination's incoming total
 * and the grand total; a crossing's inbound count is in its point's total and in the all-points
 * inbound total). Every sum must protect its hidden cells, or a viewer subtracts a hidden cell
 * back out of a published total. Applied to each sum until none changes:
 *
 * - primary: cells in 1…k−1 are hidden; a sum in 1…k−1 is hidden itself (and then every
 *   non-zero cell in it is below k as well);
 * - complementary: a published sum with hidden cells needs at least two hidden, and with H
 *   their sum and m their number, H − (m − 1) ≥ k: each hidden cell could then be anything from
 *   1 to ≥ k. Hiding a single cell would let anyone subtract it back out; hiding two 1s (H = 2)
 *   would too. Else its smallest published non-zero cell is hidden too (ties: lowest index);
 * - a sum that cannot be protected that way (no cell left to hide) is hidden.
 *
 * - across sums (two-way tables, flows between locations): no small hidden cell and no small
 *   hidden sum (0 < n < k) may be determined by the published cells and sums taken together
 *   (linear.ts: e.g. a cell joining two blocks of small cells, or a row total = grand total −
 *   the other rows). A complementary figure of k or more may be: it discloses nobody.
 *   Else one more cell is hidden in the narrowest published sum through it (widen), and the
 *   per-sum rule runs again.
 *
 * Hiding only grows, so the loop ends. Zero is always published: it discloses nobody.
 */
export function suppressLinked(
  counts: readonly number[],
  sums: readonly (readonly number[])[],
  k: number,
): { cells: boolean[]; sums: boolean[] } {
  const cells = counts.map((c) => c > 0 && c < k);
  const hiddenSums = sums.map((members) => {
    const t = members.reduce((s, i) => s + (counts[i] ?? 0), 0);
    return t > 0 && t < k;
  });
  for (;;) {
    protectEachSum(counts, sums, k, cells, hiddenSums);
    // Across sums: nothing hidden may be solved for from the published sums together (linear.ts).
    const found = recoverableBelow(counts, sums, { cells, sums: hiddenSums }, k);
    const targets = [...found.cells.map((i) => [i]), ...found.sums.map((g) => (sums[g] ?? []).filter((i) => cells[i]))];
    if (targets.length === 0) return { cells, sums: hiddenSums };
    const touched = new Set<number>();
    for (const target of targets) widen(counts, sums, cells, hiddenSums, target, touched);
  }
}

/** Each published sum on its own: two or more hidden cells, together worth k or more (see above). */
function protectEachSum(counts: readonly number[], sums: readonly (readonly number[])[], k: number, cells: boolean[], hiddenSums: boolean[]): void {
  for (let changed = true; changed; ) {
    changed = false;
    sums.forEach((members, g) => {
      if (hiddenSums[g]) return;
      const hidden = members.filter((i) => cells[i]);
      if (hidden.length === 0 || isProtected(hidden.map((i) => counts[i] ?? 0), k)) return;
      const next = smallestPublished(counts, members, cells);
      if (next === undefined) hiddenSums[g] = true;
      else cells[next] = true;
      changed = true;
    });
  }
}

const smallestPublished = (counts: readonly number[], members: readonly number[], cells: readonly boolean[]): number | undefined =>
  members.filter((i) => !cells[i] && (counts[i] ?? 0) > 0).sort((a, b) => (counts[a] ?? 0) - (counts[b] ?? 0) || a - b)[0];

/**
 * A hidden cell (or hidden total) that the published sums determine: hide one more cell in the
 * narrowest published sum through it (its smallest non-zero published cell), which gives the
 * system another unknown there; with no such cell left, hide the sums through it. Targets whose
 * sums were already widened this round wait for the next check.
 */
function widen(
  counts: readonly number[], sums: readonly (readonly number[])[], cells: boolean[], hiddenSums: boolean[],
  target: readonly number[], touched: Set<number>,
): void {
  const through = sums
    .map((members, g) => ({ members, g }))
    .filter(({ members, g }) => !hiddenSums[g] && members.some((i) => target.includes(i)))
    .sort((a, b) => a.members.length - b.members.length || a.g - b.g);
  if (through.some(({ g }) => touched.has(g))) return;
  for (const { members } of through) {
    const next = smallestPublished(counts, members, cells);
    if (next === undefined) continue;
    cells[next] = true;
    sums.forEach((m, g) => { if (m.includes(next)) touched.add(g); });
    return;
  }
  for (const { g } of through) {
    hiddenSums[g] = true;
    touched.add(g);
  }
}

function isProtected(hidden: readonly number[], k: number): boolean {
  const h = hidden.reduce((s, v) => s + v, 0);
  return hidden.length >= 2 && h - (hidden.length - 1) >= k;
}

/** Zero is published (an empty cell discloses nobody); 1…k−1 is not. */
export function suppressCount(n: number, k: number): PublishedCount {
  return n > 0 && n < k ? { count: null, suppressed: true } : { count: n, suppressed: false };
}

export interface Cell<K> {
  key: K;
  count: number;
}

/** A count as published: null with suppressed: true when it was too small to show (client: "<k"). */
export type { PublishedCount };

export interface PublishedBreakdown<K> {
  cells: (PublishedCount & { key: K })[];
  total: PublishedCount;
}

/**
 * One dimension of cells (sex, age group, nationality …) with its published total: suppressLinked
 * with one sum. opts.total: when the published total includes more than these cells (an
 * "unknown" group), the rest counts as one more cell that is published implicitly
 * (total − cells) and protected alike.
 */
export function suppressBreakdown<K>(cells: readonly Cell<K>[], k: number, opts: { total?: number } = {}): PublishedBreakdown<K> {
  const sum = cells.reduce((s, c) => s + c.count, 0);
  const total = opts.total ?? sum;
  if (total < sum) throw new RangeError(`breakdown total ${total} is less than the sum of its cells (${sum})`);
  const values = cells.map((c) => c.count);
  if (total > sum) values.push(total - sum); // the implicit remainder cell, never output
  const s = suppressLinked(values, [values.map((_, i) => i)], k);
  return {
    cells: cells.map((c, i) => (s.cells[i] ? { key: c.key, count: null, suppressed: true } : { key: c.key, count: c.count, suppressed: false })),
    total: s.sums[0] ? { count: null, suppressed: true } : { count: total, suppressed: false },
  };
}

/** Indices grouped by a key (e.g. flows by origin), for building `sums`. */
export function groupIndices<T>(items: readonly T[], key: (item: T) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  });
  return groups;
}
