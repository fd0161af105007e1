import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { HttpError } from '../http/problem.js';
import type { Paper } from '../../common/briefs.js';

/**
 * Renders a brief's print page (client/brief.html) to PDF or PNG in headless Chromium.
 * One browser, launched on first use and reused; renders run one at a time (a WebGL map on
 * SwiftShader takes a core, and the machine has few). The page gets its data from the route
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
    const b = chromium.launch({ executablePath, args: ARGS });
    browser = b;
    b.then((x) => x.on('disconnected', () => { if (browser === b) browser = null; }), () => { if (browser === b) browser = null; });
  }
  return browser;
}

export function renderBrief(executablePath: string, job: RenderJob): Promise<Buffer> {
  const run = queue.then(() => renderNow(executablePath, job));
  queue = run.catch(() => undefined);
  return run;
}

async function renderNow(executablePath: string, job: RenderJob): Promise<Buffer> {
  const b = await launch(executablePath);
  // 2.5 device pixels per CSS pixel: 240 dpi at print size for the map and any raster.
  const context = await b.newContext({ viewport: { width: 1200, height: 1600 }, deviceScaleFactor: job.format === 'png' ? 2 : 1 });
  try {
    const page = await context.newPage();
    await page.route(`${job.origin}/api/**`, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/api/v1/briefs/data') return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(job.data) });
      return route.fulfill({ status: 404, contentType: 'application/problem+json', body: '{"title":"Not found","status":404}' });
    });
    await page.goto(`${job.origin}/brief.html?${job.query}&render=1`);
    await page.waitForFunction(() => {
      const w = window as unknown as { __briefReady?: boolean; __briefError?: string };
      if (w.__briefError) throw new Error(w.__briefError);
      return w.__briefReady === true;
    }, undefined, { timeout: READY_TIMEOUT_MS, polling: 100 });
    if (job.format === 'png') return await page.locator('#sheet').screenshot({ type: 'png' });
    return await page.pdf({ format: job.paper, landscape: job.landscape, printBackground: true, preferCSSPageSize: true });
  } finally {
    await context.close();
  }
}

/** Closes the shared browser (server shutdown, tests). */
export async function closeBriefRenderer(): Promise<void> {
  const b = browser;
  browser = null;
  if (b) await (await b.catch(() => null))?.close();
}
