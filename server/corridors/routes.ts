import { Router } from 'express';
import type { Db } from '../db/index.js';
import { REVALIDATE } from '../http/cache.js';
import { route } from '../http/route.js';
import { codeParams, corridorBody, corridorPatch } from './schemas.js';
import { createCorridor, deleteCorridor, listCorridors, patchCorridor } from './service.js';

/** Corridors: read by every viewer (filters, legends), changed by data managers (audited). */
export function corridorsRouter(db: Db): Router {
  const router = Router();
  route(router, {
    method: 'get', path: '/corridors', access: 'viewer', cache: REVALIDATE,
    summary: 'Corridors (code, name, description, colour, districts, active period)',
    handler: async () => ({ corridors: await listCorridors(db) }),
  });
  route(router, {
    method: 'post', path: '/corridors', access: 'data_manager', cache: 'no-store',
    summary: 'Add a corridor: { code, name, description?, colour?, districts?, activeFrom?, activeTo? } → 201',
    body: corridorBody,
    handler: async (_req, res, { principal, body }) => {
      const c = await createCorridor(db, principal, body);
      res.status(201).location(`/api/v1/corridors/${c.code}`).json(c);
    },
  });
  route(router, {
    method: 'patch', path: '/corridors/:code', access: 'data_manager', cache: 'no-store',
    summary: 'Change a corridor (its code never changes)',
    params: codeParams, body: corridorPatch,
    handler: async (_req, _res, { principal, params, body }) => patchCorridor(db, principal, params.code, body),
  });
  route(router, {
    method: 'delete', path: '/corridors/:code', access: 'data_manager', cache: 'no-store',
    summary: 'Remove a corridor nothing uses (409 naming what uses it)',
    params: codeParams,
    handler: async (_req, res, { principal, params }) => {
      await deleteCorridor(db, principal, params.code);
      res.status(204).end();
    },
  });
  return router;
}
