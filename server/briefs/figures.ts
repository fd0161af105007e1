import type { KeyFigures } from '../../common/briefs.js';

/**
 * Key figures of a brief, computed from counts that have already been through disclosure
 * control (null = suppressed). Pure: unit-tested against hand-computed cases. A share or a
 * change is published only when both of its counts are; otherwise it is null too, so no
 * suppressed count can be worked back out of a percentage.
 */
export interface FigureInputs {
  days: number;
  total: number | null;
  previous: number | null;
  inbound: number | null;
  outbound: number | null;
  /** Sex breakdown total and its female cell. */
  sexTotal: number | null;
  female: number | null;
  ageTotal: number | null;
  children: number | null;
  unaccompanied: number | null;
}

const ratio = (a: number | null, b: number | null): number | null => (a === null || b === null || b === 0 ? null : a / b);

export function keyFigures(x: FigureInputs): KeyFigures {
  const io = x.inbound === null || x.outbound === null ? null : x.inbound + x.outbound;
  const change = x.total === null || x.previous === null || x.previous === 0 ? null : (x.total - x.previous) / x.previous;
  return {
    total: x.total,
    dailyAverage: x.total === null || x.days <= 0 ? null : x.total / x.days,
    previous: x.previous,
    change,
    inbound: x.inbound,
    outbound: x.outbound,
    inboundShare: ratio(x.inbound, io),
    outboundShare: ratio(x.outbound, io),
    femaleShare: ratio(x.female, x.sexTotal),
    childrenShare: ratio(x.children, x.ageTotal),
    unaccompanied: x.unaccompanied,
  };
}

/** Time-series grain for a period: daily bars up to two months, weekly up to a year, then monthly. */
export function seriesBucket(days: number): 'day' | 'week' | 'month' {
  return days <= 62 ? 'day' : days <= 370 ? 'week' : 'month';
}
