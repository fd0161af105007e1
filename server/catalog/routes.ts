import { Router } from 'express';
import type { z } from 'zod';
import type { Db } from '../db/index.js';
import { parseQuery } from '../http/validate.js';
import { toFeatureCollection } from './geojson.js';
import { type CatalogFilter, monitoringPointsQuery, outreachSitesQuery, placesQuery, servicesQuery } from './schemas.js';
import { catalogSql, type LayerName } from './sql.js';

const ENDPOINTS: [path: string, layer: LayerName, schema: z.ZodType<CatalogFilter, unknown>][] = [
  ['/monitoring-points', 'monitoringPoints', monitoringPointsQuery],
  ['/services', 'services', servicesQuery],
  ['/places', 'places', placesQuery],
  ['/outreach-sites', 'outreachSites', outreachSitesQuery],
];

/** Catalog layers as GeoJSON FeatureCollections (reference data, not sensitive). */
export function catalogRouter(db: Db): Router {
  const router = Router();
  for (const [path, layer, schema] of ENDPOINTS) {
    router.get(path, async (req, res) => {
      const filter = parseQuery(req, schema);
      const { text, values } = catalogSql(layer, filter);
      res.type('application/geo+json').json(toFeatureCollection(await db.query(text, values)));
    });
  }
  return router;
}
