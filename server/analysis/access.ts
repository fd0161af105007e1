import { distanceToPolylineM, greatCircleM, intersections, type LonLat, meets, type Polyline, type PreparedLine, prepareLine } from './access-geometry.js';

/**
 * Travel time with barriers (docs/architecture.md#analysis; issue 6). A trip A → B goes straight
 * (great circle × detour factor) when A and B are in the same country and the straight line
 * does not cross the river. Otherwise it must pass one crossing point c:
 *   metres = min_c (d(A, c) + d(c, B)),   minutes = metres × detour / speed,
 * where c is eligible when it joins the two countries (its country and facing country are
 * A's and B's) or, for a same-country trip across the river, when c lies on the river. Each
 * leg must itself stay dry except within `riverSnapM` of c (crossing points sit on a bank of a
 * rough trace). One crossing per trip: A → NAM → ZMB → BWA chains are not modelled, so such
 * pairs are unreachable (Infinity) rather than guessed.
 */

export interface AccessPoint extends LonLat {
  /** ISO3 of the country the point is in. */
  country: string;
}

export interface CrossingPoint extends AccessPoint {
  /** The country across the border; null for a crossing of the river inside one country. */
  facing: string | null;
}

export interface Barriers {
  river: Polyline;
  crossings: readonly CrossingPoint[];
  /**
   * A crossing point this close to the river is a river crossing, and a leg may meet the river
   * this close to it. Default 5 km: the trace is rough and the Sesheke pontoon sits 2 km off it,
   * so a leg from the far bank meets the trace 3–4 km from the point that marks the crossing.
   */
  riverSnapM?: number;
}

export interface TravelOptions {
  /** km/h; default 5 (walking). */
  speedKmh?: number;
  /** Straight line → path length factor; default 1.3. */
  detour?: number;
}

export const DEFAULT_SPEED_KMH = 5;
export const DEFAULT_DETOUR = 1.3;
export const DEFAULT_RIVER_SNAP_M = 5_000;

/** Barriers prepared once for many trips. */
export interface PreparedBarriers {
  river: Polyline;
  line: PreparedLine;
  crossings: readonly CrossingPoint[];
  onRiver: boolean[];
  snapM: number;
}

export function prepareBarriers(b: Barriers): PreparedBarriers {
  const snapM = b.riverSnapM ?? DEFAULT_RIVER_SNAP_M;
  const onRiver = b.crossings.map((c) => b.river.length >= 2 && distanceToPolylineM(c, b.river) <= snapM);
  return { river: b.river, line: prepareLine(b.river), crossings: b.crossings, onRiver, snapM };
}

/** True when the straight line a→b crosses (or touches) the river. */
export function crossesRiver(a: LonLat, b: LonLat, pb: PreparedBarriers): boolean {
  return meets(a, b, pb.line);
}

/** Metres of the leg p → crossing c, or Infinity when p cannot use c (wrong border, or the leg is wet away from c). */
export function legMetres(p: AccessPoint, ci: number, pb: PreparedBarriers): number {
  const c = pb.crossings[ci]!;
  if (p.country !== c.country && p.country !== c.facing) return Infinity;
  for (const x of intersections(p, c, pb.river)) if (greatCircleM(x, c) > pb.snapM) return Infinity;
  return greatCircleM(p, c);
}

/** Whether crossing ci can join a trip from country ca to country cb. */
export function eligible(ci: number, ca: string, cb: string, pb: PreparedBarriers): boolean {
  const c = pb.crossings[ci]!;
  if (ca === cb) return pb.onRiver[ci] === true;
  return (c.country === ca && c.facing === cb) || (c.country === cb && c.facing === ca);
}

export interface Trip {
  /** Path metres before the detour factor; Infinity when unreachable. */
  metres: number;
  /** Index of the crossing used, or null for a direct trip (and when unreachable). */
  via: number | null;
}

/**
 * Shortest barrier-respecting trip between two points, given their legs to every crossing.
 * Legs may be passed as a function so they are only computed when a detour is needed;
 * directM, when the caller already knows the straight distance, saves recomputing it.
 */
export function tripWithLegs(
  a: AccessPoint, b: AccessPoint, legA: ArrayLike<number> | (() => ArrayLike<number>), legB: ArrayLike<number>, pb: PreparedBarriers, directM?: number,
): Trip {
  if (a.country === b.country && !crossesRiver(a, b, pb)) return { metres: directM ?? greatCircleM(a, b), via: null };
  const la = typeof legA === 'function' ? legA() : legA;
  let best: Trip = { metres: Infinity, via: null };
  for (let ci = 0; ci < pb.crossings.length; ci++) {
    if (!eligible(ci, a.country, b.country, pb)) continue;
    const m = la[ci]! + legB[ci]!;
    if (m < best.metres) best = { metres: m, via: ci };
  }
  return best;
}

/** Legs of one point to every crossing. */
export function legsOf(p: AccessPoint, pb: PreparedBarriers): Float64Array {
  return Float64Array.from(pb.crossings, (_, ci) => legMetres(p, ci, pb));
}

export function minutesFor(metres: number, opts: TravelOptions = {}): number {
  const speed = opts.speedKmh ?? DEFAULT_SPEED_KMH;
  const detour = opts.detour ?? DEFAULT_DETOUR;
  if (!(speed > 0) || !(detour >= 1)) throw new RangeError('travel: speed must be > 0 and detour ≥ 1');
  return (metres * detour) / ((speed * 1000) / 60);
}

/**
 * Minutes from a to b respecting the barriers (Infinity when unreachable) and the crossing used.
 * @example travelTime(southBankKatima, seshekeClinic, barriers).via // index of the bridge
 */
export function travelTime(a: AccessPoint, b: AccessPoint, barriers: Barriers, opts: TravelOptions = {}): { minutes: number; via: number | null } {
  const pb = prepareBarriers(barriers);
  const t = tripWithLegs(a, b, legsOf(a, pb), legsOf(b, pb), pb);
  return { minutes: minutesFor(t.metres, opts), via: t.via };
}
