/**
 * Flows API latency at scale (issue 4): p50/p95 of the flows, timeseries and corridors query
 * functions over the rollups (≥ 20 runs after warm-up), against the same query run as a naive
 * GROUP BY over raw observations (source: 'raw': same SQL builder, same answer), as a ratio.
 *
 *   npm run bench -- flows --rows 1000000            (sizes: --rows 1000000,10000000)
 *   options: --runs 20  --warmup 3  --baseline-runs 5  BENCH_DATABASE_URL=postgres://…
 */
import type { Db } from '../../server/db/index.js';
import { queryCorridors } from '../../server/flows/corridors.js';
import { queryFlows } from '../../server/flows/flows.js';
import { corridorsQuery, flowsQuery, timeseriesQuery } from '../../server/flows/schemas.js';
import type { QueryOptions } from '../../server/query/source.js';
import { queryTimeseries } from '../../server/flows/timeseries.js';
import { benchDatabase } from './bench-db.js';
import type { Bench, BenchRow } from './run.js';

type Query = Record<string, string>;
type Run = (db: Db, q: Query, o: QueryOptions) => Promise<{ source: string }>;

const YEAR = { from: '2025-11-01', to: '2026-10-31' }; // the demo ends 2026-10-31
const ALL = { from: '2024-11-01', to: '2026-10-31' };

/** Filter combinations a map user makes; POINT is replaced by the Nakonde one-stop post's id. */
const COMBOS: [label: string, q: Query][] = [
  ['last 90 days', {}],
  ['1 year', YEAR],
  ['2 years, outbound', { ...ALL, direction: 'outbound' }],
  ['90 d, inbound women', { direction: 'inbound', sex: 'female' }],
  ['1 y, ETH+SOM', { ...YEAR, nationality: 'ETH,SOM' }],
  ['90 d, asylum, children', { reason: 'asylum', age: 'children' }],
  ['1 y, trafficking ind.', { ...YEAR, vulnerability: 'trafficking_indicators' }],
  ['90 d, Nakonde OSBP trucks', { point: 'POINT', transport: 'truck' }],
  ['90 d, ETH + asylum', { nationality: 'ETH', reason: 'asylum' }],
];

const ENDPOINTS: [name: string, run: Run, extra: (q: Query) => Query][] = [
  ['flows', (db, q, o) => queryFlows(db, flowsQuery.parse(q), o), () => ({})],
  ['flows', (db, q, o) => queryFlows(db, flowsQuery.parse(q), o), () => ({ level: 'point' })],
  ['timeseries', (db, q, o) => queryTimeseries(db, timeseriesQuery.parse(q), o), (q) => ({ bucket: q.from ? 'week' : 'day' })],
  ['corridors', (db, q, o) => queryCorridors(db, corridorsQuery.parse(q), o), () => ({ limit: '20' })],
];

export const flowsBench: Bench = {
  name: 'flows',
  summary: 'flows/timeseries/corridors p50/p95 over the rollups vs a naive GROUP BY (--rows 1000000,10000000)',
  async run({ options, log }) {
    const sizes = (options.rows ?? '1000000').split(',').map(Number);
    const runs = Math.max(20, Number(options.runs ?? 20));
    const warmup = Number(options.warmup ?? 3);
    const baselineRuns = Number(options['baseline-runs'] ?? 5);
    const out: BenchRow[] = [];
    for (const rows of sizes) {
      if (!Number.isInteger(rows) || rows <= 0) throw new Error(`--rows: ${rows} is not a row count`);
      const db = await benchDatabase(rows, log);
      try {
        const [mp] = await db.query<{ id: number }>(`SELECT id FROM monitoring_points WHERE code = 'mp-tunduma-nakonde-osbp'`);
        for (const [endpoint, run, extra] of ENDPOINTS) {
          for (const [label, combo] of COMBOS) {
            const q = { ...Object.fromEntries(Object.entries(combo).map(([k, v]) => [k, v.replace('POINT', String(mp?.id))])), ...extra(combo) };
            if (extra(combo).level === 'point' && label !== 'last 90 days' && label !== '1 year') continue;
            const fast = await time(() => run(db, q, {}), warmup, runs);
            const naive = await time(() => run(db, q, { source: 'raw' }), 1, baselineRuns);
            const same = JSON.stringify(strip(fast.last)) === JSON.stringify(strip(naive.last));
            const params = Object.entries(extra(combo)).map(([k, v]) => `${k}=${v}`).join(' ');
            out.push({
              rows, endpoint: `${endpoint}${params ? ` ${params}` : ''}`, filters: label, source: fast.last.source,
              'p50 ms': fast.p50, 'p95 ms': fast.p95, 'naive p50 ms': naive.p50, 'naive p95 ms': naive.p95,
              'x faster (p50)': round1(naive.p50 / fast.p50), same: same ? 'yes' : 'NO',
            });
            log(`${rows} ${endpoint} ${params} / ${label}: p50 ${fast.p50} ms, p95 ${fast.p95} ms, naive p50 ${naive.p50} ms`);
          }
        }
      } finally {
        await db.close();
      }
    }
    return out;
  },
};

async function time<T>(fn: () => Promise<T>, warmup: number, runs: number): Promise<{ p50: number; p95: number; last: T }> {
  let last = await fn();
  for (let i = 1; i < warmup; i++) last = await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50: round1(percentile(ms, 0.5)), p95: round1(percentile(ms, 0.95)), last };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const strip = (r: { source: string }) => ({ ...r, source: undefined });
