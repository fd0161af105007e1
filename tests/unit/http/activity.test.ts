import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { Activity } from '../../../server/http/activity.js';

/** An app whose /slow answers when `release` is called, behind the activity middleware. */
async function serve(activity: Activity): Promise<{ url: string; release: () => void; server: Server }> {
  const app = express();
  app.use(activity.middleware);
  let waiting: (() => void)[] = [];
  app.get('/slow', (_req, res) => void waiting.push(() => res.send('done')));
  app.get('/fast', (_req, res) => void res.send('ok'));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const release = () => {
    for (const w of waiting) w();
    waiting = [];
  };
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, release, server };
}

describe('background work waits for a quiet server (http/activity.ts)', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('when a request is in flight, then quiet() resolves only after it ended and the server stayed quiet', async () => {
    const activity = new Activity({ quietMs: 100, maxWaitMs: 10_000 });
    const s = await serve(activity);
    server = s.server;
    const answer = fetch(`${s.url}/slow`).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 50)); // the request is in
    let quietAt = 0;
    const quiet = activity.quiet().then(() => (quietAt = Date.now()));
    await new Promise((r) => setTimeout(r, 300));
    expect(quietAt).toBe(0); // still in flight
    const releasedAt = Date.now();
    s.release();
    expect(await answer).toBe('done');
    await quiet;
    expect(quietAt - releasedAt).toBeGreaterThanOrEqual(100);
  });

  it('when nothing has been asked, then quiet() resolves after a timer, not at once', async () => {
    const activity = new Activity({ quietMs: 100, maxWaitMs: 10_000 });
    let done = false;
    const quiet = activity.quiet().then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    await quiet;
    expect(done).toBe(true);
  });

  it('when requests keep coming, then quiet() still resolves after its longest wait', async () => {
    const activity = new Activity({ quietMs: 200, maxWaitMs: 600 });
    const s = await serve(activity);
    server = s.server;
    let stop = false;
    const load = (async () => {
      while (!stop) {
        await fetch(`${s.url}/fast`).then((r) => r.text());
        await new Promise((r) => setTimeout(r, 30));
      }
    })();
    const t0 = Date.now();
    await activity.quiet();
    const waited = Date.now() - t0;
    stop = true;
    await load;
    expect(waited).toBeGreaterThanOrEqual(600);
  });
});
