import { Router } from 'express';
import type { Db } from '../db/index.js';
import { AGGREGATE, REVALIDATE } from '../http/cache.js';
import { route } from '../http/route.js';
import { type DisclosureConfig, disclosurePolicy, requestPolicies } from '../privacy/disclosure.js';
import { areasQuery, summaryQuery } from './schemas.js';
import { areaCollection, areaSummary } from './service.js';

/** Admin areas (boundaries: viewer, like the catalog) and aggregates by area (disclosure-controlled). */
export function placesRouter(db: Db, config: DisclosureConfig): Router {
  const router = Router();
  route(router, {
    method: 'get', path: '/admin-areas', access: 'viewer', cache: REVALIDATE, query: areasQuery,
    summary: 'Admin areas as GeoJSON (P-code, name, level, parent; official false: a project code)',
    handler: async (_req, res, { query }) => {
      res.type('application/geo+json');
      return areaCollection(db, query.level);
    },
  });
  route(router, {
    method: 'get', path: '/admin-areas/summary', access: 'viewer', cache: AGGREGATE, query: summaryQuery,
    summary: 'Per province (level=1) or district (level=2): people in/out/net at its points, reports, services by kind, activities',
    handler: async (_req, _res, { principal, query }) => {
      const { ordinary } = requestPolicies(principal, config, query);
      return areaSummary(db, query, { ordinary, sensitive: disclosurePolicy(principal, config, { sensitive: true }) });
    },
  });
  return router;
}
