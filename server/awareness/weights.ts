import type { IndicatorDefinition, SurveySummary } from '../../common/awareness.js';
import type { Queryable } from '../db/index.js';
import { estimateBy } from './estimate.js';
import * as sql from './sql.js';

/**
 * The awareness level at given points, for the outreach planner's lowAwareness weighting
 * (issue 16 item 6): the estimate of the point's district when enough respondents are behind
 * it, else the n-weighted mean of the nearest clusters' estimates, else the survey's overall
 * estimate. Estimates are unsuppressed here: like demand, they stay inside the plan's
 * computation, and the plan publishes only its sites, figures and which survey it used.
 */

/** A district estimate from fewer respondents is too noisy to plan by; the nearest clusters stand in. */
export const MIN_DISTRICT_RESPONDENTS = 30;
/** Clusters that stand in for a district: at most this many, within this distance. */
export const NEAREST_CLUSTERS = 3;
export const CLUSTER_REACH_KM = 50;

export interface AwarenessAt {
  /** Estimated proportion (0…1) at each point, in point order. */
  values: number[];
  from: { district: number; clusters: number; survey: number };
}

const POINT_DISTRICTS = `
  SELECT (u.i - 1)::int AS i, admin_area_at(ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326), 2, 'ZMB') AS pcode
  FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS u(lon, lat, i)`;

function km(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const rad = Math.PI / 180;
  const s = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(s)));
}

export async function awarenessAt(db: Queryable, points: readonly { lon: number; lat: number }[], survey: SurveySummary, indicator: IndicatorDefinition): Promise<AwarenessAt> {
  const rows = await sql.respondents(db, survey.id);
  const open = { suppress: false, k: 0 };
  const district = new Map(estimateBy(rows, indicator, 'district', open).rows.filter((r) => (r.n ?? 0) >= MIN_DISTRICT_RESPONDENTS).map((r) => [r.key, r.estimate ?? 0]));
  const byCluster = estimateBy(rows, indicator, 'cluster', open);
  const clusterEst = new Map(byCluster.rows.map((r) => [r.key, r]));
  const centres = (await sql.clusterCentres(db, survey.id, false)).flatMap((c) => {
    const e = clusterEst.get(c.cluster);
    return e && e.estimate !== null ? [{ ...c, estimate: e.estimate, n: e.n ?? 0 }] : [];
  });
  const overall = byCluster.overall.estimate ?? 0;
  const pcodes = await db.query<{ i: number; pcode: string | null }>(POINT_DISTRICTS, [points.map((p) => p.lon), points.map((p) => p.lat)]);
  const pcodeOf = new Array<string | null>(points.length).fill(null);
  for (const r of pcodes) pcodeOf[r.i] = r.pcode;
  const from = { district: 0, clusters: 0, survey: 0 };
  const values = points.map((p, i) => {
    const d = district.get(pcodeOf[i] ?? '');
    if (d !== undefined) {
      from.district++;
      return d;
    }
    const near = centres
      .map((c) => ({ c, d: km(p, c) }))
      .filter((x) => x.d <= CLUSTER_REACH_KM)
      .sort((a, b) => a.d - b.d)
      .slice(0, NEAREST_CLUSTERS);
    const n = near.reduce((s, x) => s + x.c.n, 0);
    if (n > 0) {
      from.clusters++;
      return near.reduce((s, x) => s + x.c.estimate * x.c.n, 0) / n;
    }
    from.survey++;
    return overall;
  });
  return { values, from };
}
