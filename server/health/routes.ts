import type { AdminStats, Health } from '../../common/catalog.js';
import { Router } from 'express';
import { route } from '../http/route.js';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { engineInfo } from '../db/index.js';
import { disclosurePolicy, publishCount } from '../privacy/disclosure.js';
import { rowCounts, rowEstimates } from './sql.js';

export interface HealthInfo {
  schemaVersion: string;
  disclosure: Pick<Config, 'SUPPRESSION_K' | 'SUPPRESSION_K_SENSITIVE'>;
}

/**
 * GET /health (public: monitoring probes) answers from catalog estimates and never scans a table;
 * exact counts are GET /admin/stats, admin only (docs/operations.md#health-and-row-counts).
 */
export function healthRouter(db: Db, info: HealthInfo): Router {
  const router = Router();
  // Engine versions never change while running: ask once, on the first probe (a promise made
  // at start-up would reject unhandled if the database went away before anyone asked), and
  // ask again after a failure.
  let engine: ReturnType<typeof engineInfo> | undefined;
  const engineOnce = (): ReturnType<typeof engineInfo> =>
    (engine ??= engineInfo(db).catch((err: unknown) => {
      engine = undefined;
      throw err;
    }));
  route(router, {
    method: 'get',
    path: '/health',
    access: 'public',
    summary: 'Status, database engine and versions, schema version, demo flag, estimated rows (catalog statistics, no scan)',
    cache: 'no-store',
    handler: async (_req, res, { principal }): Promise<Health | undefined> => {
      let found: Awaited<ReturnType<typeof rowEstimates>>;
      let versions: Awaited<ReturnType<typeof engineInfo>>;
      try {
        [found, versions] = await Promise.all([rowEstimates(db), engineOnce()]);
      } catch {
        // A probe wants a status code, not a stack: 503 says "this instance cannot serve".
        res.status(503).json({ status: 'unavailable', database: 'down', schemaVersion: info.schemaVersion });
        return undefined;
      }
      // Protection reports are people at risk: even an estimate of a small total is suppressed.
      const policy = disclosurePolicy(principal, info.disclosure, { sensitive: true });
      const reports = found.estimates.reports === null ? { count: null, suppressed: false } : publishCount(found.estimates.reports, policy);
      return {
        status: 'ok',
        database: 'up',
        db: { kind: db.kind, ...versions },
        schemaVersion: info.schemaVersion,
        demo: found.demo,
        estimatedRows: { ...found.estimates, reports: reports.count },
        ...(reports.suppressed ? { suppressed: ['reports'] as ['reports'] } : {}),
      };
    },
  });
  route(router, {
    method: 'get',
    path: '/admin/stats',
    access: 'admin',
    summary: 'Exact row counts of the main tables (each a scan: admin only)',
    cache: 'no-store',
    handler: async (): Promise<AdminStats> => ({ counts: await rowCounts(db), countedAt: new Date().toISOString() }),
  });
  return router;
}
