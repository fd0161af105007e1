import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { paths } from '../../server/paths.js';
import { json, makeUser, type TestUser } from '../helpers/auth.js';
import { expected401, useBrowserApp, waitForMapReady } from '../helpers/browser.js';

// Looked at by a person (the closing note), not compared.
const SHOTS = join(paths.root, 'tests/.artifacts');

describe('corridors and admin areas in headless Chromium (signed in as a data manager)', { timeout: 300_000 }, () => {
  // A database of the file's own: a test adds a corridor.
  const ui = useBrowserApp({ db: 'fresh', allowConsole: expected401 });
  let manager: TestUser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    manager = await makeUser(ui.db, 'data_manager', 'places');
  });

  /** The data manager's own page on the whole of Zambia, drawn. */
  const openMap = async () => {
    const opened = await ui.open('/#v=-14.6,27.8,5.6', { viewport: { width: 1366, height: 900 }, as: manager });
    await waitForMapReady(opened.page, 180_000);
    return opened;
  };

  it('when districts are coloured by people crossing, then the legend names the classes and the boundary attribution is on the map', async () => {
    const { page } = await openMap();
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
    const { page, problems } = await openMap();
    const res = await ui.app.as('data_manager').get('/api/v1/corridors', json({ code: 'chirundu', name: 'Chirundu', colour: '#118844', districts: ['Chirundu'] }, { method: 'POST' }));
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
