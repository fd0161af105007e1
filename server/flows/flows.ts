import type { Db } from '../db/index.js';
import { END_COLUMNS, END_JOINS, END_KEYS, placeEndsCte } from './ends.js';
import { type Location, lookupLocations } from './locations.js';
import type { Period } from '../query/period.js';
import type { FlowsQuery } from './schemas.js';
import { prepare, type QueryOptions, runOn } from '../query/source.js';
import { type EndRow, type Flow, type FlowTotals, assembleFlows, locationTotals } from './shape.js';
import { fromWhere, measureExpr, Params, type Source, type Sql } from '../query/sql.js';

export interface FlowsResult {
  period: Period;
  level: FlowsQuery['level'];
  measure: string;
  locations: (Location & { incoming: number; outgoing: number })[];
  flows: Flow[];
  totals: FlowTotals;
  source: Source['kind'];
}

/** The OD query: aggregate on the raw ends first (few rows), then map ends to the level. */
export function flowsSql(q: FlowsQuery, period: Period, src: Source): Sql {
  const p = new Params();
  const byPoint = q.level === 'point';
  const from = fromWhere(src, q, [period], p);
  const pe = placeEndsCte(q.level === 'point' ? 'place' : q.level, q.adminLevel, p);
  const mp = byPoint ? ', monitoring_point_id AS mp' : '';
  const f = `f AS (SELECT ${END_COLUMNS}${mp}, sum(${measureExpr(q)}) AS n ${from} GROUP BY 1, 2, 3, 4${byPoint ? ', 5' : ''})`;
  const e = `e AS (SELECT ${END_KEYS}${byPoint ? ', f.mp' : ''}, f.n FROM f ${END_JOINS})`;
  const located = 'o IS NOT NULL AND d IS NOT NULL';
  const select = byPoint
    ? `SELECT o, 'm:' || mp AS d, sum(n) AS n FROM e WHERE ${located} GROUP BY 1, 2
       UNION ALL SELECT 'm:' || mp, d, sum(n) FROM e WHERE ${located} GROUP BY 1, 2
       UNION ALL SELECT NULL, NULL, sum(n) FROM e WHERE NOT (${located})`
    : 'SELECT o, d, sum(n) AS n FROM e GROUP BY 1, 2';
  return { text: `WITH ${f}, ${pe}, ${e} ${select}`, values: p.values };
}

export async function queryFlows(db: Db, q: FlowsQuery, opts: QueryOptions = {}): Promise<FlowsResult> {
  const { period, src } = await prepare(db, q, opts, { dims: q.level === 'point' ? ['od', 'point'] : ['od'] });
  const { text, values } = flowsSql(q, period, src);
  const rows = await runOn<{ o: string | null; d: string | null; n: number | null }>(db, src, { text, values });
  const ends: EndRow[] = rows.map((r) => ({ o: r.o, d: r.d, n: r.n ?? 0 }));
  const { flows, totals } = assembleFlows(ends, q.level === 'point' ? 2 : 1);
  const sums = locationTotals(flows);
  const locations = (await lookupLocations(db, [...sums.keys()].sort())).map((l) => ({
    ...l,
    incoming: sums.get(l.id)?.incoming ?? 0,
    outgoing: sums.get(l.id)?.outgoing ?? 0,
  }));
  return { period, level: q.level, measure: measureName(q), locations, flows, totals, source: src.kind };
}

/** What the counts count, for legends: total, female, male, children or adults. */
export function measureName(q: { sex?: string | undefined; age?: string | undefined }): string {
  return q.sex ?? q.age ?? 'total';
}
