import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { type JobHandler, Runner } from './runner.js';

export { CancelledError, INTERRUPTED, type JobContext, type JobHandler } from './runner.js';
export { getJob, insertJob, type JobEnd, type JobRow, requestCancel, takeOutput } from './sql.js';

// One runner per database handle in a process (tests open several apps on one database).
const runners = new WeakMap<Db, { runner: Runner; users: number }>();

/**
 * This process's runner on `db`, started on first use with `handlers` (more are added by later
 * callers). Release it when the app closes; the last release stops it.
 */
export function useRunner(db: Db, config: Pick<Config, 'JOB_LEASE_MS' | 'JOB_POLL_MS'>, log: Logger, handlers: readonly JobHandler[]): { runner: Runner; release(): void } {
  let entry = runners.get(db);
  if (!entry) {
    const runner = new Runner(db, {
      leaseMs: config.JOB_LEASE_MS,
      pollMs: config.JOB_POLL_MS,
      onError: (err, job) => log.error({ err, job: job?.id, kind: job?.kind }, 'background job error'),
    });
    entry = { runner, users: 0 };
    runners.set(db, entry);
    for (const h of handlers) runner.register(h);
    // The embedded engine is held by one process (its lock file): every running job is this
    // process's predecessor's, whose lease need not be waited for.
    void runner.start(db.kind === 'embedded').catch((err: unknown) => log.error({ err }, 'job runner could not start'));
  } else {
    for (const h of handlers) entry.runner.register(h);
  }
  entry.users++;
  const e = entry;
  let released = false;
  return {
    runner: e.runner,
    release() {
      if (released) return;
      released = true;
      if (--e.users === 0) {
        e.runner.stop();
        runners.delete(db);
      }
    },
  };
}

/** The runner this process has on `db`, if any: to wake it after queueing, or to abort a local job. */
export function localRunner(db: Db): Runner | undefined {
  return runners.get(db)?.runner;
}
