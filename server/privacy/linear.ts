/**
 * What a reader can work out from published sums by linear algebra. The unknowns are the
 * hidden cells; every published sum is one equation over its hidden members (its published
 * members are constants). A combination of unknowns (one hidden cell, or all the hidden cells of
 * a hidden sum) is determined when its coefficient vector lies in the row space of those
 * equations: then some combination of published sums gives its exact value. Row and column
 * totals of a table, a grand total and their differences are all such combinations.
 *
 * Coefficients are 0/1 and the systems small (hundreds of unknowns at most), so Gaussian
 * elimination in floating point with partial pivoting is exact enough; EPS absorbs rounding.
 */
const EPS = 1e-9;

export interface RowSpace {
  /** Reduced rows, each with its pivot column. */
  rows: { pivot: number; coef: Float64Array }[];
  width: number;
}

/** Reduced row echelon form of equations over `width` unknowns, each given by its unknowns' indices. */
export function rowSpace(width: number, equations: readonly (readonly number[])[]): RowSpace {
  const m = equations.map((eq) => {
    const r = new Float64Array(width);
    for (const j of eq) r[j] = 1;
    return r;
  });
  const rows: { pivot: number; coef: Float64Array }[] = [];
  let top = 0;
  for (let col = 0; col < width && top < m.length; col++) {
    let best = top;
    for (let i = top + 1; i < m.length; i++) if (Math.abs(m[i]![col]!) > Math.abs(m[best]![col]!)) best = i;
    if (Math.abs(m[best]![col]!) < EPS) continue;
    [m[top], m[best]] = [m[best]!, m[top]!];
    const p = m[top]!;
    const d = p[col]!;
    for (let j = 0; j < width; j++) p[j] = p[j]! / d;
    for (let i = 0; i < m.length; i++) {
      if (i === top) continue;
      const r = m[i]!;
      const f = r[col]!;
      if (Math.abs(f) < EPS) continue;
      for (let j = 0; j < width; j++) r[j] = r[j]! - f * p[j]!;
    }
    rows.push({ pivot: col, coef: p });
    top++;
  }
  return { rows, width };
}

/** Whether the sum of the given unknowns is fixed by the equations (its vector is in the row space). */
export function isDetermined(space: RowSpace, unknowns: readonly number[]): boolean {
  if (unknowns.length === 0) return false;
  const v = new Float64Array(space.width);
  for (const j of unknowns) v[j] = 1;
  for (const { pivot, coef } of space.rows) {
    const f = v[pivot]!;
    if (Math.abs(f) < EPS) continue;
    for (let j = 0; j < space.width; j++) v[j] = v[j]! - f * coef[j]!;
  }
  return v.every((x) => Math.abs(x) < EPS);
}

/**
 * The hidden cells and hidden non-zero sums a reader could recover exactly from the published
 * cells and sums. counts: every cell; sums: members by index; hidden: what is withheld.
 */
export function recoverable(
  counts: readonly number[],
  sums: readonly (readonly number[])[],
  hidden: { cells: readonly boolean[]; sums: readonly boolean[] },
): { cells: number[]; sums: number[] } {
  const unknown = new Map<number, number>();
  counts.forEach((_, i) => { if (hidden.cells[i]) unknown.set(i, unknown.size); });
  const over = (members: readonly number[]) => members.flatMap((i) => (unknown.has(i) ? [unknown.get(i)!] : []));
  const space = rowSpace(unknown.size, sums.flatMap((m, g) => (hidden.sums[g] ? [] : [over(m)])).filter((e) => e.length > 0));
  const cells = [...unknown.keys()].filter((i) => isDetermined(space, [unknown.get(i)!]));
  const total = (m: readonly number[]) => m.reduce((s, i) => s + (counts[i] ?? 0), 0);
  // A hidden sum with no hidden member would be the sum of published cells (never, as built).
  const known = (m: readonly number[]) => (over(m).length === 0 ? true : isDetermined(space, over(m)));
  const hiddenSums = sums.flatMap((m, g) => (hidden.sums[g] && total(m) > 0 && known(m) ? [g] : []));
  return { cells, sums: hiddenSums };
}

/**
 * What `recoverable` finds that matters: a small cell or a small hidden sum (0 < count < k), the
 * figures withheld to protect people. A complementary cell or sum worth k or more that can be
 * worked out discloses nobody, and widening for it would cascade until whole tables go blank;
 * whether a small one is determined is decided by all equations together either way.
 */
export function recoverableBelow(
  counts: readonly number[],
  sums: readonly (readonly number[])[],
  hidden: { cells: readonly boolean[]; sums: readonly boolean[] },
  k: number,
): { cells: number[]; sums: number[] } {
  const small = (n: number) => n > 0 && n < k;
  const found = recoverable(counts, sums, hidden);
  const total = (g: number) => (sums[g] ?? []).reduce((s, i) => s + (counts[i] ?? 0), 0);
  return { cells: found.cells.filter((i) => small(counts[i] ?? 0)), sums: found.sums.filter((g) => small(total(g))) };
}
