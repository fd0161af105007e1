import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/index.js';
import { startApp } from '../helpers/app.js';
import { makeUser } from '../helpers/auth.js';
import { launchBrowser, watchPage, waitForMapReady, type PageProblems } from '../helpers/browser.js';
import { openFreshDb } from '../helpers/db.js';

const SHOTS = process.env['CORRIDOR_SHOTS_DIR'] ?? '/tmp';
const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));
// A rejected import is still a 202 and a GET: only the sign-in probe before signing in is a 401.
const expected401 = (text: string): boolean => /status of 401/.test(text);

describe('the data screen: a data manager imports a file in the browser', { timeout: 240_000 }, () => {
  let db: Db;
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;
  const rows = async (): Promise<number> => Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observations'))[0]?.n);

  beforeAll(async () => {
    // Its own database: this test writes.
    db = await openFreshDb('embedded');
    app = await startApp({ db });
    const manager = await makeUser(db, 'data_manager', 'imp');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    problems = await watchPage(page, new URL(app.url).origin);
    await page.goto(new URL('/#v=-9.32,32.76,12', app.url).href);
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

  const dialog = (): ReturnType<Page['getByRole']> => page.getByRole('dialog', { name: 'Data' });

  it('when a file with an unknown crossing is imported all-or-nothing, then the errors name row and column with suggestions, and nothing is written', async () => {
    const before = await rows();
    await page.locator('#data-button').click();
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
    const before = await rows();
    await page.locator('#data-button').click();
    await dialog().locator('#import-file').setInputFiles(fixture('obs-comma.csv'));
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    const outcome = dialog().locator('.import-outcome');
    await expect.poll(() => outcome.getAttribute('data-status'), { timeout: 60_000 }).toBe('unchanged');
    expect(await outcome.innerText()).toMatch(/Nothing added/);
    expect(await rows()).toBe(before);
    expect(problems.consoleErrors.filter((e) => !expected401(e))).toEqual([]);
    expect([...problems.pageErrors, ...problems.cspViolations, ...problems.foreignRequests]).toEqual([]);
  });
});
