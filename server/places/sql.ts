import type { AreaProps, AreaRow } from '../../common/places.js';
import type { Queryable } from '../db/index.js';
import type { Period } from '../query/period.js';
import { fromWhere, measureExpr, Params, placeWhere, type Source, type Sql } from '../query/sql.js';
import type { SummaryQuery } from './schemas.js';


const AREA_COLUMNS = 'pcode, name, level, parent_pcode AS parent, pcode_official AS official, source';

/** Areas as GeoJSON-ready rows with a point inside each for its name; geometry simplified to ~100 m for the map. */
export function selectAreaFeatures(q: Queryable, level?: number): Promise<(AreaProps & { geometry: string })[]> {
  return q.query<AreaProps & { geometry: string } & Record<string, unknown>>(
    `SELECT ${AREA_COLUMNS}, round(ST_X(ST_PointOnSurface(geom))::numeric, 4)::float8 AS "labelLon", round(ST_Y(ST_PointOnSurface(geom))::numeric, 4)::float8 AS "labelLat",
       ST_AsGeoJSON(ST_SimplifyPreserveTopology(geom, 0.001), 5) AS geometry
       FROM admin_areas WHERE $1::int IS NULL OR level = $1 ORDER BY level, pcode`,
    [level ?? null],
  );
}

/** The areas a summary lists: its level, narrowed by the adm1/adm2 filters. */
export function selectSummaryAreas(q: Queryable, s: Pick<SummaryQuery, 'level' | 'adm1' | 'adm2'>): Promise<AreaRow[]> {
  const p = new Params();
  const where = [`level = ${p.bind(s.level, '::int')}`];
  if (s.adm1) where.push(s.level === 1 ? `pcode = ANY(${p.bind(s.adm1, '::text[]')})` : `parent_pcode = ANY(${p.bind(s.adm1, '::text[]')})`);
  if (s.adm2 && s.level === 2) where.push(`pcode = ANY(${p.bind(s.adm2, '::text[]')})`);
  return q.query<AreaRow & Record<string, unknown>>(`SELECT ${AREA_COLUMNS} FROM admin_areas WHERE ${where.join(' AND ')} ORDER BY pcode`, p.values);
}

const admCol = (level: number) => (level === 1 ? 'adm1_pcode' : 'adm2_pcode');

/** People at the monitoring points of each area, by direction (area NULL: points outside every area). */
export function peopleByAreaSql(s: SummaryQuery, period: Period, src: Source): Sql {
  const p = new Params();
  const m = measureExpr(s);
  const text = `SELECT mp.${admCol(s.level)} AS pcode, o.direction, sum(o.v)::float8 AS n
    FROM (SELECT monitoring_point_id, direction, ${m} AS v ${fromWhere(src, s, [period], p)}) o
    JOIN monitoring_points mp ON mp.id = o.monitoring_point_id GROUP BY 1, 2`;
  return { text, values: p.values };
}

/** Protection reports in each area (their own location), with the date and place filters. */
export function reportsByAreaSql(s: SummaryQuery, period: Period): Sql {
  const p = new Params();
  const where = [`r.reported_on BETWEEN ${p.bind(period.from, '::date')} AND ${p.bind(period.to, '::date')}`, placeWhere(s, 'r', p, 'mp.corridor')];
  if (s.point) where.push(`r.monitoring_point_id = ANY(${p.bind(s.point, '::int[]')})`);
  const text = `SELECT r.${admCol(s.level)} AS pcode, count(*)::int AS n
    FROM reports r LEFT JOIN monitoring_points mp ON mp.id = r.monitoring_point_id WHERE ${where.join(' AND ')} GROUP BY 1`;
  return { text, values: p.values };
}

/** Services by kind in each area (reference data: where they are, not who used them). */
export function servicesByAreaSql(s: SummaryQuery): Sql {
  const p = new Params();
  const text = `SELECT s.${admCol(s.level)} AS pcode, s.kind, count(*)::int AS n FROM services s
    WHERE ${placeWhere({ adm1: s.adm1, adm2: s.adm2 }, 's', p)} GROUP BY 1, 2`;
  return { text, values: p.values };
}

/** Outreach activities delivered in the period at the sites of each area, and the people they reached. */
export function activitiesByAreaSql(s: SummaryQuery, period: Period): Sql {
  const p = new Params();
  const text = `SELECT os.${admCol(s.level)} AS pcode, count(*)::int AS n, coalesce(sum(a.reach), 0)::int AS reach
    FROM outreach_activities a JOIN outreach_sites os ON os.id = a.site_id
    WHERE a.delivered_on BETWEEN ${p.bind(period.from, '::date')} AND ${p.bind(period.to, '::date')} AND ${placeWhere(s, 'os', p)} GROUP BY 1`;
  return { text, values: p.values };
}
