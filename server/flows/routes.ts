import { Router } from 'express';
import type { z } from 'zod';
import type { Db } from '../db/index.js';
import { AGGREGATE } from '../http/cache.js';
import { route } from '../http/route.js';
import { type DisclosureConfig, requestPolicies } from '../privacy/disclosure.js';
import type { FlowFilter } from '../query/schemas.js';
import { breakdownsQuery, corridorsQuery, crossingsQuery, flowsQuery, timeseriesQuery } from './schemas.js';
import { type Policies, publishedBreakdowns, publishedCorridors, publishedCrossings, publishedFlows, publishedTimeseries } from './service.js';

/**
 * Flows API (issue 4): viewer and up (aggregates only, suppressed below data_manager; counts
 * filtered to groups with trafficking indicators use the sensitive k as a whole).
 * Each handler: parse (route()) → query → disclose (service.ts) → send with ETag (route()).
 */
export function flowsRouter(db: Db, config: DisclosureConfig): Router {
  const router = Router();
  /** One aggregate endpoint: its query, and the service that answers it published for the caller. */
  const aggregate = <T extends FlowFilter>(path: string, summary: string, query: z.ZodType<T>, publish: (db: Db, q: T, p: Policies) => Promise<unknown>) =>
    route(router, {
      method: 'get', path, access: 'viewer', summary, query, cache: AGGREGATE,
      handler: async (_req, _res, { principal, query: q }) => publish(db, q, requestPolicies(principal, config, q)),
    });
  aggregate('/flows', 'Origin–destination flows for the flow map', flowsQuery, publishedFlows);
  aggregate('/flows/timeseries', 'People per day, week or month', timeseriesQuery, publishedTimeseries);
  aggregate('/flows/breakdowns', 'People by sex, age, nationality, transport, reason, vulnerability', breakdownsQuery, publishedBreakdowns);
  aggregate('/flows/corridors', 'Top origin → crossing → destination chains', corridorsQuery, publishedCorridors);
  aggregate('/flows/crossings', 'Inbound, outbound and net flux per monitoring point', crossingsQuery, publishedCrossings);
  return router;
}
