import type { Health } from '../../common/catalog.js';
import { Router } from 'express';
import { route } from '../http/route.js';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { engineInfo } from '../db/index.js';
import { disclosurePolicy, publishCount } from '../privacy/disclosure.js';
import { rowCounts } from './sql.js';

export interface HealthInfo {
  schemaVersion: string;
  disclosure: Pick<Config, 'SUPPRESSION_K' | 'SUPPRESSION_K_SENSITIVE'>;
}

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
    access: 'public', // monitoring probes; whole-table row counts, the sensitive one suppressed below
    summary: 'Status, database engine and versions, schema version, demo flag, row counts',
    cache: 'no-store',
    handler: async (_req, _res, { principal }): Promise<Health> => {
      const { counts, demo } = await rowCounts(db);
      // Protection reports are counted people at risk: a small total is suppressed like any other.
      const reports = publishCount(counts.reports, disclosurePolicy(principal, info.disclosure, { sensitive: true }));
      return {
        status: 'ok',
        db: { kind: db.kind, ...(await engineOnce()) },
        schemaVersion: info.schemaVersion,
        demo,
        counts: { ...counts, reports: reports.count },
        ...(reports.suppressed ? { suppressed: ['reports'] as ['reports'] } : {}),
      };
    },
  });
  return router;
}
