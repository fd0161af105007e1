import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveProgress, type Progress } from '../../server/ingest/jobs.js';
import { writeCsv } from '../bench/import-file.js';
import { makeUser, type TestUser } from '../helpers/auth.js';
import { expected401, useBrowserApp, waitForMapReady } from '../helpers/browser.js';
import { importFile } from '../helpers/import.js';

const SHOTS = process.env['CORRIDOR_SHOTS_DIR'] ?? '/tmp';
const PAUSE_MS = 500;
const LARGE_ROWS = 60_000; // about 6 MB of COPY text: six write steps
const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));
// A rejected import is still a 202 and a GET: only the sign-in probe before signing in is a 401.

describe('the data screen: a data manager imports a file in the browser', { timeout: 240_000 }, () => {
  // Its own database: this test writes. Each test imports files no other test imports.
  // Writes slowed (server/ingest/spool.ts): a large import's steps are long enough to watch.
  const ui = useBrowserApp({ db: 'fresh', allowConsole: expected401, env: { IMPORT_WRITE_PAUSE_MS: String(PAUSE_MS) } });
  let manager: TestUser;
  let page: Page;
  const rows = async (): Promise<number> => Number((await ui.db.query<{ n: number }>('SELECT count(*)::int AS n FROM observations'))[0]?.n);
  /** A data manager's new page (its own context, signed in) at Nakonde, with the data screen open. */
  const openDataScreen = async (): Promise<void> => {
    ({ page } = await ui.open('/#v=-9.32,32.76,12', { as: manager }));
    await waitForMapReady(page, 180_000);
    await page.locator('#data-button').click();
  };

  let large: string;

  beforeAll(async () => {
    manager = await makeUser(ui.db, 'data_manager', 'imp');
    large = join(mkdtempSync(join(tmpdir(), 'corridor-large-')), 'fmr-2025-large.csv');
    await writeCsv(large, LARGE_ROWS);
  });
  afterAll(() => rmSync(dirname(large), { recursive: true, force: true }));

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

  it('when a large file is imported, then the bar moves while its rows are written and the map is answered meanwhile', async () => {
    await openDataScreen();
    await dialog().locator('#import-file').setInputFiles(large);
    await dialog().getByLabel('Dataset name').fill('FMR 2025, large');
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    const outcome = dialog().locator('.import-outcome');
    const writing: { value: number; text: string }[] = [];
    let answered: { status: number; during: Progress | undefined } | undefined;
    for (let i = 0; i < 1200 && (await outcome.count()) === 0; i++) {
      const now = await dialog().evaluate((d) => ({
        value: Number((d.querySelector('.import-progress') as HTMLProgressElement | null)?.value ?? -1),
        text: d.querySelector('.import-form ~ [role=status]')?.textContent ?? '',
      }));
      if (/^Writing — /.test(now.text) && writing.at(-1)?.text !== now.text) writing.push(now);
      if (writing.length === 1 && !answered) {
        await page.screenshot({ path: `${SHOTS}/corridor-import-writing.png` });
        // A map request while the rows are being written: answered before the import is done.
        const res = await ui.app.as('viewer').get('/api/v1/flows');
        answered = { status: res.status, during: [...liveProgress.values()][0] };
      }
      await page.waitForTimeout(100);
    }
    await expect.poll(() => outcome.getAttribute('data-status'), { timeout: 120_000 }).toBe('committed');
    expect(await outcome.innerText()).toMatch(/Imported 60,000 rows/);
    // The bar moved through the writing steps: several distinct values, each further on.
    expect(writing.length, JSON.stringify(writing)).toBeGreaterThanOrEqual(3);
    const values = writing.map((w) => w.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(new Set(values).size).toBeGreaterThanOrEqual(3);
    expect(writing[0]?.text).toMatch(/^Writing — [\d,]+ of 60,000 rows written \(\d+ %\)$/);
    expect(answered?.status).toBe(200);
    expect(answered?.during).toMatchObject({ status: 'writing' });
    expect(answered?.during?.rowsInserted).toBeLessThan(LARGE_ROWS);
  });

  it('when a large import is cancelled while its rows are written, then it ends cancelled, its staged rows are dropped and nothing is written', async () => {
    const again = join(dirname(large), 'fmr-2025-large-again.csv');
    writeFileSync(again, `${readFileSync(large, 'utf8')}\n`); // the same rows, another checksum
    const before = await rows();
    await openDataScreen();
    await dialog().locator('#import-file').setInputFiles(again);
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    const status = dialog().locator('.import-form ~ [role=status]');
    await expect.poll(() => status.textContent(), { timeout: 120_000 }).toMatch(/^Writing — /);
    await dialog().getByRole('button', { name: 'Cancel import' }).click();
    const outcome = dialog().locator('.import-outcome');
    await expect.poll(() => outcome.getAttribute('data-status'), { timeout: 120_000 }).toBe('cancelled');
    expect(await outcome.innerText()).toMatch(/Cancelled: cancelled while writing; nothing was written/);
    expect(await rows()).toBe(before);
    const staged = await ui.db.query(`SELECT relname FROM pg_class WHERE relkind = 'r' AND NOT relispartition AND relname ~ '^observations_d[0-9]+$'`);
    expect(staged).toEqual([]);
  });
});
