import type { Direction } from '../../common/vocabulary.js';
import { demoDays, type DemoDay } from './calendar.js';
import type { Geography } from './geography.js';
import { plantedFactor, plantUac } from './events.js';
import { drawPeople, drawReasons, type People } from './group.js';
import { pointDayFactor, streamWeight, type PointProfile } from './profiles.js';
import { compilePoints, type CompiledPoint, type CompiledStream } from './compile.js';
import { deriveSeed, Rng, Weighted } from './random.js';
import { LUSAKA } from './streams-lusaka.js';
import { NAKONDE } from './streams-nakonde.js';
import { SESHEKE } from './streams-sesheke.js';

/** Movement profiles of every demo monitoring point. */
export const DEMO_PROFILES: readonly PointProfile[] = [...SESHEKE, ...NAKONDE, ...LUSAKA];

/** One observed group at a monitoring point on a day. Places are codes; the loader maps ids. */
export interface ObsRow extends People {
  n: number; // 1-based sequence: source_row_id = demo-<n, zero-padded to 8 digits>
  day: number; // index into demoDays()
  point: string;
  direction: Direction;
  origin: string | null;
  originCountry: string | null;
  previous: string | null;
  next: string | null;
  destination: string | null;
  destinationCountry: string | null;
  nationality: string | null;
  mode: string;
  reasons: string[];
}

// Day-to-day variation of a point's volume (lognormal, σ = 0.2): real counts are never smooth.
const NOISE_SIGMA = 0.2;

/**
 * Rows per (day, point), summing to exactly `rows`: each cell's expected share is its
 * weight; cumulative rounding hands out whole rows without drift, so 5,000 rows and
 * 10,000,000 rows have the same shape. Day-major order (index = day × points + point).
 */
export function allocateRows(points: readonly CompiledPoint[], days: readonly DemoDay[], rows: number, seed: number): Uint32Array {
  const rng = new Rng(deriveSeed(seed, 'volume'));
  const weights = new Float64Array(days.length * points.length);
  let sum = 0;
  days.forEach((day, d) =>
    points.forEach((p, i) => {
      const mix = p.streams.reduce((acc, s) => acc + streamWeight(s.stream, day), 0) / p.baseWeight;
      const noise = Math.exp(NOISE_SIGMA * rng.normal() - (NOISE_SIGMA * NOISE_SIGMA) / 2);
      const planted = plantedFactor(p.profile.code, day.index); // events.ts: the demo's planted alerts
      sum += weights[d * points.length + i] = p.profile.share * pointDayFactor(p.profile, day) * mix * noise * planted;
    }),
  );
  const counts = new Uint32Array(weights.length);
  let cum = 0;
  let given = 0;
  weights.forEach((w, i) => {
    cum += w;
    const upTo = i === weights.length - 1 ? rows : Math.round((cum / sum) * rows);
    counts[i] = upTo - given;
    given = upTo;
  });
  return counts;
}

/**
 * The demo observations, one row at a time, in a fixed order from one seeded stream: the
 * same (geography, profiles, rows, seed) always yields the same rows. A generator, so the
 * loader can stream 10 M rows in batches without holding them.
 */
export function* observationRows(geo: Geography, profiles: readonly PointProfile[], rows: number, seed: number): Generator<ObsRow> {
  const points = compilePoints(geo, profiles);
  const days = demoDays();
  const counts = allocateRows(points, days, rows, seed);
  const rng = new Rng(deriveSeed(seed, 'observations'));
  let n = 0;
  for (const day of days) {
    for (let i = 0; i < points.length; i++) {
      const count = counts[day.index * points.length + i] ?? 0;
      if (count === 0) continue;
      const p = points[i] as CompiledPoint;
      const mix = new Weighted(p.streams.map((s) => [s, streamWeight(s.stream, day)] as const));
      for (let k = 0; k < count; k++) yield drawRow(rng, ++n, day.index, p, mix.pick(rng));
    }
  }
}

function drawRow(rng: Rng, n: number, day: number, p: CompiledPoint, s: CompiledStream): ObsRow {
  let origin = s.origin.pick(rng);
  let destination = s.dest.pick(rng);
  let previous = s.prev ? s.prev.pick(rng) : origin;
  let next = s.next ? s.next.pick(rng) : destination;
  const nationality = s.nat ? s.nat.pick(rng) : p.countryOf(origin);
  if (rng.chance(s.stream.mirror ?? 0.5)) {
    [origin, destination, previous, next] = [destination, origin, next, previous];
  }
  const originCountry = p.countryOf(origin);
  const destinationCountry = p.countryOf(destination);
  // Monitors do not always note where a group came from last or goes next.
  const keepLegs = !rng.chance(0.03);
  const people = plantUac(rng, p.profile.code, day, drawPeople(rng, s.stream, p.informal));
  return {
    n,
    day,
    point: p.profile.code,
    direction: p.directionOf(origin, originCountry, destination, destinationCountry),
    origin: p.placeOrNull(origin),
    originCountry,
    previous: keepLegs ? p.placeOrNull(previous) : null,
    next: keepLegs ? p.placeOrNull(next) : null,
    destination: p.placeOrNull(destination),
    destinationCountry,
    nationality: p.informal && rng.chance(0.01) ? null : nationality,
    mode: s.mode.pick(rng),
    reasons: drawReasons(rng, s.reasons),
    ...people,
  };
}
