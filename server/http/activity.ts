import type { RequestHandler } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Requests in flight, so that background work gives way to people. The embedded engine runs
 * each statement synchronously on this process's thread: while a background step runs, no
 * request is served, not even a static file, and a step taken between the requests of one map
 * view makes the person wait for the whole step. A first start builds its rollups in steps
 * while the first map view loads (demo/seed.ts): each step waits here for a quiet server.
 */
export class Activity {
  private inFlight = 0;
  private last = 0;

  /** How long the server has to be quiet before background work takes its next step, and the most a step waits for that. */
  constructor(private readonly opts = { quietMs: 250, maxWaitMs: 3000 }) {}

  readonly middleware: RequestHandler = (_req, res, next) => {
    this.inFlight++;
    this.last = Date.now();
    res.once('close', () => {
      this.inFlight--;
      this.last = Date.now();
    });
    next();
  };

  /**
   * Resolves once no request has come or been in flight for quietMs, or after maxWaitMs
   * whatever happens (a busy server still finishes its work). It checks after a timer, never
   * at once: requests that arrived while the last step held the thread are read from their
   * sockets only then, and the next step would otherwise go ahead of them.
   */
  readonly quiet = async (): Promise<void> => {
    const until = Date.now() + this.opts.maxWaitMs;
    do await sleep(20);
    while (Date.now() < until && (this.inFlight > 0 || Date.now() - this.last < this.opts.quietMs));
  };
}
