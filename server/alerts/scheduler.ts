/**
 * In-process timers for alerts: the daily evaluation of the latest day, and the delivery worker.
 * The clock and the timer are injected so tests step time by hand; timers are unref'd so they
 * never keep a process (a test run, a CLI) alive.
 */
export interface Clock {
  now(): Date;
  setTimeout(fn: () => void, ms: number): { unref?(): unknown };
  clearTimeout(handle: unknown): void;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => new Date(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** Milliseconds from `now` to the next `hour`:00 UTC (strictly after now). */
export function msUntilHour(now: Date, hour: number): number {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next.getTime() - now.getTime();
}

export interface Repeating {
  stop(): void;
}

/**
 * Runs `task` each time `delay(now)` has passed, one run at a time (the next is scheduled after
 * the previous one ends, failed or not). onError sees failures; the loop goes on.
 */
export function every(clock: Clock, delay: (now: Date) => number, task: (now: Date) => Promise<unknown>, onError: (err: unknown) => void): Repeating {
  let stopped = false;
  let handle: unknown;
  const arm = () => {
    if (stopped) return;
    const h = clock.setTimeout(() => {
      void task(clock.now())
        .catch(onError)
        .finally(arm);
    }, delay(clock.now()));
    h.unref?.();
    handle = h;
  };
  arm();
  return {
    stop() {
      stopped = true;
      clock.clearTimeout(handle);
    },
  };
}
