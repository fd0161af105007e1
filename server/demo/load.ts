import type { Db, Queryable } from '../db/types.js';
import { demoDays } from './calendar.js';
import { copyRows } from './copy.js';
import { insertCatalog, type CatalogIds } from './catalog.js';
import { readGeography } from './geography.js';
import { DEMO_PROFILES, observationRows, type ObsRow } from './observations.js';
import { insertSurveys } from './survey-load.js';
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

/** Observation columns in the order observationColumns gives them. */
const OBSERVATION_TARGET = `observations (dataset_id, source_row_id, observed_on, monitoring_point_id, direction,
  origin_place_id, origin_country, previous_place_id, next_place_id, final_destination_place_id, destination_country,
  total, male, female, children, unaccompanied_children, nationality, transport_mode, reasons, vulnerabilities)`;

/**
 * The observations by COPY into the partitioned table (so its rollup trigger marks them as an
 * INSERT did). source_row_id = 'demo-' + the row's zero-padded sequence number: ids rise in
 * index order, so the unique (dataset_id, source_row_id) index takes the cheap rightmost-leaf path.
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
  return copyRows(tx, OBSERVATION_TARGET, rows, (r) => {
    const mp = ids.pointIds.get(r.point);
    if (mp === undefined) throw new Error(`demo row names monitoring point ${r.point}, which was not loaded`);
    return [
      ids.observationsDataset, `demo-${String(r.n).padStart(8, '0')}`, days[r.day] ?? null, mp, r.direction,
      place(r.origin), r.originCountry, place(r.previous), place(r.next), place(r.destination), r.destinationCountry,
      r.total, r.male, r.female, r.children, r.uac, r.nationality, r.mode,
      `{${r.reasons.join(',')}}`, `{${r.vulnerabilities.join(',')}}`,
    ];
  }, (done) => onProgress?.(done, total));
}
