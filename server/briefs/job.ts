import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Db } from '../db/index.js';
import { HttpError } from '../http/problem.js';
import { getJob, insertJob, type JobEnd, type JobHandler, type JobRow, localRunner, requestCancel, takeOutput } from '../jobs/service.js';
import { chromiumPath, type RenderJob, renderBrief } from './render.js';

/**
 * Brief renders as background jobs (issue 20): the request queues a job and waits for it, and
 * whichever process is free renders it on its own warm print page. A render is not lost with a
 * process: its lease runs out and another process renders it again while the caller still waits.
 * The payload holds the brief's figures (computed under the caller's role), so the row goes as
 * soon as the caller has the file; rows whose caller died are swept when the next brief queues.
 */
export const BRIEF_JOB = 'brief';

export type BriefJob = Omit<RenderJob, 'origin'>;

/** How long a caller waits for its brief: the print page's own ready limit (120 s) plus a queue. */
const WAIT_MS = 240_000;
const POLL_MS = 100;

/** The handler of the process listening on `server`: the print page loads from its own origin. */
export function briefHandler(server: Server, configuredChromium: string | undefined): JobHandler {
  const a = server.address() as AddressInfo;
  // A server on every interface (0.0.0.0, ::) is reached by its own browser through loopback.
  const host = a.address === '0.0.0.0' || a.address === '::' ? '127.0.0.1' : a.address.replace(/^::ffff:/, '');
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${a.port}`;
  return {
    kind: BRIEF_JOB,
    lane: 'brief',
    async run({ job }): Promise<JobEnd> {
      const file = await renderBrief(chromiumPath(configuredChromium), { ...(job.payload as unknown as BriefJob), origin });
      return { status: 'committed', message: `${file.length} bytes`, output: file };
    },
  };
}

/** Queues a render and waits for its file (504 when it does not come; the job is cancelled then). */
export async function renderByJob(db: Db, brief: BriefJob, createdBy: string): Promise<Buffer> {
  const id = await db.transaction(async (tx) => {
    await tx.query(`DELETE FROM jobs WHERE kind = $1 AND finished_at < now() - interval '10 minutes'`, [BRIEF_JOB]);
    return insertJob(tx, { kind: BRIEF_JOB, payload: brief, createdBy, maxAttempts: 2 });
  });
  if (id === null) throw new Error('the brief job was not queued');
  localRunner(db)?.wake();
  try {
    const deadline = Date.now() + WAIT_MS;
    for (let job = await getJob(db, id); ; job = await getJob(db, id)) {
      if (!job) throw new HttpError(500, 'Brief rendering failed', `brief job ${id} is gone`);
      if (job.status === 'committed') {
        const file = await takeOutput(db, id);
        if (!file) throw new HttpError(500, 'Brief rendering failed', `brief job ${id} has no file`);
        return file;
      }
      if (job.status === 'failed' || job.status === 'cancelled') throw renderFailed(job);
      if (Date.now() > deadline) {
        await requestCancel(db, id);
        throw new HttpError(504, 'Brief rendering timed out', `no process rendered the brief within ${WAIT_MS / 1000} s; try again`);
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } finally {
    await db.query('DELETE FROM jobs WHERE id = $1 AND status <> $2', [id, 'running']).catch(() => undefined);
  }
}

function renderFailed(job: JobRow): HttpError {
  // A render that failed for want of Chromium on the process that took it is a 503, as in the route.
  const unavailable = /headless Chromium|CHROMIUM_PATH/.test(job.message ?? '');
  return new HttpError(unavailable ? 503 : 500, unavailable ? 'Brief rendering unavailable' : 'Brief rendering failed', job.message ?? `brief job ${job.id} ${job.status}`);
}
