import type { Db } from '../db/index.js';
import { END_COLUMNS, END_JOINS, END_KEYS, placeEndsCte } from './ends.js';
import { measureName } from './flows.js';
import { type Location, lookupLocations } from './locations.js';
import type { Period } from '../query/period.js';
import type { CorridorsQuery } from './schemas.js';
import { prepare, type QueryOptions, runOn } from '../query/source.js';
import { fromWhere, measureExpr, Params, type Source, type Sql } from '../query/sql.js';

/** origin → monitoring point (the crossing) → destination, with the ends as in ends.ts. */
export interface Corridor {
  origin: string;
  crossing: string;
  dest: string;
  count: number;
  /** Share of all located people in the period (0…1). */
  share: number;
}

export interface CorridorsResult {
  period: Period;
  level: CorridorsQuery['level'];
  measure: string;
  corridors: Corridor[];
  locations: Location[];
  /** count: located people over all chains; chains: how many chains there are; shown: the top N's sum. */
  totals: { count: number; chains: number; shown: number };
  source: Source['kind'];
}

type Row = {
  o: string;
  via: string;
  d: string;
  n: number;
  chains: number;
  located: number;
};

export function corridorsSql(q: CorridorsQuery, period: Period, src: Source): Sql {
  const p = new Params();
  const from = fromWhere(src, q, [period], p);
  const pe = placeEndsCte(q.level, q.adminLevel, p);
  const f = `f AS (SELECT ${END_COLUMNS}, monitoring_point_id AS mp, sum(${measureExpr(q)}) AS n ${from} GROUP BY 1, 2, 3, 4, 5)`;
  const e = `e AS (SELECT ${END_KEYS}, 'm:' || f.mp AS via, f.n FROM f ${END_JOINS})`;
  // Window totals are computed before LIMIT, so one statement gives the top N and the whole.
  const text = `WITH ${f}, ${pe}, ${e}
    SELECT o, via, d, sum(n) AS n, count(*) OVER () AS chains, sum(sum(n)) OVER () AS located
    FROM e WHERE o IS NOT NULL AND d IS NOT NULL GROUP BY o, via, d HAVING sum(n) > 0
    ORDER BY n DESC, o, via, d LIMIT ${p.bind(q.limit, '::int')}`;
  return { text, values: p.values };
}

export async function queryCorridors(db: Db, q: CorridorsQuery, opts: QueryOptions = {}): Promise<CorridorsResult> {
  const { period, src } = await prepare(db, q, opts, { dims: ['od', 'point'] });
  const { text, values } = corridorsSql(q, period, src);
  const rows = await runOn<Row>(db, src, { text, values });
  const located = rows[0]?.located ?? 0;
  const corridors = rows.map((r) => ({
    origin: r.o,
    crossing: r.via,
    dest: r.d,
    count: r.n,
    share: located > 0 ? Math.round((r.n / located) * 10_000) / 10_000 : 0,
  }));
  const keys = [...new Set(corridors.flatMap((c) => [c.origin, c.crossing, c.dest]))].sort();
  const shown = corridors.reduce((s, c) => s + c.count, 0);
  return {
    period,
    level: q.level,
    measure: measureName(q),
    corridors,
    locations: await lookupLocations(db, keys),
    totals: { count: located, chains: rows[0]?.chains ?? 0, shown },
    source: src.kind,
  };
}
