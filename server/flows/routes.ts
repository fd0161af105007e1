import { Router } from 'express';
import type { Db } from '../db/index.js';
import { AGGREGATE } from '../http/cache.js';
import { route } from '../http/route.js';
import { type DisclosureConfig, requestPolicies } from '../privacy/disclosure.js';
import { breakdownsQuery, corridorsQuery, crossingsQuery, flowsQuery, timeseriesQuery } from './schemas.js';
import { publishedBreakdowns, publishedCorridors, publishedCrossings, publishedFlows, publishedTimeseries } from './service.js';

/**
 * Flows API (issue 4): viewer and up (aggregates only, suppressed below data_manager; counts
 * filtered to groups with trafficking indicators use the sensitive k as a whole).
 * Each handler: parse (route()) → query → disclose (service.ts) → send with ETag (route()).
 */
export function flowsRouter(db: Db, config: DisclosureConfig): Router {
  const router = Router();
  route(router, {
    method: 'get', path: '/flows', access: 'viewer', summary: 'Origin–destination flows for the flow map', query: flowsQuery, cache: AGGREGATE,
    handler: async (_req, _res, { principal, query }) => {
      return publishedFlows(db, query, requestPolicies(principal, config, query));
    },
  });
  route(router, {
    method: 'get', path: '/flows/timeseries', access: 'viewer', summary: 'People per day, week or month', query: timeseriesQuery, cache: AGGREGATE,
    handler: async (_req, _res, { principal, query }) => {
      return publishedTimeseries(db, query, requestPolicies(principal, config, query));
    },
  });
  route(router, {
    method: 'get', path: '/flows/breakdowns', access: 'viewer', summary: 'People by sex, age, nationality, transport, reason, vulnerability',
    query: breakdownsQuery, cache: AGGREGATE,
    handler: async (_req, _res, { principal, query }) => {
      return publishedBreakdowns(db, query, requestPolicies(principal, config, query));
    },
  });
  route(router, {
    method: 'get', path: '/flows/corridors', access: 'viewer', summary: 'Top origin → crossing → destination chains', query: corridorsQuery, cache: AGGREGATE,
    handler: async (_req, _res, { principal, query }) => {
      return publishedCorridors(db, query, requestPolicies(principal, config, query));
    },
  });
  route(router, {
    method: 'get', path: '/flows/crossings', access: 'viewer', summary: 'Inbound, outbound and net flux per monitoring point',
    query: crossingsQuery, cache: AGGREGATE,
    handler: async (_req, _res, { principal, query }) => {
      return publishedCrossings(db, query, requestPolicies(principal, config, query));
    },
  });
  return router;
}
