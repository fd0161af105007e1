import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import {
  type BudgetInstance,
  type CoverageInstance,
  type CoverageResult,
  type SolveOptions,
  solveBudgetCoverage,
  solveMaxCoverage,
} from '../analysis/coverage.js';
import { HttpError } from '../http/problem.js';

/**
 * Runs MCLP solves for the API. Greedy takes milliseconds and runs in-process. Exact (HiGHS)
 * runs synchronously in WebAssembly for up to its time limit, so it runs in one long-lived
 * worker thread, one solve at a time; a solve that does not return by its limit plus
 * GRACE_MS gets the worker terminated and the greedy answer instead (noted in the result).
 */
export type SolveJob =
  | { id: number; kind: 'count'; instance: CoverageInstance; options: SolveOptions }
  | { id: number; kind: 'budget'; instance: BudgetInstance; options: SolveOptions };
export type SolveReply = { id: number; ok: true; result: CoverageResult } | { id: number; ok: false; message: string };
type Job = SolveJob extends infer J ? (J extends SolveJob ? Omit<J, 'id'> : never) : never;

export interface SolveOutcome {
  result: CoverageResult;
  ms: number;
  thread: 'main' | 'worker';
  /** Why the exact answer was replaced by greedy, when it was. */
  fallback?: string;
}

/** Worker start-up (~1.5 s tsx + ~1 s HiGHS on first use), LP parsing and HiGHS overrunning its clock. */
export const GRACE_MS = 15_000;
/** Exact solves waiting for the worker; beyond this a request is told to come back later. */
export const MAX_WAITING = 4;

let worker: Worker | undefined;
let nextId = 1;
let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;
const pending = new Map<number, (reply: SolveReply) => void>();

// Under tsx (npm start, vitest) the worker is a .ts file: Node 20 ignores `--import tsx` in a
// worker's execArgv, so the worker registers tsx itself through tsImport before loading it.
function spawn(): Worker {
  const entry = new URL(`./solve-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;
  let w: Worker;
  if (entry.endsWith('.ts')) {
    const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
    const code = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
    w = new Worker(code, { eval: true });
  } else {
    w = new Worker(new URL(entry));
  }
  w.unref(); // an idle solver thread must not keep the process (or a test run) alive
  w.on('message', (reply: SolveReply) => {
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
  });
  const fail = (message: string) => {
    if (worker === w) worker = undefined;
    for (const [id, resolve] of pending) resolve({ id, ok: false, message });
    pending.clear();
  };
  w.on('error', (err) => fail(`solver thread failed: ${err.message}`));
  w.on('exit', (code) => fail(`solver thread exited (${code})`));
  return w;
}

function inWorker(job: Job, limitMs: number): Promise<SolveReply> {
  worker ??= spawn();
  const w = worker;
  const id = nextId++;
  return new Promise<SolveReply>((resolve) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      if (worker === w) worker = undefined;
      void w.terminate();
      resolve({ id, ok: false, message: `no answer within ${limitMs + GRACE_MS} ms` });
    }, limitMs + GRACE_MS);
    pending.set(id, (reply) => {
      clearTimeout(timer);
      resolve(reply);
    });
    w.postMessage({ ...job, id });
  });
}

function inProcess(job: Job): Promise<CoverageResult> {
  const options = { ...job.options, method: 'greedy' as const };
  return job.kind === 'count' ? solveMaxCoverage(job.instance, options) : solveBudgetCoverage(job.instance, options);
}

export async function solve(job: Job): Promise<SolveOutcome> {
  const t0 = performance.now();
  if (job.options.method !== 'exact') return { result: await inProcess(job), ms: performance.now() - t0, thread: 'main' };
  if (waiting >= MAX_WAITING) throw new HttpError(503, 'Solver busy', 'too many exact solves are waiting; try again shortly or use method greedy');
  waiting++;
  const turn = queue.then(() => inWorker(job, job.options.timeLimitMs ?? 0));
  queue = turn.catch(() => undefined);
  try {
    const reply = await turn;
    if (reply.ok) return { result: reply.result, ms: performance.now() - t0, thread: 'worker' };
    return { result: await inProcess(job), ms: performance.now() - t0, thread: 'main', fallback: `exact solve failed (${reply.message}); greedy answer shown` };
  } finally {
    waiting--;
  }
}

/**
 * Starts the solver thread and has it load HiGHS, without waiting: the first exact solve then
 * skips seconds of start-up. Called on any plan request (planners run greedy before exact).
 * The warm-up instance is one greedy cannot certify, so HiGHS really loads.
 */
export function warmSolver(): void {
  if (worker) return;
  worker = spawn();
  const warmUp: SolveJob = { id: 0, kind: 'count', instance: { weights: [5, 3, 4, 6], covers: [[0, 1], [1, 2], [2], [3]], p: 2 }, options: { method: 'exact' } };
  worker.postMessage(warmUp);
}
