import type { CrossingCounts, Crossing as SharedCrossing } from '../../common/flows.js';
import type { Db } from '../db/index.js';
import { measureName } from './flows.js';
import type { Period } from '../query/period.js';
import type { FlowFilter } from '../query/schemas.js';
import { relativeChange, round5 } from './shape.js';
import { prepare, type QueryOptions, runOn } from '../query/source.js';
import { fromWhere, measureExpr, Params, placeWhere, type Source, type Sql } from '../query/sql.js';

/**
 * Per monitoring point. inbound/outbound/transit: people by direction in the period;
 * net = inbound − outbound (positive: more people entering Zambia than leaving); dailyAverage
 * = (inbound + outbound + transit) / days of the period; previous = the same total over the
 * period of equal length just before; change = (total − previous) / previous (null if 0).
 */
export type Crossing = SharedCrossing<number>;

export interface CrossingsResult {
  period: Period;
  previousPeriod: Period;
  measure: string;
  crossings: Crossing[];
  totals: CrossingCounts<number>;
  source: Source['kind'];
}

export function crossingsSql(f: FlowFilter, cur: Period, prev: Period, src: Source): Sql {
  const p = new Params();
  const from = fromWhere(src, f, [prev, cur], p);
  // Rollup rows never straddle the two periods (each is planned on its own), so a row's
  // observed_on says which one it belongs to.
  const isCur = `observed_on >= ${p.bind(cur.from, '::date')}`;
  const m = measureExpr(f);
  const byDir = (d: string) => `coalesce(sum(${m}) FILTER (WHERE ${isCur} AND direction = '${d}'), 0)`;
  const agg = `SELECT monitoring_point_id AS id, ${byDir('inbound')} AS inbound, ${byDir('outbound')} AS outbound,
      ${byDir('transit')} AS transit, coalesce(sum(${m}) FILTER (WHERE NOT (${isCur})), 0) AS previous
    ${from} GROUP BY 1`;
  const only = `WHERE ${f.point ? `mp.id = ANY(${p.bind(f.point, '::int[]')})` : 'true'} AND ${placeWhere(f, 'mp', p)}`;
  const text = `SELECT mp.id, mp.name, mp.kind, mp.corridor, ST_Y(mp.geom) AS lat, ST_X(mp.geom) AS lon,
      coalesce(a.inbound, 0) AS inbound, coalesce(a.outbound, 0) AS outbound, coalesce(a.transit, 0) AS transit,
      coalesce(a.previous, 0) AS previous
    FROM monitoring_points mp LEFT JOIN (${agg}) a ON a.id = mp.id ${only} ORDER BY mp.corridor, mp.name, mp.id`;
  return { text, values: p.values };
}

type Row = Omit<Crossing, 'total' | 'net' | 'dailyAverage' | 'change'>;

export async function queryCrossings(db: Db, f: FlowFilter, opts: QueryOptions = {}): Promise<CrossingsResult> {
  const { period, previous: prev, src } = await prepare(db, f, opts, { dims: ['point', 'direction'], withPrevious: true });
  const { text, values } = crossingsSql(f, period, prev, src);
  const rows = await runOn<Row>(db, src, { text, values });
  const crossings = rows.map((r) => shapeCrossing(r, period.days));
  const sum = (k: 'inbound' | 'outbound' | 'transit' | 'total' | 'previous') => crossings.reduce((s, c) => s + c[k], 0);
  const totals = { inbound: sum('inbound'), outbound: sum('outbound'), transit: sum('transit'), total: sum('total'), previous: sum('previous') };
  return { period, previousPeriod: prev, measure: measureName(f), crossings, totals, source: src.kind };
}

export function shapeCrossing(r: Row, days: number): Crossing {
  const total = r.inbound + r.outbound + r.transit;
  return {
    ...r,
    lat: round5(r.lat),
    lon: round5(r.lon),
    total,
    net: r.inbound - r.outbound,
    dailyAverage: Math.round((total / days) * 100) / 100,
    change: relativeChange(total, r.previous),
  };
}
