import { rmSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { importHandler } from '../../server/ingest/job.js';
import { type ImportJob, runImport } from '../../server/ingest/run.js';
import { INTERRUPTED, Runner } from '../../server/jobs/runner.js';
import { localRunner } from '../../server/jobs/service.js';
import { fixture, getRetrying, type ImportView, postImport } from '../helpers/import.js';
import { describeApp } from '../helpers/suite.js';
import type { TestApp } from '../helpers/app.js';
import type { Db } from '../../server/db/index.js';

/**
 * Imports as background jobs (issue 20): cancel, and the two bugs of the in-memory queue. This
 * app's own runner is stopped, so an import stays queued until a test starts a runner, as a
 * process restarted after kill -9 would.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let files = 0;

/** Queues the fixture, made a new file each time (blank lines at the end) so it is never 'unchanged'. */
async function queue(app: TestApp): Promise<number> {
  const data = Buffer.concat([fixture('obs-comma.csv'), Buffer.from('\n'.repeat(++files))]);
  const res = await postImport(app, 'obs.csv', data, { kind: 'observations', mode: 'valid-rows', dataset: `jobs ${Math.random()}` });
  expect(res.status, await res.clone().text()).toBe(202);
  return ((await res.json()) as { id: number }).id;
}

const view = async (app: TestApp, id: number) => (await (await getRetrying(app, `/api/v1/imports/${id}`)).json()) as ImportView;

async function settled(app: TestApp, id: number): Promise<ImportView> {
  const end = Date.now() + 60_000;
  for (;;) {
    const v = await view(app, id);
    if (!['queued', 'validating', 'writing'].includes(v.status)) return v;
    if (Date.now() > end) throw new Error(`import ${id} still ${v.status}`);
    await sleep(50);
  }
}

/** A process that died mid-import: its job says running, held by an owner that no longer beats. */
async function killedMidImport(db: Db, importId: number): Promise<void> {
  await db.query(
    `UPDATE jobs SET status = 'running', attempts = 1, lease_owner = 'gone:1', lease_expires = clock_timestamp() - interval '1 s'
     WHERE id = (SELECT job_id FROM imports WHERE id = $1)`,
    [importId],
  );
  await db.query(`UPDATE imports SET status = 'validating', rows_read = 7 WHERE id = $1`, [importId]);
}

function restartedRunner(db: Db): Runner {
  const r = new Runner(db, { leaseMs: 5_000, pollMs: 20 });
  r.register(importHandler(db));
  return r;
}

describeApp('imports as background jobs on the %s database', { db: 'fresh', as: 'data_manager' }, ({ app, db }) => {
  beforeAll(() => localRunner(app.db)?.stop());

  it('when a queued import is cancelled, then it says cancelled, nothing is written, and it is audited; a second cancel is 409', async () => {
    const id = await queue(app);
    const res = await app.get(`/api/v1/imports/${id}/cancel`, { method: 'POST' });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ id, status: 'cancelled', datasetId: null, message: expect.stringMatching(/cancelled by .* nothing was written/) });
    const [entry] = await db.query<{ params: { importId: number } }>(`SELECT params FROM audit_log WHERE action = 'import.cancel' ORDER BY id DESC LIMIT 1`);
    expect(entry?.params.importId).toBe(id);
    const again = await app.get(`/api/v1/imports/${id}/cancel`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await again.json()).toMatchObject({ errors: [{ field: 'id' }] });
    expect((await app.get('/api/v1/imports/999999/cancel', { method: 'POST' })).status).toBe(404);
    expect((await app.as('analyst').get(`/api/v1/imports/${id}/cancel`, { method: 'POST' })).status).toBe(403);
  });

  it('when an import has waited over 10 minutes behind another, then it still reads queued (not failed) and then runs', async () => {
    const id = await queue(app);
    await db.query(`UPDATE imports SET updated_at = now() - interval '11 minutes', created_at = now() - interval '11 minutes' WHERE id = $1`, [id]);
    expect(await view(app, id)).toMatchObject({ status: 'queued', message: null });
    const r = restartedRunner(db);
    await r.start(false);
    try {
      expect(await settled(app, id)).toMatchObject({ status: 'committed' });
    } finally {
      r.stop();
    }
  });

  it('when the process running an import was killed, then after a restart it is retried from its stored upload and commits', async () => {
    const id = await queue(app);
    await killedMidImport(db, id);
    const r = restartedRunner(db);
    await r.start(false);
    try {
      const v = await settled(app, id);
      expect(v).toMatchObject({ status: 'committed', progress: { rowsInserted: expect.any(Number) } });
      // The job row ends just after the imports row (the import commits, then its runner finishes the job).
      let job: { status: string; attempts: number } | undefined;
      for (const end = Date.now() + 30_000; Date.now() < end && job?.status !== 'committed'; await sleep(25)) {
        [job] = await db.query<{ status: string; attempts: number }>('SELECT j.status, j.attempts FROM jobs j JOIN imports i ON i.job_id = j.id WHERE i.id = $1', [id]);
      }
      expect(job).toEqual({ status: 'committed', attempts: 2 });
    } finally {
      r.stop();
    }
  });

  it('when the process running an import was killed and its upload is gone, then it fails saying so, never stuck queued', async () => {
    const id = await queue(app);
    const [job] = await db.query<{ path: string }>(`SELECT j.payload->>'path' AS path FROM jobs j JOIN imports i ON i.job_id = j.id WHERE i.id = $1`, [id]);
    rmSync(job!.path);
    await killedMidImport(db, id);
    const r = restartedRunner(db);
    await r.start(true);
    try {
      expect(await settled(app, id)).toMatchObject({ status: 'failed', message: INTERRUPTED, datasetId: null });
    } finally {
      r.stop();
    }
  });

  it('when two attempts of one import run at once (a stalled owner and the one that took its lease over), then exactly one commits', async () => {
    const id = await queue(app);
    const [row] = await db.query<{ payload: ImportJob }>(`SELECT j.payload FROM jobs j JOIN imports i ON i.job_id = j.id WHERE i.id = $1`, [id]);
    const attempts = await Promise.all([runImport(db, row!.payload), runImport(db, row!.payload)]);
    const committed = attempts.filter((a) => a.status === 'committed');
    expect(committed).toHaveLength(1);
    expect(attempts.find((a) => a.status !== 'committed')).toMatchObject({ datasetId: null });
    const [n] = await db.query<{ datasets: number; rows: number }>(
      `SELECT count(DISTINCT d.id)::int AS datasets, count(o.*)::int AS rows FROM datasets d LEFT JOIN observations o ON o.dataset_id = d.id
       WHERE d.id IN (SELECT dataset_id FROM imports WHERE id = $1) OR d.name = $2`,
      [id, row!.payload.options.dataset.name],
    );
    expect(n).toEqual({ datasets: 1, rows: committed[0]!.rowsInserted });
    expect(await view(app, id)).toMatchObject({ status: 'committed', datasetId: committed[0]!.datasetId });
  });
});
