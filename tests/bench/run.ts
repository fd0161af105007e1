/**
 * `npm run bench [-- <bench…>] [--option value …]`: runs the named benchmarks (all when none
 * is named) and prints each one's rows as a table. Measures only; nothing here asserts timings.
 *
 * To add a benchmark, export a `Bench` from tests/bench/<name>.ts and list it in BENCHES.
 */
import { adminBench } from './admin.js';
import { alertsBench } from './alerts.js';
import { briefsBench } from './briefs.js';
import { firstStartBench } from './first-start.js';
import { flowsBench } from './flows.js';
import { hotspotsBench } from './hotspots.js';
import { importBench } from './import.js';
import { importWaitBench } from './import-wait.js';
import { loadBench } from './load.js';
import { recipesBench } from './import-recipes.js';
import { ogcBench } from './ogc.js';
import { outreachBench } from './outreach.js';
import { surveyBench } from './survey.js';

export type BenchRow = Record<string, string | number>;

export interface BenchContext {
  /** --name value pairs after the bench names, e.g. { rows: '1000000' }. */
  options: Record<string, string>;
  log(message: string): void;
}

export interface Bench {
  name: string;
  /** One line for `npm run bench -- --help`. */
  summary: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

const BENCHES: Bench[] = [firstStartBench, flowsBench, importBench, importWaitBench, recipesBench, hotspotsBench, outreachBench, surveyBench, ogcBench, alertsBench, adminBench, loadBench, briefsBench];

function parseArgs(argv: string[]): { names: string[]; options: Record<string, string> } {
  const names: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (!a.startsWith('--')) names.push(a);
    else if (a.includes('=')) options[a.slice(2, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
    else if (argv[i + 1] !== undefined && !argv[i + 1]?.startsWith('--')) options[a.slice(2)] = argv[++i] ?? '';
    else options[a.slice(2)] = 'true';
  }
  return { names, options };
}

/** Right-aligned numbers, left-aligned text, one header line. */
export function formatTable(rows: readonly BenchRow[]): string {
  if (rows.length === 0) return '(no rows)';
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: string | number | undefined) => (v === undefined ? '' : typeof v === 'number' ? fmt(v) : v);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: (string | number | undefined)[], header = false) =>
    vals.map((v, i) => (typeof v === 'number' && !header ? cell(v).padStart(width[i] ?? 0) : cell(v).padEnd(width[i] ?? 0))).join('  ');
  return [line(cols, true), width.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => line(cols.map((c) => r[c])))].join('\n');
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n >= 100 ? n.toFixed(0) : n.toFixed(1));

async function main(): Promise<void> {
  const { names, options } = parseArgs(process.argv.slice(2));
  if (options.help) {
    for (const b of BENCHES) console.log(`${b.name.padEnd(12)} ${b.summary}`);
    return;
  }
  const unknown = names.filter((n) => !BENCHES.some((b) => b.name === n));
  if (unknown.length) throw new Error(`unknown bench ${unknown.join(', ')}; known: ${BENCHES.map((b) => b.name).join(', ')}`);
  const chosen = names.length ? BENCHES.filter((b) => names.includes(b.name)) : BENCHES;
  for (const bench of chosen) {
    const t0 = Date.now();
    const rows = await bench.run({ options, log: (m) => console.log(`[${bench.name}] ${m}`) });
    console.log(`\n${bench.name} (${((Date.now() - t0) / 1000).toFixed(0)} s)\n${formatTable(rows)}\n`);
  }
}

// Only when run as a script: a unit test may import formatTable.
if (process.argv[1]?.endsWith('run.ts')) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
