/**
 * Runs imports one after another in this process. Two large imports at once would hold two
 * duplicate-id sets in memory and, on the embedded engine, queue on its one connection anyway.
 */
let tail: Promise<unknown> = Promise.resolve();

export function enqueue<T>(work: () => Promise<T>): Promise<T> {
  const run = tail.then(() => work());
  // The chain itself never rejects: each caller handles its own outcome through `run`.
  tail = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}
