import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FLOW_COLOR, FLOW_HIGHLIGHT } from '../../client/layers/flows.js';
import { useBrowserApp, waitForMapReady } from '../helpers/browser.js';
import { readCanvas, screenOf } from './driver.js';

// Issue 21 items 1–2: the clustered overview, hover (deck.gl picking of the flowmap layers) and animation.
const SHOTS = process.env['CORRIDOR_SHOTS_DIR'] ?? '/tmp';
const VIEWPORT = { width: 1366, height: 768 };
const OVERVIEW = '#v=-14,28.5,4.4';
const HIGHLIGHT: [number, number, number] = [...FLOW_HIGHLIGHT];
// A place with no monitoring point drawn over its circle (a point would be picked first).
const HARARE: [number, number] = [31.05, -17.83];
const tip = (page: Page) => page.locator('#flow-tip');

const peopleDrawn = async (page: Page): Promise<number> => Number(await page.locator('#flows-drawn').getAttribute('data-people'));
const endsDrawn = async (page: Page): Promise<number> => Number(/^(\d+) ends? drawn/.exec(await page.locator('#flows-drawn').innerText())?.[1] ?? NaN);

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => /people in/.test(document.getElementById('flows-totals')?.textContent ?? ''), undefined, { timeout: 120_000, polling: 200 });
  await waitForMapReady(page, 120_000);
}

describe('flow map overview, hover and animation in headless Chromium', { timeout: 300_000 }, () => {
  const ui = useBrowserApp({ env: { PUBLIC_VIEWER: 'on' } });
  const open = async (hash: string): Promise<Page> => {
    const { page } = await ui.open(`/${hash}`, { viewport: VIEWPORT });
    await settled(page);
    return page;
  };

  it('when clustering is on at the overview, then fewer ends are drawn than with it off', async () => {
    const page = await open(OVERVIEW);
    const clustered = await endsDrawn(page);
    const people = await peopleDrawn(page);
    expect(people).toBeGreaterThan(0);
    expect(await page.locator('#flows-drawn').innerText()).toMatch(/groups? of nearby places/);
    await page.screenshot({ path: `${SHOTS}/flows-overview-clustered.png` });
    await page.mouse.move(5, 5);
    await page.getByLabel('Group nearby places').uncheck();
    await expect.poll(() => endsDrawn(page), { timeout: 20_000 }).toBeGreaterThan(clustered);
    expect(await page.evaluate(() => location.hash)).toContain('cl=0');
    // Grouping moves people into groups, never drops or doubles them.
    expect(await peopleDrawn(page)).toBe(people);
    await waitForMapReady(page, 120_000);
    await page.screenshot({ path: `${SHOTS}/flows-overview-unclustered.png` });
  });

  it('when a flow and then a place are hovered, then the tooltip names them and the highlight is drawn (for a place, its flows in and out too)', async () => {
    const page = await open(OVERVIEW);
    const before = await readCanvas(page, [{ name: 'flow', rgb: [...FLOW_COLOR] as [number, number, number] }, { name: 'highlight', rgb: HIGHLIGHT }], 8);
    expect(before.counts['highlight']).toBe(0);
    const onFlow = before.inside['flow'];
    expect(onFlow).not.toBeNull();
    const box = await page.locator('#map canvas.maplibregl-canvas').boundingBox();
    await page.mouse.move(box!.x + onFlow![0], box!.y + onFlow![1]);
    await expect.poll(() => tip(page).isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await tip(page).innerText()).toMatch(/→[\s\S]*(\d[\d,]* people · [\d.]+ % of all shown|<\d+ people)/);
    await expect.poll(async () => (await readCanvas(page, [{ name: 'highlight', rgb: HIGHLIGHT }], 8)).counts['highlight'], { timeout: 20_000 }).toBeGreaterThan(20);
    await page.screenshot({ path: `${SHOTS}/flows-hover-flow.png` });
    // A place: its people in and out, and a ring in the highlight colour around its circle.
    await page.mouse.move(box!.x + 5, box!.y + box!.height - 5);
    await expect.poll(() => tip(page).isVisible(), { timeout: 20_000 }).toBe(false);
    await expect.poll(async () => (await readCanvas(page, [{ name: 'highlight', rgb: HIGHLIGHT }], 8)).counts['highlight'], { timeout: 20_000 }).toBe(0);
    const [x, y] = await screenOf(page, ...HARARE);
    await page.mouse.move(box!.x + x, box!.y + y);
    await expect.poll(() => tip(page).innerText(), { timeout: 20_000 }).toMatch(/Harare[\s\S]*\d[\d,]* in · \d[\d,]* out/);
    await expect.poll(async () => (await readCanvas(page, [{ name: 'highlight', rgb: HIGHLIGHT }], 8)).counts['highlight'], { timeout: 20_000 }).toBeGreaterThan(5);
    // Its flows in and out are outlined too: highlight pixels well away from its circle and ring.
    const away = { x, y, radius: 40 };
    await expect.poll(async () => (await readCanvas(page, [{ name: 'highlight', rgb: HIGHLIGHT }], 8, away)).counts['highlight'], { timeout: 20_000 }).toBeGreaterThan(50);
    await page.screenshot({ path: `${SHOTS}/flows-hover-place.png` });
  });

  it('when animate is switched on, then the lines move between frames, and off again they stand still', async () => {
    const page = await open(OVERVIEW);
    const flowPixels = async (): Promise<string> => JSON.stringify((await readCanvas(page, [{ name: 'flow', rgb: [...FLOW_COLOR] as [number, number, number] }], 40)).counts);
    await page.getByLabel('Animate').check();
    expect(await page.evaluate(() => location.hash)).toContain('anim=1');
    const a = await flowPixels();
    await page.waitForTimeout(700);
    const b = await flowPixels();
    expect(b).not.toBe(a);
    await page.getByLabel('Animate').uncheck();
    await waitForMapReady(page, 120_000);
    expect(await page.evaluate(() => location.hash)).not.toContain('anim=1');
    // Still lines: two reads some frames apart agree (the last animated frame may still be on screen first).
    await expect.poll(async () => {
      const c = await flowPixels();
      await page.waitForTimeout(700);
      return (await flowPixels()) === c;
    }, { timeout: 30_000 }).toBe(true);
  });
});
