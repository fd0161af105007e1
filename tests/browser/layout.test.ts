import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type TestUser } from '../helpers/auth.js';
import { useBrowserApp, waitForMapReady } from '../helpers/browser.js';

// Screenshots for humans reviewing a run (not compared): the laptop and tablet layouts.
const SHOTS = process.env['CORRIDOR_SHOTS_DIR'] ?? '/tmp';
const NAKONDE = '#v=-9.32,32.76,12';

/**
 * The widest stretch of the map canvas no visible panel (or the rail) covers anywhere from
 * its top to its bottom: every floating element over the map is projected onto the x axis.
 */
function freeWidth(page: Page): Promise<{ free: number; width: number }> {
  return page.evaluate(() => {
    const map = document.querySelector('#map canvas.maplibregl-canvas')!.getBoundingClientRect();
    const covers = [...document.querySelectorAll<HTMLElement>('.layout .panel, .layout .rail')]
      .filter((p) => p.getClientRects().length > 0 && getComputedStyle(p).visibility !== 'hidden')
      .map((p) => p.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.bottom > map.top && r.top < map.bottom && r.right > map.left && r.left < map.right)
      .map((r) => [Math.max(map.left, r.left), Math.min(map.right, r.right)] as [number, number])
      .sort((a, b) => a[0] - b[0]);
    let x = map.left;
    let free = 0;
    for (const [l, r] of covers) {
      free = Math.max(free, l - x);
      x = Math.max(x, r);
    }
    return { free: Math.round(Math.max(free, map.right - x)), width: Math.round(map.width) };
  });
}

/** Header elements whose text is clipped (scrolls inside them) or that stick out of the header. */
function headerCutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const header = document.querySelector('.app-header')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('.app-header *')]
      .filter((e) => e.getClientRects().length > 0 && !e.closest('.visually-hidden'))
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return e.scrollWidth > e.clientWidth + 1 || r.right > header.right + 0.5 || r.left < header.left - 0.5 || r.bottom > header.bottom + 0.5;
      })
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent?.trim().slice(0, 40)}`);
  });
}

/** Pairs of visible panels (and the scale bar and attribution) whose boxes overlap, as "a/b". */
function overlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll<HTMLElement>('.layout .panel, .maplibregl-ctrl-scale, .maplibregl-ctrl-attrib')]
      .filter((p) => p.getClientRects().length > 0 && getComputedStyle(p).visibility !== 'hidden')
      .map((p) => ({ id: p.id || p.className.split(' ')[0] || '?', r: p.getBoundingClientRect() }))
      .filter((b) => b.r.width > 0 && b.r.height > 0);
    const out: string[] = [];
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
      if (a.r.left < b.r.right - 1 && b.r.left < a.r.right - 1 && a.r.top < b.r.bottom - 1 && b.r.top < a.r.bottom - 1) out.push(`${a.id}/${b.id} ${JSON.stringify([a.r, b.r].map((r) => [r.left, r.top, r.right, r.bottom].map(Math.round)))}`);
    }));
    return out;
  });
}

const rail = (page: Page, name: string) => page.locator('.rail').getByRole('button', { name, exact: true });
const openPanels = (page: Page): Promise<string[]> =>
  page.evaluate(() => [...document.querySelectorAll<HTMLElement>('#legend, #inview, #flows-panel, #analysis-panel')].filter((p) => p.getClientRects().length > 0).map((p) => p.id));
/** Every rail panel that shows, the admin's alerts, planner and awareness panels too. */
const shown = (page: Page): Promise<string[]> =>
  page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.layout .panel[id]')].filter((p) => p.getClientRects().length > 0 && document.querySelector(`.rail [aria-controls="${p.id}"]`)).map((p) => p.id));

describe('small screens and the keyboard (issue 21)', { timeout: 300_000 }, () => {
  const ui = useBrowserApp({ env: { PUBLIC_VIEWER: 'on' } });
  let admin: TestUser;
  beforeAll(async () => {
    // An admin's header is the fullest: alerts, brief, planner, data, admin, sign out.
    admin = await makeUser(ui.db, 'admin', 'layout');
  });
  /** Signed in as the admin, at `hash`, with the movements loaded and the map drawn. */
  const openAt = async (viewport: { width: number; height: number }, hash = ''): Promise<Page> => {
    const { page } = await ui.open(`/${hash}`, { viewport, as: admin });
    await page.waitForFunction(() => /people in/.test(document.getElementById('flows-totals')?.textContent ?? ''), undefined, { timeout: 180_000, polling: 200 });
    await waitForMapReady(page, 180_000);
    return page;
  };

  for (const viewport of [{ width: 1366, height: 768 }, { width: 1280, height: 720 }]) {
    it(`when the layer, analysis and movements panels are opened at ${viewport.width}×${viewport.height}, then the map keeps 60 % of the width and the header is whole`, async () => {
      const page = await openAt(viewport);
      await page.getByLabel('Analysis layer', { exact: true }).selectOption('hotspots');
      await expect.poll(() => page.locator('#an-summary').innerText(), { timeout: 120_000 }).toMatch(/hot and \d+ cold spot cells/);
      // Choosing an analysis layer opens its panel in the right column, in place of the movements.
      expect(await openPanels(page)).toEqual(['legend', 'analysis-panel']);
      const withAnalysis = await freeWidth(page);
      await rail(page, 'Movements').click();
      expect(await openPanels(page)).toEqual(['legend', 'flows-panel']);
      expect(await rail(page, 'Analysis').getAttribute('aria-expanded')).toBe('false');
      await rail(page, 'Analysis').click();
      await rail(page, 'Layers').click(); // folds the layer panel
      await rail(page, 'Layers').click(); // and opens it again
      expect(await openPanels(page)).toEqual(['legend', 'analysis-panel']);
      await waitForMapReady(page, 120_000);
      if (viewport.width === 1366) await page.screenshot({ path: `${SHOTS}/layout-1366x768-panels.png` });
      else await page.screenshot({ path: `${SHOTS}/layout-1280x720-panels.png` });
      const { free, width } = await freeWidth(page);
      expect(width).toBe(viewport.width);
      expect(free / width).toBeGreaterThanOrEqual(0.6);
      expect(withAnalysis.free / width).toBeGreaterThanOrEqual(0.6);
      expect(await headerCutOff(page)).toEqual([]);
      expect(await page.locator('.brand-tagline').isVisible()).toBe(true);
      expect(await overlaps(page)).toEqual([]);
      // Alerts open over the layer panel's column: the rail folds the layer panel meanwhile.
      await page.locator('#alerts-button').click();
      await expect.poll(() => page.locator('#alerts-panel').isVisible(), { timeout: 30_000 }).toBe(true);
      expect(await openPanels(page)).toEqual(['analysis-panel']);
      expect(await overlaps(page)).toEqual([]);
      await page.locator('#alerts-button').click();
      await expect.poll(() => openPanels(page), { timeout: 10_000 }).toEqual(['legend', 'analysis-panel']);
      // The planner takes the right column.
      await page.locator('#planner-toggle').click();
      await expect.poll(() => page.locator('#planner-panel').isVisible(), { timeout: 30_000 }).toBe(true);
      expect(await openPanels(page)).toEqual(['legend']);
      expect(await overlaps(page)).toEqual([]);
      expect((await freeWidth(page)).free / width).toBeGreaterThanOrEqual(0.6);
      if (viewport.width === 1366) await page.screenshot({ path: `${SHOTS}/layout-1366x768-planner.png` });
      await page.locator('#planner-toggle').click();
      await expect.poll(() => page.locator('#planner-panel').isVisible(), { timeout: 30_000 }).toBe(false);
      // The awareness view takes the right column too, above the scale bar (and puts the analysis layer away).
      await page.locator('#aw-mode').selectOption('estimate');
      await expect.poll(() => shown(page), { timeout: 30_000 }).toContain('awareness-panel');
      expect((await shown(page)).sort()).toEqual(['awareness-panel', 'legend']);
      expect(await rail(page, 'Awareness').getAttribute('aria-expanded')).toBe('true');
      expect(await overlaps(page)).toEqual([]);
      expect((await freeWidth(page)).free / width).toBeGreaterThanOrEqual(0.6);
      if (viewport.width === 1366) await page.screenshot({ path: `${SHOTS}/layout-1366x768-awareness.png` });
      // Each rail button in turn: never two panels over each other, the scale bar and attribution free.
      await page.locator('#alerts-button').click(); // the Alerts rail button shows while alerts are open
      await expect.poll(() => rail(page, 'Alerts').isVisible(), { timeout: 30_000 }).toBe(true);
      for (const name of ['In view', 'Movements', 'Alerts', 'Layers', 'Awareness']) {
        await rail(page, name).click();
        expect(await rail(page, name).getAttribute('aria-expanded')).toBe('true');
        expect(await overlaps(page), name).toEqual([]);
        expect((await freeWidth(page)).free / width, name).toBeGreaterThanOrEqual(0.6);
      }
      if (viewport.width === 1366) await page.screenshot({ path: `${SHOTS}/layout-1366x768-final.png` });
    });
  }

  it('when a tablet (768 px wide) opens the map, then one panel is open at a time, the map keeps 60 % and the header is whole', async () => {
    const page = await openAt({ width: 768, height: 1024 });
    expect(await openPanels(page)).toEqual(['legend']);
    await rail(page, 'Movements').click();
    expect(await openPanels(page)).toEqual(['flows-panel']);
    await rail(page, 'In view').click();
    expect(await openPanels(page)).toEqual(['inview']);
    await rail(page, 'Layers').click();
    expect(await openPanels(page)).toEqual(['legend']);
    await page.screenshot({ path: `${SHOTS}/layout-768x1024.png` });
    const { free, width } = await freeWidth(page);
    expect(free / width).toBeGreaterThanOrEqual(0.6);
    expect(await headerCutOff(page)).toEqual([]);
    // The admin's panels take turns with the rest: one open at a time, none over another.
    await page.locator('#alerts-button').click();
    await expect.poll(() => shown(page), { timeout: 30_000 }).toEqual(['alerts-panel']);
    expect(await overlaps(page)).toEqual([]);
    await page.locator('#planner-toggle').click();
    await expect.poll(() => shown(page), { timeout: 30_000 }).toEqual(['planner-panel']);
    expect(await overlaps(page)).toEqual([]);
    // Its form fits the narrow panel: no field runs past the panel's right edge (the activity mix did).
    const overflowing = await page.evaluate(() => {
      const panel = document.getElementById('planner-panel')!.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>('#planner-panel input, #planner-panel select, #planner-panel button')]
        .filter((e) => e.offsetParent !== null && e.getBoundingClientRect().right > panel.right + 0.5)
        .map((e) => e.id || e.getAttribute('aria-label') || e.tagName);
    });
    expect(overflowing).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/layout-768x1024-planner.png` });
  });

  it('when a keyboard user walks the "In view" list, then Enter opens the same details as a click and Escape closes them', async () => {
    const { page } = await ui.open(`/${NAKONDE}`, { viewport: { width: 1366, height: 768 } });
    await page.waitForFunction(() => /people in/.test(document.getElementById('flows-totals')?.textContent ?? ''), undefined, { timeout: 180_000, polling: 200 });
    await waitForMapReady(page, 180_000);
    await rail(page, 'In view').focus();
    await page.keyboard.press('Enter');
    expect(await openPanels(page)).toContain('inview');
    const points = page.locator('#inview section[data-group="Monitoring points"] button');
    await expect.poll(() => points.count(), { timeout: 30_000 }).toBeGreaterThan(1);
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent ?? '');
    expect(await focused()).toBe(await points.nth(0).innerText());
    await page.keyboard.press('ArrowDown');
    const second = await points.nth(1).innerText();
    expect(await focused()).toBe(second);
    // Focus is visible: the focused item draws the focus outline.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    const popup = page.locator('.maplibregl-popup');
    await expect.poll(() => popup.locator('.popup-title').textContent(), { timeout: 20_000 }).toBe(second);
    await page.keyboard.press('Escape');
    await expect.poll(() => popup.count(), { timeout: 20_000 }).toBe(0);
    expect(await focused()).toBe(second);
    // A place of the flow map opens its details panel, as a click on it does.
    const place = page.locator('#inview section[data-group="Flow places"] button').first();
    await expect.poll(() => place.count(), { timeout: 30_000 }).toBe(1);
    const name = await place.innerText();
    await place.focus();
    await page.keyboard.press('Enter');
    const details = page.locator('#flow-details');
    await expect.poll(() => details.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await details.locator('h2').innerText()).toBe(name);
    await page.keyboard.press('Escape');
    await expect.poll(() => details.isVisible(), { timeout: 20_000 }).toBe(false);
    expect(await page.evaluate(() => location.hash)).not.toMatch(/sel=/);
    await page.screenshot({ path: `${SHOTS}/layout-keyboard-list.png` });
  });
});
