import type { Db, Queryable } from '../db/index.js';
import { MASK_VOCAB } from './bits.js';
import { isIsoDate } from './period.js';
import { buildPlan, CUBES, MEASURES } from './cubes.js';
import { bucketEnd, bucketStart, type Grain } from './plan.js';
import { Params } from './sql.js';

/**
 * Which rows to recompute. None: everything (after the demo load, or to repair). datasetId:
 * that dataset's rows — call this after every import (and after deleting a dataset). from/to:
 * the days in that range (with the weeks and months overlapping it), for all datasets.
 */
export interface RefreshScope {
  datasetId?: number;
  from?: string;
  to?: string;
}

const SUMS = MEASURES.map((m) => `sum(${m})`).join(', ');
const COARSE: readonly (readonly [Grain, string])[] = [['w', 'week'], ['m', 'month']];

/**
 * Recomputes the flow rollups (migrations/003_flows_rollup.sql) for a scope, in one
 * transaction: readers see the old rows until it commits. flow_cube's days come from
 * observations and its weeks and months from its days; every other cube, at every grain, from
 * the smallest cube holding its dimensions (buildPlan), so each stays an exact sum of the
 * same observations.
 */
export async function refreshRollup(db: Db, scope: RefreshScope = {}): Promise<{ cubeRows: number; ms: number }> {
  const t0 = Date.now();
  if ((scope.from === undefined) !== (scope.to === undefined)) throw new Error('refreshRollup: give both from and to, or neither');
  if (scope.from && scope.to && !(isIsoDate(scope.from) && isIsoDate(scope.to) && scope.from <= scope.to)) {
    throw new Error(`refreshRollup: bad range ${scope.from}..${scope.to}`);
  }
  const cubeRows = await db.transaction(async (tx) => {
    // Hash aggregation in memory rather than sorting wide keys (this transaction only), and
    // fresh statistics after a bulk load, so the planner expects many groups and picks it.
    await tx.exec(`SET LOCAL work_mem = '256MB'`);
    if (scope.datasetId === undefined && scope.from === undefined) await tx.exec('ANALYZE observations');
    // Clear the dirty marks first: a change committed while we rebuild marks again, and at
    // worst a query reads the raw table once more than needed.
    await run(tx, (p) => `DELETE FROM flow_rollup_dirty WHERE ${dirtyCovered(scope, p)}`);
    for (const { table } of CUBES) await run(tx, (p) => `DELETE FROM ${table} WHERE ${where(scope, p, 'all')}`);
    let days = 0;
    for (const { cube, from } of buildPlan()) {
      const cols = cube.columns.join(', ');
      const into = `INSERT INTO ${cube.table} (grain, observed_on, dataset_id, ${cols}, ${MEASURES.join(', ')})`;
      if (from) {
        // Stored in index order, so a filter on the lead attribute reads few, adjacent pages.
        const order = cube.lead ? `grain, ${cube.lead}, observed_on` : 'grain, observed_on';
        await run(tx, (p) => `${into} SELECT grain, observed_on, dataset_id, ${cols}, ${SUMS} FROM ${from.table}
          WHERE ${where(scope, p, 'all')} GROUP BY grain, observed_on, dataset_id, ${cols} ORDER BY ${order}`);
        continue;
      }
      const [n] = await tx.query<{ n: number }>(...dayGrainSql(into, cube.columns, scope));
      days = n?.n ?? 0;
      for (const [grain, unit] of COARSE) {
        await run(tx, (p) => `${into} SELECT ${p.bind(grain)}, date_trunc(${p.bind(unit)}, observed_on::timestamp)::date,
            dataset_id, ${cols}, ${SUMS} FROM ${cube.table}
          WHERE grain = 'd' AND ${where(scope, p, grain, 'source')} GROUP BY 2, 3, ${cols} ORDER BY 2`);
      }
    }
    // Fresh statistics: after a bulk change the planner otherwise guesses from an empty table.
    await tx.exec(`ANALYZE ${CUBES.map((c) => c.table).join(', ')}`);
    return days;
  });
  return { cubeRows, ms: Date.now() - t0 };
}

async function run(tx: Queryable, build: (p: Params) => string): Promise<void> {
  const p = new Params();
  const text = build(p);
  await tx.query(text, p.values);
}

/**
 * observations → flow_cube at day grain. Grouping on the arrays first and turning them into
 * bitmasks afterwards computes each mask once per group instead of once per observation.
 */
function dayGrainSql(into: string, columns: readonly string[], scope: RefreshScope): [string, unknown[]] {
  const p = new Params();
  const cols = columns.join(', ');
  const rawCols = columns.filter((c) => !c.endsWith('_mask')).join(', ');
  const mask = (col: string, vocab: readonly string[]) =>
    `(SELECT coalesce(bit_or(1 << (array_position(${p.bind(vocab, '::text[]')}, w) - 1)), 0) FROM unnest(g.${col}) AS w)`;
  const rm = mask('reasons', MASK_VOCAB.reasons);
  const vm = mask('vulnerabilities', MASK_VOCAB.vulnerabilities);
  const text = `WITH g AS (
      SELECT observed_on, dataset_id, ${rawCols}, reasons, vulnerabilities, count(*) AS obs,
        sum(total) AS total, sum(male) AS male, sum(female) AS female, sum(children) AS children,
        sum(unaccompanied_children) AS unaccompanied_children
      FROM observations WHERE ${where(scope, p, 'd')} GROUP BY observed_on, dataset_id, ${rawCols}, reasons, vulnerabilities
    ), m AS (SELECT g.*, ${rm} AS reasons_mask, ${vm} AS vulnerabilities_mask FROM g),
    ins AS (${into} SELECT 'd', observed_on, dataset_id, ${cols}, ${SUMS} FROM m
      GROUP BY observed_on, dataset_id, ${cols} ORDER BY observed_on RETURNING 1)
    SELECT count(*)::int AS n FROM ins`;
  return [text, p.values];
}

/**
 * Rows of the scope at a grain ('all' = any grain). For coarse grains, 'target' selects the
 * weeks/months overlapping the range; 'source' the days those buckets are built from.
 */
function where(scope: RefreshScope, p: Params, grain: Grain | 'all', side: 'target' | 'source' = 'target'): string {
  const conds: string[] = [];
  if (scope.datasetId !== undefined) conds.push(`dataset_id = ${p.bind(scope.datasetId, '::int')}`);
  const { from, to } = scope;
  if (from && to) {
    const range = (g: Grain) => {
      const a = bucketStart(g, from);
      const b = side === 'source' ? bucketEnd(g, to) : bucketStart(g, to);
      return `observed_on BETWEEN ${p.bind(a, '::date')} AND ${p.bind(b, '::date')}`;
    };
    if (grain !== 'all') conds.push(range(grain));
    else conds.push(`(${(['d', 'w', 'm'] as const).map((g) => `(grain = '${g}' AND ${range(g)})`).join(' OR ')})`);
  }
  return conds.length ? conds.join(' AND ') : 'true';
}

function dirtyCovered(scope: RefreshScope, p: Params): string {
  const conds: string[] = [];
  if (scope.datasetId !== undefined) conds.push(`dataset_id = ${p.bind(scope.datasetId, '::int')}`);
  if (scope.from && scope.to) {
    conds.push(`dataset_id IS NOT NULL AND first_day >= ${p.bind(scope.from, '::date')} AND last_day <= ${p.bind(scope.to, '::date')}`);
  }
  return conds.length ? conds.join(' AND ') : 'true';
}
