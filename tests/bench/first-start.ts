/**
 * The first start as a new user meets it (issue 19 item 4): a fresh clone of this checkout's
 * HEAD (no dist/, .cache/ or data/db/; node_modules linked from here), `npm start`'s command,
 * and Chromium opening the printed sign-in link until the map is drawn. Baseline, in the same
 * run: a later start of the same directory, measured the same way.
 *
 *   npm run bench -- first-start [--runs 3]
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { paths } from '../../server/paths.js';
import { median, wholeOptions } from './common.js';
import type { Bench, BenchRow } from './run.js';

interface Start {
  url: number;
  map: number;
  /** Seconds to the log's "flow rollups built" (first starts only). */
  rollups?: number;
}

/** Starts the clone as `npm start` does; resolves with the times of the URL, the drawn map and (first start) the rollups. */
async function start(dir: string, dataDir: string, first: boolean): Promise<Start> {
  // Open before the clock starts, as a user's browser already is.
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' });
  const t0 = Date.now();
  const child: ChildProcess = spawn(process.execPath, ['--max-semi-space-size=64', 'server/start.mjs'], {
    cwd: dir,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  let rollups: number | undefined;
  const seen = (re: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const m = re.exec(out);
        if (m) resolve(m);
      };
      child.stdout?.on('data', check);
      child.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${out.slice(-2000)}`)));
      check();
    });
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    if (rollups === undefined && out.includes('flow rollups built')) rollups = (Date.now() - t0) / 1000;
  });
  try {
    const [link] = await seen(/http:\/\/\S+\?signin=\S+/);
    const url = (Date.now() - t0) / 1000;
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(link);
    await page.waitForFunction(() => document.body.dataset['mapReady'] === 'true', undefined, { timeout: 300_000, polling: 100 });
    const map = (Date.now() - t0) / 1000;
    if (first) await seen(/flow rollups built/);
    return { url, map, ...(first ? { rollups } : {}) };
  } finally {
    await browser.close();
    child.kill('SIGINT');
    if (child.exitCode === null) await once(child, 'exit');
  }
}

export const firstStartBench: Bench = {
  name: 'first-start',
  summary: 'first start of a fresh clone to the URL and to the drawn map, against a later start (Chromium)',
  async run({ options, log }) {
    const { runs } = wholeOptions(options, { runs: 1 });
    const firsts: Start[] = [];
    const laters: Start[] = [];
    for (let i = 0; i < runs; i++) {
      const tmp = await mkdtemp(join(tmpdir(), 'corridor-first-start-'));
      try {
        const dir = join(tmp, 'corridor');
        execFileSync('git', ['clone', '-q', paths.root, dir]);
        await symlink(join(paths.root, 'node_modules'), join(dir, 'node_modules'));
        firsts.push(await start(dir, join(tmp, 'db'), true));
        laters.push(await start(dir, join(tmp, 'db'), false));
        log(`run ${i + 1}: first ${JSON.stringify(firsts.at(-1))}, later ${JSON.stringify(laters.at(-1))}`);
      } finally {
        await rm(tmp, { recursive: true, force: true });
      }
    }
    const row = (name: string, s: Start[]): BenchRow => ({
      start: name,
      runs,
      'URL s (median)': median(s.map((x) => x.url)),
      'map drawn s (median)': median(s.map((x) => x.map)),
      ...(s[0]?.rollups !== undefined ? { 'rollups built s (median)': median(s.map((x) => x.rollups ?? NaN)) } : {}),
    });
    const first = row('first (fresh clone)', firsts);
    const later = row('later (same directory)', laters);
    return [first, { ...later, 'map ratio first/later': Number(first['map drawn s (median)']) / Number(later['map drawn s (median)']) }];
  },
};
