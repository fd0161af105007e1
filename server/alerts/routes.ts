import { Router } from 'express';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { REVALIDATE } from '../http/cache.js';
import { notFound } from '../http/problem.js';
import { route } from '../http/route.js';
import { rateLimiter } from '../http/security.js';
import { listDeliveries } from './deliveries.js';
import { alertIdParams, alertListQuery, alertPatchBody, deliveryListQuery, ruleBody, ruleIdParams } from './schemas.js';
import { alertSeries, evaluateRange, getAlert, listAlerts, stepAlert } from './service.js';
import { deleteRule, findRule, insertRule, listRules, updateRule } from './sql.js';

const evaluateBody = z
  .object({ from: z.iso.date(), to: z.iso.date() })
  .refine((b) => b.from <= b.to, { path: ['to'], message: 'must not be before from' })
  .refine((b) => Date.parse(b.to) - Date.parse(b.from) <= 800 * 86_400_000, { path: ['to'], message: 'at most 800 days at once' });

/**
 * Alerts (issue 17). Analysts and above see and act on alerts (a viewer gets 403); data managers
 * define the rules; admins read the delivery log. Answers depend on the caller (disclosure
 * control of counts), so they revalidate and vary on the credentials.
 */
export function alertsRouter(db: Db, config: Config): Router {
  const router = Router();
  const heavy = rateLimiter({ perMinute: config.HEAVY_RATE_LIMIT, name: 'alerts-evaluate', by: 'caller' });

  route(router, {
    method: 'get', path: '/alerts', access: 'analyst', cache: REVALIDATE, query: alertListQuery,
    summary: 'Alerts raised by the rules, newest day first (filters: status, rule, point, from/to); `open` counts the open ones',
    handler: (_req, _res, { principal, query }) => listAlerts(db, principal, config, query),
  });
  route(router, {
    method: 'get', path: '/alerts/:id', access: 'analyst', cache: REVALIDATE, params: alertIdParams,
    summary: 'One alert with its lifecycle',
    handler: (_req, _res, { principal, params }) => getAlert(db, principal, config, params.id),
  });
  route(router, {
    method: 'get', path: '/alerts/:id/series', access: 'analyst', cache: REVALIDATE, params: alertIdParams,
    summary: 'The daily series the alert was raised on, with upper bounds and alarm days (sparkline)',
    handler: (_req, _res, { principal, params }) => alertSeries(db, principal, config, params.id),
  });
  route(router, {
    method: 'patch', path: '/alerts/:id', access: 'analyst', params: alertIdParams, body: alertPatchBody,
    summary: 'A lifecycle step: acknowledge; refer (serviceId from the registry, note); close (outcome). Audited',
    handler: (_req, _res, { principal, params, body }) => stepAlert(db, principal, config, params.id, body),
  });
  route(router, {
    method: 'post', path: '/alerts/evaluate', access: 'data_manager', body: evaluateBody, middleware: [heavy],
    summary: 'Evaluates every enabled rule over from … to (idempotent: one alert per rule × scope × day)',
    handler: async (_req, _res, { principal, body }) => {
      const r = await evaluateRange(db, body.from, body.to);
      await audit(db, principal, 'alert.evaluate', { from: body.from, to: body.to, raised: r.raised.length });
      return { raised: r.raised.length, kept: r.kept, withdrawn: r.withdrawn };
    },
  });

  route(router, {
    method: 'get', path: '/alert-rules', access: 'data_manager', cache: REVALIDATE,
    summary: 'Alert rules: measure, scope, detector, notification',
    handler: async () => ({ rules: await listRules(db) }),
  });
  route(router, {
    method: 'post', path: '/alert-rules', access: 'data_manager', body: ruleBody,
    summary: 'Creates an alert rule (audited)',
    handler: async (_req, res, { principal, body }) => {
      const rule = await db.transaction(async (tx) => {
        const id = await insertRule(tx, body, principal.name);
        await audit(tx, principal, 'alert_rule.create', { ruleId: id, name: body.name });
        return findRule(tx, id);
      });
      res.status(201).location(`/api/v1/alert-rules/${rule?.id}`).json(rule);
    },
  });
  route(router, {
    method: 'put', path: '/alert-rules/:id', access: 'data_manager', params: ruleIdParams, body: ruleBody,
    summary: 'Replaces an alert rule (audited); its existing alerts stay',
    handler: (_req, _res, { principal, params, body }) =>
      db.transaction(async (tx) => {
        if (!(await updateRule(tx, params.id, body))) throw notFound(`no alert rule ${params.id}`);
        await audit(tx, principal, 'alert_rule.update', { ruleId: params.id, name: body.name, enabled: body.enabled });
        return findRule(tx, params.id);
      }),
  });
  route(router, {
    method: 'delete', path: '/alert-rules/:id', access: 'data_manager', params: ruleIdParams,
    summary: 'Deletes an alert rule and its alerts (audited); disable it instead to keep them',
    handler: async (_req, res, { principal, params }) => {
      await db.transaction(async (tx) => {
        if (!(await deleteRule(tx, params.id))) throw notFound(`no alert rule ${params.id}`);
        await audit(tx, principal, 'alert_rule.delete', { ruleId: params.id });
      });
      res.status(204).end();
    },
  });

  route(router, {
    method: 'get', path: '/alert-deliveries', access: 'admin', cache: 'no-store', query: deliveryListQuery,
    summary: 'The delivery log of alert webhooks and e-mail: attempts, last status, next try',
    handler: async (_req, _res, { query }) => ({ deliveries: await listDeliveries(db, query) }),
  });
  return router;
}
