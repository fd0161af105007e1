import { Router } from 'express';
import type { Db } from '../db/index.js';
import { AGGREGATE, REVALIDATE } from '../http/cache.js';
import { route } from '../http/route.js';
import type { DisclosureConfig } from '../privacy/policy.js';
import { awarenessQuery, changeQuery, clustersQuery, emptyQuery } from './schemas.js';
import { awareness, awarenessChange, clusters, listIndicators, listSurveys } from './service.js';

/**
 * Awareness surveys (issue 16, docs/awareness.md). Viewer level: only estimates leave, and an
 * estimate from fewer than SUPPRESSION_K_SENSITIVE respondents is withheld below data manager.
 */
export function awarenessRouter(db: Db, config: DisclosureConfig): Router {
  const router = Router();
  route(router, {
    method: 'get', path: '/awareness/indicators', access: 'viewer', cache: REVALIDATE, query: emptyQuery,
    summary: 'Awareness indicators: code, label, question, the answers that count as yes, denominator rule',
    handler: async () => ({ indicators: await listIndicators(db) }),
  });
  route(router, {
    method: 'get', path: '/awareness/surveys', access: 'viewer', cache: REVALIDATE, query: emptyQuery,
    summary: 'Awareness surveys (round, period, districts, design, respondents, GPS), newest first',
    handler: async () => ({ surveys: await listSurveys(db) }),
  });
  route(router, {
    method: 'get', path: '/awareness', access: 'viewer', cache: AGGREGATE, query: awarenessQuery,
    summary: 'An indicator by district, province, sex, age band or cluster: design-based estimate, SE, 95 % CI, n (R survey svyby)',
    handler: async (_req, _res, { principal, query }) => awareness(db, principal, config, query),
  });
  route(router, {
    method: 'get', path: '/awareness/change', access: 'viewer', cache: AGGREGATE, query: changeQuery,
    summary: 'Change of an indicator between two rounds (to − from) by district: difference, SE, z, two-sided p',
    handler: async (_req, _res, { principal, query }) => awarenessChange(db, principal, config, query),
  });
  route(router, {
    method: 'get', path: '/awareness/clusters', access: 'viewer', cache: AGGREGATE, query: clustersQuery,
    summary: 'Survey clusters on the map (GPS centroids, coarsened to ~5 km below data manager) with the indicator',
    handler: async (_req, _res, { principal, query }) => clusters(db, principal, config, query),
  });
  return router;
}
