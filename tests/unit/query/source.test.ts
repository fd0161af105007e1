import { describe, expect, it } from 'vitest';
import { period } from '../../../server/query/period.js';
import { isStale } from '../../../server/query/source.js';

describe('whether the rollup may answer', () => {
  const q = [period('2026-05-01', '2026-05-31')];

  it('when no change is pending, or only outside the period, then the rollup is fresh', () => {
    expect(isStale([], q)).toBe(false);
    expect(isStale([['2026-06-01', '2026-06-30'], ['2025-01-01', '2026-04-30']], q)).toBe(false);
  });

  it('when a pending change touches the period, or everything is marked, then it is stale', () => {
    expect(isStale([['2026-04-01', '2026-05-01']], q)).toBe(true);
    expect(isStale([['-infinity', 'infinity']], q)).toBe(true);
    expect(isStale([['2026-06-01', '2026-06-02']], [period('2026-06-02', '2026-06-30'), ...q])).toBe(true);
  });

  it('when too many changes are pending to list, then it is stale', () => {
    expect(isStale(Array.from({ length: 201 }, () => ['2020-01-01', '2020-01-01'] as [string, string]), q)).toBe(true);
  });
});
