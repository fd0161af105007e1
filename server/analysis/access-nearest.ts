import { chord2ToMetres, metresToChord2, unitVector } from './access-geometry.js';
import {
  type AccessPoint, type Barriers, legsOf, minutesFor, prepareBarriers, type PreparedBarriers, type TravelOptions, type Trip,
  tripWithLegs,
} from './access.js';

export interface ServicePoint<K extends string = string> extends AccessPoint {
  kind: K;
}

/** Per demand point (same order as the input): minutes to the nearest service, which one, via which crossing. */
export interface Nearest {
  /** Infinity when no service of the kind is reachable. */
  minutes: Float64Array;
  /** Index into the services array, −1 when none is reachable. */
  service: Int32Array;
  /** Index into barriers.crossings, −1 for a direct trip or none. */
  via: Int32Array;
}

interface KindIndex {
  members: number[];
  unit: Float64Array;
  legs: Float64Array[];
}

/**
 * Travel time from every demand point to the nearest service of each kind, respecting the
 * barriers (see access.ts). Efficient for 50,000 points × 500 services: the straight great-
 * circle distance is a lower bound of every barrier path (triangle inequality), so each point
 * scans the services of a kind with a cheap squared chord (3 multiplies, same order as
 * distance), evaluates the nearest one's path, and only when that path had to detour through a
 * crossing evaluates the others whose straight distance is still below the best path found.
 * Legs from a demand point to the crossings are computed only when a detour is needed.
 */
export function nearestByKind<K extends string>(
  demand: readonly AccessPoint[],
  services: readonly ServicePoint<K>[],
  kinds: readonly K[],
  barriers: Barriers,
  opts: TravelOptions = {},
): Map<K, Nearest> {
  minutesFor(0, opts); // validates speed and detour before the work starts
  const pb = prepareBarriers(barriers);
  const index = new Map<K, KindIndex>(kinds.map((k) => [k, { members: [], unit: new Float64Array(0), legs: [] }]));
  services.forEach((s, j) => index.get(s.kind)?.members.push(j));
  for (const ix of index.values()) {
    ix.unit = unitArray(ix.members.map((j) => services[j]!));
    ix.legs = ix.members.map((j) => legsOf(services[j]!, pb));
  }
  const n = demand.length;
  const demandUnit = unitArray(demand);
  const demandLegs: (Float64Array | undefined)[] = new Array(n);
  const legsFor = (i: number) => (demandLegs[i] ??= legsOf(demand[i]!, pb));

  const out = new Map<K, Nearest>();
  for (const [kind, ix] of index) {
    const res: Nearest = { minutes: new Float64Array(n).fill(Infinity), service: new Int32Array(n).fill(-1), via: new Int32Array(n).fill(-1) };
    const c2 = new Float64Array(ix.members.length);
    for (let i = 0; i < n; i++) {
      const best = nearestOne(i, demand[i]!, demandUnit, ix, services, c2, legsFor, pb);
      if (best.j < 0) continue;
      res.minutes[i] = minutesFor(best.trip.metres, opts);
      res.service[i] = ix.members[best.j]!;
      res.via[i] = best.trip.via ?? -1;
    }
    out.set(kind, res);
  }
  return out;
}

function nearestOne(
  i: number, a: AccessPoint, demandUnit: Float64Array, ix: KindIndex, services: readonly AccessPoint[], c2: Float64Array,
  legsFor: (i: number) => Float64Array, pb: PreparedBarriers,
): { j: number; trip: Trip } {
  const m = ix.members.length;
  const ax = demandUnit[3 * i]!, ay = demandUnit[3 * i + 1]!, az = demandUnit[3 * i + 2]!;
  let j0 = -1;
  for (let j = 0; j < m; j++) {
    const dx = ix.unit[3 * j]! - ax, dy = ix.unit[3 * j + 1]! - ay, dz = ix.unit[3 * j + 2]! - az;
    c2[j] = dx * dx + dy * dy + dz * dz;
    if (j0 < 0 || c2[j]! < c2[j0]!) j0 = j;
  }
  if (j0 < 0) return { j: -1, trip: { metres: Infinity, via: null } };
  const legsA = () => legsFor(i);
  const trip = (j: number) => tripWithLegs(a, services[ix.members[j]!]!, legsA, ix.legs[j]!, pb, chord2ToMetres(c2[j]!));
  let bestJ = j0;
  let best = trip(j0);
  // A direct trip to the straight-line nearest service cannot be beaten: every other path is longer than its straight line.
  if (best.via !== null || best.metres === Infinity) {
    let bound = metresToChord2(best.metres);
    const candidates: number[] = [];
    for (let j = 0; j < m; j++) if (j !== j0 && c2[j]! < bound) candidates.push(j);
    candidates.sort((u, v) => c2[u]! - c2[v]!);
    for (const j of candidates) {
      if (c2[j]! >= bound) break;
      const t = trip(j);
      if (t.metres < best.metres) {
        best = t;
        bestJ = j;
        bound = metresToChord2(t.metres);
      }
    }
  }
  return best.metres === Infinity ? { j: -1, trip: best } : { j: bestJ, trip: best };
}

function unitArray(points: readonly AccessPoint[]): Float64Array {
  const out = new Float64Array(3 * points.length);
  points.forEach((p, i) => out.set(unitVector(p), 3 * i));
  return out;
}
