import type { Db, Queryable } from '../db/types.js';
import { DEMO_START } from './calendar.js';
import { insertCatalog, type CatalogIds } from './catalog.js';
import { readGeography } from './geography.js';
import { DEMO_PROFILES, observationRows, type ObsRow } from './observations.js';
import { insertSurveys } from './survey-load.js';
import { COUNT_PLACES, INSERT_OBSERVATIONS, SET_DATASET_ROWS } from './sql.js';

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

/** Rows per INSERT: large enough to amortise a round trip, small enough for modest memory. */
export const BATCH_ROWS = 10_000;
export const MAX_DEMO_ROWS = 20_000_000;

export class DemoLoadError extends Error {}

/**
 * Loads the synthetic demo (docs/architecture.md#demo-data) into an empty, migrated database: reference
 * geography, synthetic services, sites and reports, then `rows` observations streamed in
 * batches. Everything happens in one transaction, so an interrupted load (a killed first
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

async function insertObservations(
  tx: Queryable,
  ids: CatalogIds,
  rows: Iterable<ObsRow>,
  total: number,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  let queued = 0; // rows handed to the database: the source_row_id offset of the next batch
  let done = 0;
  let inFlight: Promise<void> = Promise.resolve();
  // At most one statement in flight; the next batch is generated while it runs (a real
  // overlap on a pg server, where the statement runs in another process).
  const send = async (b: Batch) => {
    const params = b.params(ids.observationsDataset, queued);
    const size = b.size;
    queued += size;
    await inFlight;
    inFlight = tx.query(INSERT_OBSERVATIONS, params).then(() => {
      done += size;
      onProgress?.(done, total);
    });
    inFlight.catch(() => {}); // handled where it is awaited; this only silences the interim
  };
  let batch = new Batch(ids);
  for (const row of rows) {
    batch.add(row);
    if (batch.size === BATCH_ROWS) {
      await send(batch);
      batch = new Batch(ids);
    }
  }
  if (batch.size > 0) await send(batch);
  await inFlight;
  return done;
}

/** One batch as column arrays ($4 … $21 of INSERT_OBSERVATIONS), ids resolved from codes. */
class Batch {
  size = 0;
  private readonly columns: unknown[][] = Array.from({ length: 18 }, () => []);

  constructor(private readonly ids: CatalogIds) {}

  private place(code: string | null): number | null {
    if (code === null) return null;
    const id = this.ids.placeIds.get(code);
    if (id === undefined) throw new Error(`demo row names place ${code}, which was not loaded`);
    return id;
  }

  add(r: ObsRow): void {
    const mp = this.ids.pointIds.get(r.point);
    if (mp === undefined) throw new Error(`demo row names monitoring point ${r.point}, which was not loaded`);
    const values = [
      r.day, mp, r.direction,
      this.place(r.origin), r.originCountry, this.place(r.previous), this.place(r.next),
      this.place(r.destination), r.destinationCountry,
      r.total, r.male, r.female, r.children, r.uac, r.nationality, r.mode,
      `{${r.reasons.join(',')}}`, `{${r.vulnerabilities.join(',')}}`, // array literals: see INSERT_OBSERVATIONS
    ];
    values.forEach((v, i) => this.columns[i]?.push(v));
    this.size++;
  }

  params(datasetId: number, offset: number): unknown[] {
    return [datasetId, offset, DEMO_START, ...this.columns];
  }
}
