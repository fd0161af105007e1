import { describe, expect, it } from 'vitest';
import { BASEMAP, POINT_COLORS } from '../../client/layers/colors.js';
import { makeUser } from '../helpers/auth.js';
import { expected401, useBrowserApp, waitForMapReady } from '../helpers/browser.js';
import { readCanvas } from './driver.js';

// Offline, the requests nobody kept fail as Chromium says they do; that is the point of the test.
const offlineNoise = (text: string): boolean => expected401(text) || /ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(text);

/** Issue 19: a laptop that loses its connection to a server deployment still opens the map and the last data. */
describe('offline use of a server deployment (service worker)', { timeout: 300_000 }, () => {
  const ui = useBrowserApp({ allowConsole: offlineNoise });

  const openOnline = async () => {
    const user = await makeUser(ui.db, 'viewer', 'offline');
    const opened = await ui.open('/', { as: user });
    await waitForMapReady(opened.page, 180_000);
    // The worker has stored what this first visit loaded.
    await opened.page.waitForFunction(() => document.body.dataset['offlineReady'] === 'true', undefined, { timeout: 60_000 });
    return opened;
  };

  it('when the connection is lost and the page reloaded, then the map and the last data show with an offline banner', async () => {
    const { page } = await openOnline();
    expect(await page.locator('#offline-banner').isHidden()).toBe(true);
    await page.context().setOffline(true);
    await page.reload();
    await waitForMapReady(page, 180_000);
    const banner = page.locator('#offline-banner');
    await banner.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await banner.textContent()).toMatch(/^Offline — data as of \d{1,2} \w{3} \d{4}/);
    await page.screenshot({ path: '/tmp/corridor-offline.png' });
    const s = await readCanvas(page, [
      { name: 'land', rgb: BASEMAP.land },
      { name: 'focusLand', rgb: BASEMAP.focusLand },
      { name: 'official', rgb: POINT_COLORS.official },
    ]);
    const total = s.width * s.height;
    expect((s.counts['land']! + s.counts['focusLand']!) / total).toBeGreaterThan(0.3); // the basemap
    expect(s.counts['official']).toBeGreaterThan(20); // the monitoring points: the last data, from the cache
    // A write is refused with a message, not queued: nothing reaches the server.
    const write = await page.evaluate(async () => {
      const res = await fetch('/api/v1/outreach/plans', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => null);
      return res ? { status: res.status, body: (await res.json()) as { title: string; detail: string } } : null;
    });
    expect(write?.status ?? 'no answer').toBe(503);
    expect(write?.body.detail).toMatch(/offline, so nothing was sent/);
  });

  it('when the user signs out, then the cached data is gone (the app shell stays)', async () => {
    const { page } = await openOnline();
    expect(await page.evaluate(() => caches.keys())).toContain('corridor-api-v1');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForFunction(async () => !(await caches.keys()).some((k) => k.startsWith('corridor-api')), undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => caches.keys())).toContain('corridor-assets-v1');
  });
});
