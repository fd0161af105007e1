import { z } from 'zod';
import { monitoringPointsQuery, outreachSitesQuery, placesQuery, servicesQuery } from '../catalog/schemas.js';
import { crossCheck, flowFilterQuery } from '../query/schemas.js';

export const EXPORT_LEVELS = ['aggregate', 'record'] as const;
export const EXPORT_BUCKETS = ['day', 'week', 'month'] as const;

// The flows filters (period, direction, nationality, transport, reason, vulnerability, point),
// without sex/age: an export carries every count as its own column.
const { sex: _sex, age: _age, ...filters } = flowFilterQuery.shape;

/**
 * GET /exports/observations.{csv,geojson}. level=aggregate (default, any role): counts per
 * bucket × monitoring point × direction; level=record: one row per observation record, for
 * data managers only. Unknown parameters are a 400, as on the flows endpoints.
 */
export const observationsExportQuery = z
  .strictObject({
    ...filters,
    level: z.enum(EXPORT_LEVELS).default('aggregate'),
    bucket: z.enum(EXPORT_BUCKETS).default('month'),
  })
  .superRefine(crossCheck);

export type ObservationsExportQuery = z.infer<typeof observationsExportQuery>;

/** Catalog layers: the catalog's own filters (bbox, kind, corridor, country). */
export const LAYER_EXPORTS = [
  { path: 'monitoring-points', layer: 'monitoringPoints', query: monitoringPointsQuery },
  { path: 'services', layer: 'services', query: servicesQuery },
  { path: 'places', layer: 'places', query: placesQuery },
  { path: 'outreach-sites', layer: 'outreachSites', query: outreachSitesQuery },
] as const;
