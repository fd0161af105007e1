/** What several benchmarks share: the median, wall and CPU timing, the API on a bench database. */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApp, listeningOn } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type { Db } from '../../server/db/index.js';

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export interface Timing {
  wall: number;
  cpu: number;
}

/**
 * Median wall-clock and CPU milliseconds of `runs` calls after `warm` warm-up calls. CPU time
 * (process.cpuUsage, this process) is the figure to quote on a shared machine: wall time
 * inflates with every other busy process.
 */
export function medianTiming(runs: number, warm: number, fn: () => void): Timing {
  for (let i = 0; i < warm; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/** The app on `db`, silent, listening on a free loopback port; close `server` when done. */
export async function benchServer(db: Db, env: Record<string, string> = {}): Promise<{ server: Server; origin: string }> {
  const app = createApp({ config: loadConfig({ LOG_LEVEL: 'silent', ...env }), db, log: pino({ level: 'silent' }), schemaVersion: 'bench' });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  listeningOn(app, server);
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * The whole-number options of a bench, each `--name` read or its default; every one must be at
 * least its `min` (default 1), else the error names them all.
 */
export function wholeOptions<K extends string>(options: Record<string, string>, defaults: Record<K, number>, min: Partial<Record<K, number>> = {}): Record<K, number> {
  const keys = Object.keys(defaults) as K[];
  const values = Object.fromEntries(keys.map((k) => [k, Number(options[k] ?? defaults[k])])) as Record<K, number>;
  if (!keys.every((k) => Number.isInteger(values[k]) && values[k] >= (min[k] ?? 1))) {
    const names = keys.map((k) => `--${k}`);
    throw new Error(`${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]} take whole numbers`);
  }
  return values;
}
