import type { Queryable } from '../db/types.js';
import { DEMO_END, DEMO_START } from './calendar.js';
import type { Geography } from './geography.js';
import { demoReports } from './reports.js';
import { demoServices } from './services.js';
import { demoSites } from './sites.js';
import { INSERT_DATASET, INSERT_MONITORING_POINTS, INSERT_PLACES, INSERT_REPORTS, INSERT_SERVICES, INSERT_SITES } from './sql.js';

export const OBSERVATIONS_DATASET = 'Synthetic demo data (Corridor)';
export const REPORTS_DATASET = 'Synthetic demo protection reports (Corridor)';

export interface CatalogIds {
  placeIds: Map<string, number>;
  pointIds: Map<string, number>;
  observationsDataset: number;
  counts: { places: number; monitoringPoints: number; services: number; outreachSites: number; reports: number };
}

/**
 * Reference geography (places, monitoring points), the two synthetic datasets, synthetic
 * services and outreach sites, and protection reports. Runs inside the caller's transaction.
 */
export async function insertCatalog(tx: Queryable, geo: Geography, seed: number): Promise<CatalogIds> {
  const places = await tx.query<{ id: number; code: string }>(INSERT_PLACES, [
    geo.places.map((p) => p.code),
    geo.places.map((p) => p.name),
    geo.places.map((p) => p.country),
    geo.places.map((p) => p.admin1 ?? null),
    geo.places.map((p) => p.kind),
    geo.places.map((p) => p.lon),
    geo.places.map((p) => p.lat),
  ]);
  const mps = geo.monitoringPoints;
  const points = await tx.query<{ id: number; code: string }>(INSERT_MONITORING_POINTS, [
    mps.map((m) => m.code),
    mps.map((m) => m.name),
    mps.map((m) => m.kind),
    mps.map((m) => m.corridor),
    mps.map((m) => m.district ?? null),
    mps.map((m) => m.country),
    mps.map((m) => m.facing ?? null),
    mps.map((m) => m.place),
    mps.map((m) => m.hours ?? null),
    mps.map((m) => m.lon),
    mps.map((m) => m.lat),
  ]);

  const reports = demoReports(geo, seed);
  const [obs] = await tx.query<{ id: number }>(INSERT_DATASET, [OBSERVATIONS_DATASET, 'observations', DEMO_START, DEMO_END, 0]);
  const [rep] = await tx.query<{ id: number }>(INSERT_DATASET, [REPORTS_DATASET, 'reports', DEMO_START, DEMO_END, reports.length]);
  if (!obs || !rep) throw new Error('inserting the demo datasets returned no id');

  const services = demoServices(geo, seed);
  await tx.query(INSERT_SERVICES, [
    services.map((s) => s.sourceRowId),
    services.map((s) => s.name),
    services.map((s) => s.kind),
    services.map((s) => s.country),
    services.map((s) => s.hours),
    services.map((s) => s.capacity),
    services.map((s) => s.lon),
    services.map((s) => s.lat),
  ]);
  const sites = demoSites(geo, seed);
  await tx.query(INSERT_SITES, [
    sites.map((s) => s.sourceRowId),
    sites.map((s) => s.name),
    sites.map((s) => s.kind),
    sites.map((s) => s.corridor),
    sites.map((s) => s.footfall),
    sites.map((s) => s.cost),
    sites.map((s) => s.lon),
    sites.map((s) => s.lat),
  ]);
  await tx.query(INSERT_REPORTS, [
    rep.id,
    DEMO_START,
    reports.map((r) => r.sourceRowId),
    reports.map((r) => r.day),
    reports.map((r) => r.type),
    reports.map((r) => r.status),
    reports.map((r) => r.point),
    reports.map((r) => r.persons),
    reports.map((r) => r.lon),
    reports.map((r) => r.lat),
  ]);
  return {
    placeIds: new Map(places.map((r) => [r.code, r.id])),
    pointIds: new Map(points.map((r) => [r.code, r.id])),
    observationsDataset: obs.id,
    counts: {
      places: places.length,
      monitoringPoints: points.length,
      services: services.length,
      outreachSites: sites.length,
      reports: reports.length,
    },
  };
}
