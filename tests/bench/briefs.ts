/**
 * Brief rendering (issue 21 §5): POST /api/v1/briefs for a one-page A4 PDF, end to end over
 * HTTP, --runs (10) times after one warm-up each way, in the same run: first the baseline (a
 * new browser context and page per brief, the renderer before the warm page), then the warm
 * print page. Median and p95 wall time, and the median of each stage the renderer measures
 * (server/briefs/render.ts lastRenderTimings: browser page, navigation, the page's own marks,
 * PDF output).
 *
 *   npm run bench -- briefs --runs 10 --rows 20000 [--baseline off]     BENCH_DATABASE_URL=postgres://… CHROMIUM_PATH=/usr/bin/chromium
 */
import { randomUUID } from 'node:crypto';
import { createToken } from '../../server/auth/tokens.js';
import { closeBriefRenderer, configureBriefRenderer, lastRenderTimings } from '../../server/briefs/render.js';
import { ensureClientBuilt } from '../../server/build.js';
import { benchDatabase } from './bench-db.js';
import { benchServer, median, wholeOptions } from './common.js';
import type { Bench, BenchRow } from './run.js';

const BODY = { view: { from: '2025-03-01', to: '2025-05-31', direction: ['inbound', 'outbound'] }, title: 'Bench brief', paper: 'A4' };

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)] ?? NaN;

export const briefsBench: Bench = {
  name: 'briefs',
  summary: 'One-page A4 brief PDFs over HTTP: new page per brief (baseline) vs the warm print page (--runs 10 --rows 20000)',
  async run({ options, log }) {
    const { runs, rows } = wholeOptions(options, { runs: 10, rows: 20_000 });
    await ensureClientBuilt();
    const db = await benchDatabase(rows, log);
    const { server, origin } = await benchServer(db, { CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', HEAVY_RATE_LIMIT: '1000' });
    const { token } = await createToken(db, { name: `bench-${randomUUID()}`, role: 'viewer' });
    const post = async (): Promise<{ ms: number; stages: Record<string, number> }> => {
      const t = performance.now();
      const res = await fetch(`${origin}/api/v1/briefs`, {
        method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(BODY),
      });
      const pdf = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200 || pdf.subarray(0, 5).toString() !== '%PDF-') throw new Error(`brief failed: ${res.status} ${pdf.subarray(0, 300).toString()}`);
      return { ms: performance.now() - t, stages: lastRenderTimings() ?? {} };
    };
    const out: BenchRow[] = [];
    try {
      const paths = [['new page per brief (baseline)', false], ['warm print page', true]] as const;
      // --baseline off: the warm page alone (the baseline takes minutes on a loaded machine).
      for (const [path, warmPages] of paths.filter(([, warmPages]) => warmPages || options.baseline !== 'off')) {
        configureBriefRenderer({ warmPages });
        await post(); // browser launched, client cached: both paths measured warm
        const results: { ms: number; stages: Record<string, number> }[] = [];
        for (let i = 0; i < runs; i++) {
          results.push(await post());
          log(`${path}: ${i + 1}/${runs} ${results.at(-1)?.ms.toFixed(0)} ms ${JSON.stringify(results.at(-1)?.stages, (_k, v: unknown) => (typeof v === "number" ? Math.round(v) : v))}`);
        }
        const ms = results.map((r) => r.ms);
        const row: BenchRow = { path, runs, 'median ms': median(ms), 'p95 ms': p95(ms) };
        for (const stage of Object.keys(results[0]?.stages ?? {})) row[stage] = median(results.map((r) => r.stages[stage] ?? NaN));
        out.push(row);
      }
    } finally {
      await closeBriefRenderer();
      server.close();
      await db.close();
    }
    return out;
  },
};
