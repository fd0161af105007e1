import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueOneTimeCode } from '../../server/auth/one-time.js';
import { POINT_COLORS } from '../../client/layers/colors.js';
import { json, makeUser, type TestUser } from '../helpers/auth.js';
import { expected401, useBrowserApp, waitForMapReady } from '../helpers/browser.js';
import { readCanvas, type ColorTarget } from './driver.js';

const SHOTS = process.env['CORRIDOR_SHOTS_DIR'] ?? '/tmp';
// Nakonde at zoom 12: where map.test.ts sees dozens of point pixels of both kinds.
const NAKONDE = '#v=-9.32,32.76,12';
const POINTS: ColorTarget[] = [
  { name: 'official', rgb: POINT_COLORS.official },
  { name: 'informal', rgb: POINT_COLORS.informal },
];
// Chromium logs every 4xx response as a console error. A 401 from /auth/me, a wrong password
// or a used link is the protocol working; anything else on the console fails the test.

// CPU-rendered WebGL on a loaded machine: budgets bound a hang, nothing asserts timing.
describe('signing in (PUBLIC_VIEWER off, the default)', { timeout: 240_000 }, () => {
  const ui = useBrowserApp({ allowConsole: expected401 });
  let admin: TestUser;
  let linkUser: TestUser;
  const header = (p: Page) => p.locator('#user-menu');
  const signInDialog = (p: Page) => p.getByRole('dialog', { name: 'Sign in to Corridor' });
  /** A new page (its own context) at Nakonde, drawn: anonymous, or signed in as `user`. */
  const openMap = async (user?: TestUser): Promise<Page> => {
    const { page } = await ui.open(`/${NAKONDE}`, { as: user });
    await waitForMapReady(page, 180_000);
    return page;
  };

  beforeAll(async () => {
    admin = await makeUser(ui.db, 'admin', 'ui');
    linkUser = await makeUser(ui.db, 'admin', 'link');
  });

  it('when an anonymous visitor opens the map, then the sign-in form is shown and no monitoring points are drawn', async () => {
    const page = await openMap();
    await expect.poll(() => signInDialog(page).isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('signin-username');
    await page.screenshot({ path: `${SHOTS}/corridor-signin.png` });
    const s = await readCanvas(page, POINTS);
    expect(s.counts['official']).toBe(0);
    expect(s.counts['informal']).toBe(0);
    expect(await header(page).getByRole('button', { name: 'Sign in' }).count()).toBe(1);
  });

  it('when the password is wrong, then the error is announced and the form stays', async () => {
    const page = await openMap();
    await page.getByLabel('Username').fill(admin.username);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).last().click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Wrong username or password.');
    expect(await signInDialog(page).isVisible()).toBe(true);
  });

  it('when the right password is given, then the header names the user and the points are drawn without a page reload', async () => {
    const page = await openMap();
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await page.getByLabel('Username').fill(admin.username);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByLabel('Password').press('Enter'); // keyboard submit
    await expect.poll(() => header(page).textContent(), { timeout: 30_000 }).toContain(`Signed in as ${admin.username}`);
    expect(await header(page).textContent()).toContain('Admin');
    expect(await signInDialog(page).isVisible()).toBe(false);
    await waitForMapReady(page, 180_000);
    const s = await readCanvas(page, POINTS);
    expect(s.counts['official']).toBeGreaterThan(40);
    expect(s.counts['informal']).toBeGreaterThan(40);
    // The flow view asked before sign-in (a 401) and asks again now.
    await expect.poll(() => page.locator('#flows-totals').innerText(), { timeout: 60_000 }).toMatch(/^[\d,]+ people in [\d,]+ flows$/);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });

  it('when the admin creates an API token, then its secret is shown once with a warning and a copy button', async () => {
    const page = await openMap(admin);
    await expect.poll(() => header(page).textContent(), { timeout: 30_000 }).toContain(`Signed in as ${admin.username}`);
    const adminChunk = (u: string): boolean => /\/assets\/admin[^/]*\.js$/.test(u);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/assets\/admin/.test(e.name)))).toBe(false);
    await header(page).getByRole('button', { name: 'Admin' }).click();
    const panel = page.getByRole('dialog', { name: 'Administration' });
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(requested.some(adminChunk)).toBe(true); // loaded on demand, not with the map
    await expect.poll(() => panel.getByRole('row', { name: new RegExp(admin.username) }).count()).toBe(1);
    await panel.getByLabel('Name', { exact: true }).fill('Nakonde import script');
    await panel.getByLabel('Role', { exact: true }).last().selectOption('data_manager');
    await panel.getByRole('button', { name: 'Create token' }).click();
    const secret = panel.getByLabel('Token secret');
    await expect.poll(() => secret.inputValue()).toMatch(/^cor_/);
    expect(await panel.getByText('It is shown only once').isVisible()).toBe(true);
    expect(await panel.getByRole('button', { name: 'Copy' }).isVisible()).toBe(true);
    await expect.poll(() => panel.getByRole('row', { name: /Nakonde import script/ }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/corridor-admin.png` });
    // The secret really works as a bearer token, with the role chosen.
    const me = await fetch(`${ui.app.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${await secret.inputValue()}` } });
    expect(((await me.json()) as { role: string }).role).toBe('data_manager');
    // Closed and opened again: the secret is gone for good.
    await panel.getByRole('button', { name: 'Close' }).click();
    await header(page).getByRole('button', { name: 'Admin' }).click();
    await expect.poll(() => panel.getByRole('row', { name: /Nakonde import script/ }).count()).toBe(1);
    expect(await page.getByLabel('Token secret').count()).toBe(0);
    await panel.getByRole('button', { name: 'Close' }).click();
  });

  it('when the one-time link is opened, then it signs in, leaves the URL and keeps the map view', async () => {
    const code = await issueOneTimeCode(ui.db, linkUser.id);
    const { page: p } = await ui.open(`/?signin=${code}${NAKONDE}`);
    await expect.poll(() => header(p).textContent(), { timeout: 60_000 }).toContain('Signed in as link-admin-');
    expect(await p.evaluate(() => location.search)).toBe('');
    expect(await p.evaluate(() => location.hash)).toContain('v=-9.32,32.76,12');
    await waitForMapReady(p, 180_000);
    expect((await readCanvas(p, POINTS)).counts['official']).toBeGreaterThan(40);
  });

  it('when the same link is used again, then it says so and offers the sign-in form', async () => {
    const code = await issueOneTimeCode(ui.db, linkUser.id);
    expect((await ui.app.anonymous.get('/api/v1/auth/one-time', json({ code }, { method: 'POST' }))).status).toBe(200); // used once
    const { page: p } = await ui.open(`/?signin=${code}${NAKONDE}`);
    await expect.poll(() => signInDialog(p).isVisible(), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => p.getByRole('alert').textContent(), { timeout: 60_000 }).toMatch(/sign-in link did not work.*unknown, used or expired/i);
    expect(await p.evaluate(() => location.search)).toBe('');
  });

  it('when the user signs out, then the points leave the map and the form comes back', async () => {
    const page = await openMap(admin);
    await expect.poll(() => header(page).textContent(), { timeout: 30_000 }).toContain(`Signed in as ${admin.username}`);
    await header(page).getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => signInDialog(page).isVisible()).toBe(true);
    await waitForMapReady(page, 120_000);
    expect((await readCanvas(page, POINTS)).counts['official']).toBe(0);
    expect(await page.locator('#flows-totals').innerText()).toBe('Sign in to see the movements.');
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    expect(me).toBe(401);
  });
});
