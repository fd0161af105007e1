import { Router } from 'express';
import type { z } from 'zod';
import { REVALIDATE } from '../http/cache.js';
import { route } from '../http/route.js';
import type { Db } from '../db/index.js';
import { toFeatureCollection } from './geojson.js';
import { type CatalogFilter, monitoringPointsQuery, outreachSitesQuery, placesQuery, servicesQuery } from './schemas.js';
import { catalogRows } from './service.js';
import type { LayerName } from './sql.js';

const ENDPOINTS: [path: string, layer: LayerName, schema: z.ZodType<CatalogFilter, unknown>][] = [
  ['/monitoring-points', 'monitoringPoints', monitoringPointsQuery],
  ['/services', 'services', servicesQuery],
  ['/places', 'places', placesQuery],
  ['/outreach-sites', 'outreachSites', outreachSitesQuery],
];

/** Catalog layers as GeoJSON FeatureCollections (reference data, not sensitive: viewer level). */
export function catalogRouter(db: Db): Router {
  const router = Router();
  for (const [path, layer, schema] of ENDPOINTS) {
    route(router, {
      method: 'get',
      path,
      access: 'viewer',
      summary: `GeoJSON ${layer} (filters: bbox, kind, …)`,
      query: schema,
      cache: REVALIDATE, // reference data: changes only on import
      handler: async (_req, res, { query }) => {
        res.type('application/geo+json');
        return toFeatureCollection(await catalogRows(db, layer, query));
      },
    });
  }
  return router;
}
