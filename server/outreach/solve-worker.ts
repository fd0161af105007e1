/**
 * Worker-thread entry for exact MCLP solves (started by solver.ts). HiGHS runs synchronously
 * in WebAssembly and would block the event loop for the whole time limit; here it blocks only
 * this thread. The worker stays up between solves, so HiGHS and tsx load once.
 */
import { parentPort } from 'node:worker_threads';
import { solveBudgetCoverage, solveMaxCoverage } from '../analysis/coverage.js';
import type { SolveJob, SolveReply } from './solver.js';

if (!parentPort) throw new Error('solve-worker.ts must run in a worker thread');
const port = parentPort;

port.on('message', async (job: SolveJob) => {
  let reply: SolveReply;
  try {
    const result =
      job.kind === 'count'
        ? await solveMaxCoverage(job.instance, job.options)
        : await solveBudgetCoverage(job.instance, job.options);
    reply = { id: job.id, ok: true, result };
  } catch (err) {
    reply = { id: job.id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
