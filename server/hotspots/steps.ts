import { badRequest } from '../http/problem.js';
import { addDays, type Period, resolvePeriod } from '../query/period.js';
import { bucketEnd, bucketStart } from '../query/plan.js';
import type { Step } from '../query/sites.js';

/** Emerging hot spots need a series: the default is a year of steps, the least four. */
export const DEFAULT_STEPS: Record<Step, number> = { week: 52, month: 12 };
export const MIN_STEPS = 4;

const GRAIN = { week: 'w', month: 'm' } as const;

/**
 * The period of an emerging-hotspot request, cut to whole steps. A partial step at either end
 * is dropped: it would hold fewer days, read as "cooling" and bias the Mann-Kendall trend.
 * Without `from`, the period is the DEFAULT_STEPS steps ending with the last whole step up to
 * `to` (default: the last day with data). Returns the period and each step's first day.
 */
export function stepPeriod(q: { from?: string | undefined; to?: string | undefined }, last: string | null, step: Step): { period: Period; starts: string[] } {
  const g = GRAIN[step];
  const end = q.to ?? last ?? new Date().toISOString().slice(0, 10);
  // Last whole step ending on or before `end`.
  const lastEnd = bucketEnd(g, end) === end ? end : addDays(bucketStart(g, end), -1);
  let from = q.from;
  if (from === undefined) {
    from = bucketStart(g, lastEnd);
    for (let i = 1; i < DEFAULT_STEPS[step]; i++) from = bucketStart(g, addDays(from, -1));
  }
  const firstStart = bucketStart(g, from) === from ? from : addDays(bucketEnd(g, from), 1);
  const starts: string[] = [];
  for (let s = firstStart; bucketEnd(g, s) <= lastEnd; s = addDays(bucketEnd(g, s), 1)) starts.push(s);
  if (starts.length < MIN_STEPS) {
    throw badRequest([{ field: q.from ? 'query.from' : 'query.to', message: `the period holds ${starts.length} whole ${step}s; emerging hot spots need at least ${MIN_STEPS}` }]);
  }
  // resolvePeriod applies the longest-span rule with the same message as the flow endpoints.
  const period = resolvePeriod({ from: starts[0], to: lastEnd }, last);
  return { period, starts };
}
