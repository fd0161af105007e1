import { accessSync, constants } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { HttpError } from '../http/problem.js';
import type { Paper } from '../../common/briefs.js';

/**
 * Renders a brief's print page (client/brief.html) to PDF or PNG in headless Chromium.
 * One browser, launched on first use and reused, with a warm print page per device scale
 * (see WarmPage); renders run one at a time (a WebGL map on SwiftShader takes a core, and the
 * machine has few). The page gets its data from the route
 * below, never from the network with the caller's credentials: no token is minted and the
 * page's CSP stays as it is.
 */
export interface RenderJob {
  /** The server's own origin, as this process listens (http://127.0.0.1:port). */
  origin: string;
  /** The brief's view and options as the print page's query string. */
  query: string;
  data: unknown;
  paper: Paper;
  landscape: boolean;
  format: 'pdf' | 'png';
}

// SwiftShader gives WebGL without a GPU; no background traffic from Chromium itself.
const ARGS = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const READY_TIMEOUT_MS = 120_000;

let browser: Promise<Browser> | null = null;
let queue: Promise<unknown> = Promise.resolve();

/** Where Debian, Ubuntu and most distributions put Chromium: `npm start` finds it without settings. */
const USUAL_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

const executable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The Chromium to use, or a 503 problem saying why there is none: CHROMIUM_PATH when set
 * (`off` = never render), else the first usual path that holds one.
 */
export function chromiumPath(configured: string | undefined): string {
  const detail = 'this server has no headless Chromium for rendering briefs: install chromium or set CHROMIUM_PATH to a Chromium executable';
  if (configured === 'off') throw new HttpError(503, 'Brief rendering unavailable', 'rendering briefs is switched off on this server (CHROMIUM_PATH=off)');
  if (configured === undefined) {
    const found = USUAL_PATHS.find(executable);
    if (!found) throw new HttpError(503, 'Brief rendering unavailable', detail);
    return found;
  }
  if (!executable(configured)) throw new HttpError(503, 'Brief rendering unavailable', `${detail} (${configured} is not an executable file)`);
  return configured;
}

function launch(executablePath: string): Promise<Browser> {
  if (!browser) {
    // Imported here, not at the top: playwright-core costs ~0.75 s of every start (issue 19) and
    // only brief rendering needs it.
    const b = import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath, args: ARGS }));
    browser = b;
    b.then((x) => x.on('disconnected', () => { if (browser === b) browser = null; }), () => { if (browser === b) browser = null; });
  }
  return browser;
}

export function renderBrief(executablePath: string, job: RenderJob): Promise<Buffer> {
  const run = queue.then(() => renderNow(executablePath, job));
  // The next render waits for this one's page to be cleared too; the caller does not.
  queue = run.catch(() => undefined).then(() => clearing);
  return run;
}

/** The warm page's clean-up after the last render (renderNow), started before the file is returned. */
let clearing: Promise<void> = Promise.resolve();

/**
 * Warm print pages (issue 21 §5): one page per device scale (PDF 1, PNG 2), opened once at
 * brief.html?warm=1 and kept. The page keeps its scripts, its MapLibre map with the basemap
 * loaded and deck.gl's shaders, and draws each brief on demand (`__briefDraw`): no navigation,
 * no style or basemap load per brief. Renders are serial (the queue above), so a page serves one
 * brief at a time. The brief's data reaches the page only through `current`, set for that render
 * and cleared after it, and `__briefClear` empties the sheet and the map's layers when done, so
 * nothing of one caller's brief stays in the page for the next. A page that fails is closed and
 * replaced. `warmPages: false` is the old path (a new context per brief, a navigation per
 * brief), kept for the benchmark's baseline.
 */
interface WarmPage {
  page: Page;
  origin: string;
  current: RenderJob | null;
}
const warm = new Map<number, Promise<WarmPage>>();
const settings = { warmPages: true };

export function configureBriefRenderer(opts: { warmPages: boolean }): void {
  settings.warmPages = opts.warmPages;
}

/** Milliseconds per stage of the last render (benchmark): see renderNow. */
export type RenderTimings = Record<string, number>;
/** In order: scripts running, data in, sheet and charts built, map placed, map frame drawn, picture placed. */
const PAGE_MARKS = ['start', 'data', 'sheet', 'basemap', 'map', 'picture'] as const;
let timings: RenderTimings | null = null;
export const lastRenderTimings = (): RenderTimings | null => timings;

type PrintWindow = { __briefReady?: boolean; __briefError?: string; __briefWarm?: boolean; __briefDraw?: (q: string) => void; __briefClear?: () => Promise<void> };

async function serve(page: Page, job: () => RenderJob | null): Promise<void> {
  await page.route('**/api/**', (route) => {
    const j = job();
    const url = new URL(route.request().url());
    if (j && url.origin === j.origin && url.pathname === '/api/v1/briefs/data') {
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(j.data) });
    }
    return route.fulfill({ status: 404, contentType: 'application/problem+json', body: '{"title":"Not found","status":404}' });
  });
}

const newPage = async (b: Browser, scale: number) =>
  (await b.newContext({ viewport: { width: 1200, height: 1600 }, deviceScaleFactor: scale })).newPage();

function warmPage(b: Browser, scale: number, origin: string): Promise<WarmPage> {
  let w = warm.get(scale);
  if (!w) {
    w = (async () => {
      const slot: WarmPage = { page: await newPage(b, scale), origin, current: null };
      await serve(slot.page, () => slot.current);
      slot.page.on('close', () => { if (warm.get(scale) === w) warm.delete(scale); });
      await slot.page.goto(`${origin}/brief.html?warm=1`);
      await slot.page.waitForFunction(() => {
        const p = window as unknown as PrintWindow;
        if (p.__briefError) throw new Error(p.__briefError);
        return p.__briefWarm === true;
      }, undefined, { timeout: READY_TIMEOUT_MS, polling: 50 });
      return slot;
    })();
    warm.set(scale, w);
    w.catch(() => { if (warm.get(scale) === w) warm.delete(scale); });
  }
  return w;
}

async function dropWarm(scale: number, slot: WarmPage): Promise<void> {
  if (warm.has(scale)) warm.delete(scale);
  await slot.page.context().close().catch(() => undefined);
}

async function renderNow(executablePath: string, job: RenderJob): Promise<Buffer> {
  const t0 = performance.now();
  const b = await launch(executablePath);
  // 2.5 device pixels per CSS pixel: 240 dpi at print size for the map and any raster.
  const scale = job.format === 'png' ? 2 : 1;
  const search = `?${job.query}&render=1`;
  let slot: WarmPage;
  let dispose: (ok: boolean) => Promise<void>;
  let startPage: () => Promise<unknown>;
  if (settings.warmPages) {
    slot = await warmPage(b, scale, job.origin);
    if (slot.origin !== job.origin) {
      // Another listening address (tests start several servers): a warm page of its own.
      await dropWarm(scale, slot);
      slot = await warmPage(b, scale, job.origin);
    }
    const s = slot;
    startPage = () => s.page.evaluate((q) => (window as unknown as PrintWindow).__briefDraw?.(q), search);
    dispose = async (ok) => {
      s.current = null;
      // Started now (the brief leaves the page at once), awaited by the next render only.
      clearing = (async () => {
        const cleared = ok && (await s.page.evaluate(() => (window as unknown as PrintWindow).__briefClear?.()).then(() => true, () => false));
        if (!cleared) await dropWarm(scale, s);
      })();
    };
  } else {
    const page = await newPage(b, scale);
    slot = { page, origin: job.origin, current: null };
    await serve(page, () => slot.current);
    startPage = () => page.goto(`${job.origin}/brief.html${search}`);
    dispose = () => page.context().close();
  }
  slot.current = job;
  const { page } = slot;
  let ok = false;
  try {
    const t1 = performance.now();
    await startPage();
    const t2 = performance.now();
    await page.waitForFunction(() => {
      const w = window as unknown as PrintWindow;
      if (w.__briefError) throw new Error(w.__briefError);
      return w.__briefReady === true;
    }, undefined, { timeout: READY_TIMEOUT_MS, polling: 20 });
    const t3 = performance.now();
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
    const out = job.format === 'png'
      ? await page.locator('#sheet').screenshot({ type: 'png' })
      : await page.pdf({ format: job.paper, landscape: job.landscape, printBackground: true, preferCSSPageSize: true });
    const t4 = performance.now();
    ok = true;
    // Page marks (client/briefs/print.ts) are from the page's time origin: stages are differences
    // (on the warm page, from the brief's own start).
    const stages: Record<string, number> = {};
    let prev = settings.warmPages ? (marks['brief:start'] ?? 0) : 0;
    for (const name of PAGE_MARKS) {
      const at = marks[`brief:${name}`];
      if (at === undefined || (settings.warmPages && name === 'start')) continue;
      stages[name] = at - prev;
      prev = at;
    }
    timings = { page: t1 - t0, navigate: t2 - t1, ready: t3 - t2, output: t4 - t3, total: t4 - t0, ...stages };
    return out;
  } finally {
    await dispose(ok);
  }
}

/** Closes the shared browser (server shutdown, tests). */
export async function closeBriefRenderer(): Promise<void> {
  await clearing;
  const b = browser;
  browser = null;
  warm.clear();
  if (b) await (await b.catch(() => null))?.close();
}
