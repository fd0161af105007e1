import { suppressLinked } from './suppress.js';

/**
 * A two-way table (rows × columns of counts, e.g. monitoring point × direction, area ×
 * direction) as cells and published sums: every row total, every column total and the grand
 * total. Cell (r, c) is index r·cols + c; sums are rows first, then columns, then the total.
 */
export function tableSums(t: readonly (readonly number[])[]): { counts: number[]; sums: number[][]; cols: number } {
  const cols = t[0]?.length ?? 0;
  const counts = t.flatMap((row) => {
    if (row.length !== cols) throw new RangeError('a table needs the same number of cells in every row');
    return [...row];
  });
  const rows = t.map((_, r) => Array.from({ length: cols }, (_c, c) => r * cols + c));
  const columns = Array.from({ length: cols }, (_c, c) => t.map((_, r) => r * cols + c));
  return { counts, sums: [...rows, ...columns, counts.map((_, i) => i)], cols };
}

/**
 * Complementary suppression of a two-way table with its margins (suppress.ts, linear.ts): which
 * cells, row totals, column totals and whether the grand total are hidden.
 */
export function suppressTable(
  t: readonly (readonly number[])[],
  k: number,
): { cells: boolean[][]; rows: boolean[]; cols: boolean[]; total: boolean } {
  const { counts, sums, cols } = tableSums(t);
  const s = suppressLinked(counts, sums, k);
  return {
    cells: t.map((row, r) => row.map((_, c) => s.cells[r * cols + c] === true)),
    rows: t.map((_, r) => s.sums[r] === true),
    cols: Array.from({ length: cols }, (_c, c) => s.sums[t.length + c] === true),
    total: s.sums[t.length + cols] === true,
  };
}
