import type { Flow, FlowLocation } from '../../common/flows.js';

/**
 * Clustering levels for the flow map, built here rather than by flowmap.gl's own
 * (clusteringAuto merges by a fixed radius at its own zoom steps, which left Sesheke,
 * Katima Mulilo and the pontoon as overlapping circles at the region overview).
 * Pure: no DOM, no deck.gl (unit-tested).
 *
 * At each whole zoom z the heaviest location not yet taken gathers every location within
 * RADIUS_PX screen pixels of it; a group of two or more becomes a cluster at the heaviest
 * member's position, named after it ("Sesheke area (4)"). Above MAX_ZOOM nothing is merged.
 * Weights count published people only: a suppressed flow weighs nothing, so it can neither
 * name a cluster nor move one.
 */
export const MIN_ZOOM = 2;
export const MAX_ZOOM = 8;
/** Screen distance within which two ends merge: about a circle's width plus its halo. */
export const RADIUS_PX = 30;
const TILE = 512;

type Placed = FlowLocation & { lat: number; lon: number };
/** flowmap.gl's cluster shapes (@flowmap.gl/data ClusterNode, ClusterLevels), restated so the server-side typecheck of the unit tests need not resolve the package. */
export interface ClusterNode {
  id: string | number;
  zoom: number;
  lat: number;
  lon: number;
}
export type ClusterLevels = { zoom: number; nodes: ClusterNode[] }[];
export interface FlowCluster extends ClusterNode {
  name: string;
  children: string[];
}

function mercator(lon: number, lat: number, z: number): [number, number] {
  const scale = TILE * 2 ** z;
  const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  return [((lon + 180) / 360) * scale, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale];
}

/** Published people in and out of each location (suppressed flows count nothing). */
export function locationWeights(flows: readonly Flow[]): Map<string, number> {
  const w = new Map<string, number>();
  for (const f of flows) {
    if (f.count === null) continue;
    w.set(f.origin, (w.get(f.origin) ?? 0) + f.count);
    w.set(f.dest, (w.get(f.dest) ?? 0) + f.count);
  }
  return w;
}

export function clusterName(largest: string, size: number): string {
  return `${largest} area (${size})`;
}

export function buildClusterLevels(locations: readonly Placed[], flows: readonly Flow[]): ClusterLevels {
  const weight = locationWeights(flows);
  // Heaviest first; ties by id so the same data always gives the same clusters.
  const order = [...locations].sort((a, b) => (weight.get(b.id) ?? 0) - (weight.get(a.id) ?? 0) || a.id.localeCompare(b.id));
  const levels: ClusterLevels = [];
  for (let z = MIN_ZOOM; z <= MAX_ZOOM + 1; z++) {
    const nodes: (ClusterNode | FlowCluster)[] = [];
    const taken = new Set<string>();
    const px = order.map((l) => mercator(l.lon, l.lat, z));
    order.forEach((seed, i) => {
      if (taken.has(seed.id)) return;
      taken.add(seed.id);
      const members = [seed];
      if (z <= MAX_ZOOM) {
        const [sx, sy] = px[i]!;
        order.forEach((other, j) => {
          if (taken.has(other.id)) return;
          const [x, y] = px[j]!;
          if (Math.hypot(x - sx, y - sy) > RADIUS_PX) return;
          taken.add(other.id);
          members.push(other);
        });
      }
      if (members.length === 1) nodes.push({ id: seed.id, zoom: z, lat: seed.lat, lon: seed.lon });
      else nodes.push({ id: `cluster:${z}:${seed.id}`, zoom: z, lat: seed.lat, lon: seed.lon, name: clusterName(seed.name, members.length), children: members.map((m) => m.id) });
    });
    levels.push({ zoom: z, nodes });
  }
  return levels;
}

/** The level flowmap.gl draws at a map zoom (its own rule: floor, clamped to the levels). */
export function levelAt(levels: ClusterLevels, zoom: number): ClusterLevels[number] | undefined {
  const z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM + 1, Math.floor(zoom)));
  return levels.find((l) => l.zoom === z);
}

export function isFlowCluster(n: ClusterNode): n is FlowCluster {
  return 'children' in n;
}

/**
 * What one drawn line stands for: the published people on the member flows between two
 * nodes (clusters or locations), and how many member flows are suppressed. A line made only
 * of suppressed flows has count null and shows "<k": a sum of hidden counts is never shown.
 */
export function lineSummary(flows: readonly Flow[], from: readonly string[], to: readonly string[]): { count: number | null; suppressed: number; flows: number } {
  const a = new Set(from);
  const b = new Set(to);
  let count = 0;
  let published = 0;
  let suppressed = 0;
  for (const f of flows) {
    if (!a.has(f.origin) || !b.has(f.dest)) continue;
    if (f.count === null) suppressed++;
    else {
      count += f.count;
      published++;
    }
  }
  return { count: published > 0 ? count : null, suppressed, flows: published + suppressed };
}

/**
 * Published people on the lines and circles one level draws: each flow counts once through the
 * node holding each of its ends. A location missing from the level (or held twice) would change
 * the sum, so it must equal the unclustered sum (the browser test compares them).
 */
export function peopleDrawn(level: ClusterLevels[number] | null, flows: readonly Flow[]): number {
  const node = new Map<string, number>();
  level?.nodes.forEach((n, i) => (isFlowCluster(n) ? n.children : [String(n.id)]).forEach((id) => node.set(id, node.has(id) ? NaN : i)));
  let sum = 0;
  for (const f of flows) {
    if (f.count === null) continue;
    if (!level) sum += f.count;
    else if (Number.isInteger(node.get(f.origin)) && Number.isInteger(node.get(f.dest))) sum += f.count;
  }
  return sum;
}
