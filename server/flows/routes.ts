import { Router } from 'express';
import { AGGREGATE } from '../http/cache.js';
import { route } from '../http/route.js';
import type { Principal } from '../auth/roles.js';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { disclosurePolicy } from '../privacy/disclosure.js';
import { queryBreakdowns } from './breakdowns.js';
import { queryCorridors } from './corridors.js';
import { queryCrossings } from './crossings.js';
import { discloseBreakdowns, discloseCorridors, discloseCrossings, discloseFlows, discloseTimeseries } from './disclose.js';
import { queryFlows } from './flows.js';
import type { FlowFilter } from '../query/schemas.js';
import { breakdownsQuery, corridorsQuery, crossingsQuery, flowsQuery, timeseriesQuery } from './schemas.js';
import { queryTimeseries } from './timeseries.js';

type SuppressionConfig = Pick<Config, 'SUPPRESSION_K' | 'SUPPRESSION_K_SENSITIVE'>;

/**
 * Counts filtered to groups with trafficking indicators are sensitive as a whole (k = 11 by
 * default); everything else uses the ordinary k.
 */
function policies(principal: Principal, config: SuppressionConfig, f: FlowFilter) {
  const sensitive = disclosurePolicy(principal, config, { sensitive: true });
  const ordinary = f.vulnerability?.includes('trafficking_indicators') ? sensitive : disclosurePolicy(principal, config);
  return { ordinary, sensitive };
}

/**
 * Flows API (issue 4): viewer and up (aggregates only, suppressed below data_manager).
 * Each handler: parse (route()) → query → disclose → send with ETag.
 */
export function flowsRouter(db: Db, config: SuppressionConfig): Router {
  const router = Router();
  route(router, {
    method: 'get', path: '/flows', access: 'viewer', summary: 'Origin–destination flows for the flow map', query: flowsQuery, cache: AGGREGATE,
    handler: async (_req, _res, { principal, query }) => {
      return discloseFlows(await queryFlows(db, query), policies(principal, config, query).ordinary);
    },
  });
  route(router, {
    method: 'get', path: '/flows/timeseries', access: 'viewer', summary: 'People per day, week or month', query: timeseriesQuery, cache: AGGREGATE,
    handler: async (_req, _res, { principal, query }) => {
      return discloseTimeseries(await queryTimeseries(db, query), policies(principal, config, query).ordinary);
    },
  });
  route(router, {
    method: 'get', path: '/flows/breakdowns', access: 'viewer', summary: 'People by sex, age, nationality, transport, reason, vulnerability',
    query: breakdownsQuery, cache: AGGREGATE,
    handler: async (_req, _res, { principal, query }) => {
      const p = policies(principal, config, query);
      return discloseBreakdowns(await queryBreakdowns(db, query), p.ordinary, p.sensitive);
    },
  });
  route(router, {
    method: 'get', path: '/flows/corridors', access: 'viewer', summary: 'Top origin → crossing → destination chains', query: corridorsQuery, cache: AGGREGATE,
    handler: async (_req, _res, { principal, query }) => {
      return discloseCorridors(await queryCorridors(db, query), policies(principal, config, query).ordinary);
    },
  });
  route(router, {
    method: 'get', path: '/flows/crossings', access: 'viewer', summary: 'Inbound, outbound and net flux per monitoring point',
    query: crossingsQuery, cache: AGGREGATE,
    handler: async (_req, _res, { principal, query }) => {
      return discloseCrossings(await queryCrossings(db, query), policies(principal, config, query).ordinary);
    },
  });
  return router;
}
