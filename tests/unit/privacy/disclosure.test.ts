import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../../../server/auth/roles.js';
import {
  coarsenedPointSql,
  disclosurePolicy,
  publishBreakdown,
  publishCount,
  suppressBreakdown,
  suppressCount,
} from '../../../server/privacy/disclosure.js';

const config = { SUPPRESSION_K: 5, SUPPRESSION_K_SENSITIVE: 11 };
const as = (role: Role | 'public'): Principal => ({ kind: role === 'public' ? 'anonymous' : 'token', name: role, role });
const cells = (counts: number[]) => counts.map((count, key) => ({ key, count }));
const hiddenKeys = (counts: number[], k: number, total?: number) =>
  suppressBreakdown(cells(counts), k, { total }).cells.flatMap((c) => (c.suppressed ? [c.key] : []));

describe('suppressCount', () => {
  it.each([
    [0, 0, false],
    [1, null, true],
    [4, null, true],
    [5, 5, false],
    [1234, 1234, false],
  ])('when the count is %i and k = 5, then it is published as %s', (n, count, suppressed) => {
    expect(suppressCount(n, 5)).toEqual({ count, suppressed });
  });
});

describe('disclosurePolicy', () => {
  it.each([
    ['public', true],
    ['viewer', true],
    ['analyst', true],
    ['planner', true],
    ['data_manager', false],
    ['admin', false],
  ] as const)('when %s asks for an aggregate, then suppression is %s', (role, suppress) => {
    expect(disclosurePolicy(as(role), config)).toEqual({ k: 5, suppress });
  });

  it('when anyone exports, then counts are suppressed, with k = 11 for sensitive fields', () => {
    expect(disclosurePolicy(as('admin'), config, { exporting: true, sensitive: true })).toEqual({ k: 11, suppress: true });
    expect(publishCount(7, disclosurePolicy(as('admin'), config, { exporting: true, sensitive: true }))).toEqual({ count: null, suppressed: true });
    expect(publishCount(7, disclosurePolicy(as('data_manager'), config, { sensitive: true }))).toEqual({ count: 7, suppressed: false });
  });

  it('when the role may see exact counts, then a breakdown passes through untouched', () => {
    const out = publishBreakdown(cells([1, 2, 30]), disclosurePolicy(as('admin'), config));
    expect(out.cells.map((c) => c.count)).toEqual([1, 2, 30]);
    expect(out.total).toEqual({ count: 33, suppressed: false });
  });
});

describe('suppressBreakdown', () => {
  it('when one cell is small, then the next smallest non-zero cell is hidden too', () => {
    expect(hiddenKeys([3, 0, 100, 40], 5)).toEqual([0, 3]);
  });

  it('when the hidden cells would add up to a small number, then more are hidden until they do not', () => {
    // 1 + 1 = 2 hidden out of a published 303 would pin both to exactly 1
    expect(hiddenKeys([1, 1, 100, 200], 5)).toEqual([0, 1, 2]);
  });

  it('when no cell is small, then nothing is hidden', () => {
    expect(hiddenKeys([0, 5, 17], 5)).toEqual([]);
  });

  it('when the total itself is small, then the total and every non-zero cell are hidden', () => {
    const out = suppressBreakdown(cells([1, 0, 2]), 5);
    expect(out.total).toEqual({ count: null, suppressed: true });
    expect(out.cells.map((c) => c.count)).toEqual([null, 0, null]);
  });

  it('when only small cells make up a total ≥ k that cannot be protected otherwise, then the total is hidden', () => {
    const out = suppressBreakdown(cells([1, 1, 1, 1, 1, 1, 3]), 5);
    expect(out.total.suppressed).toBe(true);
    expect(out.cells.every((c) => c.suppressed)).toBe(true);
  });

  it('when the published total includes an unlisted remainder that is small, then a cell is hidden to protect it', () => {
    // total 33 over cells 10 + 20: the remainder 3 would be 33 − 10 − 20
    const out = suppressBreakdown(cells([10, 20]), 5, { total: 33 });
    expect(out.cells.map((c) => c.count)).toEqual([null, 20]);
    expect(out.total).toEqual({ count: 33, suppressed: false });
  });

  it('when the total is below the sum of its cells, then it refuses', () => {
    expect(() => suppressBreakdown(cells([10, 20]), 5, { total: 29 })).toThrow(RangeError);
  });

  it('property: no published value is in 1…k−1, and no hidden cell can be worked out or shown to be small', () => {
    const count = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 400 }));
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 12 }), fc.integer({ min: 2, max: 15 }), (counts, k) => {
        const out = suppressBreakdown(cells(counts), k);
        const published = out.cells.filter((c) => !c.suppressed);
        const hidden = out.cells.filter((c) => c.suppressed);
        for (const c of [...published, out.total]) {
          if (!c.suppressed) expect(c.count === 0 || (c.count ?? 0) >= k).toBe(true);
        }
        // published cells are the true values, hidden ones are null: nothing is perturbed
        for (const c of out.cells) expect(c.count).toBe(c.suppressed ? null : counts[c.key]);
        if (out.total.suppressed || hidden.length === 0) return;
        // The attacker's view: the hidden cells are non-zero (zeros are never hidden) and add up to
        // H = total − published. Each could then be anything in [1, H − (m − 1)].
        const h = (out.total.count ?? 0) - published.reduce((s, c) => s + (c.count ?? 0), 0);
        const largestPossible = h - (hidden.length - 1);
        expect(hidden.length).toBeGreaterThanOrEqual(2);
        expect(largestPossible).toBeGreaterThan(1); // not pinned to a single value
        expect(largestPossible).toBeGreaterThanOrEqual(k); // nor provably below k
      }),
      { numRuns: 3000 },
    );
  });
});

describe('coarsenedPointSql', () => {
  it('when given column references, then it builds an expression; anything else is refused', () => {
    expect(coarsenedPointSql({ geom: 'r.geom', monitoringPointId: 'r.monitoring_point_id' })).toMatch(/^h3_cell_centre\(COALESCE\(/);
    expect(() => coarsenedPointSql({ geom: 'geom); DROP TABLE reports; --' })).toThrow(/not a column reference/);
  });
});
