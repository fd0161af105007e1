import type { Db, Queryable, Row } from '../db/index.js';
import { type Dim, pickCube } from './cubes.js';
import { MAX_SPAN_DAYS, type Period, previousPeriod, resolvePeriod } from './period.js';
import { type Bucket, planParts } from './plan.js';
import type { FlowFilter } from './schemas.js';
import { filterDims, partsOf, type Source, type Sql } from './sql.js';

/**
 * 'auto' reads the rollup when it is fresh for the periods asked, else the raw table;
 * 'raw' always reads observations (tests compare the two; the bench times the baseline);
 * 'rollup' reads the cubes even when marked stale (tests).
 */
export type SourceMode = 'auto' | 'raw' | 'rollup';

export interface QueryOptions {
  source?: SourceMode;
  maxSpanDays?: number;
}

// More pending changes than this and the rollup counts as stale everywhere (a bulk load
// without a refresh leaves one mark per statement).
const DIRTY_LIST_MAX = 200;

/**
 * One round trip for what every request needs before its query: the last observed day (the
 * anchor of the default period) and the changes not yet folded into the rollups (written by
 * the triggers of migration 003). Dates come back as JSON text; '-infinity' sorts before and
 * 'infinity' after every YYYY-MM-DD, so plain string comparison works on them.
 */
const CONTEXT_SQL = `SELECT (SELECT max(observed_on) FROM observations) AS last,
  (SELECT coalesce(json_agg(json_build_array(first_day, last_day)), '[]'::json)
     FROM (SELECT first_day, last_day FROM flow_rollup_dirty ORDER BY first_day LIMIT ${DIRTY_LIST_MAX + 1}) d) AS dirty`;

/**
 * The request's period (and the one before it, for crossings) and the cheapest exact source:
 * the smallest cube holding every dimension the request filters or groups on, read at the
 * coarsest grains the periods (and time bucket) allow — or the raw table when a pending
 * change overlaps the periods.
 */
export async function prepare(
  db: Queryable,
  f: FlowFilter,
  opts: QueryOptions,
  need: { dims: readonly Dim[]; bucket?: Bucket; withPrevious?: boolean },
): Promise<{ period: Period; previous: Period; src: Source }> {
  const [ctx] = await db.query<{ last: string | null; dirty: [string, string][] }>(CONTEXT_SQL);
  const period = resolvePeriod(f, ctx?.last ?? null, opts.maxSpanDays ?? MAX_SPAN_DAYS);
  const previous = previousPeriod(period);
  const periods = need.withPrevious ? [previous, period] : [period];
  const mode = opts.source ?? 'auto';
  if (mode === 'raw' || (mode === 'auto' && isStale(ctx?.dirty ?? [], periods))) return { period, previous, src: { kind: 'raw' } };
  const table = pickCube([...need.dims, ...filterDims(f)]);
  return { period, previous, src: { kind: 'rollup', table, parts: periods.flatMap((p) => planParts(p, need.bucket)) } };
}

/** True when a pending change overlaps a period (or there are too many to list). */
export function isStale(dirty: readonly (readonly [string, string])[], periods: readonly Period[]): boolean {
  if (dirty.length > DIRTY_LIST_MAX) return true;
  return dirty.some(([first, last]) => periods.some((p) => first <= p.to && last >= p.from));
}

// Sources whose plans PostgreSQL may cost above jit_above_cost (the raw table, the cubes of
// several attributes). JIT then spends 100–200 ms compiling a query that runs in less.
const HEAVY = new Set(['raw', 'flow_attr', 'flow_cube']);

/**
 * Settings for one statement on its source. Heavy sources (the raw table, the cubes of several
 * attributes, or day parts read from one): JIT off. A cube whose day parts come from flow_cube
 * (sql.ts cubeSource, a UNION ALL of a few thousand rows): no parallel workers either, since
 * PostgreSQL then plans a Parallel Append whose workers take 25–150 ms to start for 2 ms of work
 * (bench flows, last 90 days at 1,000,000 rows).
 */
export function sourceSettings(src: Source): string[] {
  if (src.kind === 'raw') return ['SET LOCAL jit = off'];
  const { dayTable, days, coarse } = partsOf(src);
  const readsDays = dayTable !== src.table && days.length > 0;
  const out: string[] = [];
  if (HEAVY.has(src.table) || (readsDays && HEAVY.has(dayTable))) out.push('SET LOCAL jit = off');
  if (readsDays && coarse.length > 0) out.push('SET LOCAL max_parallel_workers_per_gather = 0');
  return out;
}

/**
 * Runs an aggregate query on its source, with sourceSettings in its own transaction when it
 * has any; otherwise as a plain query.
 */
export async function runOn<T extends Row>(db: Db, src: Source, { text, values }: Sql): Promise<T[]> {
  const settings = sourceSettings(src);
  if (!settings.length) return db.query<T>(text, values);
  return db.transaction(async (tx) => {
    for (const s of settings) await tx.exec(s);
    return tx.query<T>(text, values);
  });
}
