import type { AlertMeasure, AlertScope } from '../../common/alerts.js';
import type { Queryable } from '../db/index.js';
import { addDays } from './period.js';
import { Params } from './sql.js';

/**
 * Daily count series per scope entity (a monitoring point, a corridor, a district) with each
 * entity's observation calendar: the query core of alert evaluation (server/alerts/). A day
 * without rows is 0 when some member point was active that day and null (a gap) otherwise.
 */
export interface SeriesSpec {
  measure: AlertMeasure;
  measureValue: string | null;
  scope: AlertScope;
  scopeValue: string | null;
  pointKind: string | null;
}

export interface EntitySeries {
  code: string;
  name: string;
  /** The point itself for scope 'point'; null for corridors and districts. */
  point: { id: number; code: string; lon: number; lat: number } | null;
  /** Day (YYYY-MM-DD) → value, or null when no member point was active. */
  days: { day: string; value: number | null; synthetic: boolean }[];
}

// Column names and CASE arms come from this table only; request values are bound.
function measureSql(spec: SeriesSpec, p: Params): { value: string; ratio: boolean } {
  switch (spec.measure) {
    case 'total': return { value: 'sum(o.total)', ratio: false };
    case 'children': return { value: 'sum(o.children)', ratio: false };
    case 'unaccompanied_children': return { value: 'sum(o.unaccompanied_children)', ratio: false };
    case 'trafficking_indicators':
      return { value: `sum(CASE WHEN 'trafficking_indicators' = ANY(o.vulnerabilities) THEN o.total ELSE 0 END)`, ratio: false };
    case 'vulnerability':
      return { value: `sum(CASE WHEN ${p.bind(spec.measureValue, '::text')} = ANY(o.vulnerabilities) THEN o.total ELSE 0 END)`, ratio: false };
    case 'nationality':
      return { value: `sum(CASE WHEN o.nationality = ${p.bind(spec.measureValue, '::text')} THEN o.total ELSE 0 END)`, ratio: false };
    case 'informal_share':
      return { value: `sum(CASE WHEN mp.kind = 'informal_crossing' THEN o.total ELSE 0 END)::float8 / nullif(sum(o.total), 0)`, ratio: true };
  }
}

const ENTITY: Record<AlertScope, { code: string; name: string; join: string }> = {
  point: { code: 'mp.code', name: 'mp.name', join: '' },
  corridor: { code: 'mp.corridor', name: 'initcap(mp.corridor)', join: '' },
  // District membership is decided in ONE place: the monitoring_point_district view (migration 013).
  district: { code: 'd.district_pcode', name: 'd.district_name', join: 'JOIN monitoring_point_district d ON d.monitoring_point_id = mp.id' },
};

function memberWhere(spec: SeriesSpec, p: Params, onlyPoints: readonly number[] | undefined): string {
  const e = ENTITY[spec.scope];
  const where = ['true'];
  if (spec.scopeValue !== null) where.push(`${e.code} = ${p.bind(spec.scopeValue, '::text')}`);
  if (spec.pointKind !== null) where.push(`mp.kind = ${p.bind(spec.pointKind, '::text')}`);
  // Entities that contain one of these points (an import touched them): the others did not change.
  if (onlyPoints) where.push(`${e.code} IN (SELECT ${e.code} FROM monitoring_points mp ${e.join} WHERE mp.id = ANY(${p.bind(onlyPoints, '::int[]')}))`);
  return where.join(' AND ');
}

interface Member {
  code: string; name: string; point_id: number; point_code: string; lon: number; lat: number;
  active_from: string | null; active_to: string | null; first_day: string | null;
}

/** Series of every entity of the spec's scope over from … to (inclusive, ISO dates). */
export async function dailySeries(q: Queryable, spec: SeriesSpec, from: string, to: string, onlyPoints?: readonly number[]): Promise<EntitySeries[]> {
  const e = ENTITY[spec.scope];
  const pm = new Params();
  const members = await q.query<Member & Record<string, unknown>>(
    `SELECT ${e.code} AS code, ${e.name} AS name, mp.id AS point_id, mp.code AS point_code, ST_X(mp.geom) AS lon, ST_Y(mp.geom) AS lat,
       mp.active_from::text AS active_from, mp.active_to::text AS active_to,
       (SELECT min(observed_on)::text FROM observations x WHERE x.monitoring_point_id = mp.id) AS first_day
     FROM monitoring_points mp ${e.join} WHERE ${memberWhere(spec, pm, onlyPoints)} ORDER BY 1, mp.id`,
    pm.values,
  );
  if (members.length === 0) return [];
  const p = new Params();
  const m = measureSql(spec, p);
  const rows = await q.query<{ code: string; day: string; value: number | null; synthetic: boolean }>(
    `SELECT ${e.code} AS code, o.observed_on::text AS day, (${m.value})::float8 AS value, bool_and(ds.is_synthetic) AS synthetic
     FROM observations o JOIN monitoring_points mp ON mp.id = o.monitoring_point_id JOIN datasets ds ON ds.id = o.dataset_id ${e.join}
     WHERE o.observed_on BETWEEN ${p.bind(from, '::date')} AND ${p.bind(to, '::date')} AND mp.id = ANY(${p.bind(members.map((x) => x.point_id), '::int[]')})
     GROUP BY 1, 2`,
    p.values,
  );
  const [end] = await q.query<{ day: string | null }>('SELECT max(observed_on)::text AS day FROM observations');
  return assemble(members, rows, dayList(from, to), end?.day ?? null, spec.scope === 'point', m.ratio);
}

function assemble(
  members: readonly Member[],
  rows: readonly { code: string; day: string; value: number | null; synthetic: boolean }[],
  days: readonly string[],
  dataEnd: string | null,
  isPoint: boolean,
  ratio: boolean,
): EntitySeries[] {
  const byCode = new Map<string, { name: string; members: Member[] }>();
  for (const mb of members) {
    const g = byCode.get(mb.code) ?? { name: mb.name, members: [] };
    g.members.push(mb);
    byCode.set(mb.code, g);
  }
  const observed = new Map(rows.map((r) => [`${r.code}|${r.day}`, r]));
  return [...byCode].map(([code, g]) => {
    const active = (day: string) =>
      dataEnd !== null && day <= dataEnd &&
      g.members.some((mb) => mb.first_day !== null && day >= mb.first_day && (mb.active_from === null || day >= mb.active_from) && (mb.active_to === null || day <= mb.active_to));
    const first = g.members[0] as Member;
    let synthetic = false; // a zero day is as synthetic as the data before it
    return {
      code,
      name: g.name,
      point: isPoint ? { id: first.point_id, code: first.point_code, lon: first.lon, lat: first.lat } : null,
      days: days.map((day) => {
        const r = observed.get(`${code}|${day}`);
        if (r) {
          synthetic = r.synthetic;
          return { day, value: r.value, synthetic };
        }
        // A share has no value on a day nobody crossed: a gap, not a zero.
        return { day, value: active(day) && !ratio ? 0 : null, synthetic };
      }),
    };
  });
}

/** Every day from … to, inclusive. */
function dayList(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
