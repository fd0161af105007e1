import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { paths } from '../../server/paths.js';
import { json, makeUser, type TestUser } from '../helpers/auth.js';
import { expected401, useBrowserApp, waitForMapReady } from '../helpers/browser.js';
import { DTM_RECIPE, dtmWorkbook } from '../helpers/workbooks.js';

/** Screenshots of each step, to look at (git-ignored). */
const SHOTS = join(paths.root, 'tests/.artifacts');

describe('the import wizard: a DTM workbook goes in step by step, is saved as a recipe, and the next file takes the recipe', { timeout: 300_000 }, () => {
  // A database per test: each test writes, and the second must meet exactly the recipe it saves itself.
  const ui = useBrowserApp({ db: 'fresh-each', allowConsole: expected401 });
  let manager: TestUser;
  let page: Page;
  const march = join(SHOTS, 'dtm-march.xlsx');
  const april = join(SHOTS, 'dtm-april.xlsx');

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(march, await dtmWorkbook({ rows: 12 }));
    writeFileSync(april, await dtmWorkbook({ rows: 14 }));
  });
  beforeEach(async () => {
    manager = await makeUser(ui.db, 'data_manager', 'wiz');
  });
  /** A data manager's new page (its own context, signed in) at Nakonde, with the data screen open. */
  const openDataScreen = async (): Promise<void> => {
    ({ page } = await ui.open('/#v=-9.32,32.76,12', { as: manager, viewport: { width: 1366, height: 900 } }));
    await waitForMapReady(page, 180_000);
    await page.locator('#data-button').click();
  };

  const dialog = (): Locator => page.getByRole('dialog', { name: 'Data' });
  const step = (): Promise<string | null> => dialog().locator('.wizard-body').getAttribute('data-step');
  const next = async (to: string) => {
    await dialog().getByRole('button', { name: 'Next' }).click();
    await expect.poll(step, { timeout: 60_000 }).toBe(to);
    if (to !== 'Import') await expect.poll(() => dialog().getByRole('button', { name: 'Next' }).isDisabled()).toBe(false);
  };
  const sheet = (name: string): Locator => dialog().locator('section.wizard-map').filter({ has: page.locator('h4', { hasText: name }) });
  const shot = (name: string) => dialog().screenshot({ path: join(SHOTS, `wizard-${name}.png`) });
  const observations = async (): Promise<number> => Number((await ui.db.query<{ n: number }>('SELECT count(*)::int AS n FROM observations'))[0]?.n);

  it('when a data manager maps the workbook step by step, then the preview shows its rows and the import writes both sheets', async () => {
    await openDataScreen();
    await dialog().getByRole('button', { name: 'Step by step (recipes)' }).click();
    await dialog().locator('#wizard-file').setInputFiles(march);
    await shot('1-file');
    await next('Sheets');
    // Both sheets are listed with their first rows; the two header rows are shaded once chosen.
    await expect.poll(() => dialog().locator('.wizard-grid').count()).toBe(2);
    await dialog().locator('#wizard-use-1').check();
    for (const i of [0, 1]) await dialog().locator(`#wizard-header-${i}`).fill('2').then(() => dialog().locator(`#wizard-header-${i}`).dispatchEvent('change'));
    await dialog().locator('#wizard-footer-0').fill('1');
    await dialog().locator('#wizard-footer-0').dispatchEvent('change');
    await expect.poll(() => dialog().locator('.wizard-grid[data-sheet="Entry Sheet"] .wizard-grid-header').count()).toBe(2);
    expect(await dialog().locator('.wizard-grid[data-sheet="Entry Sheet"] tbody tr').last().innerText()).toMatch(/Individuals/);
    await shot('2-sheets');

    await next('Columns');
    // Auto-suggested from aliases: the point, the countries, transport; required total is missing (highlighted).
    await expect.poll(() => sheet('Entry Sheet').getByLabel('monitoring_point (Entry Sheet)', { exact: true }).inputValue()).toBe('col:Survey / Flow Monitoring Point');
    expect(await sheet('Exit Sheet').getByLabel('destination_country (Exit Sheet)', { exact: true }).inputValue()).toBe('col:Survey / Country of Destination');
    expect(await sheet('Exit Sheet').locator('tr.is-missing th').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^total/), expect.stringMatching(/^direction/)]));
    await shot('3-columns-suggested');
    for (const s of ['Entry Sheet', 'Exit Sheet']) {
      await sheet(s).getByLabel(`male (${s})`, { exact: true }).selectOption('col:Family size / Male family members');
      await sheet(s).getByLabel(`female (${s})`, { exact: true }).selectOption('col:Family size / Female family members');
      await sheet(s).getByLabel(`children (${s})`, { exact: true }).selectOption('sum');
      await sheet(s).getByLabel('columns to add up for children').selectOption(['Children size / Boys', 'Children size / Girls']);
      await sheet(s).getByLabel(`reasons (${s})`, { exact: true }).selectOption('oneHot');
    }
    await sheet('Entry Sheet').getByLabel('total (Entry Sheet)', { exact: true }).selectOption('col:Family size / Total Households');
    await sheet('Exit Sheet').getByLabel('total (Exit Sheet)', { exact: true }).selectOption('sum');
    await sheet('Exit Sheet').getByLabel('columns to add up for total').selectOption(['Family size / Male family members', 'Family size / Female family members']);
    expect(await sheet('Exit Sheet').locator('tr.is-missing th').allInnerTexts()).toEqual([expect.stringMatching(/^direction/)]);
    await shot('3-columns-mapped');

    await next('Constants');
    await sheet('Entry Sheet').locator('select[data-field="direction"]').selectOption('inbound');
    await sheet('Exit Sheet').locator('select[data-field="direction"]').selectOption('outbound');
    await shot('4-constants');

    await next('Values');
    // Every distinct value listed; unknown ones marked with a suggested mapping to check.
    const ethopia = dialog().getByLabel('origin_country: Ethopia');
    await expect.poll(() => ethopia.inputValue(), { timeout: 60_000 }).toBe('ETH');
    expect(await dialog().getByLabel('origin_country: Somaliland').inputValue()).toBe('SOM');
    expect(await dialog().locator('.wizard-values tr.is-missing').count()).toBeGreaterThanOrEqual(3);
    await dialog().getByLabel('transport_mode: Truck/Bus', { exact: true }).selectOption('bus');
    await dialog().getByLabel('transport_mode: truck/bus', { exact: true }).selectOption('bus');
    await shot('5-values');

    await next('Preview');
    await expect.poll(() => dialog().locator('[data-outcome]').getAttribute('data-outcome'), { timeout: 60_000 }).toBe('valid');
    expect(await dialog().locator('[data-outcome]').innerText()).toMatch(/24 rows read: 24 valid, 0 with errors/);
    expect(await dialog().locator('.wizard-preview tbody tr').count()).toBe(24);
    await shot('6-preview');

    const before = await observations();
    await next('Import');
    await dialog().locator('#wizard-dataset').fill('DTM Nakonde March');
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    const outcome = dialog().locator('.import-outcome');
    await expect.poll(() => outcome.getAttribute('data-status'), { timeout: 60_000 }).toBe('committed');
    expect(await observations()).toBe(before + 24);
    await dialog().locator('#wizard-recipe-name').fill('DTM household survey');
    await dialog().getByRole('button', { name: 'Save as recipe' }).click();
    await expect.poll(() => dialog().locator('.wizard-save + .admin-notice').innerText()).toMatch(/Saved as “DTM household survey”, version 1/);
    await shot('7-imported-and-saved');
  });

  it('when the next month\'s file comes, then picking the recipe goes straight to the preview and imports it with the recipe named in provenance', async () => {
    // The recipe the first test saves through the wizard, saved here through the API.
    const saved = await ui.app.as('data_manager').get('/api/v1/import-recipes', json({ name: 'DTM household survey', recipe: DTM_RECIPE }, { method: 'POST' }));
    expect(saved.status, await saved.clone().text()).toBe(201);
    await openDataScreen();
    await dialog().getByRole('button', { name: 'Step by step (recipes)' }).click();
    await dialog().locator('#wizard-file').setInputFiles(april);
    await expect.poll(() => dialog().locator('#wizard-recipe option').count()).toBe(2);
    await dialog().locator('#wizard-recipe').selectOption({ label: 'DTM household survey (v1, Flow-monitoring observations)' });
    await next('Preview');
    await expect.poll(() => dialog().locator('[data-outcome]').innerText(), { timeout: 60_000 }).toMatch(/28 rows read: 28 valid/);
    await shot('8-later-file-preview');
    const before = await observations();
    await next('Import');
    await dialog().locator('#wizard-dataset').fill('DTM Nakonde April');
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => dialog().locator('.import-outcome').getAttribute('data-status'), { timeout: 60_000 }).toBe('committed');
    expect(await observations()).toBe(before + 28);
    const [prov] = await ui.db.query<{ name: string; version: number }>(
      `SELECT r.name, i.recipe_version AS version FROM imports i JOIN import_recipes r ON r.id = i.recipe_id JOIN datasets d ON d.id = i.dataset_id WHERE d.name = 'DTM Nakonde April'`,
    );
    expect(prov).toEqual({ name: 'DTM household survey', version: 1 });
    await expect.poll(() => dialog().locator('.datasets-table tr', { hasText: 'DTM Nakonde April' }).innerText()).toMatch(/recipe DTM household survey v1/);
    await shot('9-later-file-imported');
  });
});
