import type { Queryable } from '../db/index.js';
import type { Period } from '../query/period.js';
import { fromWhere, Params } from '../query/sql.js';
import { type DisclosurePolicy, isSensitive } from '../privacy/disclosure.js';
import { type Counts, publishCounts, round6 } from './observations.js';
import type { ObservationsExportQuery } from './schemas.js';
import type { ExportColumn, ExportRow } from './writer.js';

const PAGE = 10_000;

/** Record-level columns: the importer's field names and tags, so a file can go back in. */
export const RECORD_COLUMNS: ExportColumn[] = [
  { name: 'source_row_id', hxl: '#meta+id' },
  { name: 'dataset_id', hxl: '#meta+dataset' },
  { name: 'date', hxl: '#date' },
  { name: 'time', hxl: '#date+time' },
  { name: 'monitoring_point', hxl: '#loc+code' },
  { name: 'direction', hxl: '#indicator+direction' },
  { name: 'origin', hxl: '#loc+origin' },
  { name: 'origin_country', hxl: '#country+code+origin' },
  { name: 'previous', hxl: '#loc+previous' },
  { name: 'next', hxl: '#loc+next' },
  { name: 'final_destination', hxl: '#loc+destination' },
  { name: 'destination_country', hxl: '#country+code+destination' },
  { name: 'total', hxl: '#affected+total' },
  { name: 'male', hxl: '#affected+m' },
  { name: 'female', hxl: '#affected+f' },
  { name: 'children', hxl: '#affected+children' },
  { name: 'unaccompanied_children', hxl: '#affected+children+unaccompanied' },
  { name: 'nationality', hxl: '#country+code+nationality' },
  { name: 'transport_mode', hxl: '#indicator+transport' },
  { name: 'reasons', hxl: '#indicator+reason' },
  { name: 'vulnerabilities', hxl: '#indicator+vulnerability' },
  { name: 'lon', hxl: '#geo+lon' },
  { name: 'lat', hxl: '#geo+lat' },
  { name: 'suppressed', hxl: '#meta+suppressed' },
];

interface RecordRow extends Omit<Counts, 'records'> {
  id: number;
  source_row_id: string;
  dataset_id: number;
  observed_on: string;
  observed_at: string | null;
  point: string;
  direction: string;
  origin: string | null;
  origin_country: string | null;
  previous: string | null;
  next: string | null;
  destination: string | null;
  destination_country: string | null;
  nationality: string | null;
  transport_mode: string | null;
  reasons: string[];
  vulnerabilities: string[];
  lon: number;
  lat: number;
}

function pageSql(q: ObservationsExportQuery, period: Period, after: number): { text: string; values: unknown[] } {
  const p = new Params();
  const where = fromWhere({ kind: 'raw' }, q, [period], p);
  const text = `WITH o AS (SELECT * ${where} AND id > ${p.bind(after, '::bigint')} ORDER BY id LIMIT ${p.bind(PAGE, '::int')})
    SELECT o.id, o.source_row_id, o.dataset_id, o.observed_on, o.observed_at::text AS observed_at, mp.code AS point, o.direction,
      coalesce(op.code, o.origin_country) AS origin, o.origin_country, pp.code AS previous, np.code AS next,
      coalesce(dp.code, o.destination_country) AS destination, o.destination_country, o.total, o.male, o.female, o.children,
      o.unaccompanied_children, o.nationality, o.transport_mode, o.reasons, o.vulnerabilities, ST_X(mp.geom) AS lon, ST_Y(mp.geom) AS lat
    FROM o JOIN monitoring_points mp ON mp.id = o.monitoring_point_id
      LEFT JOIN places op ON op.id = o.origin_place_id LEFT JOIN places pp ON pp.id = o.previous_place_id
      LEFT JOIN places np ON np.id = o.next_place_id LEFT JOIN places dp ON dp.id = o.final_destination_place_id
    ORDER BY o.id`;
  return { text, values: p.values };
}

/**
 * Observation records page by page (keyset on id), counts under disclosure control: a record
 * flagged with trafficking indicators uses the sensitive k.
 */
export async function* recordRows(
  db: Queryable,
  q: ObservationsExportQuery,
  period: Period,
  policy: { ordinary: DisclosurePolicy; sensitive: DisclosurePolicy },
  stop: () => boolean,
): AsyncGenerator<ExportRow & { lon: number; lat: number }> {
  let after = 0;
  while (!stop()) {
    const { text, values } = pageSql(q, period, after);
    const page = await db.query<RecordRow & Record<string, unknown>>(text, values);
    for (const r of page) {
      yield {
        source_row_id: r.source_row_id, dataset_id: r.dataset_id, date: r.observed_on, time: r.observed_at, monitoring_point: r.point,
        direction: r.direction, origin: r.origin, origin_country: r.origin_country, previous: r.previous, next: r.next,
        final_destination: r.destination, destination_country: r.destination_country, nationality: r.nationality,
        transport_mode: r.transport_mode, reasons: r.reasons.join(' '), vulnerabilities: r.vulnerabilities.join(' '),
        ...publishCounts(r, isSensitive({ vulnerability: r.vulnerabilities }) ? policy.sensitive : policy.ordinary),
        lon: round6(r.lon), lat: round6(r.lat),
      };
    }
    if (page.length < PAGE) return;
    after = page.at(-1)?.id ?? after;
  }
}
