import type { Db } from '../db/index.js';
import { measureName } from './flows.js';
import type { Period } from '../query/period.js';
import { bucketStart, type Grain } from '../query/plan.js';
import type { Bucket } from '../../common/flows.js';
import type { TimeseriesQuery } from './schemas.js';
import { prepare, type QueryOptions, runOn } from '../query/source.js';
import { fromWhere, measureExpr, Params, type Source, type Sql } from '../query/sql.js';

export interface TimeseriesResult {
  period: Period;
  bucket: Bucket;
  measure: string;
  /** One entry per bucket, empty buckets included; `t` is the bucket's first day (weeks start on Monday). */
  series: { t: string; count: number }[];
  totals: { count: number };
  source: Source['kind'];
}

const GRAIN: Record<Bucket, Grain> = { day: 'd', week: 'w', month: 'm' };

export function timeseriesSql(q: TimeseriesQuery, period: Period, src: Source): Sql {
  const p = new Params();
  // The bucket word comes from the schema's enum; bound anyway. ::timestamp keeps date_trunc
  // off timestamptz, whose result would depend on the session's time zone.
  const t = `date_trunc(${p.bind(q.bucket)}, observed_on::timestamp)::date`;
  const text = `SELECT ${t} AS t, sum(${measureExpr(q)}) AS n ${fromWhere(src, q, [period], p)} GROUP BY 1`;
  return { text, values: p.values };
}

/** Every bucket start from the period's first bucket to its last (the first and last may be partial). */
export function bucketStarts(period: Period, bucket: Bucket): string[] {
  const g = GRAIN[bucket];
  const out: string[] = [];
  for (let t = bucketStart(g, period.from); t <= period.to; ) {
    out.push(t);
    const next = new Date(`${t}T00:00:00Z`);
    if (g === 'd') next.setUTCDate(next.getUTCDate() + 1);
    else if (g === 'w') next.setUTCDate(next.getUTCDate() + 7);
    else next.setUTCMonth(next.getUTCMonth() + 1);
    t = next.toISOString().slice(0, 10);
  }
  return out;
}

export async function queryTimeseries(db: Db, q: TimeseriesQuery, opts: QueryOptions = {}): Promise<TimeseriesResult> {
  const { period, src } = await prepare(db, q, opts, { dims: [], bucket: q.bucket });
  const { text, values } = timeseriesSql(q, period, src);
  const rows = await runOn<{ t: string; n: number | null }>(db, src, { text, values });
  const byT = new Map(rows.map((r) => [r.t, r.n ?? 0]));
  const series = bucketStarts(period, q.bucket).map((t) => ({ t, count: byT.get(t) ?? 0 }));
  const count = series.reduce((s, b) => s + b.count, 0);
  return { period, bucket: q.bucket, measure: measureName(q), series, totals: { count }, source: src.kind };
}
