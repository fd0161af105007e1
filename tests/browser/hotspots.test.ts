import { cellToBoundary, cellToLatLng } from 'h3-js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { HotspotsResponse } from '../../common/analysis.js';
import { classColor, GAP_COLORS, SELECTED_COLOR } from '../../client/hotspots/palette.js';
import { useBrowserApp, waitForMapReady, type PageProblems } from '../helpers/browser.js';
import { clickMap, readCanvas, viewInUrl, type ColorTarget } from './driver.js';

// Screenshots for humans reviewing a run (not compared): hot spots and access gaps at Nakonde.
const SHOTS = process.env['CORRIDOR_SHOTS_DIR'] ?? '/tmp';
const VIEWPORT = { width: 1366, height: 768 };
const HOT: ColorTarget[] = [3, 2, 1].map((c) => ({ name: `hot${c}`, rgb: classColor(c) }));
const GAP: ColorTarget[] = GAP_COLORS.map((rgb, i) => ({ name: `gap${i}`, rgb }));
/** Nakonde–Tunduma at zoom 11: res-7 hexagons are ~40 px across there. */
const NAKONDE = 'v=-9.32,32.76,11&l=points,services,labels';

/** Web Mercator, as MapLibre draws it (512-px tiles): a place's pixel in the map canvas for the `v=` view. */
function project([lat, lon]: [number, number], [clat, clon, zoom]: [number, number, number], box: { width: number; height: number }): [number, number] {
  const world = 512 * 2 ** zoom;
  const x = (l: number) => ((l + 180) / 360) * world;
  const y = (p: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (p * Math.PI) / 360)) / Math.PI) / 2) * world;
  return [box.width / 2 + x(lon) - x(clon), box.height / 2 + y(lat) - y(clat)];
}

const summary = (page: Page): Promise<string> => page.locator('#an-summary').innerText();

async function settled(page: Page, pattern: RegExp): Promise<void> {
  await page.waitForFunction((src) => new RegExp(src).test(document.getElementById('an-summary')?.textContent ?? ''), pattern.source, { timeout: 120_000, polling: 200 });
  await waitForMapReady(page, 120_000);
}

describe('analysis layers in headless Chromium (real app, under its CSP)', { timeout: 240_000 }, () => {
  // The heavy-endpoint budget is per caller; a test run is one caller asking many times.
  const ui = useBrowserApp({ env: { PUBLIC_VIEWER: 'on', HEAVY_RATE_LIMIT: '1000' } });
  /** A new page (its own context) on a link to an analysis layer at Nakonde, drawn. */
  const openLayer = async (layer: 'hotspots' | 'access'): Promise<{ page: Page; problems: PageProblems }> => {
    const opened = await ui.open(`/#${NAKONDE}&fl=0&an=${layer}`, { viewport: VIEWPORT });
    await settled(opened.page, layer === 'hotspots' ? /hot and \d+ cold/ : /demand cells/);
    return opened;
  };

  it('when the link opens the hot spot layer, then the significant cells are drawn in the hot palette and counted in the legend', async () => {
    const { page } = await openLayer('hotspots');
    // What the server found, to know which classes must appear on the map.
    const res = await page.evaluate(async () => (await fetch('/api/v1/hotspots?measure=vulnerable&res=7&k=2')).json() as Promise<{ cells: { class: number }[] }>);
    const hot = [3, 2, 1].filter((c) => res.cells.some((x) => x.class === c));
    expect(hot.length, 'the demo data has significant hot spots at Nakonde').toBeGreaterThan(0);
    const stats = await readCanvas(page, HOT, 4);
    for (const c of hot) expect(stats.counts[`hot${c}`], `class ${c} pixels`).toBeGreaterThan(300);
    const n = res.cells.filter((x) => x.class > 0).length;
    expect(await summary(page)).toMatch(new RegExp(`^${n} hot and 0 cold spot cells of \\d+`));
    expect(await page.locator('#an-legend').innerText()).toMatch(/Hot spot 99 %\s+\d+[\s\S]*Cold spot 99 %\s+0/);
    await page.screenshot({ path: `${SHOTS}/corridor-hotspots-nakonde.png` });
  });

  it('when a hot cell is clicked, then its details show count, z, p and class, with its weekly trend', async () => {
    const { page } = await openLayer('hotspots');
    // A hot cell with people in it: a cell can be hot for its neighbours alone (count 0), and
    // such a cell is outside the weekly study area, so it has no trend to show. It is clicked
    // between its centre and a corner, trying the corners in turn, because a point symbol on the
    // cell opens that symbol's popup instead.
    const res = await page.evaluate(async () => (await fetch('/api/v1/hotspots?measure=vulnerable&res=7&k=2')).json() as Promise<HotspotsResponse>);
    const view = await viewInUrl(page);
    const box = await page.locator('#map canvas.maplibregl-canvas').boundingBox();
    expect(view && box).toBeTruthy();
    const clear = ([x, y]: [number, number]) => x > 460 && x < box!.width - 560 && y > 40 && y < box!.height - 40; // not under the panels
    const targets = res.cells
      .filter((c) => c.class > 0 && c.value !== 0)
      .sort((a, b) => b.class - a.class || b.z - a.z)
      .flatMap((c) => {
        const [cx, cy] = project(cellToLatLng(c.h3), view!, box!);
        return cellToBoundary(c.h3).map((corner) => {
          const [vx, vy] = project(corner, view!, box!);
          return { h3: c.h3, at: [cx + 0.6 * (vx - cx), cy + 0.6 * (vy - cy)] as [number, number] };
        });
      })
      .filter((t) => clear(t.at));
    expect(targets.length, 'a hot cell with people is in view').toBeGreaterThan(0);
    let picked: string | null = null;
    for (const t of targets) {
      await clickMap(page, t.at);
      const hash = await page.waitForFunction((h3) => location.hash.includes(`hc=${h3}`), t.h3, { timeout: 2_000 }).then(() => true, () => false);
      if (hash) {
        picked = t.h3;
        break;
      }
      await page.keyboard.press('Escape'); // a symbol's popup, if that is what opened
    }
    expect(picked, 'a click selected a hot cell with people').toBeTruthy();
    const details = page.locator('#hex-details');
    await expect.poll(() => details.isVisible(), { timeout: 20_000 }).toBe(true);
    const text = await details.innerText();
    expect(text).toMatch(/Gi\* z\s+\d+(\.\d+)?/);
    expect(text).toMatch(/p \(FDR\)\s+(< 0\.0001|0\.\d+)/);
    expect(text).toMatch(/Class\s+Hot spot (99|95|90) %/);
    expect(text).toMatch(/Count\s+(<5|[\d,]+)/);
    expect(await page.evaluate(() => location.hash)).toMatch(/hc=87[0-9a-f]{13}/);
    await expect.poll(() => details.locator('.an-spark polyline').count(), { timeout: 60_000 }).toBe(1);
    await waitForMapReady(page, 120_000);
    const outline = await readCanvas(page, [{ name: 'selected', rgb: SELECTED_COLOR }], 4);
    expect(outline.counts['selected'], 'the clicked cell is outlined').toBeGreaterThan(100);
  });

  it('when the access gap layer is chosen, then gaps are drawn in the gap palette and ranked, and a gap opens its travel times', async () => {
    const { page } = await openLayer('hotspots');
    await page.getByLabel('Analysis layer', { exact: true }).selectOption('access');
    await settled(page, /demand cells/);
    expect(await page.evaluate(() => location.hash)).toMatch(/an=access/);
    const stats = await readCanvas(page, GAP, 4);
    const drawn = GAP.filter((g) => (stats.counts[g.name] ?? 0) > 100).length;
    expect(drawn, JSON.stringify(stats.counts)).toBeGreaterThanOrEqual(2);
    const first = page.locator('.an-gap').first();
    expect(await first.innerText()).toMatch(/^1\.\s+.+ · gap [\d.]+/);
    await first.click();
    const details = page.locator('#hex-details');
    await expect.poll(() => details.isVisible(), { timeout: 20_000 }).toBe(true);
    const text = await details.innerText();
    expect(text).toMatch(/Gap\s+[\d.]+/);
    expect(text).toMatch(/Health facility\s+(\d+ min|\d+ h \d+ min|out of reach)/);
    await waitForMapReady(page, 120_000);
    await page.screenshot({ path: `${SHOTS}/corridor-access-nakonde.png` });
  });

  it('when the flows are chosen again, then the analysis layers go and the page had no errors', async () => {
    const { page, problems } = await openLayer('access');
    await page.locator('.an-gap').first().click(); // a gap's details open, to be closed with the layer
    await expect.poll(() => page.locator('#hex-details').isVisible(), { timeout: 20_000 }).toBe(true);
    await page.getByLabel('Analysis layer', { exact: true }).selectOption('flows');
    await waitForMapReady(page, 120_000);
    const stats = await readCanvas(page, [...HOT, ...GAP], 4);
    expect(Object.values(stats.counts).reduce((a, b) => a + b, 0)).toBeLessThan(200);
    expect(await page.locator('#hex-details').isVisible()).toBe(false);
    expect(await page.evaluate(() => location.hash)).not.toMatch(/an=|fl=0/);
    expect([...problems.consoleErrors, ...problems.pageErrors, ...problems.cspViolations, ...problems.foreignRequests]).toEqual([]);
  });
});
