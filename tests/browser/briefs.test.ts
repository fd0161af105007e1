import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fmt from '../../client/briefs/format.js';
import type { BriefData } from '../../common/briefs.js';
import { BASEMAP } from '../../client/layers/colors.js';
import { FLOW_COLOR } from '../../client/layers/flows.js';
import { closeBriefRenderer } from '../../server/briefs/render.js';
import { makeUser, type TestUser } from '../helpers/auth.js';
import { useBrowserApp } from '../helpers/browser.js';

const SHOTS = process.env['CORRIDOR_SHOTS_DIR'] ?? '/tmp/shots';
const VIEW = 'v=-13.2,28.6,5.4&from=2025-03-01&to=2025-05-31&dir=inbound';
const TITLE = 'Inbound movements brief';

/** A PPM (P6) image from pdftoppm: width, height and RGB bytes. */
function readPpm(file: string): { width: number; height: number; rgb: Buffer } {
  const buf = readFileSync(file);
  const header = buf.subarray(0, 50).toString('latin1').split(/\s+/);
  const [width, height, max] = [Number(header[1]), Number(header[2]), header[3] ?? ''];
  const offset = buf.indexOf(`${max}\n`, 0, 'latin1') + max.length + 1;
  return { width, height, rgb: buf.subarray(offset) };
}

function countNear(img: { rgb: Buffer }, colour: readonly number[], tol: number): number {
  let n = 0;
  for (let i = 0; i + 2 < img.rgb.length; i += 3) {
    if (Math.abs(img.rgb[i]! - colour[0]!) <= tol && Math.abs(img.rgb[i + 1]! - colour[1]!) <= tol && Math.abs(img.rgb[i + 2]! - colour[2]!) <= tol) n++;
  }
  return n;
}

describe('map brief composer in headless Chromium', { timeout: 400_000 }, () => {
  const ui = useBrowserApp({ env: { CHROMIUM_PATH: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' } });
  let user: TestUser;

  beforeAll(async () => {
    user = await makeUser(ui.db, 'viewer', 'brief');
  });
  afterAll(() => closeBriefRenderer());

  it('when a brief is composed from a filtered view, then the PDF has the title, period, API figures, map, disclaimer and notes', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const { page, problems } = await ui.open(`/#${VIEW}`, { as: user, viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    await page.locator('#brief-open').click({ timeout: 120_000 });
    const dialog = page.getByRole('dialog', { name: 'Compose a map brief' });
    await dialog.getByLabel('Title', { exact: true }).fill(TITLE);
    // The preview is the print page itself, in a frame: wait until it has drawn everything.
    const frame = page.frameLocator('iframe.brief-preview');
    await expect.poll(() => frame.locator('h1').textContent({ timeout: 120_000 }).catch(() => ''), { timeout: 180_000 }).toBe(TITLE);
    await frame.locator('.b-map[data-drawn="true"]').waitFor({ timeout: 240_000 });
    await page.screenshot({ path: join(SHOTS, 'brief-composer.png') });

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), dialog.getByRole('button', { name: 'Download PDF' }).click()]);
    const pdfPath = join(SHOTS, 'brief.pdf');
    await download.saveAs(pdfPath);
    expect(download.suggestedFilename()).toMatch(/^corridor-brief-2025-03-01-2025-05-31.*\.pdf$/);

    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 841(\.\d+)? pts \(A4\)/);
    const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

    // The same numbers the API gives for this view (export disclosure control).
    const api = (await (await ui.app.as('viewer').get('/api/v1/briefs/data?from=2025-03-01&to=2025-05-31&direction=inbound')).json()) as BriefData;
    const k = api.disclosure.k;
    expect(api.figures.total).not.toBeNull();
    expect(text).toContain(TITLE);
    expect(text).toContain(`Period: ${fmt.span(api.period)} (${api.period.days} days)`);
    for (const figure of [fmt.count(api.figures.total, k), fmt.average(api.figures.dailyAverage), fmt.change(api.figures.change), fmt.share(api.figures.femaleShare), fmt.share(api.figures.childrenShare), fmt.count(api.figures.unaccompanied, k)]) {
      expect(text).toContain(figure);
    }
    expect(text).toContain(`${fmt.share(api.figures.inboundShare)} / ${fmt.share(api.figures.outboundShare)}`);
    expect(text).toMatch(/do not imply official endorsement or acceptance/);
    expect(text).toContain(`shown as "<${k}"`);
    expect(text).toMatch(/suppressed/);
    expect(text.toLowerCase()).toContain('synthetic demo data');
    expect(text).toContain('Sources:');

    // One raster in the page, the map, at ≥ 200 dpi at print size; text and charts are vector.
    const images = execFileSync('pdfimages', ['-list', pdfPath], { encoding: 'utf8' }).trim().split('\n').slice(2).map((l) => l.trim().split(/\s+/));
    expect(images).toHaveLength(1);
    expect(Number(images[0]?.[12])).toBeGreaterThanOrEqual(200); // x-ppi
    expect(execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' })).toMatch(/DejaVuSans|LiberationSans|Arial/);

    // The map is an image in the page: render the page and look for the basemap and flow colours.
    execFileSync('pdftoppm', ['-r', '110', '-png', '-singlefile', pdfPath, join(SHOTS, 'brief-page')]);
    execFileSync('pdftoppm', ['-r', '110', '-singlefile', pdfPath, join(SHOTS, 'brief-page')]);
    const img = readPpm(join(SHOTS, 'brief-page.ppm'));
    const total = img.width * img.height;
    const basemap = countNear(img, BASEMAP.water, 12) + countNear(img, BASEMAP.land, 6) + countNear(img, BASEMAP.focusLand, 3);
    expect(basemap / total).toBeGreaterThan(0.08);
    expect(countNear(img, FLOW_COLOR, 30)).toBeGreaterThan(500);
    expect(problems.cspViolations).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });
});
