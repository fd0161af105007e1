import { beforeAll, expect, it } from 'vitest';
import type { AccessCell, AccessResponse } from '../../common/analysis.js';
import { plantObservations, plantPoints, plantServices } from '../helpers/plant.js';
import { describeApp } from '../helpers/suite.js';
import { itNamesTheField } from '../helpers/problem.js';

/** Haversine on the mean Earth radius, written out here rather than taken from the code under test. */
function haversineM(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}
const walkMinutes = (m: number) => (m * 1.3) / (5000 / 60);

// Katima Mulilo, just south of the Zambezi trace (−17.484 there), and a point on the Sesheke bank.
const SOUTH = { lon: 24.27, lat: -17.5, country: 'NAM', name: 'south bank (planted)' };
const NORTH = { lon: 24.31, lat: -17.46, country: 'ZMB', name: 'north bank (planted)' };
const SHELTER = { lon: 24.3, lat: -17.475, kind: 'shelter', country: 'ZMB', name: 'Sesheke planted shelter' };
// Central Province, far from every demo service: a legal aid desk 10 km east, later moved to 2 km.
const REMOTE = { lon: 27.0, lat: -14.0, name: 'remote market (planted)' };

describeApp('access on planted data, %s database', { db: 'fresh', as: 'analyst' }, ({ app, db }) => {
  let points: number[];
  let legalAid: number;
  const cellOf = (body: AccessResponse, label: string): AccessCell => body.cells.find((c) => c.label === label)!;

  beforeAll(async () => {
    await db.query(`DELETE FROM services WHERE kind = 'shelter'`); // the planted one is then the only shelter
    points = await plantPoints(db, [SOUTH, NORTH, REMOTE]);
    legalAid = (await plantServices(db, [SHELTER, { lon: 27.0927, lat: -14.0, kind: 'legal_aid', name: 'planted legal aid' }]))[1]!;
    await plantObservations(db, points.map((point, i) => ({ point, day: '2031-02-10', total: 600 + 300 * i })));
  });

  const access = async (query: string) => {
    const res = await app.get(`/api/v1/access?from=2031-02-01&to=2031-02-28&point=${points.join(',')}&${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as AccessResponse;
  };

  it('when demand sits south of the river, then it reaches the Sesheke shelter only over a crossing, with the extra distance', async () => {
    const body = await access('kind=shelter');
    const south = cellOf(body, SOUTH.name).access.shelter!;
    const north = cellOf(body, NORTH.name).access.shelter!;
    const [bridge] = await db.query<{ lon: number; lat: number; name: string }>(
      `SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat, name FROM monitoring_points WHERE code = 'mp-katima-bridge'`,
    );
    expect(south.via).toBe(bridge!.name);
    expect(south.minutes).toBeCloseTo(walkMinutes(haversineM(SOUTH, bridge!) + haversineM(bridge!, SHELTER)), 1); // ≈ 72.6 min
    expect(south.minutes!).toBeGreaterThan(walkMinutes(haversineM(SOUTH, SHELTER)) + 5); // straight across: 65.9 min
    expect(north.via).toBeNull();
    expect(north.minutes).toBeCloseTo(walkMinutes(haversineM(NORTH, SHELTER)), 1);
  });

  it('when a service is moved closer, then that cell’s travel time falls', async () => {
    const before = cellOf(await access('kind=legal_aid'), REMOTE.name).access.legal_aid!;
    await db.query(`UPDATE services SET geom = ST_SetSRID(ST_MakePoint(27.0185, -14.0), 4326) WHERE id = $1`, [legalAid]);
    const after = cellOf(await access('kind=legal_aid'), REMOTE.name).access.legal_aid!;
    expect(before.serviceId).toBe(legalAid);
    expect(after.serviceId).toBe(legalAid);
    expect(after.minutes!).toBeLessThan(before.minutes!);
    expect(after.minutes).toBeCloseTo(walkMinutes(haversineM(REMOTE, { lon: 27.0185, lat: -14.0 })), 1); // 2 km → 31 min
  });

  it('when gaps are ranked, then the formula holds and the text names the missing service and the demand', async () => {
    await db.query(`UPDATE services SET geom = ST_SetSRID(ST_MakePoint(27.0185, -14.0), 4326) WHERE id = $1`, [legalAid]);
    const body = await access('kind=shelter,legal_aid&tmax=120');
    const remote = cellOf(body, REMOTE.name);
    // 1,200 people in February (28 days) → 1,304.3 a month; the shelter is ~330 km away (I = 1).
    expect(remote.monthly).toBeCloseTo((1200 * 30.4375) / 28, 1);
    const expectedI = (1 + remote.access.legal_aid!.minutes! / 120) / 2;
    expect(remote.inaccessibility).toBeCloseTo(expectedI, 3);
    expect(remote.gap).toBeCloseTo(((1200 * 30.4375) / 28) * expectedI, 0);
    expect(body.gaps[0]).toMatchObject({ rank: 1, h3: remote.h3, drivers: ['shelter'] });
    expect(body.gaps[0]!.text, body.gaps[0]!.text).toMatch(/^remote market \(planted\): no shelter within 2 h walk of 1,304 monthly movements \(nearest: shelter \d+ h/);
    expect(body.gaps.map((g) => g.gap)).toEqual([...body.gaps.map((g) => g.gap)].sort((a, b) => b - a));
  });

  it('when motorised, then the same trip takes an eighth of the walking time', async () => {
    const walk = cellOf(await access('kind=shelter'), SOUTH.name).access.shelter!.minutes!;
    const body = await access('kind=shelter&mode=motor');
    expect(body.travel).toMatchObject({ mode: 'motor', speedKmh: 40, detour: 1.3 });
    expect(cellOf(body, SOUTH.name).access.shelter!.minutes).toBeCloseTo(walk / 8, 0);
  });

  itNamesTheField('when asked with %s, then the answer is a 400 naming %s', (query) => app.get(`/api/v1/access?${query}`), [
    ['kind=hospital', 'query.kind'],
    ['mode=fly', 'query.mode'],
    ['res=10', 'query.res'],
    ['tmax=5', 'query.tmax'],
    ['detour=0.5', 'query.detour'],
    ['measure=reports&nationality=ETH', 'query.nationality'],
  ]);
});
