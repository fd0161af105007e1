import type { Principal } from '../auth/roles.js';
import type { Queryable } from '../db/index.js';
import { reportLocationSql } from '../privacy/disclosure.js';
import { type Period, resolvePeriod } from './period.js';
import type { SiteQuery } from './schemas.js';
import { prepare } from './source.js';
import { fromWhere, measureExpr, Params, placeFiltered, placeWhere, type Source, type Sql } from './sql.js';

/**
 * Counts of a measure per site, for hotspots, access and outreach demand. A site is where counts
 * were recorded: a monitoring point (observations are counted there) or a protection report's
 * point (coarsened for roles below data manager before it leaves the database). Aggregated in
 * the database (GROUP BY point, or point and time step) so only a few rows per monitoring point
 * leave it; H3 binning and the statistics happen in JS (no H3 in PostGIS here). Observation
 * measures read the flows rollup when it is fresh (source.ts).
 */
export interface Site {
  lon: number;
  lat: number;
  weight: number;
  /** ISO3 of the site's country, where known (access uses it for the border barrier). */
  country?: string | null;
  /** A name to show for the cell (the monitoring point's), where there is one. */
  label?: string | null;
}

export type Step = 'week' | 'month';

export interface TimedSite extends Site {
  /** First day of the step (weeks start on Monday), or null when not split by step. */
  t: string | null;
}

type Dims = Parameters<typeof prepare>[3]['dims'];

const VULNERABLE = { raw: 'cardinality(vulnerabilities) > 0', rollup: 'vulnerabilities_mask <> 0' } as const;

function dimsFor(q: SiteQuery): Dims {
  return q.measure === 'vulnerable' ? ['point', 'vulnerabilities'] : ['point'];
}

/** The summed expression; every name in it comes from this file or sql.ts, never from the request. */
function measureSql(q: SiteQuery, src: Source): string {
  if (q.measure === 'unaccompanied') return 'unaccompanied_children';
  if (q.measure === 'vulnerable') return `CASE WHEN ${VULNERABLE[src.kind]} THEN ${measureExpr(q)} ELSE 0 END`;
  return measureExpr(q);
}

export function observationSitesSql(q: SiteQuery, periods: readonly Period[], src: Source, step?: Step): Sql {
  const p = new Params();
  const t = step ? `, date_trunc(${p.bind(step)}, observed_on::timestamp)::date AS t` : '';
  const from = fromWhere(src, q, periods, p);
  const informal = q.measure === 'informal' ? `AND mp.kind = 'informal_crossing'` : '';
  const text = `WITH a AS (SELECT monitoring_point_id AS id${t}, sum(${measureSql(q, src)}) AS n ${from} GROUP BY 1${step ? ', 2' : ''})
    SELECT mp.name AS label, mp.country, ST_X(mp.geom) AS lon, ST_Y(mp.geom) AS lat, a.n${step ? ', a.t' : ', NULL AS t'}
    FROM a JOIN monitoring_points mp ON mp.id = a.id WHERE a.n > 0 ${informal} ORDER BY mp.id${step ? ', a.t' : ''}`;
  return { text, values: p.values };
}

/**
 * Reports: counted at their location as the caller may see it (coarsened below data manager,
 * server/privacy). Country: an imported country boundary holding the exact point, else the
 * report's monitoring point's, else the nearest reference place's (on a town-edge border such
 * as Nakonde–Tunduma the nearest town can be across it, hence last). Label: the monitoring
 * point's name, else the nearest place's.
 */
export function reportSitesSql(principal: Principal, q: SiteQuery, period: Period, step?: Step): Sql {
  const p = new Params();
  const loc = reportLocationSql(principal, { geom: 'r.geom', monitoringPointId: 'r.monitoring_point_id' });
  const t = step ? `date_trunc(${p.bind(step)}, r.reported_on::timestamp)::date` : 'NULL::date';
  const country = `COALESCE((SELECT a.country FROM admin_areas a WHERE a.level = 0 AND ST_Intersects(a.geom, r.geom) LIMIT 1),
    mp.country, (SELECT pl.country FROM places pl ORDER BY pl.geom <-> r.geom LIMIT 1))`;
  const where = [`r.reported_on BETWEEN ${p.bind(period.from, '::date')} AND ${p.bind(period.to, '::date')}`];
  if (q.point) where.push(`r.monitoring_point_id = ANY(${p.bind(q.point, '::int[]')})`);
  // A report is in the areas of its own location; its corridor is its monitoring point's.
  if (placeFiltered(q)) where.push(placeWhere(q, 'r', p, 'mp.corridor'));
  const text = `WITH x AS (SELECT ${loc} AS g, ${country} AS country, mp.name AS mp_name, ${t} AS t
      FROM reports r LEFT JOIN monitoring_points mp ON mp.id = r.monitoring_point_id WHERE ${where.join(' AND ')}),
    s AS (SELECT ST_X(g) AS lon, ST_Y(g) AS lat, country, mp_name, t, count(*)::int AS n FROM x GROUP BY 1, 2, 3, 4, 5)
    SELECT s.lon, s.lat, s.country, s.t, s.n, COALESCE(s.mp_name,
      (SELECT pl.name FROM places pl ORDER BY pl.geom <-> ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326) LIMIT 1)) AS label
    FROM s ORDER BY s.t, s.lon, s.lat, s.country, s.mp_name`;
  return { text, values: p.values };
}

type SiteRow = { lon: number; lat: number; n: number; country: string | null; label: string | null; t: string | null };

/** Sites with their counts over the period (or per step), for the caller's view of the data. */
export async function loadSites(db: Queryable, principal: Principal, q: SiteQuery, period: Period, step?: Step): Promise<TimedSite[]> {
  let sql: Sql;
  if (q.measure === 'reports') {
    sql = reportSitesSql(principal, q, period, step);
  } else {
    // The period is already resolved (whole steps for emerging): pass it as from/to so the flows
    // planner picks the cube and grains for exactly these days.
    const { src } = await prepare(db, { ...q, from: period.from, to: period.to }, {}, { dims: dimsFor(q), ...(step ? { bucket: step } : {}) });
    sql = observationSitesSql(q, [period], src, step);
  }
  const rows = await db.query<SiteRow>(sql.text, sql.values);
  return rows.map((r) => ({ lon: r.lon, lat: r.lat, weight: Number(r.n), country: r.country, label: r.label, t: r.t }));
}

/** The last day with data for a measure: the anchor of default periods. */
export async function lastDay(db: Queryable, q: Pick<SiteQuery, 'measure'>): Promise<string | null> {
  const text = q.measure === 'reports' ? 'SELECT max(reported_on) AS last FROM reports' : 'SELECT max(observed_on) AS last FROM observations';
  const [row] = await db.query<{ last: string | null }>(text);
  return row?.last ?? null;
}

/** The request's period: as the flow endpoints resolve it, anchored on the measure's own last day. */
export async function sitePeriod(db: Queryable, q: SiteQuery): Promise<Period> {
  return resolvePeriod(q, q.from && q.to ? null : await lastDay(db, q));
}
