import { Router } from 'express';
import { AGGREGATE } from '../http/cache.js';
import { route } from '../http/route.js';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { rateLimiter } from '../http/security.js';
import { computeKde } from './heatmap.js';
import { emergingQuery, hotspotsQuery, kdeQuery } from './schemas.js';
import { computeEmerging } from './series.js';
import { computeHotspots } from './service.js';

/**
 * Hotspot analysis (issue 6, docs/architecture.md#analysis). Viewer level: every count is published
 * through disclosure control for roles below data manager (privacy/impute.ts says why z and p stay
 * safe to publish). Heavy: one rate-limit budget per caller across the three endpoints.
 */
export function hotspotsRouter(db: Db, config: Config): Router {
  const router = Router();
  const heavy = rateLimiter({ perMinute: config.HEAVY_RATE_LIMIT, name: 'hotspots', by: 'caller' });

  route(router, {
    method: 'get',
    path: '/hotspots',
    access: 'viewer',
    summary: 'Getis-Ord Gi* hot and cold spots on H3 cells (FDR-corrected classes −3…+3)',
    query: hotspotsQuery,
    cache: AGGREGATE,
    middleware: [heavy],
    handler: async (_req, _res, { principal, query }) => computeHotspots(db, principal, config, query),
  });

  route(router, {
    method: 'get',
    path: '/hotspots/emerging',
    access: 'viewer',
    summary: 'Emerging hot spots: Gi* per week or month, Mann-Kendall trend, category per cell',
    query: emergingQuery,
    cache: AGGREGATE,
    middleware: [heavy],
    handler: async (_req, _res, { principal, query }) => computeEmerging(db, principal, config, query),
  });

  route(router, {
    method: 'get',
    path: '/hotspots/kde',
    access: 'viewer',
    summary: 'Heatmap input: weighted points and a quartic kernel density grid',
    query: kdeQuery,
    cache: AGGREGATE,
    middleware: [heavy],
    handler: async (_req, _res, { principal, query }) => computeKde(db, principal, config, query),
  });
  return router;
}
