import { type Db, type Queryable, yieldToRequests } from '../db/index.js';
import { buildPlan, CUBES, MEASURES } from './cubes.js';
import { isIsoDate } from './period.js';
import type { Grain } from './plan.js';
import { dayGrainSql, dirtyCovered, type RefreshScope, SUMS, where } from './rollup-sql.js';
import { Params } from './sql.js';

export type { RefreshScope } from './rollup-sql.js';

const COARSE: readonly (readonly [Grain, string])[] = [['w', 'week'], ['m', 'month']];
export const TABLES = CUBES.map((c) => c.table);

/**
 * Writers of one database's rollups, one at a time in this process: a refresh waits for the
 * stepped rebuild (rollup-rebuild.ts), whose transactions other statements run between.
 */
const writers = new WeakMap<Db, Promise<unknown>>();

export function exclusively<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const next = (writers.get(db) ?? Promise.resolve()).then(fn);
  writers.set(db, next.catch(() => undefined));
  return next;
}

/**
 * Recomputes the flow rollups (migrations 003, 006–008) for a scope, in one transaction.
 * flow_cube's days come from observations and its weeks and months from its days; every other
 * cube's weeks and months (and flow_point's days) from the smallest cube holding its dimensions
 * (buildPlan), so each stays an exact sum of the same observations. Only flow_point and
 * flow_cube keep days (cubes.ts).
 *
 * A scoped refresh (datasetId, from/to) deletes and rebuilds its rows while readers keep
 * seeing the old ones until it commits: the normal case, after each import. A full refresh
 * (no scope) is a bulk rebuild for first loads and repairs: it truncates the cubes and builds
 * their indexes afterwards, several times faster, but readers of the cubes wait until it commits.
 */
export async function refreshRollup(db: Db, scope: RefreshScope = {}, opts: { analyze?: boolean } = {}): Promise<{ cubeRows: number; ms: number }> {
  const t0 = Date.now();
  if ((scope.from === undefined) !== (scope.to === undefined)) throw new Error('refreshRollup: give both from and to, or neither');
  if (scope.from && scope.to && !(isIsoDate(scope.from) && isIsoDate(scope.to) && scope.from <= scope.to)) {
    throw new Error(`refreshRollup: bad range ${scope.from}..${scope.to}`);
  }
  const full = scope.datasetId === undefined && scope.from === undefined;
  const cubeRows = await exclusively(db, () => db.transaction(async (tx) => {
    // Hash aggregation in memory rather than sorting wide keys (this transaction only).
    await tx.exec(`SET LOCAL work_mem = '256MB'`);
    // Clear the dirty marks first: a change committed while we rebuild marks again, and at
    // worst a query reads the raw table once more than needed.
    await run(tx, (p) => `DELETE FROM flow_rollup_dirty WHERE ${dirtyCovered(scope, p)}`);
    let days: number;
    if (full) {
      // Statistics of a freshly loaded table, so the planner expects many groups (hash, not sort).
      await tx.exec('ANALYZE observations');
      await tx.exec(`TRUNCATE ${TABLES.join(', ')}`);
      const indexes = await dropIndexes(tx);
      days = await build(tx, scope);
      for (const create of indexes) await tx.exec(create);
    } else {
      for (const table of TABLES) await run(tx, (p) => `DELETE FROM ${table} WHERE ${where(scope, p, 'all')}`);
      days = await build(tx, scope);
    }
    // Fresh statistics: after a bulk change the planner otherwise guesses from stale ones.
    if (opts.analyze !== false) await tx.exec(`ANALYZE ${TABLES.join(', ')}`);
    return days;
  }));
  return { cubeRows, ms: Date.now() - t0 };
}

/**
 * A dataset's rollup in steps of a few days, oldest first, each its own short transaction
 * (the spooled import on the embedded engine, which serves one statement at a time). Each
 * step's own dirty mark keeps queries over its days on the raw rows until it is done; in this
 * order every week and month ends built from all its days (ingest/spool-steps.ts). The
 * statistics come last, one table per statement.
 */
export async function refreshInSteps(db: Db, datasetId: number, steps: readonly { from: string; to: string }[], onStep?: (done: number) => void): Promise<void> {
  for (const [i, s] of steps.entries()) {
    await yieldToRequests();
    await refreshRollup(db, { datasetId, from: s.from, to: s.to }, { analyze: false });
    onStep?.(i + 1);
  }
  for (const table of TABLES) {
    await yieldToRequests();
    await db.exec(`ANALYZE ${table}`);
  }
}

/**
 * The statements that insert the scope's rows into every cube, in order (each cube from the
 * observations or from a cube built before it); those that build flow_cube's days return how
 * many they wrote. `dayRanges` splits that largest statement into one per range of days (the
 * day rows of a range depend on its observations alone); they must cover the scope's days.
 */
export function buildStatements(scope: RefreshScope, dayRanges?: readonly { from: string; to: string }[]): ((tx: Queryable) => Promise<number | void>)[] {
  const out: ((tx: Queryable) => Promise<number | void>)[] = [];
  for (const { cube, from, fromDays } of buildPlan()) {
    const cols = cube.columns.join(', ');
    const into = `INSERT INTO ${cube.table} (grain, observed_on, dataset_id, ${cols}, ${MEASURES.join(', ')})`;
    // Stored in index order, so a filter on the lead attribute reads few, adjacent pages.
    const order = cube.lead ? `grain, ${cube.lead}, observed_on` : 'grain, observed_on';
    const copy = (src: string, grains: string) => (p: Params) => `${into} SELECT grain, observed_on, dataset_id, ${cols}, ${SUMS}
        FROM ${src} WHERE ${grains} AND ${where(scope, p, 'all')} GROUP BY grain, observed_on, dataset_id, ${cols} ORDER BY ${order}`;
    if (from) {
      out.push((tx) => run(tx, copy(from.table, `grain <> 'd'`)));
      if (fromDays) out.push((tx) => run(tx, copy(fromDays.table, `grain = 'd'`)));
      continue;
    }
    for (const range of dayRanges ?? [{}]) {
      out.push(async (tx) => {
        const [n] = await tx.query<{ n: number }>(...dayGrainSql(into, cube.columns, cube.lead, { ...scope, ...range }));
        return n?.n ?? 0;
      });
    }
    for (const [grain, unit] of COARSE) {
      out.push((tx) => run(tx, (p) => `${into} SELECT ${p.bind(grain)}, date_trunc(${p.bind(unit)}, observed_on::timestamp)::date,
          dataset_id, ${cols}, ${SUMS} FROM ${cube.table}
        WHERE grain = 'd' AND ${where(scope, p, grain, 'source')} GROUP BY 2, 3, ${cols} ORDER BY ${cube.lead ? `${cube.lead}, ` : ''}2`));
    }
  }
  return out;
}

/** Inserts the scope's rows into every cube; returns the number of flow_cube day rows. */
async function build(tx: Queryable, scope: RefreshScope): Promise<number> {
  let days = 0;
  for (const statement of buildStatements(scope)) days += (await statement(tx)) ?? 0;
  return days;
}

/**
 * Drops the cubes' indexes and returns the statements that recreate them (as the catalog
 * holds them, so migrations stay the one place indexes are defined). Building an index once
 * over the loaded rows is far cheaper than updating it for every inserted row.
 */
async function dropIndexes(tx: Queryable): Promise<string[]> {
  const rows = await tx.query<{ drop: string; create: string }>(
    `SELECT format('DROP INDEX %I.%I', schemaname, indexname) AS drop, indexdef AS create
     FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ANY($1::text[]) ORDER BY indexname`,
    [TABLES],
  );
  for (const r of rows) await tx.exec(r.drop);
  return rows.map((r) => r.create);
}

async function run(tx: Queryable, build: (p: Params) => string): Promise<void> {
  const p = new Params();
  const text = build(p);
  await tx.query(text, p.values);
}
