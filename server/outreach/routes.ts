import { type Response, Router } from 'express';
import { audit } from '../audit/audit.js';
import type { Principal } from '../auth/roles.js';
import { REVALIDATE } from '../http/cache.js';
import { route } from '../http/route.js';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { notFound } from '../http/problem.js';
import { rateLimiter } from '../http/security.js';
import { comparePlans } from './compare.js';
import { addActivity, deliveryBySite, listActivities } from './delivery.js';
import { planCsv, planGeoJson } from './export.js';
import type { PublishedPlan } from './publish.js';
import { activityBody, compareQuery, type ExportFormat, listQuery, planBody, planExportParams, planGetQuery, planIdParams } from './schemas.js';
import { createPlan, findPlan } from './service.js';
import { deletePlan, listPlans, planExists } from './sql.js';

/**
 * Outreach planning (issue 7): maximal-coverage site selection, saved plans, comparison,
 * delivered activities, exports. Planners and above write; viewers and above read. Every
 * figure drawn from the registry passes disclosure control for the caller (publish.ts).
 */
export function outreachRouter(db: Db, config: Config): Router {
  const router = Router();
  const heavy = rateLimiter({ perMinute: config.HEAVY_RATE_LIMIT, name: 'outreach-plan', by: 'caller' });
  const base = '/outreach/plans';

  async function published(id: number, principal: Principal, exporting = false): Promise<PublishedPlan> {
    const plan = await findPlan(db, id, principal, config, exporting);
    if (!plan) throw notFound(`no outreach plan ${id}`);
    return plan;
  }

  async function sendFile(res: Response, id: number, format: Exclude<ExportFormat, 'json'>, principal: Principal): Promise<void> {
    const plan = await published(id, principal, true);
    await audit(db, principal, 'export.outreach_plan', { planId: id, format });
    res.attachment(`outreach-plan-${id}.${format}`);
    if (format === 'csv') res.type('text/csv; charset=utf-8').send(planCsv(plan));
    else res.type('application/geo+json').send(JSON.stringify(planGeoJson(plan)));
  }

  route(router, {
    method: 'post',
    path: base,
    access: 'planner',
    summary: 'Choose outreach sites (MCLP, greedy or exact) for a measure and period; saves and returns the plan',
    body: planBody,
    middleware: [heavy],
    handler: async (_req, res, { principal, body }) => {
      const plan = await createPlan(db, principal, config, body);
      res.status(201).location(`/api/v1${base}/${plan.id}`).json(plan);
    },
  });

  route(router, {
    method: 'get',
    path: base,
    access: 'viewer',
    summary: 'Saved outreach plans, newest first (summaries; read a plan for its coverage)',
    query: listQuery,
    cache: REVALIDATE,
    handler: async (_req, _res, { query }) => ({ plans: await listPlans(db, query.limit, query.offset) }),
  });

  route(router, {
    method: 'get',
    path: `${base}/compare`,
    access: 'viewer',
    summary: 'Two plans side by side: sites in common and not, coverage difference (?a=&b=)',
    query: compareQuery,
    cache: REVALIDATE,
    handler: async (_req, _res, { principal, query }) => {
      const [a, b] = await Promise.all([published(query.a, principal), published(query.b, principal)]);
      return comparePlans(a, b);
    },
  });

  // Declared before /:id, which would otherwise take "7.csv" as an id.
  route(router, {
    method: 'get',
    path: `${base}/:id.:format`,
    access: 'viewer',
    summary: 'A plan as CSV or GeoJSON (small counts suppressed for every role; audited)',
    params: planExportParams,
    cache: 'no-store', // an export: no copy stays in a browser cache
    handler: async (_req, res, { principal, params }) => sendFile(res, params.id, params.format, principal),
  });

  route(router, {
    method: 'get',
    path: `${base}/:id`,
    access: 'viewer',
    summary: 'One saved plan (?format=csv|geojson exports it, audited)',
    params: planIdParams,
    query: planGetQuery,
    cache: (query) => (query.format === 'json' ? REVALIDATE : 'no-store'),
    handler: async (_req, res, { principal, params, query }) => {
      if (query.format !== 'json') return sendFile(res, params.id, query.format, principal);
      return published(params.id, principal);
    },
  });

  route(router, {
    method: 'delete',
    path: `${base}/:id`,
    access: 'planner',
    summary: 'Delete a saved plan and its logged activities',
    params: planIdParams,
    handler: async (_req, res, { principal, params }) => {
      if (!(await deletePlan(db, params.id))) throw notFound(`no outreach plan ${params.id}`);
      await audit(db, principal, 'outreach.plan_delete', { planId: params.id });
      res.status(204).end();
    },
  });

  route(router, {
    method: 'post',
    path: `${base}/:id/activities`,
    access: 'planner',
    summary: 'Log a delivered activity (site, date, type, reach) against a plan',
    params: planIdParams,
    body: activityBody,
    handler: async (_req, res, { principal, params, body }) => {
      if (!(await planExists(db, params.id))) throw notFound(`no outreach plan ${params.id}`);
      res.status(201).json(await addActivity(db, params.id, principal, body));
    },
  });

  route(router, {
    method: 'get',
    path: `${base}/:id/activities`,
    access: 'viewer',
    summary: 'Delivered activities of a plan, and planned vs delivered per site',
    params: planIdParams,
    cache: REVALIDATE,
    handler: async (_req, _res, { params }) => {
      if (!(await planExists(db, params.id))) throw notFound(`no outreach plan ${params.id}`);
      const [activities, sites] = await Promise.all([listActivities(db, params.id), deliveryBySite(db, params.id)]);
      return { planId: params.id, activities, sites };
    },
  });
  return router;
}
