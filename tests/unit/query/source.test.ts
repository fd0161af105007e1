import { describe, expect, it } from 'vitest';
import { period } from '../../../server/query/period.js';
import { isStale, sourceSettings } from '../../../server/query/source.js';

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

describe('settings of a statement on its source', () => {
  const m = { grain: 'm' as const, from: '2026-05-01', to: '2026-05-01' };
  const d = { grain: 'd' as const, from: '2026-06-01', to: '2026-06-03' };
  const NO_JIT = 'SET LOCAL jit = off';
  const SERIAL = 'SET LOCAL max_parallel_workers_per_gather = 0';

  it('when a cube without days reads its day parts from flow_cube beside its own months, then JIT and parallel workers are off', () => {
    expect(sourceSettings({ kind: 'rollup', table: 'flow_od', parts: [m, d] })).toEqual([NO_JIT, SERIAL]);
    expect(sourceSettings({ kind: 'rollup', table: 'flow_od', parts: [d] })).toEqual([NO_JIT]);
  });

  it('when a light cube reads only its own rows, then nothing is set; the raw table and heavy cubes get JIT off', () => {
    expect(sourceSettings({ kind: 'rollup', table: 'flow_od', parts: [m] })).toEqual([]);
    expect(sourceSettings({ kind: 'rollup', table: 'flow_point', parts: [m, d] })).toEqual([]);
    expect(sourceSettings({ kind: 'rollup', table: 'flow_cube', parts: [m, d] })).toEqual([NO_JIT]);
    expect(sourceSettings({ kind: 'raw' })).toEqual([NO_JIT]);
  });
});
