import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greatCircleM, intersections, meets, prepareLine } from '../../../server/analysis/access-geometry.js';
import { nearestByKind, type ServicePoint } from '../../../server/analysis/access-nearest.js';
import { type AccessPoint, type Barriers, type CrossingPoint, travelTime } from '../../../server/analysis/access.js';

// The Zambezi trace of data/geography.json around Sesheke / Katima Mulilo.
const river: [number, number][] = [[23.9, -17.2], [24.2, -17.47], [24.3, -17.49], [24.55, -17.51], [24.82, -17.54], [25.1, -17.72], [25.26, -17.79]];
const bridge: CrossingPoint = { lon: 24.28, lat: -17.48, country: 'ZMB', facing: 'NAM' };
const pontoon: CrossingPoint = { lon: 24.315, lat: -17.472, country: 'ZMB', facing: 'NAM' };
const kazungula: CrossingPoint = { lon: 25.26, lat: -17.79, country: 'ZMB', facing: 'BWA' };
const barriers: Barriers = { river, crossings: [bridge, pontoon, kazungula] };

// A point in Katima Mulilo just south of the river (the trace is at −17.484 there), and a
// Sesheke clinic 1.7 km north of it (trace at −17.49).
const katimaSouth: AccessPoint = { lon: 24.27, lat: -17.5, country: 'NAM' };
const seshekeClinic: AccessPoint = { lon: 24.3, lat: -17.475, country: 'ZMB' };

// Haversine on R = 6 371 008.8 m, worked separately (Python):
//   d(katimaSouth, seshekeClinic) = 4225.019 m (straight, across the water)
//   d(katimaSouth, bridge) = 2463.837 m, d(bridge, clinic) = 2192.886 m → 4656.723 m
//   d(katimaSouth, pontoon) = 5698.328 m, d(pontoon, clinic) = 1625.557 m → 7323.885 m
const viaBridgeM = 2463.837115435558 + 2192.885546285979;
const walk = (m: number) => (m * 1.3) / (5000 / 60);

describe('travelTime with the river and border as barriers', () => {
  it('when great-circle distance is asked, then one degree of latitude is 111 195 m', () => {
    expect(greatCircleM({ lon: 0, lat: 0 }, { lon: 0, lat: 1 })).toBeCloseTo(111_195.08, 1);
    expect(greatCircleM(katimaSouth, seshekeClinic)).toBeCloseTo(4225.019, 2);
  });

  it('when a point south of the river at Katima Mulilo walks to a Sesheke clinic, then it goes over the bridge, not across the water', () => {
    expect(intersections(katimaSouth, seshekeClinic, river)).toHaveLength(1);
    const t = travelTime(katimaSouth, seshekeClinic, barriers);
    expect(t.via).toBe(0); // the bridge: shorter than the pontoon (7323.9 m)
    expect(t.minutes).toBeCloseTo(walk(viaBridgeM), 6); // 72.645 min
    expect(t.minutes).toBeGreaterThan(walk(4225.019)); // the straight line would have been 65.9 min
  });

  it('when both ends are on the Zambian bank, then the trip is the straight line × 1.3 at 5 km/h', () => {
    const market: AccessPoint = { lon: 24.32, lat: -17.46, country: 'ZMB' };
    const t = travelTime(market, seshekeClinic, barriers);
    expect(t.via).toBeNull();
    expect(t.minutes).toBeCloseTo(walk(greatCircleM(market, seshekeClinic)), 9);
  });

  it('when only a crossing to another country exists, then the trip is unreachable rather than guessed', () => {
    const t = travelTime(katimaSouth, seshekeClinic, { river, crossings: [kazungula] });
    expect(t.minutes).toBe(Infinity);
    expect(t.via).toBeNull();
  });

  it('when the bridge is removed, then the pontoon is used with its longer detour', () => {
    const t = travelTime(katimaSouth, seshekeClinic, { river, crossings: [pontoon] });
    expect(t.via).toBe(0);
    expect(t.minutes).toBeCloseTo(walk(5698.327578720436 + 1625.5574314076841), 6);
  });

  it('when a leg would meet the river away from its crossing point, then that crossing cannot be used', () => {
    // The pontoon point sits 2 km north of the trace; the leg from the south bank meets the trace
    // about 3.5 km from it: allowed with the default 5 km snap, refused with 1 km.
    expect(travelTime(katimaSouth, seshekeClinic, { river, crossings: [pontoon], riverSnapM: 1_000 }).minutes).toBe(Infinity);
  });

  it('when two countries share a land border (Nakonde–Tunduma), then the trip goes through the border post', () => {
    const osbp: CrossingPoint = { lon: 32.758, lat: -9.318, country: 'ZMB', facing: 'TZA' };
    const nakonde: AccessPoint = { lon: 32.74, lat: -9.34, country: 'ZMB' };
    const tunduma: AccessPoint = { lon: 32.77, lat: -9.3, country: 'TZA' };
    const t = travelTime(nakonde, tunduma, { river, crossings: [osbp] });
    expect(t.via).toBe(0);
    expect(t.minutes).toBeCloseTo(walk(greatCircleM(nakonde, osbp) + greatCircleM(osbp, tunduma)), 9);
  });

  it('when motorised at 40 km/h, then the same trip takes 1/8 of the walking time', () => {
    const walking = travelTime(katimaSouth, seshekeClinic, barriers).minutes;
    expect(travelTime(katimaSouth, seshekeClinic, barriers, { speedKmh: 40 }).minutes).toBeCloseTo(walking / 8, 9);
  });
});

describe('meets', () => {
  it('when random segments are tested against the river, then meets agrees with intersections', () => {
    const line = prepareLine(river);
    const pt = fc.record({ lon: fc.double({ min: 23.8, max: 25.4, noNaN: true }), lat: fc.double({ min: -17.9, max: -17.1, noNaN: true }) });
    fc.assert(fc.property(pt, pt, (a, b) => meets(a, b, line) === intersections(a, b, river).length > 0), { numRuns: 2000, seed: 3 });
  });
});

describe('nearestByKind', () => {
  const clinicFar: ServicePoint = { lon: 24.4, lat: -17.45, country: 'ZMB', kind: 'health' };
  const vsu: ServicePoint = { lon: 24.29, lat: -17.47, country: 'ZMB', kind: 'police_vsu' };

  it('when a service is moved closer, then that point’s travel time falls', () => {
    const far = nearestByKind([katimaSouth], [clinicFar, vsu], ['health', 'police_vsu'], barriers);
    const nearer = { ...clinicFar, lon: 24.3, lat: -17.475 };
    const near = nearestByKind([katimaSouth], [nearer, vsu], ['health', 'police_vsu'], barriers);
    expect(near.get('health')!.minutes[0]!).toBeLessThan(far.get('health')!.minutes[0]!);
    expect(near.get('health')!.minutes[0]!).toBeCloseTo(walk(viaBridgeM), 6);
    expect(near.get('police_vsu')!.minutes[0]).toBe(far.get('police_vsu')!.minutes[0]);
  });

  it('when the straight-line nearest service is across the river, then a farther one on the same bank can win', () => {
    const acrossRiver: ServicePoint = { lon: 24.27, lat: -17.47, country: 'ZMB', kind: 'health' }; // 3.34 km straight, 4.0 km via the bridge
    const sameBank: ServicePoint = { lon: 24.24, lat: -17.51, country: 'NAM', kind: 'health' }; // 3.37 km straight, no crossing
    const r = nearestByKind([katimaSouth], [acrossRiver, sameBank], ['health'], barriers).get('health')!;
    expect(r.service[0]).toBe(1);
    expect(r.via[0]).toBe(-1);
  });

  it('when a kind has no services, then every point reads Infinity and service −1', () => {
    const r = nearestByKind([katimaSouth], [vsu], ['shelter'], barriers).get('shelter')!;
    expect(r.minutes[0]).toBe(Infinity);
    expect(r.service[0]).toBe(-1);
  });

  it('when compared with checking every service, then the pruned search finds the same minimum', () => {
    const country = (lat: number, lon: number) => (lat > -17.2 - 0.2 * (lon - 23.9) ? 'ZMB' : 'NAM'); // rough, either side of the trace
    const pt = fc.record({ lon: fc.double({ min: 24.0, max: 24.9, noNaN: true }), lat: fc.double({ min: -17.8, max: -17.2, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(pt, { minLength: 1, maxLength: 6 }), fc.array(pt, { minLength: 1, maxLength: 12 }), (ds, ss) => {
        const demand = ds.map((p) => ({ ...p, country: country(p.lat, p.lon) }));
        const services = ss.map((p) => ({ ...p, country: country(p.lat, p.lon), kind: 'health' }));
        const got = nearestByKind(demand, services, ['health'], barriers).get('health')!;
        demand.forEach((d, i) => {
          const brute = Math.min(...services.map((s) => travelTime(d, s, barriers).minutes));
          if (brute === Infinity) expect(got.minutes[i]).toBe(Infinity);
          else expect(got.minutes[i]).toBeCloseTo(brute, 9);
        });
      }),
      { numRuns: 200, seed: 6 },
    );
  });
});
