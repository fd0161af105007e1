import { type MaskedSet, maskOf, overlappingMasks } from './bits.js';
import type { Period } from './period.js';
import { CUBES, type CubeTable, dayCube, type Dim, MEASURES } from './cubes.js';
import type { Part } from './plan.js';
import type { FlowFilter } from './schemas.js';

export interface Sql {
  text: string;
  values: unknown[];
}

/** Collects bound values; every request value reaches SQL as `$n`, never as text. */
export class Params {
  readonly values: unknown[] = [];
  bind(v: unknown, cast = ''): string {
    this.values.push(v);
    return `$${this.values.length}${cast}`;
  }
}

/**
 * Where the rows come from: the observations table itself, or one rollup cube read as a set
 * of grain/date ranges (see plan.ts). Both expose the same column names, so every builder
 * below works on either; only the reason/vulnerability tests and the row count differ.
 */
export type Source = { kind: 'raw' } | { kind: 'rollup'; table: CubeTable; parts: Part[] };

/** Dimensions a filter needs from a cube. */
export function filterDims(f: FlowFilter): Dim[] {
  const dims: Dim[] = [];
  if (f.direction) dims.push('direction');
  if (f.point || placeFiltered(f)) dims.push('point');
  if (f.nationality) dims.push('nationality');
  if (f.transport) dims.push('transport');
  if (f.reason) dims.push('reasons');
  if (f.vulnerability) dims.push('vulnerabilities');
  return dims;
}

type Where = Pick<FlowFilter, 'corridor' | 'adm1' | 'adm2'>;

/** Whether a filter selects by corridor or admin area. */
export function placeFiltered(f: Where): boolean {
  return Boolean(f.corridor || f.adm1 || f.adm2);
}

/**
 * Conditions on a located row (alias `t`: a monitoring point, report, service…) for the
 * corridor and admin-area filters; `corridorOf` is the column holding the corridor code.
 */
export function placeWhere(f: Where, t: string, p: Params, corridorOf = `${t}.corridor`): string {
  const w: string[] = [];
  if (f.corridor) w.push(`${corridorOf} = ANY(${p.bind(f.corridor, '::text[]')})`);
  if (f.adm1) w.push(`${t}.adm1_pcode = ANY(${p.bind(f.adm1, '::text[]')})`);
  if (f.adm2) w.push(`${t}.adm2_pcode = ANY(${p.bind(f.adm2, '::text[]')})`);
  return w.length ? w.join(' AND ') : 'true';
}

/** The count a request asks for. Column names here come from the schema's enums only. */
export function measureExpr(f: Pick<FlowFilter, 'sex' | 'age'>): string {
  if (f.sex === 'female') return 'female';
  if (f.sex === 'male') return 'male';
  if (f.age === 'children') return 'children';
  if (f.age === 'adults') return '(total - children)';
  return 'total';
}

/** Observation rows (or their rollup equivalent) as a SUM-able expression. */
export function obsExpr(src: Source): string {
  return src.kind === 'raw' ? '1' : 'obs';
}

/**
 * `FROM … WHERE …` over the source for the given periods and filters. `periods` are the
 * raw-day ranges; for a rollup, `src.parts` already cover them.
 */
export function fromWhere(src: Source, f: FlowFilter, periods: readonly Period[], p: Params): string {
  const where: string[] = [];
  let table = src.kind === 'raw' ? 'observations' : src.table;
  if (src.kind === 'raw') {
    where.push(`(${periods.map((r) => `observed_on BETWEEN ${p.bind(r.from, '::date')} AND ${p.bind(r.to, '::date')}`).join(' OR ')})`);
  } else {
    const rows = cubeSource(src, p);
    table = rows.from;
    if (rows.where !== undefined) where.push(rows.where);
  }
  if (f.direction) where.push(`direction = ANY(${p.bind(f.direction, '::text[]')})`);
  if (f.point) where.push(`monitoring_point_id = ANY(${p.bind(f.point, '::int[]')})`);
  if (placeFiltered(f)) where.push(`monitoring_point_id IN (SELECT id FROM monitoring_points mp WHERE ${placeWhere(f, 'mp', p)})`);
  if (f.nationality) where.push(`nationality = ANY(${p.bind(f.nationality, '::char(3)[]')})`);
  if (f.transport) where.push(`transport_mode = ANY(${p.bind(f.transport, '::text[]')})`);
  if (f.reason) where.push(setFilter(src, 'reasons', f.reason, p));
  if (f.vulnerability) where.push(setFilter(src, 'vulnerabilities', f.vulnerability, p));
  return `FROM ${table} WHERE ${where.length ? where.join(' AND ') : 'true'}`;
}

const ranges = (parts: readonly Part[], p: Params): string =>
  parts.length
    ? `(${parts.map((r) => `(grain = ${p.bind(r.grain)} AND observed_on BETWEEN ${p.bind(r.from, '::date')} AND ${p.bind(r.to, '::date')})`).join(' OR ')})`
    : 'false';

type RollupSource = Extract<Source, { kind: 'rollup' }>;

/**
 * Where a cube's parts are read: weeks and months from the cube itself; days from the cube
 * itself when it keeps them, else from the cube that does (cubes.ts dayCube, flow_cube).
 */
export function partsOf(src: RollupSource): { dayTable: CubeTable; days: Part[]; coarse: Part[] } {
  return {
    dayTable: dayCube(src.table).table,
    days: src.parts.filter((r) => r.grain === 'd'),
    coarse: src.parts.filter((r) => r.grain !== 'd'),
  };
}

/**
 * The rows of a cube's parts. Day parts read from another cube (partsOf) are joined on by UNION
 * ALL under the cube's own column list (that cube's columns include them); the filters outside
 * are pushed into both branches by PostgreSQL. `where`: the grain/date condition, when the rows
 * come from one table.
 */
function cubeSource(src: RollupSource, p: Params): { from: string; where?: string } {
  const { dayTable, days, coarse } = partsOf(src);
  if (dayTable === src.table || !days.length) return { from: src.table, where: ranges(src.parts, p) };
  if (!coarse.length) return { from: dayTable, where: ranges(days, p) };
  const own = CUBES.find((c) => c.table === src.table);
  const cols = ['grain', 'observed_on', 'dataset_id', ...(own?.columns ?? []), ...MEASURES].join(', ');
  return {
    from: `(SELECT ${cols} FROM ${src.table} WHERE ${ranges(coarse, p)}
      UNION ALL SELECT ${cols} FROM ${dayTable} WHERE ${ranges(days, p)}) AS cube_rows`,
  };
}

/**
 * "Has any of these" on a reason or vulnerability set. Raw rows: array overlap. A cube led by
 * the mask (migration 007): `mask = ANY(every overlapping mask)`, which its index serves. Other
 * cubes: `mask & wanted <> 0`, one cheap test per row (a 256-value ANY there only adds cost).
 */
function setFilter(src: Source, set: MaskedSet, words: readonly string[], p: Params): string {
  if (src.kind === 'raw') return `${set} && ${p.bind(words, '::text[]')}`;
  const col = `${set}_mask`;
  const wanted = maskOf(set, words);
  if (CUBES.find((c) => c.table === src.table)?.lead === col) return `${col} = ANY(${p.bind(overlappingMasks(set, wanted), '::int[]')})`;
  return `(${col} & ${p.bind(wanted, '::int')}) <> 0`;
}
