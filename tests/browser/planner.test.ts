import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLAN_COLORS } from '../../client/planner/colors.js';
import { json, makeUser, type TestUser } from '../helpers/auth.js';
import { expected401, type PageProblems, useBrowserApp, waitForMapReady } from '../helpers/browser.js';
import { clickMap, readCanvas, screenOf, type ColorTarget } from './driver.js';

// Screenshots for humans reviewing a run (not compared).
const SHOTS = process.env['CORRIDOR_SHOTS_DIR'] ?? '/tmp';
const VIEWPORT = { width: 1366, height: 768 };
// The planner open from the link, three sites among the Sesheke candidates.
const START = '/#v=-17.47,24.3,10&pl=1&pc=sesheke&pp=3';
const SITE: ColorTarget[] = [
  { name: 'site', rgb: PLAN_COLORS.site },
  { name: 'reach', rgb: PLAN_COLORS.reach },
  { name: 'locked', rgb: PLAN_COLORS.locked },
];

type SiteRow = { id: string; rank: number; locked: boolean };

/** The ranked table as data: site id, rank, and whether the row says locked. */
function tableRows(page: Page): Promise<SiteRow[]> {
  return page.locator('#planner-table tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-site-row') ?? '',
      rank: Number(r.querySelector('.rank')?.textContent),
      locked: r.classList.contains('is-locked') && /locked/.test(r.textContent ?? ''),
    })),
  );
}

const planInUrl = (page: Page): Promise<string | null> => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('plan'));

describe('outreach planner in headless Chromium (signed in as a planner)', { timeout: 300_000 }, () => {
  const ui = useBrowserApp({ allowConsole: expected401 });
  let planner: TestUser;

  beforeAll(async () => {
    planner = await makeUser(ui.db, 'planner', 'plan');
  });

  const signedIn = (page: Page, user: TestUser) =>
    page.waitForFunction((name) => (document.getElementById('user-menu')?.textContent ?? '').includes(name), user.username, { timeout: 60_000 });
  /** The planner's new page (its own context, signed in) on the planner link, drawn. */
  const openPlanner = async (): Promise<{ page: Page; problems: PageProblems }> => {
    const opened = await ui.open(START, { viewport: VIEWPORT, as: planner });
    await signedIn(opened.page, planner);
    await waitForMapReady(opened.page, 180_000);
    return opened;
  };
  /** Runs and saves the plan the panel describes; its id. */
  const runPlan = async (page: Page): Promise<string> => {
    const before = await planInUrl(page);
    await page.getByRole('button', { name: 'Run and save plan' }).click();
    await expect.poll(() => planInUrl(page), { timeout: 120_000 }).not.toBe(before);
    await expect.poll(() => page.locator('#planner-table tbody tr').count(), { timeout: 120_000 }).toBe(3);
    return (await planInUrl(page)) ?? '';
  };

  it('when a planner signs in on a planner link, then the panel opens with the parameters from the link', async () => {
    const { page } = await ui.open(START, { viewport: VIEWPORT });
    await page.getByLabel('Username').fill(planner.username);
    await page.getByLabel('Password').fill(planner.password);
    await page.getByLabel('Password').press('Enter');
    await signedIn(page, planner);
    await waitForMapReady(page, 180_000);
    const panel = page.getByRole('complementary', { name: 'Outreach planner' });
    await expect.poll(() => panel.isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await page.getByLabel('Candidate sites').inputValue()).toBe('sesheke');
    expect(await page.getByLabel('Number of sites', { exact: true }).first().isChecked()).toBe(true);
    expect(await page.locator('#pl-size-value').inputValue()).toBe('3');
    expect(await page.getByRole('button', { name: 'Outreach planner' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('when the plan is run, then its numbered sites and reach circles are drawn and ranked in the table', async () => {
    const { page } = await openPlanner();
    await page.getByRole('button', { name: 'Run and save plan' }).click();
    await expect.poll(() => page.locator('#planner-table tbody tr').count(), { timeout: 120_000 }).toBe(3);
    const rows = await tableRows(page);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(await page.locator('#planner-results').innerText()).toMatch(/Covers\s+[\d,]+ of [\d,]+ people \(\d+\.\d%\)/);
    await expect.poll(() => planInUrl(page), { timeout: 20_000 }).toMatch(/^\d+$/);
    const firstPlan = (await planInUrl(page)) ?? '';
    await waitForMapReady(page, 120_000);
    const px = await readCanvas(page, SITE, 4);
    // Three 11-px discs, and circle outlines kilometres wide at the framed zoom.
    expect(px.counts['site']).toBeGreaterThan(3 * 150);
    expect(px.counts['reach']).toBeGreaterThan(400);
    expect(px.counts['locked']).toBe(0);
    // Export links point at the audited export endpoints for this plan.
    expect(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe(`/api/v1/outreach/plans/${firstPlan}?format=csv`);
    // "Send to brief": the plan id is what the link carries for the brief composer.
    await page.getByRole('button', { name: 'Send to brief' }).click();
    expect(await page.locator('#planner-panel').innerText()).toContain(`plan=${firstPlan}`);
    await page.screenshot({ path: `${SHOTS}/planner-plan.png` });
  });

  it('when an unchosen site is locked on the map and the top site excluded in the table, then the re-run keeps the locked site, marked, and drops the excluded one', async () => {
    const { page } = await openPlanner();
    const firstPlan = await runPlan(page);
    await waitForMapReady(page, 120_000);
    const before = await tableRows(page);
    const top = before[0]?.id as string;
    const sites = await page.evaluate(async () => (await (await fetch('/api/v1/outreach-sites?corridor=sesheke')).json()) as { features: { properties: { id: number; name: string }; geometry: { coordinates: [number, number] } }[] });
    const chosen = new Set(before.map((r) => r.id));
    const legend = await page.locator('#legend').boundingBox();
    const panel = await page.locator('#planner-panel').boundingBox();
    const results = await page.locator('#planner-results').boundingBox();
    if (!legend || !panel || !results) throw new Error('panels not laid out');
    const map = await page.locator('#map').boundingBox();
    let target: { id: string; at: [number, number] } | null = null;
    for (const f of sites.features) {
      if (chosen.has(String(f.properties.id))) continue;
      const at = await screenOf(page, f.geometry.coordinates[0], f.geometry.coordinates[1]);
      const y = at[1] + (map?.y ?? 0);
      if (at[0] > legend.x + legend.width + 20 && at[0] < panel.x - 20 && y > (map?.y ?? 0) + 20 && y < results.y - 20) target = { id: String(f.properties.id), at };
    }
    expect(target, 'no unchosen candidate in the open part of the map').not.toBeNull();
    await clickMap(page, target!.at);
    await page.getByRole('button', { name: 'Lock in plan' }).click();
    await page.locator(`#planner-table tr[data-site-row="${top}"] button`, { hasText: 'Exclude' }).click();
    expect(await page.locator('#pl-choices').innerText()).toBe('1 locked, 1 excluded');
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toContain(`plk=${target!.id}`);
    expect(hash).toContain(`pex=${top}`);
    await page.getByRole('button', { name: 'Run and save plan' }).click();
    await expect.poll(() => planInUrl(page), { timeout: 120_000 }).not.toBe(firstPlan);
    await expect.poll(async () => (await tableRows(page))[0]?.id, { timeout: 60_000 }).toBe(target!.id);
    const after = await tableRows(page);
    expect(after[0]).toEqual({ id: target!.id, rank: 1, locked: true });
    expect(after.map((r) => r.id)).not.toContain(top);
    expect(after.filter((r) => r.locked)).toHaveLength(1);
    await waitForMapReady(page, 120_000);
    const px = await readCanvas(page, SITE, 4);
    expect(px.counts['locked']).toBeGreaterThan(150); // the locked site's amber disc (and its circle)
    expect(px.counts['site']).toBeGreaterThan(2 * 150);
    await page.screenshot({ path: `${SHOTS}/planner-locked.png` });
  });

  it('when a planner logs an activity at the first chosen site, then the delivered section counts it and the API lists it', async () => {
    const { page } = await openPlanner();
    const plan = await runPlan(page); // a plan of its own, with no activity yet
    const first = (await tableRows(page))[0]?.id as string;
    const row = page.locator(`#planner-delivery-table tr[data-delivery-site="${first}"]`);
    await expect.poll(() => row.innerText(), { timeout: 60_000 }).toMatch(/not yet/);
    expect(await page.locator('#pl-act-date').inputValue()).toBe(await page.evaluate(() => new Date().toLocaleDateString('en-CA')));
    await page.locator('#pl-act-site').selectOption(first);
    // A delivered activity has happened: tomorrow is refused before anything is sent.
    const tomorrow = await page.evaluate(() => new Date(Date.now() + 86_400_000).toLocaleDateString('en-CA'));
    await page.locator('#pl-act-date').fill(tomorrow);
    await page.locator('#pl-act-reach').fill('135');
    await page.getByRole('button', { name: 'Log activity' }).click();
    expect(await page.locator('#pl-act-error').innerText()).toMatch(/^date: must not be in the future/);
    await page.locator('#pl-act-date').fill('2025-09-12');
    await page.locator('#pl-act-type').selectOption('road_show');
    await page.locator('#pl-act-notes').fill('Synthetic test entry at the bus stop');
    await page.getByRole('button', { name: 'Log activity' }).click();
    await expect.poll(() => row.innerText(), { timeout: 60_000 }).toMatch(/\t1\t135\t2025-09-12$/);
    expect(await page.locator('#pl-act-error').innerText()).toBe('');
    expect(await page.locator('#planner-delivery-summary').innerText()).toMatch(/^1 activity at 1 of 3 chosen sites, reaching 135 people/);
    expect(await page.locator('#planner-activities tbody').innerText()).toMatch(/2025-09-12\t.+\tRoad show\t135\tSynthetic test entry at the bus stop/);
    const api = await page.evaluate(async (id) => (await (await fetch(`/api/v1/outreach/plans/${id}/activities`)).json()) as { activities: unknown[]; sites: unknown[] }, plan);
    expect(api.activities).toEqual([expect.objectContaining({ siteId: Number(first), date: '2025-09-12', type: 'road_show', reach: 135, notes: 'Synthetic test entry at the bus stop' })]);
    expect(api.sites).toContainEqual(expect.objectContaining({ siteId: Number(first), delivered: 1, reach: 135, lastDelivered: '2025-09-12', status: 'delivered' }));
    await page.locator('#planner-delivery').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/planner-delivered.png` });
  });

  it('when two saved plans are compared, then the sites in common and apart and the coverage difference are shown', async () => {
    // Plan A, then plan B without A's top site.
    const { page } = await openPlanner();
    const firstPlan = await runPlan(page);
    const top = (await tableRows(page))[0]?.id as string;
    await page.locator(`#planner-table tr[data-site-row="${top}"] button`, { hasText: 'Exclude' }).click();
    const second = await runPlan(page);
    await page.locator(`#pl-pick-${firstPlan}`).check();
    await page.locator(`#pl-pick-${second}`).check();
    await page.getByRole('button', { name: 'Compare the two ticked' }).click();
    const cmp = page.locator('#planner-compare');
    await expect.poll(() => cmp.isVisible(), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => cmp.innerText(), { timeout: 60_000 }).toMatch(/In both \(\d\)/);
    expect(await cmp.innerText()).toMatch(/Only in A \(\d\)[\s\S]*Only in B \(\d\)/);
    expect(await page.locator('#planner-compare-diff').innerText()).toMatch(/^B − A: [+−]?[\d,]+ covered/);
    expect(await page.evaluate(() => location.hash)).toContain(`cmp=${firstPlan},${second}`);
    await waitForMapReady(page, 120_000);
    const px = await readCanvas(page, [{ name: 'a', rgb: PLAN_COLORS.onlyA }], 4);
    expect(px.counts['a']).toBeGreaterThan(100); // the excluded top site is only in A
    await page.screenshot({ path: `${SHOTS}/planner-compare.png` });
  });

  it('when a viewer opens a plan link, then the plan and saved plans are shown read-only', async () => {
    const viewer = await makeUser(ui.db, 'viewer', 'plan');
    // Two saved plans of three Sesheke sites, made through the API.
    const save = async () => {
      const res = await ui.app.as('planner').get('/api/v1/outreach/plans', json({ measure: 'movement', p: 3, sites: { corridors: ['sesheke'] } }, { method: 'POST' }));
      expect(res.status, await res.clone().text()).toBe(201);
      return String(((await res.json()) as { id: number }).id);
    };
    const plan = await save();
    await save();
    const { page: other } = await ui.open(`/#pl=1&plan=${plan}`, { viewport: VIEWPORT });
    await other.getByLabel('Username').fill(viewer.username);
    await other.getByLabel('Password').fill(viewer.password);
    await other.getByLabel('Password').press('Enter');
    await expect.poll(() => other.locator('#planner-table tbody tr').count(), { timeout: 120_000 }).toBe(3);
    expect(await other.getByRole('button', { name: 'Run and save plan' }).isVisible()).toBe(false);
    expect(await other.locator('#planner-table').getByRole('button').count()).toBe(0);
    await expect.poll(() => other.locator('#planner-delivery').innerText(), { timeout: 60_000 }).toContain('No activity logged yet.');
    expect(await other.locator('#planner-delivery-form').count()).toBe(0);
    expect(await other.locator('#planner-panel').innerText()).toContain('needs the planner role');
    await expect.poll(() => other.locator('#planner-saved li').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    expect(await other.locator('#planner-saved').getByRole('button', { name: /^Delete/ }).count()).toBe(0);
    expect(await other.getByRole('link', { name: 'Export GeoJSON' }).getAttribute('href')).toBe(`/api/v1/outreach/plans/${plan}?format=geojson`);
    await waitForMapReady(other, 120_000);
    expect((await readCanvas(other, SITE, 4)).counts['site']).toBeGreaterThan(150);
  });
});
