import { describe, expect, it } from 'vitest';
import { type Clock, every, msUntilHour } from '../../../server/alerts/scheduler.js';

/** A clock whose time moves only when the test says so; timers fire on advance(). */
function manualClock(start: string) {
  let now = Date.parse(start);
  let timers: { at: number; fn: () => void; unrefd: boolean }[] = [];
  const clock: Clock = {
    now: () => new Date(now),
    setTimeout(fn, ms) {
      const t = { at: now + ms, fn, unrefd: false };
      timers.push(t);
      return { unref: () => (t.unrefd = true) };
    },
    clearTimeout: () => {
      timers = [];
    },
  };
  return {
    clock,
    timers: () => timers,
    async advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
      await new Promise((r) => setImmediate(r)); // let the task and its re-arming run
    },
  };
}

describe('the alert scheduler', () => {
  it('when asked for the next 02:00 UTC, then it is later the same day before it and the next day after it', () => {
    expect(msUntilHour(new Date('2026-12-04T01:00:00Z'), 2)).toBe(3_600_000);
    expect(msUntilHour(new Date('2026-12-04T02:00:00Z'), 2)).toBe(86_400_000);
    expect(msUntilHour(new Date('2026-12-31T23:30:00Z'), 2)).toBe(2.5 * 3_600_000);
  });

  it('when the injected clock passes the hour each day, then the task runs once a day, even after a failure, and its timer never holds the process', async () => {
    const m = manualClock('2026-12-04T10:00:00Z');
    const runs: string[] = [];
    const errors: unknown[] = [];
    const job = every(m.clock, (now) => msUntilHour(now, 2), async (now) => {
      runs.push(now.toISOString());
      if (runs.length === 1) throw new Error('database busy');
    }, (err) => errors.push(err));
    expect(m.timers().every((t) => t.unrefd)).toBe(true);
    await m.advance(15 * 3_600_000); // 01:00 next day: not yet
    expect(runs).toEqual([]);
    await m.advance(3_600_000);
    expect(runs).toEqual(['2026-12-05T02:00:00.000Z']);
    expect(errors).toHaveLength(1);
    await m.advance(86_400_000);
    expect(runs).toEqual(['2026-12-05T02:00:00.000Z', '2026-12-06T02:00:00.000Z']);
    job.stop();
    await m.advance(86_400_000);
    expect(runs).toHaveLength(2);
  });
});
