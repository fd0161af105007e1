import { expect, it } from 'vitest';
import type { Db } from '../../server/db/index.js';
import { INTERRUPTED, type JobHandler, Runner } from '../../server/jobs/runner.js';
import { getJob, insertJob, requestCancel } from '../../server/jobs/sql.js';
import { describeDb } from '../helpers/suite.js';
import { dailyEvaluationHandler, queueDailyEvaluation } from '../../server/alerts/daily-job.js';

/**
 * The job runner (server/jobs/) on both database kinds: claims, leases, retries and cancel.
 * Each test uses a job kind of its own, so runners of other tests never take its jobs.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

const finished = (db: Db, id: number) =>
  until(`job ${id}`, async () => {
    const j = await getJob(db, id);
    return j && !['queued', 'running'].includes(j.status) ? j : undefined;
  });

function runner(db: Db, handler: JobHandler, leaseMs = 5_000): Runner {
  const r = new Runner(db, { leaseMs, pollMs: 20 });
  r.register(handler);
  return r;
}

describeDb('background jobs on the %s database', { db: 'fresh' }, ({ db }) => {
  it('when two workers poll the same queue, then every job runs exactly once', async () => {
    const kind = 'test.twice';
    const ran: number[] = [];
    const handler = (who: string): JobHandler => ({
      kind,
      lane: 'test',
      async run({ job }) {
        ran.push(job.id);
        await sleep(5);
        return { status: 'committed', message: null, result: { who } };
      },
    });
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) ids.push((await insertJob(db, { kind, payload: { i }, createdBy: 'test' }))!);
    const a = runner(db, handler('a'));
    const b = runner(db, handler('b'));
    await Promise.all([a.start(false), b.start(false)]);
    try {
      const jobs = await Promise.all(ids.map((id) => finished(db, id)));
      expect(jobs.map((j) => j.status)).toEqual(ids.map(() => 'committed'));
      expect(jobs.map((j) => j.attempts)).toEqual(ids.map(() => 1));
      expect([...ran].sort((x, y) => x - y)).toEqual(ids);
    } finally {
      a.stop();
      b.stop();
    }
  });

  it('when a job\'s owner stops heart-beating, then after its lease another worker runs it again', async () => {
    const kind = 'test.lease';
    const id = (await insertJob(db, { kind, payload: {}, createdBy: 'test' }))!;
    // A worker that claims the job and dies (no heartbeat, no finish): as after kill -9.
    await db.query(`UPDATE jobs SET status = 'running', attempts = 1, lease_owner = 'dead:1', lease_expires = clock_timestamp() + interval '200 ms' WHERE id = $1`, [id]);
    const r = runner(db, { kind, lane: 'test', run: async ({ job }) => ({ status: 'committed', message: `attempt ${job.attempts}` }) }, 300);
    await r.start(false);
    try {
      const j = await finished(db, id);
      expect(j).toMatchObject({ status: 'committed', attempts: 2, message: 'attempt 2' });
    } finally {
      r.stop();
    }
  });

  it('when a job\'s owner died and its input is gone (or no attempts are left), then it is failed: interrupted, nothing written', async () => {
    const kind = 'test.gone';
    const noInput = (await insertJob(db, { kind, payload: { input: false }, createdBy: 'test' }))!;
    const spent = (await insertJob(db, { kind, payload: { input: true }, createdBy: 'test', maxAttempts: 1 }))!;
    await db.query(`UPDATE jobs SET status = 'running', attempts = 1, lease_owner = 'dead:1', lease_expires = clock_timestamp() - interval '1 s' WHERE id = ANY($1)`, [[noInput, spent]]);
    let ran = 0;
    const r = runner(db, {
      kind,
      lane: 'test',
      canRetry: (job) => job.payload.input === true,
      run: async () => {
        ran++;
        return { status: 'committed', message: null };
      },
    });
    await r.start(false);
    try {
      for (const id of [noInput, spent]) expect(await finished(db, id)).toMatchObject({ status: 'failed', message: INTERRUPTED });
      expect(ran).toBe(0);
    } finally {
      r.stop();
    }
  });

  it('when a queued job is cancelled, then it never runs; when a running one is, then its handler is stopped', async () => {
    const kind = 'test.cancel';
    const queued = (await insertJob(db, { kind, payload: { wait: true }, createdBy: 'test' }))!;
    expect(await requestCancel(db, queued)).toBe('cancelled');
    const running = (await insertJob(db, { kind, payload: { wait: true }, createdBy: 'test' }))!;
    let started = 0;
    const r = runner(db, {
      kind,
      lane: 'test',
      async run({ signal }) {
        started++;
        while (!signal.aborted) await sleep(10);
        signal.throwIfAborted();
        return { status: 'committed', message: 'not reached' };
      },
    }, 300);
    await r.start(false);
    try {
      await until('the job to run', async () => ((await getJob(db, running))?.status === 'running' ? true : undefined));
      expect(await requestCancel(db, running)).toBe('requested');
      expect(await finished(db, running)).toMatchObject({ status: 'cancelled' });
      expect(await getJob(db, queued)).toMatchObject({ status: 'cancelled', attempts: 0 });
      expect(started).toBe(1);
      expect(await requestCancel(db, running)).toBe('cancelled'); // already: nothing changes
    } finally {
      r.stop();
    }
  });

  it('when two processes queue the day\'s alert evaluation, then it is one job, and a runner evaluates it', async () => {
    const day = new Date('2031-02-03T02:00:00Z'); // a day no other test queues
    const id = await queueDailyEvaluation(db, day);
    expect(await queueDailyEvaluation(db, day)).toBeNull();
    const r = runner(db, dailyEvaluationHandler(db));
    await r.start(false);
    try {
      expect(await finished(db, id!)).toMatchObject({ status: 'committed', result: { raised: expect.any(Number) } });
    } finally {
      r.stop();
    }
  });

  it('when the same dedupe key is queued twice (two processes, one daily run), then one job exists', async () => {
    const a = await insertJob(db, { kind: 'test.dedupe', payload: {}, createdBy: 'test', dedupeKey: 'test.dedupe:2026-01-01' });
    const b = await insertJob(db, { kind: 'test.dedupe', payload: {}, createdBy: 'test', dedupeKey: 'test.dedupe:2026-01-01' });
    expect(a).toBeTypeOf('number');
    expect(b).toBeNull();
  });
});
