import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, period } from '../../../server/query/period.js';
import { type Bucket, bucketEnd, bucketStart, type Grain, planParts } from '../../../server/query/plan.js';

/** Every day a part's rows stand for. */
function daysOf(parts: { grain: Grain; from: string; to: string }[]): string[] {
  const out: string[] = [];
  for (const p of parts) {
    for (let b = p.from; b <= p.to; b = addDays(bucketEnd(p.grain, b), 1)) {
      for (let d = b; d <= bucketEnd(p.grain, b); d = addDays(d, 1)) out.push(d);
    }
  }
  return out.sort();
}

describe('covering a period with rollup grains', () => {
  it('when a period spans whole months, then months, weeks and days cover it with few parts', () => {
    expect(planParts(period('2026-08-03', '2026-10-31'))).toEqual([
      { grain: 'd', from: '2026-08-31', to: '2026-08-31' },
      { grain: 'm', from: '2026-09-01', to: '2026-10-01' },
      { grain: 'w', from: '2026-08-03', to: '2026-08-24' },
    ]);
  });

  it('when weeks and months are computed, then weeks start on Monday and months on the 1st', () => {
    expect(bucketStart('w', '2026-11-01')).toBe('2026-10-26'); // a Sunday → the Monday before
    expect(bucketEnd('w', '2026-10-26')).toBe('2026-11-01');
    expect(bucketEnd('m', '2024-02-10')).toBe('2024-02-29');
  });

  it('when any period is planned, with or without a bucket, then every day is covered exactly once and no part straddles a bucket', () => {
    const day = fc.integer({ min: 0, max: 1500 }).map((n) => addDays('2023-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 800 }), fc.constantFrom<Bucket | undefined>(undefined, 'day', 'week', 'month'), (from, len, bucket) => {
        const p = period(from, addDays(from, len - 1));
        const parts = planParts(p, bucket);
        const days = daysOf(parts);
        expect(days).toHaveLength(p.days);
        expect(days[0]).toBe(p.from);
        expect(days.at(-1)).toBe(p.to);
        expect(new Set(days).size).toBe(days.length);
        for (const part of parts) {
          expect(bucketStart(part.grain, part.from)).toBe(part.from);
          if (bucket === 'day') expect(part.grain).toBe('d');
          if (bucket === 'week') expect(part.grain).not.toBe('m');
          if (bucket === 'month' && part.grain === 'w') {
            for (let w = part.from; w <= part.to; w = addDays(w, 7)) expect(bucketStart('m', w)).toBe(bucketStart('m', bucketEnd('w', w)));
          }
        }
        // each edge: days, weeks, days; one run of months between
        if (!bucket) expect(parts.length).toBeLessThanOrEqual(7);
      }),
      { numRuns: 500 },
    );
  });
});
