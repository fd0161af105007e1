import { addDays, type Period } from './period.js';

/** The time grains of the rollup cubes: day, ISO week (from Monday), calendar month. */
export type Grain = 'd' | 'w' | 'm';

/** A run of rollup rows of one grain: observed_on from `from` to `to` (first days of buckets). */
export interface Part {
  grain: Grain;
  from: string;
  to: string;
}

export type Bucket = 'day' | 'week' | 'month';

/**
 * Covers a period exactly with whole months, then whole ISO weeks, then days, so that a long
 * period reads few rows. With a time-series bucket, no part may straddle a bucket boundary
 * (a month row cannot be split into weeks), so the period is first cut at the bucket edges.
 */
export function planParts(p: Period, bucket?: Bucket): Part[] {
  const parts: Part[] = [];
  for (const [from, to] of cutAt(p.from, p.to, bucket)) {
    const grains: Grain[] = bucket === 'day' ? ['d'] : bucket === 'week' ? ['w', 'd'] : ['m', 'w', 'd'];
    coverRange(from, to, grains, parts);
  }
  return merge(parts);
}

function coverRange(from: string, to: string, grains: readonly Grain[], out: Part[]): void {
  if (from > to) return;
  const [grain, ...finer] = grains;
  if (!grain) return;
  if (grain === 'd') {
    out.push({ grain, from, to });
    return;
  }
  const first = bucketStart(grain, from) === from ? from : bucketStart(grain, addDays(bucketEnd(grain, from), 1));
  let last = bucketStart(grain, to);
  if (bucketEnd(grain, to) !== to) last = bucketStart(grain, addDays(last, -1));
  if (first > last) {
    coverRange(from, to, finer, out);
    return;
  }
  coverRange(from, addDays(first, -1), finer, out);
  out.push({ grain, from: first, to: last });
  coverRange(addDays(bucketEnd(grain, last), 1), to, finer, out);
}

/** Adjacent parts of one grain become one range, so the SQL has few OR branches. */
function merge(parts: Part[]): Part[] {
  const sorted = [...parts].sort((a, b) => (a.grain === b.grain ? a.from.localeCompare(b.from) : a.grain.localeCompare(b.grain)));
  const out: Part[] = [];
  for (const p of sorted) {
    const prev = out.at(-1);
    if (prev && prev.grain === p.grain && addDays(bucketEnd(p.grain, prev.to), 1) === p.from) prev.to = p.to;
    else out.push({ ...p });
  }
  return out;
}

function cutAt(from: string, to: string, bucket?: Bucket): [string, string][] {
  if (!bucket || bucket === 'day') return [[from, to]];
  const g: Grain = bucket === 'week' ? 'w' : 'm';
  const out: [string, string][] = [];
  for (let a = from; a <= to; a = addDays(bucketEnd(g, a), 1)) {
    const end = bucketEnd(g, a);
    out.push([a, end < to ? end : to]);
  }
  return out;
}

/** First day of the week (Monday, ISO) or month holding `iso`. */
export function bucketStart(grain: Grain, iso: string): string {
  if (grain === 'm') return `${iso.slice(0, 8)}01`;
  if (grain === 'd') return iso;
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(iso, -((dow + 6) % 7));
}

export function bucketEnd(grain: Grain, iso: string): string {
  if (grain === 'd') return iso;
  if (grain === 'w') return addDays(bucketStart('w', iso), 6);
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}
