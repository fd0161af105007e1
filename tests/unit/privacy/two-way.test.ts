import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recoverable } from '../../../server/privacy/linear.js';
import { suppressLinked } from '../../../server/privacy/suppress.js';
import { suppressTable, tableSums } from '../../../server/privacy/table.js';

/**
 * The attacker: everything published about a two-way table (its unhidden cells, row and column
 * totals and the grand total) as a linear system over the hidden cells; any small hidden cell or
 * small hidden total (0 < n < k) that the system fixes is a disclosure (server/privacy/linear.ts).
 * A complementary figure of k or more that it fixes discloses nobody.
 */
const small = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 5, max: 60 }));
const table = fc
  .record({ rows: fc.integer({ min: 1, max: 6 }), cols: fc.integer({ min: 1, max: 6 }) })
  .chain(({ rows, cols }) => fc.array(fc.array(small, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));

function disclosed(counts: readonly number[], sums: readonly (readonly number[])[], hidden: { cells: readonly boolean[]; sums: readonly boolean[] }, k: number) {
  const small = (n: number) => n > 0 && n < k;
  const found = recoverable(counts, sums, hidden);
  const total = (g: number) => (sums[g] ?? []).reduce((s, i) => s + (counts[i] ?? 0), 0);
  return { cells: found.cells.filter((i) => small(counts[i] ?? 0)), sums: found.sums.filter((g) => small(total(g))) };
}

function attack(t: number[][], k: number) {
  const { counts, sums } = tableSums(t);
  const hidden = suppressLinked(counts, sums, k);
  return { counts, sums, hidden, found: disclosed(counts, sums, hidden, k) };
}

describe('two-way tables against an attacker with the row and column totals', () => {
  it('when two blocks of small cells are joined by one small cell, then that cell cannot be worked out', () => {
    // Rows 0–1 × cols 0–1 and rows 2–3 × cols 2–3 are small, and so is (1, 2): each row and
    // column has two or more hidden cells, yet (1, 2) is a bridge between the two blocks.
    const t = [
      [3, 3, 40, 40],
      [3, 3, 3, 40],
      [40, 40, 3, 3],
      [40, 40, 3, 3],
    ];
    const { found, hidden } = attack(t, 5);
    expect(hidden.cells[1 * 4 + 2]).toBe(true);
    expect(found).toEqual({ cells: [], sums: [] });
  });

  it('when one row total is small, then it cannot be worked out from the grand total and the other rows', () => {
    const t = [[1, 2, 0], [20, 30, 25], [15, 12, 40]];
    const { found, hidden } = attack(t, 5);
    expect(hidden.sums[0]).toBe(true);
    expect(found).toEqual({ cells: [], sums: [] });
  });

  it('when tables are random, then no small hidden cell or small hidden total is determined by what is published', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 2, max: 11 }), (t, k) => {
        const { counts, found, hidden } = attack(t, k);
        counts.forEach((c, i) => { if (c > 0 && c < k) expect(hidden.cells[i]).toBe(true); });
        expect(found).toEqual({ cells: [], sums: [] });
      }),
      { numRuns: 400 },
    );
  });

  it('when a table is published through suppressTable, then the margins it returns hide what the cells need', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 2, max: 11 }), (t, k) => {
        const s = suppressTable(t, k);
        const { counts, sums } = tableSums(t);
        const hidden = { cells: s.cells.flat(), sums: [...s.rows, ...s.cols, s.total] };
        expect(disclosed(counts, sums, hidden, k)).toEqual({ cells: [], sums: [] });
      }),
      { numRuns: 200 },
    );
  });
});
