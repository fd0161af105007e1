import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/index.js';
import { paths } from '../../server/paths.js';
import { startApp, type TestApp } from '../helpers/app.js';
import { json, makeUser } from '../helpers/auth.js';
import { openFreshDb } from '../helpers/db.js';
import { launchBrowser, type PageProblems, waitForMapReady, watchPage } from '../helpers/browser.js';

// Looked at by a person (the closing note), not compared.
const SHOTS = join(paths.root, 'tests/.artifacts');
const expected401 = (text: string): boolean => /status of 401/.test(text);

describe('corridors and admin areas in headless Chromium (signed in as a data manager)', { timeout: 300_000 }, () => {
  let db: Db;
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    db = await openFreshDb('embedded');
    app = await startApp({ db });
    const manager = await makeUser(db, 'data_manager', 'places');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    problems = await watchPage(page, new URL(app.url).origin);
    await page.goto(new URL('/#v=-14.6,27.8,5.6', app.url).href);
    await page.getByLabel('Username').fill(manager.username);
    await page.getByLabel('Password').fill(manager.password);
    await page.getByLabel('Password').press('Enter');
    await waitForMapReady(page, 180_000);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  it('when districts are coloured by people crossing, then the legend names the classes and the boundary attribution is on the map', async () => {
    await page.locator('#areas-measure').selectOption('people');
    const legend = page.locator('.areas-legend');
    await expect.poll(() => legend.innerText(), { timeout: 60_000 }).toMatch(/People crossing at its points/);
    expect(await legend.innerText()).toMatch(/none/);
    await waitForMapReady(page, 120_000);
    expect(await page.evaluate(() => document.querySelector('.maplibregl-ctrl-attrib')?.textContent ?? '')).toMatch(/DMMU \/ OCHA \(COD-AB\)/);
    await page.screenshot({ path: join(SHOTS, 'district-choropleth.png') });
    // Zoomed to Sesheke: district lines and names.
    await page.evaluate(() => (location.hash = '#v=-17.2,24.6,7.2'));
    await waitForMapReady(page, 120_000);
    await page.screenshot({ path: join(SHOTS, 'district-choropleth-sesheke.png') });
  });

  it('when a corridor is added through the API, then after a reload (no restart) it is in the movement filters, the planner and the import vocabulary', async () => {
    const res = await app.as('data_manager').get('/api/v1/corridors', json({ code: 'chirundu', name: 'Chirundu', colour: '#118844', districts: ['Chirundu'] }, { method: 'POST' }));
    expect(res.status).toBe(201);
    await page.reload();
    await waitForMapReady(page, 180_000);
    // Movement filters
    const corridors = page.locator('details[data-list="corridor"]');
    await expect.poll(() => corridors.locator('input[value="chirundu"]').count(), { timeout: 60_000 }).toBe(1);
    expect(await corridors.locator('label', { hasText: 'Chirundu' }).count()).toBe(1);
    // Outreach planner
    await page.getByRole('button', { name: 'Outreach planner' }).click();
    await expect.poll(() => page.locator('#pl-corridor option[value="chirundu"]').count(), { timeout: 60_000 }).toBe(1);
    // Import vocabulary: the wizard's constant for the corridor of outreach sites
    await page.locator('#data-button').click();
    const dialog: Locator = page.getByRole('dialog', { name: 'Data' });
    await expect.poll(() => dialog.locator('.corridors-table tr[data-corridor="chirundu"]').count(), { timeout: 30_000 }).toBe(1);
    await dialog.getByRole('button', { name: 'Step by step (recipes)' }).click();
    await dialog.locator('#wizard-kind').selectOption('outreach_sites');
    await dialog.locator('#wizard-file').setInputFiles({ name: 'sites.csv', mimeType: 'text/csv', buffer: Buffer.from('id,name,kind,lat,lon\ns1,Chirundu market,market,-16.03,28.85\n') });
    const step = () => dialog.locator('.wizard-body').getAttribute('data-step');
    for (const to of ['Sheets', 'Columns', 'Constants']) {
      await dialog.getByRole('button', { name: 'Next' }).click();
      await expect.poll(step, { timeout: 60_000 }).toBe(to);
      await expect.poll(() => dialog.getByRole('button', { name: 'Next' }).isDisabled(), { timeout: 60_000 }).toBe(false);
    }
    await expect.poll(() => dialog.locator('select[data-field="corridor"] option[value="chirundu"]').count(), { timeout: 30_000 }).toBe(1);
    await dialog.screenshot({ path: join(SHOTS, 'corridor-in-import-vocabulary.png') });
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
    expect(problems.consoleErrors.filter((t) => !expected401(t))).toEqual([]);
  });
});
