import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type TestUser } from '../helpers/auth.js';
import { expected401, useBrowserApp, waitForMapReady } from '../helpers/browser.js';
import { importFile } from '../helpers/import.js';

const SHOTS = process.env['CORRIDOR_SHOTS_DIR'] ?? '/tmp';
const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));
// A rejected import is still a 202 and a GET: only the sign-in probe before signing in is a 401.

describe('the data screen: a data manager imports a file in the browser', { timeout: 240_000 }, () => {
  // Its own database: this test writes. Each test imports files no other test imports.
  const ui = useBrowserApp({ db: 'fresh', allowConsole: expected401 });
  let manager: TestUser;
  let page: Page;
  const rows = async (): Promise<number> => Number((await ui.db.query<{ n: number }>('SELECT count(*)::int AS n FROM observations'))[0]?.n);
  /** A data manager's new page (its own context, signed in) at Nakonde, with the data screen open. */
  const openDataScreen = async (): Promise<void> => {
    ({ page } = await ui.open('/#v=-9.32,32.76,12', { as: manager }));
    await waitForMapReady(page, 180_000);
    await page.locator('#data-button').click();
  };

  beforeAll(async () => {
    manager = await makeUser(ui.db, 'data_manager', 'imp');
  });

  const dialog = (): ReturnType<Page['getByRole']> => page.getByRole('dialog', { name: 'Data' });

  it('when a file with an unknown crossing is imported all-or-nothing, then the errors name row and column with suggestions, and nothing is written', async () => {
    const before = await rows();
    await openDataScreen();
    await expect.poll(() => dialog().isVisible()).toBe(true);
    // The demo dataset is listed with its provenance and marked synthetic.
    await expect.poll(() => dialog().locator('.datasets-table .tag--synthetic').count()).toBeGreaterThan(0);
    await dialog().locator('#import-file').setInputFiles(fixture('bad-unknown-crossing.csv'));
    await dialog().getByLabel('Dataset name').fill('Bad crossings');
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    const outcome = dialog().locator('.import-outcome');
    await expect.poll(() => outcome.getAttribute('data-status'), { timeout: 60_000 }).toBe('rejected');
    const text = await outcome.innerText();
    expect(text).toMatch(/Nothing was written/);
    expect(text).toMatch(/monitoring_point/);
    expect(text).toContain('Kazungula Brigde');
    expect(text).toMatch(/did you mean .*Kazungula/i);
    expect(await rows()).toBe(before);
    await page.screenshot({ path: `${SHOTS}/corridor-import-errors.png` });
  });

  it('when a valid file is imported, then progress ends in its row count, the dataset is listed, and "Show on the map" opens its period', async () => {
    const before = await rows();
    await openDataScreen();
    await expect.poll(() => dialog().isVisible()).toBe(true);
    await dialog().locator('#import-file').setInputFiles(fixture('obs-comma.csv'));
    await dialog().getByLabel('Dataset name').fill('FMR test March');
    await dialog().getByLabel('Source organisation').fill('Test partner');
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    const outcome = dialog().locator('.import-outcome');
    await expect.poll(() => outcome.getAttribute('data-status'), { timeout: 60_000 }).toBe('committed');
    expect(await outcome.innerText()).toMatch(/Imported 4 rows/);
    expect(await rows()).toBe(before + 4);
    await expect.poll(() => dialog().locator('.datasets-table').innerText()).toContain('FMR test March');
    await page.screenshot({ path: `${SHOTS}/corridor-import-done.png` });
    await outcome.getByRole('button', { name: 'Show on the map' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/from=2025-03-01&to=2025-03-02/);
    await expect.poll(() => dialog().count()).toBe(0);
  });

  it('when the same file is imported again, then nothing is added and the screen says so', async () => {
    const first = await importFile(ui.app, 'obs-hxl.csv', readFileSync(fixture('obs-hxl.csv')), { kind: 'observations', dataset: 'HXL test' });
    expect(first.status, first.message ?? undefined).toBe('committed');
    const before = await rows();
    await openDataScreen();
    await dialog().locator('#import-file').setInputFiles(fixture('obs-hxl.csv'));
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    const outcome = dialog().locator('.import-outcome');
    await expect.poll(() => outcome.getAttribute('data-status'), { timeout: 60_000 }).toBe('unchanged');
    expect(await outcome.innerText()).toMatch(/Nothing added/);
    expect(await rows()).toBe(before);
  });
});
