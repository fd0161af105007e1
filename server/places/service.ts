import type { FeatureCollection, Geometry } from 'geojson';
import type { Db, Queryable, Row } from '../db/index.js';
import type { DisclosurePolicy } from '../privacy/disclosure.js';
import type { Period } from '../query/period.js';
import { prepare, type QueryOptions, runOn } from '../query/source.js';
import type { Sql } from '../query/sql.js';
import type { AreaSummaryResponse } from '../../common/places.js';
import { type AreaCounts, DIRECTIONS, discloseSummary } from './disclose.js';
import type { SummaryQuery } from './schemas.js';
import { activitiesByAreaSql, peopleByAreaSql, reportsByAreaSql, selectAreaFeatures, selectSummaryAreas, servicesByAreaSql } from './sql.js';
import { ATTRIBUTION } from './vendored.js';

export { ATTRIBUTION } from './vendored.js';
export type { AreaSummary } from '../../common/places.js';

/** Admin areas as GeoJSON: P-code, name, level, parent, and whether the P-code is official. */
export async function areaCollection(q: Queryable, level?: number): Promise<FeatureCollection & { attribution: string }> {
  const rows = await selectAreaFeatures(q, level);
  return {
    type: 'FeatureCollection',
    attribution: ATTRIBUTION,
    features: rows.map(({ geometry, ...props }) => ({ type: 'Feature', id: props.pcode, properties: props, geometry: JSON.parse(geometry) as Geometry })),
  };
}

/** People filters that protection reports do not carry: with any of them, reports are not counted. */
const PEOPLE_ONLY = ['direction', 'sex', 'age', 'nationality', 'transport', 'reason', 'vulnerability'] as const;

export type SummaryResult = AreaSummaryResponse;

const key = (pcode: string | null) => pcode ?? '';

/** Per area of a level: people crossing at its points, reports, services by kind, activities delivered. */
export async function areaSummary(
  db: Db, s: SummaryQuery, p: { ordinary: DisclosurePolicy; sensitive: DisclosurePolicy }, opts: QueryOptions = {},
): Promise<SummaryResult> {
  const { period, src } = await prepare(db, s, opts, { dims: ['point', 'direction'] });
  const withReports = PEOPLE_ONLY.every((f) => s[f] === undefined);
  const run = <T extends Row>(sql: Sql) => db.query<T>(sql.text, sql.values);
  const [areas, people, reports, services, activities] = await Promise.all([
    selectSummaryAreas(db, s),
    runOn<{ pcode: string | null; direction: string; n: number }>(db, src, peopleByAreaSql(s, period, src)),
    withReports ? run<{ pcode: string | null; n: number }>(reportsByAreaSql(s, period)) : undefined,
    run<{ pcode: string | null; kind: string; n: number }>(servicesByAreaSql(s)),
    run<{ pcode: string | null; n: number; reach: number }>(activitiesByAreaSql(s, period)),
  ]);
  const counts: AreaCounts = { people: new Map(), reports: undefined, services: new Map(), activities: new Map() };
  for (const r of people) {
    const row = counts.people.get(key(r.pcode)) ?? { inbound: 0, outbound: 0, transit: 0 };
    if ((DIRECTIONS as readonly string[]).includes(r.direction)) row[r.direction as (typeof DIRECTIONS)[number]] += Number(r.n);
    counts.people.set(key(r.pcode), row);
  }
  if (reports) counts.reports = new Map(reports.map((r) => [key(r.pcode), r.n]));
  for (const r of services) counts.services.set(key(r.pcode), { ...counts.services.get(key(r.pcode)), [r.kind]: r.n });
  for (const r of activities) counts.activities.set(key(r.pcode), { n: r.n, reach: r.reach });
  return {
    level: s.level,
    period,
    ...discloseSummary(areas, counts, p.ordinary, p.sensitive),
    notes: withReports ? [] : [`reports are not counted with ${PEOPLE_ONLY.filter((f) => s[f] !== undefined).join(', ')}: reports carry only a date and a place`],
    attribution: ATTRIBUTION,
    source: src.kind,
  };
}
