import type { Db, Queryable } from '../db/types.js';
import { demoDays } from './calendar.js';
import { datasetTable } from '../ingest/bulk.js';
import { copyRows } from './copy.js';
import { insertCatalog, type CatalogIds } from './catalog.js';
import { readGeography } from './geography.js';
import { DEMO_PROFILES, observationRows, type ObsRow } from './observations.js';
import { insertSurveys } from './survey-load.js';
import { MARK_DAYS } from '../query/rollup-sql.js';
import { COUNT_PLACES, SET_DATASET_ROWS } from './sql.js';

export interface DemoOptions {
  rows: number;
  seed: number;
}

export interface DemoCounts {
  observations: number;
  reports: number;
  services: number;
  outreachSites: number;
  monitoringPoints: number;
  places: number;
  surveyRespondents: number;
}

export const MAX_DEMO_ROWS = 20_000_000;

export class DemoLoadError extends Error {}

/**
 * Loads the synthetic demo (docs/architecture.md#demo-data) into an empty, migrated database: reference
 * geography, synthetic services, sites and reports, then `rows` observations streamed by
 * COPY (copy.ts). Everything happens in one transaction, so an interrupted load (a killed first
 * start) leaves the database empty and the next start simply loads again.
 */
export async function loadDemo(db: Db, opts: DemoOptions, onProgress?: (done: number, total: number) => void): Promise<DemoCounts> {
  if (!Number.isInteger(opts.rows) || opts.rows < 0 || opts.rows > MAX_DEMO_ROWS) {
    throw new DemoLoadError(`demo rows must be an integer from 0 to ${MAX_DEMO_ROWS}, got ${opts.rows}`);
  }
  if (!Number.isSafeInteger(opts.seed)) throw new DemoLoadError(`demo seed must be an integer, got ${opts.seed}`);
  const geo = readGeography();
  return db.transaction(async (tx) => {
    const [existing] = await tx.query<{ n: number }>(COUNT_PLACES);
    if ((existing?.n ?? 0) > 0) {
      throw new DemoLoadError(
        `the database already has ${existing?.n} places: the demo loads only into an empty database ` +
          `(npm run demo -- --replace removes an earlier demo first)`,
      );
    }
    const ids = await insertCatalog(tx, geo, opts.seed);
    const observations = await insertObservations(tx, ids, observationRows(geo, DEMO_PROFILES, opts.rows, opts.seed), opts.rows, onProgress);
    await tx.query(SET_DATASET_ROWS, [ids.observationsDataset, observations]);
    const surveyRespondents = await insertSurveys(tx, opts.seed);
    return { observations, ...ids.counts, surveyRespondents };
  });
}

/** A table's observation columns, in the order insertObservations gives them. */
const observationTarget = (table: string) => `${table} (dataset_id, source_row_id, observed_on, monitoring_point_id, direction,
  origin_place_id, origin_country, previous_place_id, next_place_id, final_destination_place_id, destination_country,
  total, male, female, children, unaccompanied_children, nationality, transport_mode, reasons, vulnerabilities)`;

/**
 * The observations by COPY into the dataset's own table, which is then attached as its partition
 * of observations, as a bulk import does (ingest/bulk.ts datasetTable): a COPY into the
 * partitioned table paid six foreign-key checks per row and the rollup trigger's transition
 * table (8.4 s of the 10.5 s demo load at 200,000 rows on the embedded engine; 1.5 s this way,
 * the ATTACH checking each key with one join). source_row_id = 'demo-' + the row's zero-padded
 * sequence number, so the key's index is built from rows already in its order.
 */
async function insertObservations(
  tx: Queryable,
  ids: CatalogIds,
  rows: Iterable<ObsRow>,
  total: number,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const days = demoDays().map((d) => d.iso);
  const place = (code: string | null): number | null => {
    if (code === null) return null;
    const id = ids.placeIds.get(code);
    if (id === undefined) throw new Error(`demo row names place ${code}, which was not loaded`);
    return id;
  };
  const { table, create, early, late } = datasetTable(ids.observationsDataset);
  await tx.exec(create);
  const copied = await copyRows(tx, observationTarget(table), rows, (r) => {
    const mp = ids.pointIds.get(r.point);
    if (mp === undefined) throw new Error(`demo row names monitoring point ${r.point}, which was not loaded`);
    return [
      ids.observationsDataset, `demo-${String(r.n).padStart(8, '0')}`, days[r.day] ?? null, mp, r.direction,
      place(r.origin), r.originCountry, place(r.previous), place(r.next), place(r.destination), r.destinationCountry,
      r.total, r.male, r.female, r.children, r.uac, r.nationality, r.mode,
      `{${r.reasons.join(',')}}`, `{${r.vulnerabilities.join(',')}}`,
    ];
  }, (done) => onProgress?.(done, total));
  await tx.exec(`SET LOCAL maintenance_work_mem = '256MB'`); // each index one sort in memory
  for (const index of [...early, ...late]) await tx.exec(index);
  await tx.exec(`ALTER TABLE observations ATTACH PARTITION ${table} FOR VALUES IN (${ids.observationsDataset})`);
  // Attaching fires no insert trigger: the days are marked for the rollup refresh (migration 003).
  if (copied > 0) await tx.query(MARK_DAYS, [ids.observationsDataset, days[0], days.at(-1)]);
  return copied;
}
