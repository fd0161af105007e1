/**
 * Small-count suppression for cells that sit in several published sums at once: a flow is in
 * its origin's outgoing total, its destination's incoming total and the grand total; a
 * crossing's inbound count is in its point's total and in the all-points inbound total.
 * server/privacy/disclosure.ts protects one breakdown against its one total; here every sum
 * must protect its hidden cells, or a viewer subtracts a hidden flow back out of a location
 * total. Same rule as suppressBreakdown, applied to each sum until none changes:
 *
 * - primary: cells in 1…k−1 are hidden; a sum in 1…k−1 is hidden itself;
 * - complementary: a published sum with hidden cells needs at least two hidden, and with H
 *   their sum and m their number, H − (m − 1) ≥ k (each could then be anything from 1 to
 *   ≥ k); else its smallest published non-zero cell is hidden too (ties: lowest index);
 * - a sum that cannot be protected that way (no cell left to hide) is hidden.
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
  for (let changed = true; changed; ) {
    changed = false;
    sums.forEach((members, g) => {
      if (hiddenSums[g]) return;
      const hidden = members.filter((i) => cells[i]);
      if (hidden.length === 0 || isProtected(hidden.map((i) => counts[i] ?? 0), k)) return;
      const next = members
        .filter((i) => !cells[i] && (counts[i] ?? 0) > 0)
        .sort((a, b) => (counts[a] ?? 0) - (counts[b] ?? 0) || a - b)[0];
      if (next === undefined) hiddenSums[g] = true;
      else cells[next] = true;
      changed = true;
    });
  }
  return { cells, sums: hiddenSums };
}

function isProtected(hidden: readonly number[], k: number): boolean {
  const h = hidden.reduce((s, v) => s + v, 0);
  return hidden.length >= 2 && h - (hidden.length - 1) >= k;
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
