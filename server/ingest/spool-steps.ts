/** A range of days, both ends included (YYYY-MM-DD). */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * The refresh steps of a new dataset's rollup: its days in order, cut into ranges of at most
 * `maxRows` observations (a day with more is a step alone). Refreshed in this order, each week
 * and month a step overlaps is rebuilt from the days present so far, and the last step that
 * overlaps it sees all of its days, so the cubes end exact (server/query/rollup.ts).
 */
export function refreshSteps(days: ReadonlyMap<string, number>, maxRows: number): DayRange[] {
  const out: DayRange[] = [];
  let cur: DayRange | undefined;
  let rows = 0;
  for (const day of [...days.keys()].sort()) {
    const n = days.get(day) ?? 0;
    if (cur && rows + n <= maxRows) {
      cur.to = day;
      rows += n;
      continue;
    }
    cur = { from: day, to: day };
    rows = n;
    out.push(cur);
  }
  return out;
}
