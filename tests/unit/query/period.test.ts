import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../server/http/problem.js';
import { addDays, daysBetween, isIsoDate, MAX_SPAN_DAYS, previousPeriod, resolvePeriod } from '../../../server/query/period.js';

const fieldOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    return err instanceof HttpError ? err.errors?.[0]?.field : 'not an HttpError';
  }
  return undefined;
};

describe('periods', () => {
  it('when a date is not on the calendar, then it is not an ISO date', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-2-01')).toBe(false);
    expect(isIsoDate('2025-01-01T00:00')).toBe(false);
  });

  it('when adding days across months, leap days and years, then UTC calendar arithmetic holds', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-30', -30)).toBe('2025-02-28');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('when no dates are given, then the period is the 90 days ending on the last data day', () => {
    expect(resolvePeriod({}, '2026-10-31')).toEqual({ from: '2026-08-03', to: '2026-10-31', days: 90 });
    expect(resolvePeriod({ to: '2025-03-31' }, '2026-10-31')).toEqual({ from: '2025-01-01', to: '2025-03-31', days: 90 });
    expect(resolvePeriod({ from: '2026-10-01' }, '2026-10-31')).toEqual({ from: '2026-10-01', to: '2026-10-31', days: 31 });
    expect(resolvePeriod({ from: '2027-01-01' }, '2026-10-31').days).toBe(1);
  });

  it('when the span is too long or reversed, then a 400 names the parameter sent', () => {
    expect(fieldOf(() => resolvePeriod({ from: '2020-01-01' }, '2026-10-31'))).toBe('query.from');
    expect(fieldOf(() => resolvePeriod({ to: '2026-01-01' }, null, 30))).toBe('query.to');
    expect(fieldOf(() => resolvePeriod({ from: '2026-01-02', to: '2026-01-01' }, null))).toBe('query.from');
    expect(fieldOf(() => resolvePeriod({ from: '2023-01-01', to: addDays('2023-01-01', MAX_SPAN_DAYS - 1) }, null))).toBeUndefined();
  });

  it('when asking for the previous period, then it has the same length and ends the day before', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31', days: 31 })).toEqual({ from: '2026-01-29', to: '2026-02-28', days: 31 });
  });
});
