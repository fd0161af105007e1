import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServer } from '../../server/db/server.js';
import type { Db } from '../../server/db/index.js';
import { paths } from '../../server/paths.js';
import { writeCsv } from '../bench/import-file.js';
import { makeUser, sessionCookie } from '../helpers/auth.js';
import { adminQuery, serverDbNames, withDatabase } from '../setup/template.js';

/**
 * Stateless app servers (issue 20 §2): two real `tsx server/main.ts` processes on one fresh
 * PostgreSQL database and one UPLOAD_DIR. A session made on one works on the other; an import
 * whose process is killed with SIGKILL mid-import is finished (or failed) by the other under
 * the lease rule, never left queued or running, never half written; a brief asked of the
 * survivor renders. Short leases (JOB_LEASE_MS) keep it quick.
 */
const url = process.env.TEST_DATABASE_URL;
const TOKEN = `mp-${randomBytes(24).toString('hex')}`;
const ROWS = 150_000;

interface Proc {
  child: ChildProcess;
  url: string;
  pid: number;
}

function startServer(env: NodeJS.ProcessEnv): Promise<Proc> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(paths.root, 'server/main.ts')], {
    cwd: paths.root,
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_DATA: 'off', BCRYPT_COST: '4' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /running at (http:\/\/[^/\s]+)\//.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1], pid: child.pid! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

const auth = { authorization: `Bearer ${TOKEN}` };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

(url ? describe : describe.skip)('two Corridor processes on one server database', { timeout: 180_000 }, () => {
  const name = url ? `${serverDbNames(url).prefix}mp_${randomBytes(5).toString('hex')}` : '';
  const uploads = mkdtempSync(join(tmpdir(), 'corridor-mp-uploads-'));
  const csvDir = mkdtempSync(join(tmpdir(), 'corridor-mp-csv-'));
  let db: Db;
  const procs: Proc[] = [];

  beforeAll(async () => {
    await adminQuery(url!, `CREATE DATABASE ${name} TEMPLATE ${serverDbNames(url!).template}`);
    db = await openServer(withDatabase(url!, name), 2);
    const env = { DATABASE_URL: withDatabase(url!, name), UPLOAD_DIR: uploads, JOB_LEASE_MS: '1500', JOB_POLL_MS: '100', CORRIDOR_ADMIN_TOKEN: TOKEN };
    procs.push(await startServer(env));
    procs.push(await startServer(env));
    await writeCsv(join(csvDir, 'big.csv'), ROWS);
  }, 180_000);

  afterAll(async () => {
    for (const p of procs) p.child.kill('SIGKILL');
    await db?.close();
    if (url) await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(uploads, { recursive: true, force: true });
    rmSync(csvDir, { recursive: true, force: true });
  });

  it('when a user signs in on A, then the session works on B', async () => {
    const [a, b] = procs as [Proc, Proc];
    const user = await makeUser(db, 'analyst', 'mp');
    const login = await fetch(`${a.url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user.username, password: user.password }),
    });
    expect(login.status).toBe(200);
    const cookie = sessionCookie(login)!;
    const me = await fetch(`${b.url}/api/v1/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ name: user.username });
  });

  it('when the process running a large import is killed with SIGKILL, then the other finishes or fails it by the lease rule, nothing half written', async () => {
    const before = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observations'))[0]!.n;
    const { readFileSync } = await import('node:fs');
    const form = new FormData();
    form.set('kind', 'observations');
    form.set('dataset', 'multiprocess import');
    form.set('file', new Blob([readFileSync(join(csvDir, 'big.csv'))]), 'big.csv');
    const res = await fetch(`${procs[0]!.url}/api/v1/imports`, { method: 'POST', headers: auth, body: form });
    expect(res.status, await res.clone().text()).toBe(202);
    const { id } = (await res.json()) as { id: number };
    // Whichever process claimed it (the one it was posted to, as a rule) is killed mid-import.
    let owner: Proc | undefined;
    for (const end = Date.now() + 60_000; !owner && Date.now() < end; await sleep(20)) {
      const [job] = await db.query<{ lease_owner: string | null; status: string }>('SELECT j.lease_owner, j.status FROM jobs j JOIN imports i ON i.job_id = j.id WHERE i.id = $1', [id]);
      expect(job?.status).not.toBe('committed'); // the import must still be running when it is killed
      const pid = Number(job?.lease_owner?.split(':')[1]);
      owner = procs.find((p) => p.pid === pid);
    }
    expect(owner).toBeDefined();
    await sleep(300); // into the import's work
    owner!.child.kill('SIGKILL');
    const survivor = procs.find((p) => p !== owner)!;
    procs.splice(procs.indexOf(owner!), 1);
    let view: { status: string; message: string | null; datasetId: number | null; progress: { rowsInserted: number } } | undefined;
    for (const end = Date.now() + 120_000; Date.now() < end; await sleep(200)) {
      view = (await (await fetch(`${survivor.url}/api/v1/imports/${id}`, { headers: auth })).json()) as typeof view;
      if (view && !['queued', 'validating', 'writing'].includes(view.status)) break;
    }
    expect(['committed', 'failed']).toContain(view?.status);
    const after = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observations'))[0]!.n;
    if (view?.status === 'committed') {
      expect(view.progress.rowsInserted).toBe(ROWS);
      expect(after - before).toBe(ROWS);
    } else {
      expect(view?.message).toMatch(/nothing was written/);
      expect(after).toBe(before);
    }
    const [job] = await db.query<{ status: string; attempts: number }>('SELECT j.status, j.attempts FROM jobs j JOIN imports i ON i.job_id = j.id WHERE i.id = $1', [id]);
    expect(job?.attempts).toBeGreaterThanOrEqual(2); // the survivor took it over
    console.log(`multiprocess: import ${id} ${view?.status} after SIGKILL of its owner (attempts ${job?.attempts}): ${view?.message}`);
    // The job removes its upload just after the import's row says it ended: wait for it.
    await expect.poll(() => readdirSync(uploads).filter((f) => f.startsWith('corridor-upload-')), { timeout: 15_000 }).toEqual([]);
  });

  it('when a brief is requested on the surviving process, then it renders', async () => {
    const p = procs[0]!;
    const res = await fetch(`${p.url}/api/v1/briefs`, {
      method: 'POST', headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ view: { from: '2025-03-01', to: '2025-05-31', direction: ['inbound', 'outbound'] }, title: 'Multiprocess brief' }),
    });
    expect(res.status, res.status === 200 ? '' : await res.text()).toBe(200);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
