import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { checkpointEmbedded, type Db } from '../db/index.js';
import { evaluateRange } from '../alerts/service.js';
import { addDays } from '../query/period.js';
import { refreshRollup } from '../query/rollup.js';
import { DEMO_END } from './calendar.js';
import { loadDemo } from './load.js';

/** First start: an empty database gets the synthetic demo data (docs/architecture.md#demo-data). */
export async function seedDemoIfEmpty(db: Db, config: Pick<Config, 'DEMO_DATA' | 'DEMO_ROWS' | 'DEMO_SEED'>, log: Logger): Promise<void> {
  if (config.DEMO_DATA === 'off') return;
  const [row] = await db.query<{ n: number }>('SELECT (SELECT count(*) FROM places)::int + (SELECT count(*) FROM datasets)::int AS n');
  if ((row?.n ?? 0) > 0) return;
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
  // The flows API reads its rollups; until they are built it answers from the raw table (slowly).
  const rollup = await refreshRollup(db);
  log.info(rollup, 'flow rollups built');
  const t2 = Date.now();
  // The demo's last 30 days through the default alert rules: the planted events (events.ts) show up.
  const alerts = await evaluateRange(db, addDays(DEMO_END, -29), DEMO_END);
  log.info({ raised: alerts.raised.length, ms: Date.now() - t2 }, 'demo alerts evaluated');
  const t1 = Date.now();
  await checkpointEmbedded(db);
  log.debug({ ms: Date.now() - t1 }, 'checkpoint after the demo load');
}
