import type { Queryable } from '../db/index.js';

// Table → JSON name for the counts block; identifiers from this list only.
const COUNTED = {
  observations: 'observations',
  monitoringPoints: 'monitoring_points',
  services: 'services',
  places: 'places',
  outreachSites: 'outreach_sites',
  reports: 'reports',
  datasets: 'datasets',
} as const;

const COUNTS_SQL = `SELECT ${Object.entries(COUNTED).map(([k, t]) => `(SELECT count(*) FROM ${t})::int AS "${k}"`).join(', ')},
  EXISTS (SELECT 1 FROM datasets WHERE is_synthetic) AS demo`;

/** Whole-table row counts, and whether any dataset is synthetic demo data. */
export async function rowCounts(db: Queryable): Promise<{ counts: Record<keyof typeof COUNTED, number>; demo: boolean }> {
  const [row] = await db.query<Record<keyof typeof COUNTED, number> & { demo: boolean }>(COUNTS_SQL);
  if (!row) throw new Error('row counts returned no row');
  const { demo, ...counts } = row;
  return { counts, demo };
}
