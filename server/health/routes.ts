import { Router } from 'express';
import type { Db } from '../db/index.js';
import { engineInfo } from '../db/index.js';

export interface HealthInfo {
  schemaVersion: string;
}

// Table → JSON name for the counts block; identifiers from this list only.
const COUNTED = {
  observations: 'observations',
  monitoringPoints: 'monitoring_points',
  services: 'services',
  places: 'places',
  outreachSites: 'outreach_sites',
  reports: 'reports',
  datasets: 'datasets',
} as const;

export function healthRouter(db: Db, info: HealthInfo): Router {
  const router = Router();
  // Engine versions never change while running: ask once.
  const engine = engineInfo(db);
  router.get('/health', async (_req, res) => {
    const selects = Object.entries(COUNTED).map(([k, t]) => `(SELECT count(*) FROM ${t})::int AS "${k}"`);
    const [counts] = await db.query(`SELECT ${selects.join(', ')}`);
    const [demo] = await db.query<{ demo: boolean }>('SELECT EXISTS (SELECT 1 FROM datasets WHERE is_synthetic) AS demo');
    res.set('Cache-Control', 'no-store').json({
      status: 'ok',
      db: { kind: db.kind, ...(await engine) },
      schemaVersion: info.schemaVersion,
      demo: demo?.demo ?? false,
      counts,
    });
  });
  return router;
}
