import type { Db } from '../db/index.js';
import { countWords } from '../query/bits.js';
import { measureName } from './flows.js';
import type { Period } from '../query/period.js';
import type { Dim } from '../query/cubes.js';
import { BREAKDOWN_DIMS, type BreakdownDim } from '../../common/flows.js';
import type { BreakdownsQuery } from './schemas.js';
import { prepare, type QueryOptions, runOn } from '../query/source.js';
import { fromWhere, measureExpr, Params, type Source, type Sql } from '../query/sql.js';

export interface Category {
  key: string;
  count: number;
}

/**
 * Counts per category of one dimension. `multi`: a group can carry several reasons or
 * vulnerabilities, so those categories overlap and do not add up to `total`; the others
 * partition it (what complementary suppression relies on).
 */
export interface Breakdown {
  dimension: BreakdownDim;
  total: number;
  multi: boolean;
  categories: Category[];
}

export interface BreakdownsResult {
  period: Period;
  measure: string;
  breakdowns: Breakdown[];
  totals: { count: number };
  source: Source['kind'];
}

// Grouping column per attribute dimension; sets are masks in the rollup, arrays in the raw table.
const GROUPED = { nationality: 'nationality', transport: 'transport_mode', reason: 'reasons', vulnerability: 'vulnerabilities' } as const;
type Grouped = keyof typeof GROUPED;
const CUBE_DIM: Record<Grouped, Dim> = { nationality: 'nationality', transport: 'transport', reason: 'reasons', vulnerability: 'vulnerabilities' };

function column(dim: Grouped, src: Source): string {
  const col = GROUPED[dim];
  return src.kind === 'rollup' && (dim === 'reason' || dim === 'vulnerability') ? `${col}_mask` : col;
}

type Row = {
  dim: Grouped | 'all';
  k: string | number | string[] | null;
  n: number | null;
  total: number | null;
  male: number | null;
  female: number | null;
  children: number | null;
};

/** One scan: GROUPING SETS give each attribute's groups plus the grand total (sex and age columns). */
export function breakdownsSql(q: BreakdownsQuery, period: Period, src: Source, dims: readonly Grouped[]): Sql {
  const p = new Params();
  const label = dims.map((d) => `WHEN GROUPING(${column(d, src)}) = 0 THEN '${d}'`).join(' ');
  const key = dims.length ? `coalesce(${dims.map((d) => `to_jsonb(${column(d, src)})`).join(', ')})` : 'NULL::jsonb';
  const sets = [...dims.map((d) => `(${column(d, src)})`), '()'].join(', ');
  const text = `SELECT ${dims.length ? `CASE ${label} ELSE 'all' END` : `'all'`} AS dim, ${key} AS k, sum(${measureExpr(q)}) AS n,
      sum(total) AS total, sum(male) AS male, sum(female) AS female, sum(children) AS children
    ${fromWhere(src, q, [period], p)} GROUP BY GROUPING SETS (${sets})`;
  return { text, values: p.values };
}

export async function queryBreakdowns(db: Db, q: BreakdownsQuery, opts: QueryOptions = {}): Promise<BreakdownsResult> {
  const wanted = q.by ?? [...BREAKDOWN_DIMS];
  const grouped = wanted.filter((d): d is Grouped => d in GROUPED);
  const { period, src } = await prepare(db, q, opts, { dims: grouped.map((d) => CUBE_DIM[d]) });
  const { text, values } = breakdownsSql(q, period, src, grouped);
  const rows = await runOn<Row>(db, src, { text, values });
  return { period, measure: measureName(q), ...shapeBreakdowns(rows, wanted), source: src.kind };
}

/** Query rows → breakdowns in the order asked (pure). */
export function shapeBreakdowns(rows: readonly Row[], wanted: readonly BreakdownDim[]): { breakdowns: Breakdown[]; totals: { count: number } } {
  const all = rows.find((r) => r.dim === 'all');
  const count = all?.n ?? 0;
  const total = all?.total ?? 0;
  const [male, female, children] = [all?.male ?? 0, all?.female ?? 0, all?.children ?? 0];
  const of = (d: Grouped) => rows.filter((r) => r.dim === d);
  const out = wanted.map((dim): Breakdown => {
    if (dim === 'sex') {
      const cats = [['female', female], ['male', male], ['unknown', total - male - female]] as const;
      return { dimension: dim, total, multi: false, categories: cats.map(([key, c]) => ({ key, count: c })) };
    }
    if (dim === 'age') {
      const cats = [['children', children], ['adults', total - children]] as const;
      return { dimension: dim, total, multi: false, categories: cats.map(([key, c]) => ({ key, count: c })) };
    }
    if (dim === 'reason' || dim === 'vulnerability') {
      const set = dim === 'reason' ? 'reasons' : 'vulnerabilities';
      const words = countWords(set, of(dim).map((r) => ({ set: (r.k ?? []) as number | string[], n: r.n ?? 0 })));
      return { dimension: dim, total: count, multi: true, categories: [...words].map(([key, c]) => ({ key, count: c })) };
    }
    const cats = of(dim)
      .map((r) => ({ key: r.k === null ? 'unknown' : String(r.k).trim(), count: r.n ?? 0 }))
      .filter((c) => c.count > 0)
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    return { dimension: dim, total: count, multi: false, categories: cats };
  });
  return { breakdowns: out, totals: { count } };
}
