import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FLOW_COLOR } from '../../client/layers/flows.js';
import { useBrowserApp, waitForMapReady } from '../helpers/browser.js';
import { clickMap, goToView, readCanvas, screenOf, viewInUrl, type ColorTarget } from './driver.js';

// Screenshots for humans reviewing a run (not compared): overview, Nakonde with details open.
const SHOTS = process.env['CORRIDOR_SHOTS_DIR'] ?? '/tmp';
const FLOW: ColorTarget[] = [{ name: 'flow', rgb: FLOW_COLOR }];
const VIEWPORT = { width: 1366, height: 768 };
// Nakonde as its view button sets it, with asylum seekers only and monitoring points as the ends.
const NAKONDE_ASYLUM_POINTS = '#v=-9.32,32.76,12&rs=asylum&lvl=point';

const flowPixels = async (page: Page): Promise<number> => (await readCanvas(page, FLOW, 8)).counts['flow'] ?? 0;
const totalsText = (page: Page): Promise<string> => page.locator('#flows-totals').innerText();

/** Waits for the flows request to settle and the map to draw it. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => /people in/.test(document.getElementById('flows-totals')?.textContent ?? ''), undefined, { timeout: 120_000, polling: 200 });
  await waitForMapReady(page, 120_000);
}

describe('flow view in headless Chromium (real app, under its CSP)', { timeout: 240_000 }, () => {
  const ui = useBrowserApp({ env: { PUBLIC_VIEWER: 'on' } });
  /** A new page (its own context) at the overview or a linked view, with the flows drawn. */
  const openFlows = async (hash = ''): Promise<Page> => {
    const { page } = await ui.open(`/${hash}`, { viewport: VIEWPORT });
    await settled(page);
    return page;
  };

  it('when the page opens, then flow lines are drawn in the flow colour and the totals are shown', async () => {
    const page = await openFlows();
    await expect.poll(() => flowPixels(page), { timeout: 60_000, interval: 1000 }).toBeGreaterThan(300);
    expect(await totalsText(page)).toMatch(/^[\d,]+ people in [\d,]+ flows$/);
    await page.screenshot({ path: `${SHOTS}/corridor-flows-overview.png` });
  });

  it('when a filter is changed, then the drawn flows, the totals and the URL change', async () => {
    const page = await openFlows();
    const beforeText = await totalsText(page);
    const beforePixels = await flowPixels(page);
    await page.locator('summary', { hasText: 'Reason' }).click();
    await page.getByLabel('Asylum', { exact: true }).check();
    await expect.poll(() => totalsText(page), { timeout: 120_000 }).not.toBe(beforeText);
    await settled(page);
    expect(await page.evaluate(() => location.hash)).toContain('rs=asylum');
    // Widths adapt to the largest flow shown, so fewer people need not mean fewer pixels.
    await expect.poll(() => flowPixels(page), { timeout: 60_000, interval: 1000 }).not.toBe(beforePixels);
  });

  it('when a location is clicked, then its details open with its totals', async () => {
    const page = await openFlows('#rs=asylum');
    await goToView(page, 'Nakonde', [-9.32, 32.76]);
    // Places are where people come from and go to; at a crossing the ends to click are the
    // monitoring points themselves.
    const before = await totalsText(page);
    await page.getByLabel('Ends of the lines').selectOption('point');
    await expect.poll(() => totalsText(page), { timeout: 120_000 }).not.toBe(before);
    await settled(page);
    const res = await page.evaluate(async () => (await fetch('/api/v1/flows?reason=asylum&level=point')).json() as Promise<{ locations: { id: string; name: string; lat: number | null; lon: number | null }[] }>);
    // A location in the open part of the map (not under the side panels).
    let target: { name: string; at: [number, number] } | null = null;
    for (const l of res.locations) {
      if (l.lat === null || l.lon === null) continue;
      const at = await screenOf(page, l.lon, l.lat);
      if (at[0] > 320 && at[0] < VIEWPORT.width - 320 && at[1] > 40 && at[1] < 600) target = { name: l.name, at };
    }
    expect(target, `no location in the open map among ${res.locations.length}`).not.toBeNull();
    await clickMap(page, target!.at);
    const details = page.locator('#flow-details');
    await expect.poll(() => details.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await details.locator('h2').innerText()).toBe(target!.name);
    expect(await details.innerText()).toMatch(/Incoming\s+(<\d+|[\d,]+)/);
    expect(await page.evaluate(() => location.hash)).toMatch(/sel=/);
    await waitForMapReady(page, 120_000);
    await page.screenshot({ path: `${SHOTS}/corridor-flows-nakonde.png` });
  });

  it('when the copied link is opened in a new tab, then the same view comes back', async () => {
    // A view with a filter, a level and a location's details open, made by link here.
    const flows = (await (await ui.app.get('/api/v1/flows?reason=asylum&level=point')).json()) as { locations: { id: string }[] };
    const page = await openFlows(`${NAKONDE_ASYLUM_POINTS}&sel=${encodeURIComponent(flows.locations[0]!.id)}`);
    await expect.poll(() => page.locator('#flow-details').isVisible(), { timeout: 20_000 }).toBe(true);
    const link = await page.evaluate(() => location.href);
    const text = await totalsText(page);
    const other = await openFlows(new URL(link).hash);
    expect(await other.evaluate(() => location.href)).toBe(link);
    expect(await viewInUrl(other)).toEqual(await viewInUrl(page));
    expect(await other.getByLabel('Asylum', { exact: true }).isChecked()).toBe(true);
    expect(await totalsText(other)).toBe(text);
    await expect.poll(() => other.locator('#flow-details').isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => flowPixels(other), { timeout: 60_000, interval: 1000 }).toBeGreaterThan(0);
  });

  it('when the table is opened, then it lists the flows, sorts by keyboard and opens details', async () => {
    const page = await openFlows();
    await page.getByRole('button', { name: 'Show table' }).click();
    const table = page.locator('#flow-table table');
    await expect.poll(() => table.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    const people = page.getByRole('button', { name: 'People', exact: true });
    await people.focus();
    await page.keyboard.press('Enter');
    expect(await table.locator('th').nth(2).getAttribute('aria-sort')).toBe('ascending');
    const first = table.locator('tbody tr').first().locator('td').first().getByRole('button');
    const name = await first.innerText();
    await first.click();
    await expect.poll(() => page.locator('#flow-details h2').innerText(), { timeout: 20_000 }).toBe(name);
    expect(await page.evaluate(() => location.hash)).toContain('tbl=1');
  });
});
