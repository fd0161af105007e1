import type { Queryable } from '../db/index.js';
import type { Period } from '../query/period.js';
import { fromWhere, obsExpr, Params, type Source, type Sql } from '../query/sql.js';
import { type DisclosurePolicy, publishBreakdown, publishCount } from '../privacy/disclosure.js';
import type { ObservationsExportQuery } from './schemas.js';
import type { ExportColumn, ExportRow } from './writer.js';

/** Counts of a row before disclosure control. */
export interface Counts {
  records: number;
  total: number;
  male: number;
  female: number;
  children: number;
  unaccompanied_children: number;
}

const COUNT_COLUMNS: ExportColumn[] = [
  { name: 'total', hxl: '#affected+total' },
  { name: 'male', hxl: '#affected+m' },
  { name: 'female', hxl: '#affected+f' },
  { name: 'children', hxl: '#affected+children' },
  { name: 'unaccompanied_children', hxl: '#affected+children+unaccompanied' },
];

/** Aggregate rows; the tags are the ones the importer reads, so an export can be re-imported. */
export const AGGREGATE_COLUMNS: ExportColumn[] = [
  { name: 'period', hxl: '#date' },
  { name: 'monitoring_point', hxl: '#loc+code' },
  { name: 'monitoring_point_name', hxl: '#loc+name' },
  { name: 'direction', hxl: '#indicator+direction' },
  { name: 'adm1_code', hxl: '#adm1+code' },
  { name: 'adm1_name', hxl: '#adm1+name' },
  { name: 'adm2_code', hxl: '#adm2+code' },
  { name: 'adm2_name', hxl: '#adm2+name' },
  { name: 'lon', hxl: '#geo+lon' },
  { name: 'lat', hxl: '#geo+lat' },
  { name: 'records', hxl: '#meta+records' },
  ...COUNT_COLUMNS,
  { name: 'suppressed', hxl: '#meta+suppressed' },
];

/**
 * Publishes one row's counts under disclosure control. Sex (male, female and the unknown rest)
 * and age (children and the rest) are breakdowns of the total, unaccompanied children of the
 * children, each with complementary suppression (server/privacy/disclosure.ts). When any of them
 * has to hide the total, every count of the row is hidden: a published male + female could
 * otherwise give the total back. Hidden counts are empty cells and `suppressed` is true.
 */
export function publishCounts(c: Omit<Counts, 'records'>, policy: DisclosurePolicy): ExportRow {
  const sex = publishBreakdown([{ key: 'male', count: c.male }, { key: 'female', count: c.female }], policy, { total: c.total });
  const age = publishBreakdown([{ key: 'children', count: c.children }], policy, { total: c.total });
  const uac = publishBreakdown([{ key: 'uac', count: c.unaccompanied_children }], policy, { total: c.children });
  if (sex.total.suppressed || age.total.suppressed) {
    return { total: null, male: null, female: null, children: null, unaccompanied_children: null, suppressed: true };
  }
  const [male, female] = sex.cells;
  const childrenHidden = (age.cells[0]?.suppressed ?? false) || uac.total.suppressed;
  const out: ExportRow = {
    total: c.total,
    male: male?.count ?? null,
    female: female?.count ?? null,
    children: childrenHidden ? null : c.children,
    unaccompanied_children: childrenHidden ? null : (uac.cells[0]?.count ?? null),
  };
  out.suppressed = Object.values(out).some((v) => v === null);
  return out;
}

/** Counts per bucket × monitoring point × direction, from the rollup when it is fresh. */
export function aggregateSql(q: ObservationsExportQuery, period: Period, src: Source): Sql {
  const p = new Params();
  const t = `date_trunc(${p.bind(q.bucket)}, observed_on::timestamp)::date`;
  const agg = `SELECT ${t} AS period, monitoring_point_id, direction, sum(${obsExpr(src)}) AS records, sum(total) AS total,
      sum(male) AS male, sum(female) AS female, sum(children) AS children, sum(unaccompanied_children) AS unaccompanied_children
    ${fromWhere(src, q, [period], p)} GROUP BY 1, 2, 3`;
  const text = `SELECT a.*, mp.code, mp.name, mp.adm1_pcode AS adm1_code, a1.name AS adm1_name, mp.adm2_pcode AS adm2_code, a2.name AS adm2_name,
      ST_X(mp.geom) AS lon, ST_Y(mp.geom) AS lat
    FROM (${agg}) a JOIN monitoring_points mp ON mp.id = a.monitoring_point_id
      LEFT JOIN admin_areas a1 ON a1.pcode = mp.adm1_pcode LEFT JOIN admin_areas a2 ON a2.pcode = mp.adm2_pcode ORDER BY a.period, mp.code, a.direction`;
  return { text, values: p.values };
}

export interface AggregateRow extends Counts {
  period: string;
  direction: string;
  code: string;
  name: string;
  adm1_code: string | null;
  adm1_name: string | null;
  adm2_code: string | null;
  adm2_name: string | null;
  lon: number;
  lat: number;
}

export function aggregateRow(r: AggregateRow, policy: DisclosurePolicy): ExportRow {
  const counts = publishCounts(r, policy);
  // How many records a cell holds says how many groups were seen: small numbers are hidden too.
  const records = publishCount(r.records, policy);
  return {
    period: r.period, monitoring_point: r.code, monitoring_point_name: r.name,
    adm1_code: r.adm1_code, adm1_name: r.adm1_name, adm2_code: r.adm2_code, adm2_name: r.adm2_name, direction: r.direction,
    lon: round6(r.lon), lat: round6(r.lat), ...counts, records: records.count, suppressed: counts.suppressed === true || records.suppressed,
  };
}

export async function* aggregateRows(db: Queryable, sql: Sql, policy: DisclosurePolicy): AsyncGenerator<ExportRow & { lon: number; lat: number }> {
  for (const r of await db.query<AggregateRow & Record<string, unknown>>(sql.text, sql.values)) {
    yield { ...aggregateRow(r, policy), lon: r.lon, lat: r.lat };
  }
}

/** Whether any observations dataset is synthetic demo data (exports say so in their name and metadata). */
export async function hasSyntheticObservations(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ synthetic: boolean }>(`SELECT coalesce(bool_or(is_synthetic), false) AS synthetic FROM datasets WHERE kind = 'observations'`);
  return row?.synthetic === true;
}

export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
