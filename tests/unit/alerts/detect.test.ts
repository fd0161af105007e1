import { describe, expect, it } from 'vitest';
import { alarmsOf } from '../../../server/alerts/evaluate.js';
import { detect } from '../../../server/alerts/detect.js';
import type { RuleRow } from '../../../server/alerts/sql.js';
import type { EntitySeries } from '../../../server/query/daily-series.js';

const rule = (r: Partial<RuleRow>): RuleRow => ({
  id: 9, name: 't', measure: 'unaccompanied_children', measureValue: null, scope: 'point', scopeValue: null, pointKind: null,
  detector: 'C1', alpha: null, minSigma: 0, baseline: 7, threshold: null, notifyEmails: [], webhookUrl: null, enabled: true,
  createdBy: 'test', updatedAt: '', ...r,
});

describe('alert detectors', () => {
  it('when the detector is a threshold, then any active day reaching it alarms and gaps never do', () => {
    expect(detect([0, 1, null, 3], { detector: 'threshold', threshold: 1, alpha: null, minSigma: 0, baseline: 7 })).toEqual({
      upperbound: [1, 1, null, 1], alarm: [false, true, false, true],
    });
  });

  it('when a series has a closure gap, then C1 skips it: the alarm is the same as on the series without the gap', () => {
    // Window 2, 4, 3, 5, 4, 3, 4 (mean 25/7, sd 0.976…): bound mean + 3.09·sd ≈ 6.59; 9 alarms, 6 does not.
    const open = [2, 4, 3, 5, 4, 3, 4, 9];
    const closed = [2, 4, null, null, 3, 5, 4, 3, 4, 9];
    const a = detect(open, { detector: 'C1', alpha: null, minSigma: 0, baseline: 7, threshold: null });
    const b = detect(closed, { detector: 'C1', alpha: null, minSigma: 0, baseline: 7, threshold: null });
    expect(a.alarm[7]).toBe(true);
    expect(b.alarm[9]).toBe(true);
    expect(b.upperbound[9]).toBeCloseTo(a.upperbound[7] as number, 12);
    const mean = 25 / 7;
    const sd = Math.sqrt([2, 4, 3, 5, 4, 3, 4].reduce((s, v) => s + (v - mean) ** 2, 0) / 6);
    expect(a.upperbound[7]).toBeCloseTo(mean + 3.090232306 * sd, 8); // z = Φ⁻¹(0.999)
    expect(a.upperbound[7]).toBeCloseTo(6.587, 3);
  });

  it('when a rule runs over a range, then only alarm days from its first day are raised, with value and bound', () => {
    const days = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08'];
    const s: EntitySeries = { code: 'mp-x', name: 'X', point: null, days: days.map((day, i) => ({ day, value: [2, 4, 3, 5, 4, 3, 4, 9][i] ?? 0, synthetic: true })) };
    const raised = alarmsOf(rule({}), s, '2026-01-08');
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ ruleId: 9, scope: 'point', scopeCode: 'mp-x', day: '2026-01-08', observed: 9, synthetic: true });
    expect(alarmsOf(rule({}), s, '2026-01-09')).toEqual([]);
  });
});
