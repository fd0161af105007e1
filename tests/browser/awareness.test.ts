import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Rgb } from '../../client/layers/colors.js';
import { CHANGE_COLORS, ESTIMATE_RAMP, WITHHELD_FILL } from '../../client/awareness/scale.js';
import { makeUser, type TestUser } from '../helpers/auth.js';
import { expected401, useBrowserApp, waitForMapReady } from '../helpers/browser.js';
import { clickMap, readCanvas, type ColorTarget } from './driver.js';

// Screenshots for a person to look at (the closing note), not compared.
const SHOTS = process.env['CORRIDOR_SHOTS_DIR'] ?? '/tmp';
const VIEWPORT = { width: 1366, height: 768 };
// Zambia whole, with the demo surveys' three districts (Sesheke, Nakonde, Lusaka).
const ZAMBIA = 'v=-13.6,29.2,5.4';
const hexToRgb = (hex: string): Rgb => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as unknown as Rgb;
const LEGEND: ColorTarget[] = [...ESTIMATE_RAMP, WITHHELD_FILL].map((c, i) => ({ name: `class-${i}`, rgb: hexToRgb(c) }));

describe('awareness view in headless Chromium (signed in as a viewer)', { timeout: 300_000 }, () => {
  const ui = useBrowserApp({ allowConsole: expected401 });
  let viewer: TestUser;
  let planner: TestUser;

  beforeAll(async () => {
    viewer = await makeUser(ui.db, 'viewer', 'aware');
    planner = await makeUser(ui.db, 'planner', 'aware');
  });

  const openView = async (hash: string): Promise<Page> => {
    const { page } = await ui.open(`/#${ZAMBIA}&${hash}`, { viewport: VIEWPORT, as: viewer });
    await expect.poll(() => page.locator('#aw-table tbody tr').count(), { timeout: 180_000 }).toBeGreaterThan(0);
    await waitForMapReady(page, 180_000);
    return page;
  };

  it('when the awareness view opens, then the districts are filled in the legend colours and a click on one opens its row with the 95 % CI', async () => {
    const page = await openView('aw=estimate&awi=would_report');
    const stats = await readCanvas(page, LEGEND, 3);
    const drawn = Object.entries(stats.counts).filter(([, n]) => n > 200);
    // At least one surveyed district is drawn in a class colour (not only the grey of withheld).
    expect(drawn.filter(([name]) => name !== `class-${ESTIMATE_RAMP.length}`).length).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/awareness-map.png` });
    const [name] = drawn.sort((a, b) => b[1] - a[1])[0] ?? ['class-0'];
    const at = stats.inside[name];
    expect(at).not.toBeNull();
    await clickMap(page, at ?? [0, 0]);
    const row = page.locator('#aw-table tbody tr[aria-selected="true"]');
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    const district = await row.getAttribute('data-district');
    expect(await page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('awd'))).toBe(district);
    // The row reads as the CI table's: an estimate and an interval in per cent, or withheld.
    expect(await row.innerText()).toMatch(/\d+ %\s+\d+–\d+ %|withheld/);
    expect(await page.locator('#aw-card').innerText()).toMatch(/95 % CI \d+–\d+ %|Withheld/);
    await expect.poll(() => page.locator('#aw-chart svg').count(), { timeout: 60_000 }).toBe(1);
    await page.screenshot({ path: `${SHOTS}/awareness-panel.png` });
    // Closer in, the survey's clusters (coarsened GPS points) are dots in the same colours.
    await page.evaluate(() => (location.hash = location.hash.replace(/v=[^&]+/, 'v=-17.3,24.6,8.6')));
    await waitForMapReady(page, 120_000);
    await page.screenshot({ path: `${SHOTS}/awareness-clusters.png` });
  });

  it('when the change view opens, then each district is coloured by the significance of its change and the table says so', async () => {
    const page = await openView('aw=change&awi=would_report');
    const stats = await readCanvas(page, Object.entries(CHANGE_COLORS).map(([name, c]) => ({ name, rgb: hexToRgb(c) })), 3);
    expect(Object.values(stats.counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(200);
    const text = await page.locator('#aw-table tbody').innerText();
    expect(text).toMatch(/pts/);
    await page.screenshot({ path: `${SHOTS}/awareness-change.png` });
  });

  it('when the exposure gap opens, then the surveyed districts are ranked by movement × share not reached', async () => {
    const page = await openView('aw=gap');
    await expect.poll(() => page.locator('#aw-gaps li').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await page.locator('#aw-gaps li').first().innerText()).toMatch(/people · \d+ % reached · gap/);
    await page.screenshot({ path: `${SHOTS}/awareness-gap.png` });
  });

  it('when a planner weights demand by low awareness, then the request names the survey and indicator and the saved plan says which it used', async () => {
    const { page } = await ui.open('/#v=-17.47,24.3,10&pl=1&pc=sesheke&pp=3', { viewport: VIEWPORT, as: planner });
    await waitForMapReady(page, 180_000);
    await page.locator('#pl-aw').check();
    const survey = page.locator('#pl-aw-survey');
    await expect.poll(() => survey.locator('option').count(), { timeout: 60_000 }).toBeGreaterThan(1);
    const surveyId = await survey.locator('option').nth(1).getAttribute('value');
    await survey.selectOption(surveyId ?? '');
    await page.locator('#pl-aw-indicator').selectOption('would_report');
    expect(await page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('paw'))).toBe('would_report');
    const sent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/outreach/plans');
    await page.getByRole('button', { name: 'Run and save plan' }).click();
    const body = (await sent).postDataJSON() as { weighting?: unknown; awareness?: unknown };
    expect(body.weighting).toEqual({ lowAwareness: true });
    expect(body.awareness).toEqual({ surveyId: Number(surveyId), indicator: 'would_report' });
    const summary = page.locator('.planner-summary');
    await expect.poll(() => summary.innerText(), { timeout: 120_000 }).toMatch(/Awareness\s+weighted by 1 − would_report, .+\((baseline|midline|endline)/);
    await page.screenshot({ path: `${SHOTS}/awareness-planner.png` });
  });

  it('when a brief includes the awareness section, then the print page shows the indicator by district with CIs and the change since baseline', async () => {
    const query = new URLSearchParams({ lat: '-13.6', lon: '29.2', zoom: '5.4', title: 'Awareness brief', sections: 'awareness,notes', awareness: 'would_report', paper: 'A4', orientation: 'portrait' });
    const { page } = await ui.open(`/brief.html?${query}`, { viewport: VIEWPORT, as: viewer });
    const rows = page.locator('.b-awareness tbody tr');
    await expect.poll(() => rows.count(), { timeout: 120_000 }).toBeGreaterThan(0);
    expect(await page.locator('.b-awareness h2').innerText()).toMatch(/Would report a case/);
    expect(await rows.first().innerText()).toMatch(/(\d+ % \(\d+–\d+ %\)|withheld)\s+\S+\s+(\u25b2|\u25bc|[+\u2212±]\d+ pts|withheld)/);
    expect(await page.locator('.b-awareness .b-note').innerText()).toMatch(/Change since .*baseline/);
    await page.locator('.b-awareness').screenshot({ path: `${SHOTS}/awareness-brief.png` });
  });
});
