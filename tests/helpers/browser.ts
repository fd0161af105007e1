/**
 * Browser tests in headless Chromium. A test file starts with `const ui = useBrowserApp({ … })`
 * in its describe (one app and one Chromium for the file) and opens each page with
 * `await ui.open(path, { as: user })`: a fresh context per page, checked for page errors,
 * console errors, CSP violations and off-machine requests after its test (see useBrowserApp).
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Db } from '../../server/db/index.js';
import { startApp, type TestApp } from './app.js';
import { sessionCookie, type TestUser } from './auth.js';
import { openFreshDb, sharedDb } from './db.js';

/**
 * Headless Chromium for browser tests (docs/architecture.md#testing). SwiftShader gives WebGL2
 * without a GPU; the other flags stop Chromium's own background traffic so a test can
 * assert that the page itself made no off-machine request.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** What a page did that a test should fail on: console errors, CSP violations, uncaught errors, off-origin requests. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: string[];
  foreignRequests: string[];
}

/**
 * Starts recording problems on `page`. CSP violations are caught from the page's own
 * `securitypolicyviolation` events (an init script injected by the browser, which the
 * page's CSP does not govern) as well as from the console.
 */
export async function watchPage(page: Page, origin: string): Promise<PageProblems> {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    (/Content Security Policy/i.test(text) ? problems.cspViolations : problems.consoleErrors).push(text);
  });
  page.on('pageerror', (err) => problems.pageErrors.push(String(err)));
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) problems.foreignRequests.push(url);
  });
  await page.exposeFunction('__reportCspViolation', (text: string) => problems.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation(t: string): void }).__reportCspViolation;
      report(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return problems;
}

/** Waits for the app's readiness signal (map idle, data loaded, deck.gl layers drawn). */
export async function waitForMapReady(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => document.body.dataset['mapReady'] === 'true', undefined, { timeout, polling: 100 });
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** Signed in as this user (a session cookie from the login API, no form filled in). */
  as?: Pick<TestUser, 'username' | 'password'>;
  acceptDownloads?: boolean;
}

export interface BrowserSuite {
  /** The app of this file (started in beforeAll). */
  readonly app: TestApp;
  /** Its embedded database: the worker's shared one, or one of the file's (`db: 'fresh'`) or the test's own (`'fresh-each'`). */
  readonly db: Db;
  readonly browser: Browser;
  /**
   * A page in a new browser context (its own cookies and storage), gone to `path` on the app.
   * Closed after the test; its problems are checked then (see useBrowserApp).
   */
  open(path: string, opts?: OpenOptions): Promise<{ page: Page; problems: PageProblems }>;
}

/**
 * For `allowConsole`: before a sign-in the page asks /api/v1/auth/me who is signed in, and Chromium
 * logs that expected 401 as a console error.
 */
export const expected401 = (text: string): boolean => /Failed to load resource: the server responded with a status of 401/.test(text);

/**
 * A browser test file's set-up, in one call at the top of its describe:
 *
 *   const ui = useBrowserApp({ env: { PUBLIC_VIEWER: 'on' } });
 *   it('when …, then …', async () => {
 *     const { page } = await ui.open('/#v=-9.32,32.76,12');
 *     await waitForMapReady(page);
 *     …
 *   });
 *
 * One app and one Chromium per file (beforeAll), a fresh context per page, so no test sees
 * another's cookies, storage or page state; what a test needs it opens (or makes) itself.
 * Tests whose data would meet another test's take `db: 'fresh-each'`: a database and app per
 * test (make their users in beforeEach then). After each test its pages are closed and must
 * have had no page error, console error (but those `allowConsole` accepts), CSP violation or
 * off-machine request.
 */
export function useBrowserApp(
  opts: { env?: NodeJS.ProcessEnv; db?: 'shared' | 'fresh' | 'fresh-each'; allowConsole?: (text: string) => boolean } = {},
): BrowserSuite {
  let app: TestApp | undefined;
  let db: Db | undefined;
  let browser: Browser | undefined;
  let opened: { context: BrowserContext; problems: PageProblems }[] = [];
  const start = async () => {
    db = await (opts.db === 'fresh' || opts.db === 'fresh-each' ? openFreshDb('embedded') : sharedDb('embedded'));
    app = await startApp({ db, env: opts.env });
  };
  const stop = async () => {
    await app?.close();
    if (opts.db === 'fresh' || opts.db === 'fresh-each') await db?.close();
    app = db = undefined;
  };
  const each = opts.db === 'fresh-each';
  beforeAll(async () => {
    if (!each) await start();
    browser = await launchBrowser();
  });
  if (each) beforeEach(start);
  afterEach(async () => {
    const pages = opened;
    opened = [];
    for (const { context } of pages) await context.close().catch(() => {});
    if (each) await stop();
    for (const { problems } of pages) expectNoProblems(problems, opts.allowConsole);
  });
  afterAll(async () => {
    await browser?.close();
    await stop();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is used before beforeAll ran`);
    return value;
  };
  return {
    get app() {
      return ready(app, 'app');
    },
    get db() {
      return ready(db, 'db');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    async open(path, o = {}) {
      const url = ready(app, 'app').url;
      const context = await ready(browser, 'browser').newContext({ viewport: o.viewport ?? { width: 1366, height: 768 }, acceptDownloads: o.acceptDownloads });
      const page = await context.newPage();
      const problems = await watchPage(page, new URL(url).origin);
      opened.push({ context, problems });
      if (o.as) await context.addCookies([await signInCookie(url, o.as)]);
      await page.goto(new URL(path, url).href);
      return { page, problems };
    },
  };
}

/** Fails on what a page should never do; console errors that `allow` accepts are expected ones (e.g. a 401 probe). */
export function expectNoProblems(problems: PageProblems, allow: (text: string) => boolean = () => false): void {
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors.filter((t) => !allow(t))).toEqual([]);
  expect(problems.cspViolations).toEqual([]);
  expect(problems.foreignRequests).toEqual([]);
}

/** A session cookie for the browser, from the login API. */
export async function signInCookie(url: string, user: Pick<TestUser, 'username' | 'password'>): Promise<{ name: string; value: string; url: string }> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  const cookie = sessionCookie(res);
  if (!res.ok || !cookie) throw new Error(`sign-in of ${user.username} failed: ${res.status}`);
  const [name, value] = cookie.split('=') as [string, string];
  return { name, value, url };
}
