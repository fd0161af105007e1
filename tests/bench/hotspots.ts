/**
 * Hotspot and access analysis at scale (issue 6): Gi* + FDR over 100,000 H3 cells, emerging
 * hot spots over 52 steps × 20,000 cells, and travel time from 50,000 demand points to 500
 * services (9 kinds) across the Zambezi barrier. Pure functions only — the database part of
 * these endpoints is a GROUP BY over a handful of sites. Median of --runs (default 3) after one
 * warm-up run.
 *
 *   npm run bench -- hotspots          (or: npx tsx tests/bench/hotspots.ts)
 *   options: --runs 3  --cells 100000  --emerging-cells 20000  --steps 52  --demand 50000  --services 500
 */
import { gridDisk, latLngToCell } from 'h3-js';
import { nearestByKind, type ServicePoint } from '../../server/analysis/access-nearest.js';
import type { CrossingPoint } from '../../server/analysis/access.js';
import { hotspotClasses } from '../../server/analysis/fdr.js';
import { giStar, h3Neighbours } from '../../server/analysis/getis-ord.js';
import { readGeography, zambeziLatAt } from '../../server/demo/geography.js';
import { SERVICE_KINDS } from '../../common/vocabulary.js';
import { analyseHotspots } from '../../server/hotspots/analyse.js';
import { analyseEmerging } from '../../server/hotspots/emerging.js';
import { ringNeighbours } from '../../server/hotspots/neighbours.js';
import { medianTiming, type Timing } from './common.js';
import type { Bench, BenchContext, BenchRow } from './run.js';
import { mulberry32 } from '../../server/analysis/coverage-instance.js';

// Seeded (mulberry32), so every run uses the same data.
const rng = mulberry32;

/** A solid hexagonal disk of at least n res-8 cells around Sesheke (3R(R+1)+1 cells). */
function diskOf(n: number): string[] {
  let r = 0;
  while (3 * r * (r + 1) + 1 < n) r++;
  return gridDisk(latLngToCell(-17.48, 24.3, 8), r).sort();
}

/** Median wall and CPU ms after one warm-up call (JIT and h3-js's WebAssembly heap). */
const time = (runs: number, fn: () => void): Timing => medianTiming(runs, 1, fn);

const row = (task: string, size: string, t: Timing, extra: BenchRow = {}): BenchRow => ({ task, size, 'wall ms': t.wall, 'cpu ms': t.cpu, ...extra });

function giStarRows(cells: number, runs: number): BenchRow[] {
  const area = diskOf(cells);
  const next = rng(1);
  const values = area.map(() => Math.floor(next() * 100));
  const size = `${area.length} cells, k = 1`;
  let neighbours: number[][] = [];
  const nb = time(runs, () => (neighbours = ringNeighbours(area, 1)));
  const nbRef = time(1, () => h3Neighbours(area, 1));
  let z: number[] = [];
  let p: number[] = [];
  const gi = time(runs, () => ({ z, p } = giStar(values, neighbours)));
  const fdr = time(runs, () => hotspotClasses(z, p));
  const whole = time(runs, () => analyseHotspots(new Map(area.map((h, i) => [h, values[i]!])), area, 1, 5));
  return [
    row('k-ring neighbours (ringNeighbours)', size, nb),
    row('k-ring neighbours (h3Neighbours, reference)', size, nbRef),
    row('Gi*', size, gi),
    row('FDR classes', size, fdr),
    row('Gi* + FDR pipeline (analyseHotspots)', size, whole),
  ];
}

function emergingRows(cells: number, steps: number, runs: number): BenchRow[] {
  const area = diskOf(cells);
  const next = rng(2);
  // Noise everywhere plus a warming patch, so classification has real work to do.
  const warm = new Set(gridDisk(area[Math.floor(area.length / 2)]!, 5));
  const series = Array.from({ length: steps }, (_, t) => new Map(area.map((h) => [h, Math.floor(next() * 50) + (warm.has(h) ? 4 * t : 0)])));
  return [row('emerging hot spots (analyseEmerging)', `${steps} steps × ${area.length} cells, k = 1`, time(runs, () => analyseEmerging(series, area, 1, null)))];
}

function accessRows(demandN: number, servicesN: number, runs: number): BenchRow[] {
  const geo = readGeography();
  const river = geo.zambezi.coordinates.map(([x, y]): [number, number] => [x, y]);
  const crossings: CrossingPoint[] = geo.monitoringPoints
    .filter((m) => m.kind === 'official_border_post' || m.kind === 'informal_crossing')
    .map((m) => ({ lon: m.lon, lat: m.lat, country: m.country, facing: m.facing ?? null }));
  // Both banks around Sesheke–Kazungula: north is Zambia, south Namibia (west of 25°) or Botswana.
  const next = rng(3);
  const place = () => {
    const lon = 23.9 + next() * 1.9;
    const lat = -18.1 + next() * 1.2;
    const north = lat > (zambeziLatAt(geo, lon) ?? -17.5);
    return { lon, lat, country: north ? 'ZMB' : lon < 25 ? 'NAM' : 'BWA' };
  };
  const demand = Array.from({ length: demandN }, place);
  const services: ServicePoint[] = Array.from({ length: servicesN }, (_, i) => ({ ...place(), kind: SERVICE_KINDS[i % SERVICE_KINDS.length]! }));
  let detoured = 0;
  const t = time(runs, () => {
    const r = nearestByKind(demand, services, SERVICE_KINDS, { river, crossings });
    detoured = [...r.values()].reduce((sum, n) => sum + n.via.filter((v) => v >= 0).length, 0);
  });
  const pairs = demandN * SERVICE_KINDS.length;
  return [row('access (nearestByKind)', `${demandN} points × ${servicesN} services, ${SERVICE_KINDS.length} kinds`, t, { 'via a crossing %': (100 * detoured) / pairs })];
}

async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const o = ctx.options;
  const runs = Number(o.runs ?? 3);
  const rows: BenchRow[] = [];
  ctx.log('Gi* + FDR…');
  rows.push(...giStarRows(Number(o.cells ?? 100_000), runs));
  ctx.log('emerging…');
  rows.push(...emergingRows(Number(o['emerging-cells'] ?? 20_000), Number(o.steps ?? 52), runs));
  ctx.log('access…');
  rows.push(...accessRows(Number(o.demand ?? 50_000), Number(o.services ?? 500), runs));
  return rows;
}

export const hotspotsBench: Bench = {
  name: 'hotspots',
  summary: 'Gi* + FDR on 100k cells, emerging 52 × 20k, access 50k × 500 with the river barrier',
  run,
};

if (process.argv[1]?.endsWith('hotspots.ts')) {
  run({ options: {}, log: (m) => console.log(`[hotspots] ${m}`) })
    .then((rows) => console.table(rows))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
