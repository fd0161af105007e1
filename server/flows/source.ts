import type { Queryable } from '../db/index.js';
import { MAX_SPAN_DAYS, type Period, resolvePeriod } from './period.js';
import { type Dim, pickCube } from './cubes.js';
import { type Bucket, planParts } from './plan.js';
import type { FlowFilter } from './schemas.js';
import { filterDims, type Source } from './sql.js';

/**
 * 'auto' reads the rollup when it is fresh for the periods asked, else the raw table;
 * 'raw' always reads observations (tests compare the two; the bench times the baseline).
 */
export type SourceMode = 'auto' | 'raw' | 'rollup';

export interface QueryOptions {
  source?: SourceMode;
  maxSpanDays?: number;
}

/** The last day with any observation: the anchor of the default period. */
export async function lastDataDay(db: Queryable): Promise<string | null> {
  const [row] = await db.query<{ last: string | null }>('SELECT max(observed_on) AS last FROM observations');
  return row?.last ?? null;
}

export async function requestPeriod(db: Queryable, f: FlowFilter, opts: QueryOptions = {}): Promise<Period> {
  // Only the default needs the data's last day; spare the query when both ends are given.
  const last = f.from && f.to ? null : await lastDataDay(db);
  return resolvePeriod(f, last, opts.maxSpanDays ?? MAX_SPAN_DAYS);
}

/**
 * True when no change to observations overlapping these periods is waiting for a refresh
 * (flow_rollup_dirty, written by triggers). A stale rollup is never read: answers stay exact.
 */
export async function rollupFresh(db: Queryable, periods: readonly Period[]): Promise<boolean> {
  const from = periods.reduce((a, p) => (p.from < a ? p.from : a), periods[0]?.from ?? '');
  const to = periods.reduce((a, p) => (p.to > a ? p.to : a), periods[0]?.to ?? '');
  const [row] = await db.query<{ dirty: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM flow_rollup_dirty WHERE first_day <= $2::date AND last_day >= $1::date) AS dirty',
    [from, to],
  );
  return row?.dirty === false;
}

/**
 * The cheapest exact source for a request: the smallest cube holding every dimension it
 * filters or groups on, read at the coarsest grains the periods (and time bucket) allow.
 */
export async function chooseSource(
  db: Queryable,
  need: { filter: FlowFilter; periods: readonly Period[]; dims: readonly Dim[]; bucket?: Bucket },
  mode: SourceMode = 'auto',
): Promise<Source> {
  if (mode === 'raw') return { kind: 'raw' };
  if (mode === 'auto' && !(await rollupFresh(db, need.periods))) return { kind: 'raw' };
  const table = pickCube([...need.dims, ...filterDims(need.filter)]);
  return { kind: 'rollup', table, parts: need.periods.flatMap((p) => planParts(p, need.bucket)) };
}
