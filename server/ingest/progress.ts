import type { Progress } from './jobs.js';

const WIDTH = 30;

/** One line of the CLI's progress bar: `[#########.....]  31% validating  310,000 read  309,990 valid`. */
export function progressLine(p: Progress): string {
  const pct = Math.max(0, Math.min(100, Math.floor(p.percent)));
  const filled = Math.round((pct / 100) * WIDTH);
  const n = (x: number) => x.toLocaleString('en');
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(pct).padStart(3)}%`;
  const written = p.status === 'writing' || p.status === 'committed' ? `  ${n(p.rowsInserted)} written` : '';
  return `${bar} ${p.status.padEnd(10)} ${n(p.rowsRead)} read  ${n(p.rowsValid)} valid  ${n(p.rowsRejected)} rejected${written}`;
}
