import { MASK_VOCAB } from './bits.js';
import { MEASURES } from './cubes.js';
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

/** A dataset's days marked for the rollup refresh: what a load that fires no insert trigger (ATTACH PARTITION) writes itself. */
export const MARK_DAYS = 'INSERT INTO flow_rollup_dirty (dataset_id, first_day, last_day) VALUES ($1, $2::date, $3::date)';

export const SUMS = MEASURES.map((m) => `sum(${m})`).join(', ');

/**
 * observations → flow_cube at day grain. Grouping on the arrays first and turning them into
 * bitmasks afterwards computes each mask once per group instead of once per observation.
 */
export function dayGrainSql(into: string, columns: readonly string[], lead: string | undefined, scope: RefreshScope): [string, unknown[]] {
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
      GROUP BY observed_on, dataset_id, ${cols} ORDER BY ${lead ? `${lead}, ` : ''}observed_on RETURNING 1)
    SELECT count(*)::int AS n FROM ins`;
  return [text, p.values];
}

/**
 * Rows of the scope at a grain ('all' = any grain). For coarse grains, 'target' selects the
 * weeks/months overlapping the range; 'source' the days those buckets are built from.
 */
export function where(scope: RefreshScope, p: Params, grain: Grain | 'all', side: 'target' | 'source' = 'target'): string {
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

export function dirtyCovered(scope: RefreshScope, p: Params): string {
  const conds: string[] = [];
  if (scope.datasetId !== undefined) conds.push(`dataset_id = ${p.bind(scope.datasetId, '::int')}`);
  if (scope.from && scope.to) {
    conds.push(`dataset_id IS NOT NULL AND first_day >= ${p.bind(scope.from, '::date')} AND last_day <= ${p.bind(scope.to, '::date')}`);
  }
  return conds.length ? conds.join(' AND ') : 'true';
}
