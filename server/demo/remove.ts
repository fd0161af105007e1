import type { Db } from '../db/types.js';
import { readGeography } from './geography.js';
import { DemoLoadError } from './load.js';
import { DELETE_MONITORING_POINTS, DELETE_PLACES, DELETE_SYNTHETIC } from './sql.js';

/**
 * Removes an earlier demo (npm run demo -- --replace), in one transaction: synthetic
 * datasets with their rows, synthetic services and sites, and the reference monitoring
 * points and places from geography.json. Real data that still refers to those places makes
 * it fail, and nothing is deleted.
 */
export async function removeDemo(db: Db): Promise<void> {
  const geo = readGeography();
  try {
    await db.transaction(async (tx) => {
      for (const sql of DELETE_SYNTHETIC) await tx.query(sql);
      await tx.query(DELETE_MONITORING_POINTS, [geo.monitoringPoints.map((m) => m.code)]);
      await tx.query(DELETE_PLACES, [geo.places.map((p) => p.code)]);
    });
  } catch (err) {
    throw new DemoLoadError(`cannot remove the earlier demo, nothing was deleted: ${(err as Error).message}`);
  }
}
