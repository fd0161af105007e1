/**
 * Load (issue 20): --clients (20) concurrent clients sending a fixed mix of GETs — flows, time
 * series, breakdowns, crossings, corridors, hot spots, area summaries, catalog layers, OGC items —
 * over loopback to real app processes (tests/bench/load-server.ts, spawned), until --requests
 * (2000) are answered or --seconds (60) have passed. Requests/s and p50/p95/p99 latency for 1 and
 * 2 processes on the server database (the client alternates between them, as a load balancer
 * would) and for 1 process on the embedded engine (it belongs to one process). With
 * BENCH_DATABASE_READ_URL (a replica of the bench server), also 2 processes reading from it.
 *
 *   npm run bench -- load --rows 100000 --clients 20 --requests 2000 --seconds 60
 *   (server data: BENCH_DATABASE_URL's database with _load; embedded: .cache/bench-load-<rows>)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { paths } from '../../server/paths.js';
import { BENCH_DATABASE_URL, benchDatabase } from './bench-db.js';
import { wholeOptions } from './common.js';
import type { Bench, BenchRow } from './run.js';

/** The mix, in the order each client walks it (each client starts at another place in it). */
const MIX = [
  '/api/v1/flows', '/api/v1/flows?level=point&direction=inbound', '/api/v1/flows?from=2025-11-01&to=2026-10-31&nationality=ETH,SOM',
  '/api/v1/flows/timeseries?bucket=week', '/api/v1/flows/breakdowns', '/api/v1/flows/crossings', '/api/v1/flows/corridors?limit=20',
  '/api/v1/hotspots', '/api/v1/admin-areas/summary?level=2', '/api/v1/monitoring-points', '/api/v1/services',
  '/ogc/collections/flows/items?limit=50', '/api/v1/flows?reason=asylum&age=children', '/api/v1/health',
];

interface Target {
  label: string;
  processes: number;
  env: Record<string, string>;
}

export const loadBench: Bench = {
  name: 'load',
  summary: 'requests/s and p50/p95/p99 of 20 clients sending mixed GETs to 1 and 2 app processes (server) and 1 (embedded) (--rows 100000 --requests 2000 --seconds 60)',
  async run({ options, log }) {
    const o = wholeOptions(options, { rows: 100_000, clients: 20, requests: 2000, seconds: 60 });
    const url = new URL(BENCH_DATABASE_URL);
    url.pathname = `${url.pathname}_load`;
    log(`server data: ${url.pathname.slice(1)} with ${o.rows} demo rows`);
    await (await benchDatabase(o.rows, log, url.toString())).close();
    const token = randomBytes(24).toString('base64url');
    // Heavy endpoints are rate limited per caller; every client here is the one admin token.
    const common = { CORRIDOR_ADMIN_TOKEN: token, HEAVY_RATE_LIMIT: '100000', LOG_LEVEL: 'warn', DEMO_ROWS: String(o.rows), PG_POOL_MAX: '10' };
    const server = { ...common, DATABASE_URL: url.toString() };
    const targets: Target[] = [
      { label: 'server database, 1 process', processes: 1, env: server },
      { label: 'server database, 2 processes', processes: 2, env: server },
      { label: 'embedded engine, 1 process', processes: 1, env: { ...common, DATA_DIR: join(paths.root, '.cache', `bench-load-${o.rows}`) } },
    ];
    const replica = process.env.BENCH_DATABASE_READ_URL;
    if (replica) targets.splice(2, 0, { label: '2 processes, reads from the replica', processes: 2, env: { ...server, DATABASE_READ_URL: replica } });
    const rows: BenchRow[] = [];
    for (const t of targets) {
      log(`${t.label}: starting (the embedded engine loads its demo data on first use)`);
      const apps = await Promise.all(Array.from({ length: t.processes }, () => startProcess(t.env)));
      try {
        const origins = apps.map((a) => a.origin);
        const headers = { authorization: `Bearer ${token}` };
        for (const origin of origins) for (const path of MIX) await get(origin + path, headers); // warm-up: plans, caches, pools
        const r = await drive(origins, headers, o);
        log(`${t.label}: ${r.done} requests in ${r.seconds.toFixed(1)} s`);
        rows.push({
          setup: t.label, clients: o.clients, requests: r.done, errors: r.errors, seconds: r.seconds, 'req/s': r.done / r.seconds,
          'p50 ms': pct(r.ms, 50), 'p95 ms': pct(r.ms, 95), 'p99 ms': pct(r.ms, 99),
        });
      } finally {
        await Promise.all(apps.map((a) => a.stop()));
      }
    }
    return rows;
  },
};

async function get(url: string, headers: Record<string, string>): Promise<number> {
  const res = await fetch(url, { headers });
  await res.arrayBuffer(); // the whole body, as a client reads it
  return res.status;
}

/** `clients` loops, each sending its next request as soon as the last is answered, until either bound. */
async function drive(origins: string[], headers: Record<string, string>, o: { clients: number; requests: number; seconds: number }) {
  const ms: number[] = [];
  let sent = 0;
  let errors = 0;
  const t0 = performance.now();
  const until = t0 + o.seconds * 1000;
  const client = async (c: number) => {
    for (let i = c; sent < o.requests && performance.now() < until; i++) {
      const n = sent++;
      const t = performance.now();
      const status = await get(origins[n % origins.length]! + MIX[i % MIX.length]!, headers).catch(() => 0);
      ms.push(performance.now() - t);
      if (status !== 200) errors++;
    }
  };
  await Promise.all(Array.from({ length: o.clients }, (_, c) => client(c)));
  return { ms, errors, done: ms.length, seconds: (performance.now() - t0) / 1000 };
}

/** Nearest-rank percentile. */
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

async function startProcess(env: Record<string, string>): Promise<{ origin: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', '--max-semi-space-size=64', join(paths.root, 'tests/bench/load-server.ts')], {
    env: { ...process.env, ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit').then(([code]) => Promise.reject(new Error(`the app process exited (${code}) before listening`)));
  const listening = (async () => {
    for await (const line of createInterface({ input: child.stdout! })) {
      const m = /^listening (\d+)$/.exec(line);
      if (m) return Number(m[1]);
    }
    throw new Error('the app process closed its output before listening');
  })();
  const port = await Promise.race([listening, exited]);
  exited.catch(() => {}); // once listening, a later exit is the stop below
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
