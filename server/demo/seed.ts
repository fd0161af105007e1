import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { checkpointEmbedded, type Db } from '../db/index.js';
import { evaluateRange } from '../alerts/service.js';
import { addDays } from '../query/period.js';
import { refreshRollup } from '../query/rollup.js';
import { rebuildRollupInSteps } from '../query/rollup-rebuild.js';
import { DEMO_END } from './calendar.js';
import { loadDemo } from './load.js';

/**
 * First start: an empty database gets the synthetic demo data (docs/architecture.md#demo-data).
 * Returns whether it did; its flow rollups are then still to build (buildRollups, once the
 * server listens), and flow queries read the raw rows meanwhile.
 */
export async function seedDemoIfEmpty(db: Db, config: Pick<Config, 'DEMO_DATA' | 'DEMO_ROWS' | 'DEMO_SEED'>, log: Logger): Promise<boolean> {
  if (config.DEMO_DATA === 'off') return false;
  const [row] = await db.query<{ n: number }>('SELECT (SELECT count(*) FROM places)::int + (SELECT count(*) FROM datasets)::int AS n');
  if ((row?.n ?? 0) > 0) return false;
  const t0 = Date.now();
  log.info({ rows: config.DEMO_ROWS }, 'empty database: loading synthetic demo data…');
  let lastLogged = 0;
  const counts = await loadDemo(db, { rows: config.DEMO_ROWS, seed: config.DEMO_SEED }, (done, total) => {
    if (done - lastLogged >= total / 4 || done === total) {
      lastLogged = done;
      log.info({ done, total }, 'demo observations');
    }
  });
  log.info({ ...counts, ms: Date.now() - t0 }, 'synthetic demo data loaded');
  const t2 = Date.now();
  // The demo's last 30 days through the default alert rules: the planted events (events.ts) show up.
  const alerts = await evaluateRange(db, addDays(DEMO_END, -29), DEMO_END);
  log.info({ raised: alerts.raised.length, ms: Date.now() - t2 }, 'demo alerts evaluated');
  return true;
}

/**
 * Every flow rollup rebuilt, then a checkpoint (the embedded engine's directory back to its
 * floor, db/embedded.ts): after the demo load, or when a stop cut an earlier rebuild short.
 * On the embedded engine in steps, each after `beforeStep` (a quiet server: http/activity.ts);
 * the server's readers do not wait for its one transaction.
 */
export async function buildRollups(db: Db, log: Logger, beforeStep?: () => Promise<void>): Promise<void> {
  log.info('building the flow rollups (flow queries read the raw rows until they are built)…');
  const onStep = (name: string, ms: number) => log.debug({ step: name, ms }, 'rollup build step');
  const rollup = db.kind === 'embedded' ? await rebuildRollupInSteps(db, { beforeStep, onStep }) : await refreshRollup(db);
  log.info(rollup, 'flow rollups built');
  const t1 = Date.now();
  await checkpointEmbedded(db);
  log.debug({ ms: Date.now() - t1 }, 'checkpoint after the rollup build');
}

/** A mark that every day changed (migration 003) is left: a rebuild was cut short, or never ran. */
export async function rollupStaleEverywhere(db: Db): Promise<boolean> {
  const [row] = await db.query<{ stale: boolean }>('SELECT EXISTS (SELECT 1 FROM flow_rollup_dirty WHERE dataset_id IS NULL) AS stale');
  return row?.stale === true;
}
