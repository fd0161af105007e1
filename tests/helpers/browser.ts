import { chromium, type Browser, type Page } from 'playwright-core';

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
