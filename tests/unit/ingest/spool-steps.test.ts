import { describe, expect, it } from 'vitest';
import { refreshSteps } from '../../../server/ingest/spool-steps.js';

const days = (entries: [string, number][]) => new Map(entries);

describe("refreshSteps: a new dataset's rollup refresh in steps of a few days", () => {
  it('when there are no days, then there is no step', () => {
    expect(refreshSteps(new Map(), 10)).toEqual([]);
  });

  it('when days fit, then they share a step until the next would pass the limit', () => {
    const d = days([['2025-01-01', 10], ['2025-01-02', 10], ['2025-01-05', 10], ['2025-01-06', 5]]);
    expect(refreshSteps(d, 25)).toEqual([
      { from: '2025-01-01', to: '2025-01-02' },
      { from: '2025-01-05', to: '2025-01-06' },
    ]);
  });

  it('when one day holds more than the limit, then it is a step of its own', () => {
    const d = days([['2025-03-01', 5], ['2025-03-02', 100], ['2025-03-03', 5]]);
    expect(refreshSteps(d, 50)).toEqual([
      { from: '2025-03-01', to: '2025-03-01' },
      { from: '2025-03-02', to: '2025-03-02' },
      { from: '2025-03-03', to: '2025-03-03' },
    ]);
  });

  it('when the days come in any order, then the steps run oldest first, cover every day once and keep to the limit', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let trial = 0; trial < 50; trial++) {
      const entries: [string, number][] = [];
      for (let i = 0; i < 1 + rnd(60); i++) {
        const day = new Date(Date.UTC(2025, 0, 1) + rnd(400) * 86_400_000).toISOString().slice(0, 10);
        if (!entries.some(([d]) => d === day)) entries.push([day, 1 + rnd(30)]);
      }
      const max = 1 + rnd(80);
      const steps = refreshSteps(days(entries), max);
      const sorted = entries.map(([d]) => d).sort();
      const covered = sorted.map((d) => steps.findIndex((s) => s.from <= d && d <= s.to));
      expect(covered.every((i) => i >= 0)).toBe(true);
      expect(covered).toEqual([...covered].sort((a, b) => a - b)); // oldest first
      for (const [i, s] of steps.entries()) {
        expect(s.from <= s.to).toBe(true);
        if (i > 0) expect((steps[i - 1]?.to ?? '') < s.from).toBe(true);
        const inside = entries.filter(([d]) => s.from <= d && d <= s.to);
        const rows = inside.reduce((a, [, n]) => a + n, 0);
        expect(inside.length === 1 || rows <= max).toBe(true);
      }
    }
  });
});
