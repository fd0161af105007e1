import { expect, it } from 'vitest';
import type { Principal } from '../../server/auth/roles.js';
import { coarsenedPointSql, GRID_DEGREES, reportLocationSql } from '../../server/privacy/disclosure.js';
import { describeDb } from '../helpers/suite.js';

const viewer: Principal = { kind: 'token', name: 'v', role: 'viewer' };
const manager: Principal = { kind: 'token', name: 'dm', role: 'data_manager' };

describeDb('coarsened report locations on the %s database', ({ db }) => {
  const coarse = async (lon: number, lat: number, mpId: number | null = null) => {
    const expr = coarsenedPointSql({ geom: 's.geom', monitoringPointId: 's.mp' });
    const [row] = await db.query<{ lon: number; lat: number }>(
      `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ${expr} AS p
         FROM (SELECT ST_SetSRID(ST_MakePoint($1, $2), 4326) AS geom, $3::int AS mp) s) t`,
      [lon, lat, mpId],
    );
    return row;
  };

  it('when a report is far from any monitoring point, then it is shown at the centre of its ~5 km grid cell', async () => {
    const p = await coarse(26.0123, -14.0456); // rural Central Province, no monitoring point near
    const centre = (x: number) => (Math.floor(x / GRID_DEGREES) + 0.5) * GRID_DEGREES;
    expect(p?.lon).toBeCloseTo(centre(26.0123), 9);
    expect(p?.lat).toBeCloseTo(centre(-14.0456), 9);
  });

  it('when a report lies near a monitoring point or names one, then it is shown at that point', async () => {
    const [mp] = await db.query<{ id: number; lon: number; lat: number }>(
      `SELECT id, ST_X(geom) AS lon, ST_Y(geom) AS lat FROM monitoring_points ORDER BY id LIMIT 1`,
    );
    if (!mp) throw new Error('no monitoring points in the test data');
    expect(await coarse(mp.lon + 0.01, mp.lat + 0.01)).toEqual({ lon: mp.lon, lat: mp.lat });
    expect(await coarse(26.0123, -14.0456, mp.id)).toEqual({ lon: mp.lon, lat: mp.lat });
  });

  it('when a viewer reads the reports, then no exact location leaves the database; a data manager sees them exact', async () => {
    const read = (p: Principal) =>
      db.query<{ exact: boolean }>(
        `SELECT ST_Equals(${reportLocationSql(p, { geom: 'r.geom', monitoringPointId: 'r.monitoring_point_id' })}, r.geom) AS exact
         FROM reports r`,
      );
    const asViewer = await read(viewer);
    expect(asViewer.length).toBeGreaterThan(0);
    expect(asViewer.filter((r) => r.exact).length).toBe(0);
    expect((await read(manager)).every((r) => r.exact)).toBe(true);
  });
});
