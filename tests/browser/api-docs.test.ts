import { describe, expect, it } from 'vitest';
import { useBrowserApp } from '../helpers/browser.js';

// Screenshots for humans reviewing a run (not compared).
const SHOTS = process.env['CORRIDOR_SHOTS_DIR'] ?? '/tmp';
const VIEWPORT = { width: 1280, height: 900 };

/**
 * The API reference (Swagger UI bundled from npm) and the OGC API's HTML pages, in headless
 * Chromium under the app's CSP: they must render with no violation and no request leaving the
 * server (the reference works offline; useBrowserApp checks each page after its test).
 */
describe('API reference and OGC pages in headless Chromium', { timeout: 120_000 }, () => {
  // The OGC HTML pages were only ever held to the CSP here, not to a clean console: one resource
  // on them answers 404 (Chromium logs it as a console error), left for the OGC pages to mend.
  const ui = useBrowserApp({ env: { PUBLIC_VIEWER: 'on' }, allowConsole: (text) => /status of 404 \(Not Found\)/.test(text) });

  it('when /api/docs is opened, then Swagger UI lists the operations of the generated document with no CSP violation', async () => {
    const { page, problems } = await ui.open('/api/docs/', { viewport: VIEWPORT });
    await page.getByText('Corridor API').first().waitFor({ timeout: 60_000 });
    await page.locator('.opblock-summary-path', { hasText: '/flows/timeseries' }).first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(40);
    // Open one operation: its parameters come from the zod schema.
    await page.locator('.opblock-summary', { hasText: '/services' }).first().click();
    await page.locator('.parameters-col_name', { hasText: 'country' }).first().waitFor();
    await page.screenshot({ path: `${SHOTS}/corridor-api-docs.png` });
    expect(problems.cspViolations).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
  });

  it('when the OGC features of a collection are opened in the browser, then the HTML page shows the table and the sketch under the CSP', async () => {
    const { page, problems } = await ui.open('/ogc/collections/monitoring-points/items', { viewport: VIEWPORT });
    await page.locator('h1', { hasText: 'Monitoring points: features' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(5);
    expect(await page.locator('svg.sketch circle').count()).toBe(await page.locator('tbody tr').count());
    // The stylesheet applied: the header is the dark band of the stylesheet.
    expect(await page.locator('header').evaluate((h) => getComputedStyle(h).backgroundColor)).toBe('rgb(20, 50, 74)');
    await page.screenshot({ path: `${SHOTS}/corridor-ogc-items.png`, fullPage: true });
    await page.goto(`${ui.app.url}/ogc/collections/flows/items?limit=50`);
    await page.locator('svg.sketch polyline').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/corridor-ogc-flows.png`, fullPage: false });
    expect(problems.cspViolations).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
  });
});
