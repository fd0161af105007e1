import { Router } from 'express';
import { AGGREGATE } from '../http/cache.js';
import { route } from '../http/route.js';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { rateLimiter } from '../http/security.js';
import { accessQuery } from './schemas.js';
import { computeAccess } from './service.js';

/**
 * Service access (issue 6, docs/architecture.md#analysis): viewer level, counts published through
 * disclosure control as in hotspots; travel times concern public services and are not counts.
 */
export function accessRouter(db: Db, config: Config): Router {
  const router = Router();
  const heavy = rateLimiter({ perMinute: config.HEAVY_RATE_LIMIT, name: 'access', by: 'caller' });
  route(router, {
    method: 'get',
    path: '/access',
    access: 'viewer',
    summary: 'Travel time from demand cells to the nearest service of each kind, with river and border barriers; ranked gaps',
    query: accessQuery,
    cache: AGGREGATE,
    middleware: [heavy],
    handler: async (_req, _res, { principal, query }) => computeAccess(db, principal, config, query),
  });
  return router;
}
