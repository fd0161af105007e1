import type { Queryable } from '../db/index.js';
import { type Box, boxSql, extentOf } from '../db/spatial.js';
import { Params } from '../query/sql.js';
import type { Extent } from './collection.js';

/**
 * SQL of the collections that read tables no feature service serves (admin areas) and the
 * extents of the analyses. Every value is bound; identifiers are written here only.
 */

/** Where and when the data is: places, monitoring points and admin areas; the days with observations or reports. */
export async function dataExtent(db: Queryable): Promise<Extent> {
  const [bbox, [r]] = await Promise.all([
    extentOf(db, 'SELECT geom FROM places UNION ALL SELECT geom FROM monitoring_points UNION ALL SELECT geom FROM admin_areas'),
    db.query<{ first: string | null; last: string | null }>(
      `SELECT least((SELECT min(observed_on) FROM observations), (SELECT min(reported_on) FROM reports))::text AS first,
         greatest((SELECT max(observed_on) FROM observations), (SELECT max(reported_on) FROM reports))::text AS last`,
    ),
  ]);
  return { bbox, interval: r?.first ? [r.first, r.last] : null };
}

/** The admin levels present, lowest first, with how many areas each has. */
export function adminLevels(db: Queryable): Promise<{ level: number; areas: number }[]> {
  return db.query('SELECT level, count(*)::int AS areas FROM admin_areas GROUP BY level ORDER BY level');
}

export interface AdminFilter {
  level: number;
  bbox?: Box | undefined;
  country?: string | undefined;
  parentPcode?: string | undefined;
  pcode?: string | undefined;
}

export interface AdminRow {
  pcode: string;
  name: string;
  level: number;
  parentPcode: string | null;
  country: string;
  geometry: string;
  [key: string]: unknown;
}

/** One page of the admin areas of a level (by P-code) and how many match in all. */
export async function adminPage(db: Queryable, f: AdminFilter, page: { limit: number; offset: number }): Promise<{ rows: AdminRow[]; matched: number }> {
  const p = new Params();
  const where = [`level = ${p.bind(f.level)}`];
  if (f.bbox) where.push(boxSql('geom', f.bbox, (v) => p.bind(v)));
  if (f.country) where.push(`country = ${p.bind(f.country)}`);
  if (f.parentPcode) where.push(`parent_pcode = ${p.bind(f.parentPcode)}`);
  if (f.pcode) where.push(`pcode = ${p.bind(f.pcode)}`);
  const filterValues = [...p.values];
  const cond = where.join(' AND ');
  const text = `SELECT pcode, name, level, parent_pcode AS "parentPcode", country, ST_AsGeoJSON(geom, 6) AS geometry
    FROM admin_areas WHERE ${cond} ORDER BY pcode LIMIT ${p.bind(page.limit)} OFFSET ${p.bind(page.offset)}`;
  const [rows, [count]] = await Promise.all([
    db.query<AdminRow>(text, p.values),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM admin_areas WHERE ${cond}`, filterValues),
  ]);
  return { rows, matched: count?.n ?? 0 };
}

export function adminExtent(db: Queryable, level: number): Promise<Box | null> {
  return extentOf(db, 'SELECT geom FROM admin_areas WHERE level = $1', [level]);
}
