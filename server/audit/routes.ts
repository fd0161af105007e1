import { Router } from 'express';
import { z } from 'zod';
import { route } from '../http/route.js';
import type { Db } from '../db/index.js';
import { listAudit } from './audit.js';

// A day ('2026-03-01', UTC midnight) or an instant with an offset. Bounded, because PostgreSQL
// has no year 0 and an invalid Date would throw later as a 500.
const instant = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .transform((s) => new Date(s))
  .refine((d) => d.getUTCFullYear() >= 1970 && d.getUTCFullYear() <= 9999, 'a date between 1970 and 9999');

export const auditQuery = z
  .strictObject({
    /** exact ('auth.login') or a prefix ending in '.*' ('auth.*') */
    action: z
      .string()
      .max(100)
      .regex(/^[a-z][a-z_]*(\.[a-z_]+)*(\.\*)?$/, "a dotted action name, optionally ending in '.*'")
      .optional(),
    from: instant.optional(),
    to: instant.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'from must be before to', path: ['from'] });

/** The audit log, read-only: there is deliberately no route that changes or deletes entries. */
export function auditRouter(db: Db): Router {
  const router = Router();
  route(router, {
    method: 'get',
    path: '/audit',
    access: 'admin',
    summary: 'Audit entries, newest first; filters action, from, to (ISO), limit ≤ 1000',
    query: auditQuery,
    cache: 'no-store',
    handler: async (_req, _res, { query }) => ({ entries: await listAudit(db, query) }),
  });
  return router;
}
