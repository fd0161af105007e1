import type { Queryable } from '../db/index.js';

// Table → JSON name for the row figures; identifiers from this list only.
export const COUNTED = {
  observations: 'observations',
  monitoringPoints: 'monitoring_points',
  services: 'services',
  places: 'places',
  outreachSites: 'outreach_sites',
  reports: 'reports',
  datasets: 'datasets',
} as const;

export type Counted = keyof typeof COUNTED;

/**
 * Row figures from the planner's statistics (pg_class.reltuples), not count(*): a public probe
 * must not scan 10 M rows. reltuples is -1 until a table was first vacuumed or analysed; such a
 * table reads as null ("not known yet"). Partitioned tables (observations) have no rows of their
 * own, so their partitions are summed.
 */
const ESTIMATES_SQL = `
  WITH t(name, rel) AS (VALUES ${Object.entries(COUNTED).map(([k, t]) => `('${k}', '${t}'::regclass)`).join(', ')}),
  parts AS (
    SELECT t.name, c.reltuples
    FROM t JOIN pg_class c ON c.oid = t.rel OR c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = t.rel)
    WHERE c.relkind IN ('r', 'm')
  )
  SELECT t.name,
         CASE WHEN bool_or(p.reltuples < 0) OR count(p.reltuples) = 0 THEN NULL
              ELSE sum(p.reltuples)::bigint END AS rows
  FROM t LEFT JOIN parts p USING (name) GROUP BY t.name`;

/** Estimated rows per table (null where not analysed yet), and whether any dataset is synthetic demo data. */
export async function rowEstimates(db: Queryable): Promise<{ estimates: Record<Counted, number | null>; demo: boolean }> {
  const rows = await db.query<{ name: Counted; rows: string | number | null }>(ESTIMATES_SQL);
  const estimates = Object.fromEntries(rows.map((r) => [r.name, r.rows === null ? null : Number(r.rows)])) as Record<Counted, number | null>;
  // datasets is a small table with an index on nothing else: EXISTS stops at the first synthetic row.
  const [demo] = await db.query<{ demo: boolean }>('SELECT EXISTS (SELECT 1 FROM datasets WHERE is_synthetic) AS demo');
  return { estimates, demo: demo?.demo === true };
}

const COUNTS_SQL = `SELECT ${Object.entries(COUNTED).map(([k, t]) => `(SELECT count(*) FROM ${t})::int AS "${k}"`).join(', ')}`;

/** Exact whole-table row counts: admin only (GET /api/v1/admin/stats), as each is a scan. */
export async function rowCounts(db: Queryable): Promise<Record<Counted, number>> {
  const [row] = await db.query<Record<Counted, number>>(COUNTS_SQL);
  if (!row) throw new Error('row counts returned no row');
  return row;
}
