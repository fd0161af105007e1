import { createServer, connect, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { makeUser } from '../helpers/auth.js';
import { expectNoProblems, useBrowserApp, waitForMapReady, watchPage } from '../helpers/browser.js';
import { signInCookie } from '../helpers/browser.js';

/**
 * A TCP relay in front of the app that counts what the server sent: every byte of every response
 * (headers and encoded bodies), whoever asked — the page, MapLibre's worker, a service worker.
 * Chromium's own per-request counts miss worker requests, so the relay is the honest meter.
 */
async function startMeter(target: string): Promise<{ url: string; bytes: () => number; paths: Map<string, number>; close: () => Promise<void> }> {
  const { hostname, port } = new URL(target);
  let bytes = 0;
  const paths = new Map<string, number>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    let current = '';
    client.on('data', (chunk: Buffer) => {
      // Keep-alive: note the path of each request line, to attribute the bytes that follow.
      const m = /^(GET|HEAD|POST|PUT|PATCH|DELETE) (\S+)/m.exec(chunk.toString('latin1', 0, 200));
      if (m) current = m[2] ?? '';
    });
    upstream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      paths.set(current, (paths.get(current) ?? 0) + chunk.length);
    });
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bytes: () => bytes,
    paths,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const kB = (n: number): string => `${(n / 1024).toFixed(1)} kB`;

// Issue 19: field users are on weak mobile data. The first signed-in map view (1366×768,
// Chromium's own Accept-Encoding: br, gzip, …) must cost at most 1 MB on the wire.
describe('bytes on the wire for the first map view', { timeout: 240_000 }, () => {
  const ui = useBrowserApp();

  it('when a signed-in viewer opens the map, then at most 1 MB is transferred', async () => {
    const user = await makeUser(ui.db, 'viewer', 'wire');
    const meter = await startMeter(ui.app.url);
    const context = await ui.browser.newContext({ viewport: { width: 1366, height: 768 } });
    try {
      const page = await context.newPage();
      const problems = await watchPage(page, meter.url);
      await context.addCookies([{ ...(await signInCookie(ui.app.url, user)), url: meter.url }]);
      await page.goto(`${meter.url}/`);
      await waitForMapReady(page, 180_000);
      await page.screenshot({ path: '/tmp/corridor-wire-first-view.png' });
      const total = meter.bytes();
      const largest = [...meter.paths].sort((a, b) => b[1] - a[1]).slice(0, 8);
      console.info(`first map view: ${meter.paths.size} paths, ${kB(total)} from the server\n${largest.map(([p, n]) => `  ${kB(n)} ${p}`).join('\n')}`);
      expect(total).toBeLessThanOrEqual(1_000_000);
      expectNoProblems(problems);
    } finally {
      await context.close();
      await meter.close();
    }
  });
});
