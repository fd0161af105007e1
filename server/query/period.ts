import { badRequest } from '../http/problem.js';

/** An inclusive range of calendar days, as ISO dates (the DATE columns are day-exact). */
export interface Period {
  from: string;
  to: string;
  /** Days in the range, both ends included. */
  days: number;
}

/** The default window when the request names no dates: the last 90 days of data. */
export const DEFAULT_SPAN_DAYS = 90;
/** Longest period one request may ask for: 3 years (one leap day included). */
export const MAX_SPAN_DAYS = 3 * 365 + 1;

const DAY_MS = 86_400_000;

/** True for a real calendar day written YYYY-MM-DD (rejects 2025-02-30, which Date would roll over). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const ms = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === s;
}

// UTC arithmetic throughout: a DATE has no time zone, and local time would shift days at DST.
export function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function period(from: string, to: string): Period {
  return { from, to, days: daysBetween(from, to) + 1 };
}

/**
 * The period a request means. No dates: the last 90 days of data (ending on the last observed
 * day, so a dataset that stopped last year still shows something). `from` alone runs to the
 * last data day; `to` alone covers the 90 days ending there. Too long a span or from > to is
 * a 400 naming the parameter the client sent.
 */
export function resolvePeriod(
  q: { from?: string | undefined; to?: string | undefined },
  lastDataDay: string | null,
  maxSpanDays = MAX_SPAN_DAYS,
): Period {
  const end = lastDataDay ?? new Date().toISOString().slice(0, 10);
  const to = q.to ?? (q.from && q.from > end ? q.from : end);
  const from = q.from ?? addDays(to, -(DEFAULT_SPAN_DAYS - 1));
  if (from > to) throw badRequest([{ field: 'query.from', message: `must not be after to (${to})` }]);
  const p = period(from, to);
  if (p.days > maxSpanDays) {
    throw badRequest([
      { field: q.from ? 'query.from' : 'query.to', message: `the period is ${p.days} days; at most ${maxSpanDays} are allowed` },
    ]);
  }
  return p;
}

/** The period of equal length just before p (for "change vs the previous period"). */
export function previousPeriod(p: Period): Period {
  return period(addDays(p.from, -p.days), addDays(p.from, -1));
}
