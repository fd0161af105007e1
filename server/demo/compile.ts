import type { Direction } from '../../common/vocabulary.js';
import type { Geography, GeoMonitoringPoint } from './geography.js';
import type { Choice, Endpoint, PointProfile, Reason, Stream, TransportMode } from './profiles.js';
import { Weighted } from './random.js';

const ISO3 = /^[A-Z]{3}$/;

export interface CompiledStream {
  stream: Stream;
  origin: Weighted<Endpoint>;
  prev: Weighted<Endpoint> | null;
  next: Weighted<Endpoint> | null;
  dest: Weighted<Endpoint>;
  nat: Weighted<Endpoint> | null; // null: the origin's country
  mode: Weighted<TransportMode>;
  reasons: Weighted<Reason>;
}

export interface CompiledPoint {
  profile: PointProfile;
  mp: GeoMonitoringPoint;
  informal: boolean;
  baseWeight: number; // Σ stream.w, to turn seasonal stream weights into a volume factor
  streams: CompiledStream[];
  countryOf(e: Endpoint): string;
  placeOrNull(e: Endpoint): string | null;
  directionOf(origin: Endpoint, originCountry: string, dest: Endpoint, destCountry: string): Direction;
}

/**
 * Profiles → lookup tables, checked against geography.json once, so a mistyped place code
 * fails at start rather than producing rows with a NULL where a place was meant.
 */
export function compilePoints(geo: Geography, profiles: readonly PointProfile[]): CompiledPoint[] {
  const countries = new Map(geo.places.map((p) => [p.code, p.country]));
  const countryOf = (e: Endpoint): string => {
    if (ISO3.test(e)) return e;
    const c = countries.get(e);
    if (!c) throw new Error(`demo profiles name unknown place ${e}`);
    return c;
  };
  const placeOrNull = (e: Endpoint): string | null => (ISO3.test(e) ? null : e);
  const choice = (c: Choice): Weighted<Endpoint> => {
    const w = typeof c === 'string' ? new Weighted([[c, 1]]) : Weighted.of(c);
    for (const e of w.items) countryOf(e); // throws on unknown codes
    return w;
  };
  return profiles.map((profile) => {
    const mp = geo.monitoringPoints.find((m) => m.code === profile.code);
    if (!mp) throw new Error(`demo profile for unknown monitoring point ${profile.code}`);
    const streams = profile.streams.map((stream) => ({
      stream,
      origin: choice(stream.origin),
      prev: stream.prev === undefined ? null : choice(stream.prev),
      next: stream.next === undefined ? null : choice(stream.next),
      dest: choice(stream.dest),
      nat: stream.nat === 'origin' ? null : choice(stream.nat),
      mode: Weighted.of(stream.mode),
      reasons: Weighted.of(stream.reasons),
    }));
    // A crossing (facing another country) classifies by country: into Zambia is inbound,
    // out of it outbound, foreign to foreign transit. A hub classifies by its own place.
    const directionOf = mp.facing
      ? (_o: Endpoint, oc: string, _d: Endpoint, dc: string): Direction =>
          oc !== mp.country && dc !== mp.country ? 'transit' : dc === mp.country ? 'inbound' : 'outbound'
      : (o: Endpoint, _oc: string, d: Endpoint): Direction => (d === mp.place ? 'inbound' : o === mp.place ? 'outbound' : 'transit');
    return {
      profile,
      mp,
      informal: mp.kind === 'informal_crossing',
      baseWeight: profile.streams.reduce((a, s) => a + s.w, 0),
      streams,
      countryOf,
      placeOrNull,
      directionOf,
    };
  });
}
