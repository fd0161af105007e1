import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { namedFlavor } from '@protomaps/basemaps';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { BASEMAP } from '../../client/layers/colors.js';
import type { Rgb } from '../../client/layers/colors.js';
import { useBrowserApp, waitForMapReady } from '../helpers/browser.js';
import { writeTestArchive } from '../helpers/basemap-archive.js';
import { readCanvas } from './driver.js';

// Screenshots for a person to look at (not compared).
const SHOTS = process.env['CORRIDOR_SHOTS_DIR'] ?? '/tmp';
const SESHEKE = '#v=-17.48,24.3,10';
const NAKONDE = '#v=-9.33,32.76,10';

const hex = (h: string): Rgb => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as unknown as Rgb;
const flavor = namedFlavor('light');

/** Every response the page gets, with its status (pages open on about:blank, so this sees the first request). */
function recordResponses(page: Page): { url: string; status: number; range: string | undefined }[] {
  const seen: { url: string; status: number; range: string | undefined }[] = [];
  page.on('response', (r) => seen.push({ url: r.url(), status: r.status(), range: r.request().headers()['range'] }));
  return seen;
}

const dir = mkdtempSync(join(tmpdir(), 'corridor-basemap-ui-'));
// Zooms 0–8 over Zambia and its neighbours; MapLibre over-zooms level 8 at zoom 10.
const archive = writeTestArchive(dir, 8);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('BASEMAP=pmtiles:… in headless Chromium', { timeout: 300_000 }, () => {
  const ui = useBrowserApp({ env: { PUBLIC_VIEWER: 'on', BASEMAP: `pmtiles:${archive.path}` } });

  for (const [name, hash] of [['sesheke', SESHEKE], ['nakonde', NAKONDE]] as const) {
    it(`when the map opens at zoom 10 around ${name}, then the archive's land and roads are drawn in the Protomaps colours, read from the local server by byte ranges`, async () => {
      const { page } = await ui.open('about:blank');
      const responses = recordResponses(page);
      await page.goto(new URL(`/${hash}`, ui.app.url).href);
      await waitForMapReady(page, 240_000);
      await page.screenshot({ path: `${SHOTS}/basemap-pmtiles-${name}.png` });
      const s = await readCanvas(page, [
        { name: 'earth', rgb: hex(flavor.earth) },
        { name: 'road', rgb: hex(flavor.highway) },
        { name: 'offlineLand', rgb: BASEMAP.land },
      ], 4);
      const total = s.width * s.height;
      expect(s.counts['earth']! / total).toBeGreaterThan(0.3);
      expect(s.counts['road']).toBeGreaterThan(200);
      // The project's own offline land colour is not what is drawn.
      expect(s.counts['offlineLand']! / total).toBeLessThan(0.01);
      // The archive came from Corridor itself, in ranges (header first, then directories and tiles).
      const archiveReads = responses.filter((r) => r.url.endsWith('/api/v1/basemap/archive.pmtiles'));
      expect(archiveReads.length).toBeGreaterThan(1);
      expect(archiveReads.every((r) => r.status === 206 && /^bytes=\d+-\d+$/.test(r.range ?? ''))).toBe(true);
      // No request left the machine (useBrowserApp fails the test on any after it, too).
      const origin = new URL(ui.app.url).origin;
      expect(responses.filter((r) => new URL(r.url).origin !== origin && !r.url.startsWith('data:') && !r.url.startsWith('blob:'))).toEqual([]);
    });
  }
});

describe('the offline basemap from zoom 7 in headless Chromium', { timeout: 300_000 }, () => {
  const ui = useBrowserApp({ env: { PUBLIC_VIEWER: 'on' } });
  const DISTRICT_LINE: Rgb = [0x9a, 0x91, 0xa6];

  for (const [name, hash] of [['sesheke', SESHEKE], ['nakonde', NAKONDE]] as const) {
    it(`when the map opens at zoom 10 around ${name}, then the 1:10m border and the district lines are drawn`, async () => {
      const { page } = await ui.open('about:blank');
      const responses = recordResponses(page);
      await page.goto(new URL(`/${hash}`, ui.app.url).href);
      await waitForMapReady(page, 240_000);
      await page.screenshot({ path: `${SHOTS}/basemap-offline-${name}.png` });
      expect(responses.some((r) => r.url.endsWith('/api/v1/basemap/borders') && r.status === 200)).toBe(true);
      const s = await readCanvas(page, [
        { name: 'border', rgb: BASEMAP.border },
        { name: 'district', rgb: DISTRICT_LINE },
        { name: 'focusLand', rgb: BASEMAP.focusLand },
        { name: 'land', rgb: BASEMAP.land },
      ], 10);
      expect(s.counts['border']).toBeGreaterThan(150);
      expect(s.counts['district']).toBeGreaterThan(150);
      // Both sides of the border: Zambia and its neighbour.
      expect(s.counts['focusLand']).toBeGreaterThan(10_000);
      expect(s.counts['land']).toBeGreaterThan(10_000);
    });
  }

  it('when the map opens at zoom 5, then the 1:10m file is not fetched', async () => {
    const { page } = await ui.open('about:blank');
    const responses = recordResponses(page);
    await page.goto(new URL('/#v=-14.6,27.8,5', ui.app.url).href);
    await waitForMapReady(page, 240_000);
    expect(responses.some((r) => r.url.includes('/api/v1/basemap/borders'))).toBe(false);
  });
});
