import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db, Queryable } from '../db/index.js';
import { claimJob, finishJob, heartbeat, type JobEnd, type JobRow, lockAbandoned } from './sql.js';

/** What a handler gets: its job, a signal aborted on cancel (or a lost lease), and a progress sink. */
export interface JobContext {
  job: JobRow;
  signal: AbortSignal;
  /** Saved with the next heartbeat. */
  progress(p: unknown): void;
}

export interface JobHandler {
  kind: string;
  /** Jobs of one lane run one at a time per process; lanes run side by side (a brief need not wait for an import). */
  lane: string;
  run(ctx: JobContext): Promise<JobEnd>;
  /** May a job whose owner died run again (its input is still there)? Default yes. */
  canRetry?(job: JobRow): boolean | Promise<boolean>;
  /** The job ended without its handler (owner gone, cancelled while queued): the feature's own rows follow, in `tx`. */
  ended?(tx: Queryable, job: JobRow, end: JobEnd): Promise<void>;
}

export interface RunnerOptions {
  leaseMs: number;
  pollMs: number;
  onError?: (err: unknown, job?: JobRow) => void;
}

export const INTERRUPTED = 'interrupted; nothing was written';

/**
 * Claims and runs jobs of the registered kinds, one per lane at a time. Every process runs one
 * (jobs/service.ts); the database decides who runs what, so a job queued on one process may run
 * on another, and a job whose process died is retried (or failed) once its lease runs out.
 */
export class Runner {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly busy = new Set<string>();
  private readonly local = new Map<number, AbortController>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private again = false;
  private stopped = true;

  constructor(
    private readonly db: Db,
    private readonly opts: RunnerOptions,
  ) {}

  register(h: JobHandler): void {
    this.handlers.set(h.kind, h);
  }

  /**
   * Starts polling. `recover`: every running job is orphaned (the embedded engine, which one
   * process holds at a time): their leases end now, so they are retried or failed at once.
   */
  async start(recover: boolean): Promise<void> {
    this.stopped = false;
    if (recover) await this.db.query(`UPDATE jobs SET lease_expires = clock_timestamp() - interval '1 ms' WHERE status = 'running'`);
    this.wake();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const c of this.local.values()) c.abort(new Error('the process is stopping'));
  }

  /** Poll now (a job was just queued here). */
  wake(): void {
    if (this.stopped) return;
    if (this.polling) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.polling = true;
    void this.poll()
      .catch((err: unknown) => this.opts.onError?.(err))
      .finally(() => {
        this.polling = false;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.wake();
          return;
        }
        this.timer = setTimeout(() => this.wake(), this.opts.pollMs);
        this.timer.unref();
      });
  }

  /** Aborts a job this process runs (cancel on the embedded engine, whose one connection the job may hold). */
  abortLocal(id: number): boolean {
    const c = this.local.get(id);
    c?.abort(new CancelledError());
    return c !== undefined;
  }

  private async poll(): Promise<void> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return;
    await this.failAbandoned(kinds);
    const lanes = new Set([...this.handlers.values()].map((h) => h.lane));
    for (const lane of lanes) {
      if (this.busy.has(lane)) continue;
      const laneKinds = [...this.handlers.values()].filter((h) => h.lane === lane).map((h) => h.kind);
      const job = await claimJob(this.db, laneKinds, this.owner, this.opts.leaseMs);
      if (!job) continue;
      this.busy.add(lane);
      void this.runOne(job).finally(() => {
        this.busy.delete(lane);
        this.wake();
      });
    }
  }

  /** The lease rule for jobs that may not run again: failed (or cancelled), with their feature's rows. */
  private async failAbandoned(kinds: string[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const job of await lockAbandoned(tx, kinds)) {
        const end: JobEnd = job.cancel_requested ? { status: 'cancelled', message: `cancelled; nothing was written` } : { status: 'failed', message: INTERRUPTED };
        await this.end(tx, job, null, end);
      }
    });
  }

  private async end(tx: Queryable, job: JobRow, owner: string | null, end: JobEnd): Promise<void> {
    if (await finishJob(tx, job.id, owner, end)) await this.handlers.get(job.kind)?.ended?.(tx, job, end);
  }

  private async runOne(job: JobRow): Promise<void> {
    const h = this.handlers.get(job.kind);
    if (!h) return;
    try {
      if (job.attempts > 1 && !(await (h.canRetry?.(job) ?? true))) {
        await this.db.transaction((tx) => this.end(tx, job, this.owner, { status: 'failed', message: INTERRUPTED }));
        return;
      }
      const ctl = new AbortController();
      this.local.set(job.id, ctl);
      let progress: unknown;
      const beat = this.heartbeats(job, ctl, () => progress);
      let end: JobEnd;
      try {
        end = await h.run({ job, signal: ctl.signal, progress: (p) => (progress = p) });
      } catch (err) {
        end = ctl.signal.aborted && ctl.signal.reason instanceof CancelledError
          ? { status: 'cancelled', message: 'cancelled; nothing was written' }
          : { status: 'failed', message: (err as Error).message };
        if (end.status === 'failed') this.opts.onError?.(err, job);
      } finally {
        beat.stop();
        this.local.delete(job.id);
      }
      // finishJob checks the lease is still ours: a job whose lease was lost belongs to its new owner.
      await finishJob(this.db, job.id, this.owner, end);
    } catch (err) {
      this.opts.onError?.(err, job);
    }
  }

  /** Extends the lease every third of it; a cancel request (or a lost lease) aborts the handler. */
  private heartbeats(job: JobRow, ctl: AbortController, progress: () => unknown): { stop(): void } {
    let inFlight = false;
    const timer = setInterval(() => {
      if (inFlight) return;
      inFlight = true;
      heartbeat(this.db, job.id, this.owner, this.opts.leaseMs, progress())
        .then((r) => {
          if (r === 'cancel') ctl.abort(new CancelledError());
          else if (r === false) ctl.abort(new Error('the job lease was lost to another process'));
        })
        .catch((err: unknown) => this.opts.onError?.(err, job))
        .finally(() => (inFlight = false));
    }, Math.max(50, Math.floor(this.opts.leaseMs / 3)));
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}
