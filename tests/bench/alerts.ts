/**
 * Alert evaluation (issue 17): every enabled default rule over the whole two-year demo period
 * × every monitoring point — what a re-evaluation after a two-year import costs — against the
 * bare SQL that reads the same daily series (the floor: reading the data at all). Runs on the
 * bench PostGIS server (bench-db.ts). Median of --runs (default 5) after one warm-up; the
 * alerts table is emptied before each run (not timed), so every run inserts all alerts.
 *
 *   npm run bench -- alerts            options: --rows 200000  --runs 5
 */
import { evaluateRules } from '../../server/alerts/service.js';
import { DEMO_END, DEMO_START } from '../../server/demo/calendar.js';
import { benchDatabase } from './bench-db.js';
import { median } from './common.js';
import type { Bench, BenchContext, BenchRow } from './run.js';

// The three default measures per point and day, in one pass: what evaluation must read at least.
const BASELINE_SQL = `
SELECT mp.code, o.observed_on, sum(o.unaccompanied_children) AS uac, sum(o.total) AS total,
  sum(CASE WHEN 'trafficking_indicators' = ANY(o.vulnerabilities) THEN o.total ELSE 0 END) AS trafficking
FROM observations o JOIN monitoring_points mp ON mp.id = o.monitoring_point_id
WHERE o.observed_on BETWEEN $1::date AND $2::date GROUP BY 1, 2`;

async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const rows = Number(ctx.options.rows ?? 200_000);
  const runs = Number(ctx.options.runs ?? 5);
  const db = await benchDatabase(rows, ctx.log);
  try {
    const [pts] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM monitoring_points');
    const [rules] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM alert_rules WHERE enabled');
    const base: number[] = [];
    const evaluate: number[] = [];
    let raised = 0;
    for (let i = 0; i <= runs; i++) {
      let t = performance.now();
      await db.query(BASELINE_SQL, [DEMO_START, DEMO_END]);
      const b = performance.now() - t;
      await db.exec('DELETE FROM alert_deliveries; DELETE FROM alerts');
      t = performance.now();
      const r = await evaluateRules(db, { from: DEMO_START, to: DEMO_END });
      const e = performance.now() - t;
      raised = r.raised.length;
      if (i === 0) continue; // warm-up
      base.push(b);
      evaluate.push(e);
    }
    await db.exec('DELETE FROM alert_deliveries; DELETE FROM alerts'); // leave the bench database as loaded
    const scope = `${rules?.n} rules × ${pts?.n} points × 730 days, ${rows} rows`;
    const mb = median(base);
    const me = median(evaluate);
    return [
      { step: 'baseline: bare SQL of the daily series (3 measures)', scope, 'median ms': mb, 'ratio': 1 },
      { step: 'evaluate all default rules (evaluateRules)', scope, 'median ms': me, 'ratio': me / mb, alerts: raised },
    ];
  } finally {
    await db.close();
  }
}

export const alertsBench: Bench = {
  name: 'alerts',
  summary: 'evaluating all default alert rules over two years × all points, against the bare daily-series SQL',
  run,
};
