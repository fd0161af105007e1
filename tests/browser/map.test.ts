import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASEMAP, POINT_COLORS } from '../../client/layers/colors.js';
import { useBrowserApp, waitForMapReady } from '../helpers/browser.js';
import { clickMap, goToView, readCanvas, viewInUrl, type ColorTarget } from './driver.js';

// Screenshots for humans reviewing a run (not compared): overview, Sesheke, Nakonde.
const SHOTS = process.env['CORRIDOR_SHOTS_DIR'] ?? '/tmp';
const geography = JSON.parse(readFileSync(new URL('../../data/geography.json', import.meta.url), 'utf8')) as {
  monitoringPoints: { code: string; name: string }[];
};
const osbpName = geography.monitoringPoints.find((m) => m.code === 'mp-tunduma-nakonde-osbp')?.name ?? '';

const LAND: ColorTarget[] = [
  { name: 'land', rgb: BASEMAP.land },
  { name: 'focusLand', rgb: BASEMAP.focusLand },
  { name: 'water', rgb: BASEMAP.water },
];
const POINTS: ColorTarget[] = [
  { name: 'official', rgb: POINT_COLORS.official },
  { name: 'informal', rgb: POINT_COLORS.informal },
];
// The views the buttons go to (zoom as they set it): tests that start there open them by link.
const NAKONDE = '#v=-9.32,32.76,12';
const SESHEKE = '#v=-17.55,24.6,9';

// SwiftShader renders WebGL on the CPU: on a busy 2-core CI box one map load can take a
// minute, so these budgets are generous (they bound a hang; nothing here asserts timing).
describe('map page in headless Chromium (served by the real app, under its CSP)', { timeout: 180_000 }, () => {
  // Anonymous viewing on: this test is about the map, not about signing in.
  const ui = useBrowserApp({ env: { PUBLIC_VIEWER: 'on' } });
  /** A new page (its own context) at the overview or a linked view, drawn. */
  const openMap = async (hash = '') => {
    const opened = await ui.open(`/${hash}`);
    await waitForMapReady(opened.page, 180_000);
    return opened;
  };
  /** From the overview, the view button to `name`: its screenshot saved, both kinds of crossing drawn. */
  const expectCrossingsAfterGoingTo = async (name: string, centre: [number, number], shot: string) => {
    const { page } = await openMap();
    await goToView(page, name, centre);
    await waitForMapReady(page, 120_000);
    await page.screenshot({ path: `${SHOTS}/${shot}` });
    const s = await readCanvas(page, POINTS);
    expect(s.counts['official']).toBeGreaterThan(40);
    expect(s.counts['informal']).toBeGreaterThan(40);
  };

  it('when the page opens, then the offline basemap shows land and water', async () => {
    const { page } = await openMap();
    await page.screenshot({ path: `${SHOTS}/corridor-overview.png` });
    const s = await readCanvas(page, LAND);
    const total = s.width * s.height;
    expect((s.counts['land']! + s.counts['focusLand']!) / total).toBeGreaterThan(0.3);
    expect(s.counts['focusLand']! / total).toBeGreaterThan(0.02); // Zambia, the focus country
    expect(s.counts['water']! / total).toBeGreaterThan(0.03);
  });

  it('when the data is synthetic, then the banner says so', async () => {
    const { page } = await ui.open('/');
    // The banner follows /api/v1/health, asked after the client config: poll's default 1 s is too
    // short on a busy 2-core CI machine (it failed there once the service worker also started).
    await expect.poll(() => page.getByText('Synthetic demo data — not real movements').isVisible(), { timeout: 30_000 }).toBe(true);
  });

  it('when the page opens without a view in the URL, then the overview is written to it', async () => {
    const { page } = await openMap();
    expect(await viewInUrl(page)).not.toBeNull();
  });

  it('when the user goes to Nakonde, then the URL changes and official and informal points are drawn', async () => {
    await expectCrossingsAfterGoingTo('Nakonde', [-9.32, 32.76], 'corridor-nakonde.png');
  });

  it('when a monitoring point is clicked, then a popup names it', async () => {
    const { page } = await openMap(NAKONDE);
    const s = await readCanvas(page, POINTS);
    const at = s.inside['official'];
    expect(at).not.toBeNull();
    await clickMap(page, at!);
    const popup = page.locator('.maplibregl-popup');
    await expect.poll(() => popup.textContent(), { timeout: 10_000 }).toContain(osbpName);
    expect(await popup.locator('.popup-kind').textContent()).toBe('Official border post');
    await page.keyboard.press('Escape');
    await expect.poll(() => popup.count()).toBe(0);
  });

  it('when the monitoring-points layer is switched off, then its colours leave the map and the URL', async () => {
    const { page } = await openMap(NAKONDE);
    await page.getByLabel('Monitoring points').uncheck();
    await waitForMapReady(page);
    const off = await readCanvas(page, POINTS);
    expect(off.counts['official']).toBe(0);
    expect(await page.evaluate(() => location.hash)).not.toMatch(/l=[^&]*points/);
    await page.getByLabel('Monitoring points').check();
    await waitForMapReady(page);
    expect((await readCanvas(page, POINTS)).counts['official']).toBeGreaterThan(40);
  });

  it('when the user goes to Sesheke, then both kinds of crossing are drawn there', async () => {
    await expectCrossingsAfterGoingTo('Sesheke', [-17.55, 24.6], 'corridor-sesheke.png');
  });

  it('when the page is reloaded, then the viewport and layer choices come back', async () => {
    const { page } = await openMap(SESHEKE);
    await page.getByLabel('Services').uncheck();
    const before = await page.evaluate(() => location.hash);
    expect(before).toContain('v=-17.55,24.6,9');
    await page.reload();
    await waitForMapReady(page, 150_000);
    expect(await page.evaluate(() => location.hash)).toBe(before);
    expect(await page.getByLabel('Services').isChecked()).toBe(false);
    const s = await readCanvas(page, POINTS);
    expect(s.counts['official']).toBeGreaterThan(40);
    expect(s.counts['informal']).toBeGreaterThan(40);
  });
});
