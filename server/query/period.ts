import { addDays, DEFAULT_SPAN_DAYS, daysBetween, MAX_SPAN_DAYS, type Period } from '../../common/dates.js';
import { badRequest } from '../http/problem.js';

// The calendar rules themselves are shared with the client (common/dates.ts); the
// request-facing ones (defaults, 400s) are the server's.
export { addDays, DEFAULT_SPAN_DAYS, daysBetween, isIsoDate, MAX_SPAN_DAYS, type Period } from '../../common/dates.js';

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
