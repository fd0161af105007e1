import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateRange } from '../../server/alerts/service.js';
import { DEMO_END } from '../../server/demo/calendar.js';
import { paths } from '../../server/paths.js';
import { addDays } from '../../server/query/period.js';
import { makeUser, type TestUser } from '../helpers/auth.js';
import { expected401, useBrowserApp, waitForMapReady } from '../helpers/browser.js';

const ARTIFACTS = join(paths.root, 'tests/.artifacts');
const VIEWPORT = { width: 1366, height: 768 };
const START = '/#v=-17.47,24.31,12';

describe('alerts in headless Chromium (signed in as an analyst)', { timeout: 300_000 }, () => {
  // A database of the file's own: the tests step an alert on and change the rules.
  const ui = useBrowserApp({ db: 'fresh', allowConsole: expected401 });
  let analyst: TestUser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await evaluateRange(ui.db, addDays(DEMO_END, -29), DEMO_END); // the demo's planted events, as on a first start
    analyst = await makeUser(ui.db, 'analyst', 'alerts');
  });

  const signedIn = (page: Page, user: TestUser) =>
    page.waitForFunction((name) => (document.getElementById('user-menu')?.textContent ?? '').includes(name), user.username, { timeout: 60_000 });
  /** Signs `user` in through the form on `page`. */
  const signIn = async (page: Page, user: TestUser): Promise<void> => {
    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Password').fill(user.password);
    await page.getByLabel('Password').press('Enter');
  };

  it('when an analyst signs in, then the badge shows the number of open alerts and the map marks the points with one', async () => {
    const [n] = await ui.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM alerts WHERE status <> 'closed'`);
    const open = n?.n ?? 0;
    expect(open).toBeGreaterThan(1);
    const { page } = await ui.open(START, { viewport: VIEWPORT });
    await signIn(page, analyst);
    await signedIn(page, analyst);
    await waitForMapReady(page, 180_000);
    await expect.poll(() => page.locator('#alerts-count').textContent(), { timeout: 60_000 }).toBe(String(open));
    await expect.poll(() => page.locator('.alert-marker[data-point="mp-sesheke-pontoon"]').count(), { timeout: 20_000 }).toBe(1);
  });

  it('when the surge alert at the pontoon is opened, then its chart shows; acknowledge and refer move it on', async () => {
    // Still new here: this is the only test that steps an alert on.
    const [surge] = await ui.db.query<{ id: number }>(
      `SELECT a.id::int AS id FROM alerts a WHERE a.rule_id = 3 AND a.scope_code = 'mp-sesheke-pontoon' ORDER BY a.observed DESC LIMIT 1`,
    );
    const { page, problems } = await ui.open(START, { viewport: VIEWPORT, as: analyst });
    await signedIn(page, analyst);
    await waitForMapReady(page, 180_000);
    await page.locator('#alerts-button').click();
    const item = page.locator(`.alert-item[data-id="${surge?.id}"]`);
    await item.click();
    await expect.poll(() => page.locator('#alert-chart svg path.alert-spark-line').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('#alert-chart svg circle.alert-spark-alarm').count()).toBeGreaterThan(0);
    expect(await page.locator('#alert-chart svg path.alert-spark-bound').getAttribute('d')).toMatch(/^M/);
    await page.screenshot({ path: join(ARTIFACTS, 'alerts-panel.png') });

    await page.locator('#alert-acknowledge').click();
    await expect.poll(() => page.locator('#alert-detail').textContent(), { timeout: 20_000 }).toMatch(/Acknowledged.*alerts-/);
    await expect.poll(() => page.locator('#alert-service option').count(), { timeout: 20_000 }).toBeGreaterThan(1);
    await page.locator('#alert-note').fill('Met by the CWAC at the pontoon; family tracing started');
    await page.locator('#alert-refer').click();
    await expect.poll(() => page.locator('#alert-detail').textContent(), { timeout: 20_000 }).toMatch(/Referred.*family tracing started/);
    const [row] = await ui.db.query<{ status: string; service_id: number | null; referred_by: string }>(
      'SELECT status, service_id, referred_by FROM alerts WHERE id = $1', [surge?.id]);
    expect(row).toMatchObject({ status: 'referred', referred_by: analyst.username });
    expect(row?.service_id).not.toBeNull();
    await page.screenshot({ path: join(ARTIFACTS, 'alerts-referred.png') });
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
  });

  it('when a data manager opens the rules screen, then the defaults are listed, a new rule is added and one is switched off', async () => {
    const manager = await makeUser(ui.db, 'data_manager', 'rules');
    const { page: other } = await ui.open('/', { viewport: VIEWPORT });
    await signIn(other, manager);
    await other.locator('#alerts-button').click({ timeout: 60_000 });
    await other.locator('#alerts-rules').click();
    const rows = other.locator('#alert-rules tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(3);
    const form = other.locator('#alert-rule-form');
    await form.getByLabel('Name').fill('Eritrean nationals at Nakonde (C1)');
    await form.getByLabel('Measure').selectOption('nationality');
    await form.getByLabel('Value').fill('ERI');
    await form.locator('select[name=scope]').selectOption('corridor');
    await form.getByLabel('Point, corridor or district code').fill('nakonde');
    await form.getByLabel('Detector').selectOption('C1');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(4);
    await other.getByLabel('Rule Any group with trafficking indicators enabled').uncheck();
    await expect.poll(async () => (await ui.db.query<{ enabled: boolean }>('SELECT enabled FROM alert_rules WHERE id = 2'))[0]?.enabled, { timeout: 20_000 }).toBe(false);
    const [added] = await ui.db.query('SELECT measure, measure_value, scope, scope_value, detector, created_by FROM alert_rules WHERE name = $1', ['Eritrean nationals at Nakonde (C1)']);
    expect(added).toEqual({ measure: 'nationality', measure_value: 'ERI', scope: 'corridor', scope_value: 'nakonde', detector: 'C1', created_by: manager.username });
    await other.screenshot({ path: join(ARTIFACTS, 'alert-rules.png') });
  });
});
