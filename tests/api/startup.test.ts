import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openEmbedded } from '../../server/db/embedded.js';
import { paths } from '../../server/paths.js';

// node --import tsx, not the tsx binary: tsx runs the script in a child process, so SIGKILL to
// tsx would leave the real server (and its database lock) alive.
const node = [process.execPath, '--import', 'tsx'] as const;
const main = join(paths.root, 'server/main.ts');

function runMain(env: NodeJS.ProcessEnv) {
  return spawnSync(node[0], [...node.slice(1), main], { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, encoding: 'utf8', timeout: 60_000 });
}

/** Starts the server (through tsx, or as `npm start` does: server/start.mjs) and resolves with its URL once it prints it. */
function startMain(env: NodeJS.ProcessEnv, how: 'tsx' | 'npm start' = 'tsx') {
  const args = how === 'tsx' ? [...node.slice(1), main] : [join(paths.root, 'server/start.mjs')];
  const child = spawn(node[0], args, { env: { ...process.env, LOG_LEVEL: 'silent', PORT: '0', ...env } });
  let out = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/\S+?)\/? /.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  return { child, url };
}

describe('start-up', () => {
  it.each([
    [{ PORT: 'eighty' }, /^corridor: cannot start: invalid PORT="eighty"/],
    [{ DATABASE_URL: 'mysql://x' }, /^corridor: cannot start: invalid DATABASE_URL/],
    [{ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, /^corridor: cannot start: cannot reach the database at 127\.0\.0\.1:1\/none/],
    [{ DEMO_DATA: 'maybe' }, /^corridor: cannot start: invalid DEMO_DATA/],
  ])('when config is %o, then start-up stops with one line', (env, message) => {
    const r = runMain(env);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  describe('with an embedded data directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-start-'));
    beforeAll(async () => {
      // Start from the prepared template rather than creating PostGIS from scratch (~15 s).
      const db = await openEmbedded({ dir, loadDataDir: new Blob([readFileSync(inject('embeddedTemplate'))]) });
      await db.close();
    });

    it('when a server holds it, then a second opener refuses, and after kill -9 committed data survives', async () => {
      // Exact counts straight from the directory (health publishes estimates only), while no server holds it.
      const count = async () => {
        const db = await openEmbedded({ dir });
        try {
          const [row] = await db.query<{ o: number; p: number }>('SELECT (SELECT count(*) FROM observations)::int AS o, (SELECT count(*) FROM places)::int AS p');
          if (!row) throw new Error('no counts');
          return row;
        } finally {
          await db.close();
        }
      };
      const before = await count();
      expect(before.o).toBeGreaterThan(0);
      const first = startMain({ DATA_DIR: dir });
      const url = await first.url;
      expect((await fetch(`${url}/api/v1/health`)).status).toBe(200);

      const second = runMain({ DATA_DIR: dir, PORT: '0' });
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(/in use by another Corridor process \(pid \d+\)/);

      first.child.kill('SIGKILL');
      await new Promise((r) => first.child.once('exit', r));

      // A process that commits and is then killed: its row must be there on reopen.
      const crash = spawn(node[0], [...node.slice(1), join(paths.root, 'tests/helpers/crash-child.ts'), dir, 'crash-1']);
      await new Promise<void>((resolve, reject) => {
        crash.stdout.on('data', (d: Buffer) => d.toString().includes('committed') && resolve());
        crash.on('exit', (code) => reject(new Error(`crash child exited ${code}`)));
      });
      crash.kill('SIGKILL');
      await new Promise((r) => crash.once('exit', r));

      const again = startMain({ DATA_DIR: dir });
      expect((await fetch(`${await again.url}/api/v1/health`)).status).toBe(200);
      again.child.kill('SIGTERM');
      await new Promise((r) => again.child.once('exit', r));
      const after = await count();
      expect(after.o).toBe(before.o);
      expect(after.p).toBe(before.p + 1);
    }, 240_000);

    it('when started as npm start does (one esbuild bundle run by node), then it serves the API, the files it reads beside its sources and the solver worker', async () => {
      const token = `start-test-${'x'.repeat(40)}`;
      const server = startMain({ DATA_DIR: dir, CORRIDOR_ADMIN_TOKEN: token }, 'npm start');
      try {
        const url = await server.url;
        expect(existsSync(join(paths.root, '.cache/server/main.js'))).toBe(true);
        expect((await fetch(`${url}/api/v1/health`)).status).toBe(200);
        expect((await fetch(`${url}/api/docs/assets/docs.js`)).status).toBe(200); // server/docs/docs.js
        expect(await (await fetch(`${url}/ogc/style.css`)).text()).toContain('system-ui'); // server/ogc/style.css
        // The exact solver runs in a worker thread: its entry is bundled beside main.js.
        const res = await fetch(`${url}/api/v1/outreach/plans`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ measure: 'movement', p: 2, method: 'exact', timeLimitMs: 20_000 }),
        });
        expect(res.status, await res.clone().text()).toBe(201);
        expect(((await res.json()) as { solver: { thread: string } }).solver.thread).toBe('worker');
      } finally {
        server.child.kill('SIGTERM');
        await new Promise((r) => server.child.once('exit', r));
      }
    }, 240_000);
  });
});
