import { cellToLatLng, getResolution, latLngToCell } from 'h3-js';
import { afterEach, expect, it } from 'vitest';
import type { Principal } from '../../server/auth/roles.js';
import { loadConfig } from '../../server/config.js';
import { configureReportCells, DEFAULT_REPORTS_H3_RES } from '../../server/privacy/coarsen.js';
import { coarsenedPointSql, reportLocationSql } from '../../server/privacy/disclosure.js';
import { describeDb } from '../helpers/suite.js';

const viewer: Principal = { kind: 'token', name: 'v', role: 'viewer' };
const manager: Principal = { kind: 'token', name: 'dm', role: 'data_manager' };

/** h3-js's centre of the cell holding a point: what the SQL must give. */
const h3Centre = (lon: number, lat: number, res: number) => {
  const cell = latLngToCell(lat, lon, res);
  const [clat, clon] = cellToLatLng(cell);
  return { cell, lon: clon, lat: clat };
};

describeDb('coarsened report locations on the %s database', ({ db }) => {
  afterEach(() => configureReportCells(DEFAULT_REPORTS_H3_RES));

  const coarse = async (lon: number, lat: number, mpId: number | null = null, res?: number) => {
    const expr = coarsenedPointSql({ geom: 's.geom', monitoringPointId: 's.mp' }, res);
    const [row] = await db.query<{ lon: number; lat: number }>(
      `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ${expr} AS p
         FROM (SELECT ST_SetSRID(ST_MakePoint($1, $2), 4326) AS geom, $3::int AS mp) s) t`,
      [lon, lat, mpId],
    );
    if (!row) throw new Error('no row');
    return row;
  };

  it('when a report has no monitoring point, then it is shown at the centre of its H3 cell (default resolution 6, or the one asked for)', async () => {
    for (const res of [undefined, 7, 5]) {
      const want = h3Centre(26.0123, -14.0456, res ?? 6);
      const p = await coarse(26.0123, -14.0456, null, res);
      expect(p.lon).toBeCloseTo(want.lon, 9);
      expect(p.lat).toBeCloseTo(want.lat, 9);
      // The centre lies in the same cell, at that resolution: the cell id follows from what is published.
      expect(latLngToCell(p.lat, p.lon, res ?? 6)).toBe(want.cell);
      expect(getResolution(want.cell)).toBe(res ?? 6);
    }
  });

  it('when points anywhere in the programme area are coarsened, then SQL and h3-js agree on the cell centre', async () => {
    const pts: [number, number][] = [];
    for (let lon = 21.05; lon < 34; lon += 0.73) for (let lat = -8.1; lat > -18.5; lat -= 0.61) pts.push([lon, lat]);
    for (const res of [5, 6, 7]) {
      const rows = await db.query<{ lon: number; lat: number }>(
        `SELECT ST_X(c) AS lon, ST_Y(c) AS lat FROM (SELECT h3_cell_centre(ST_SetSRID(ST_MakePoint(x, y), 4326), $3) AS c, o
           FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS u(x, y, o)) t ORDER BY o`,
        [pts.map((p) => p[0]), pts.map((p) => p[1]), res],
      );
      const off = rows.map((r, i) => {
        const [lon, lat] = pts[i] ?? [0, 0];
        const want = h3Centre(lon, lat, res);
        return Math.max(Math.abs(r.lon - want.lon), Math.abs(r.lat - want.lat));
      });
      expect(rows).toHaveLength(pts.length);
      expect(Math.max(...off)).toBeLessThan(1e-9);
    }
  });

  it('when a report names a monitoring point, then it is shown at the centre of that point\'s cell', async () => {
    const [mp] = await db.query<{ id: number; lon: number; lat: number }>(
      `SELECT id, ST_X(geom) AS lon, ST_Y(geom) AS lat FROM monitoring_points ORDER BY id LIMIT 1`,
    );
    if (!mp) throw new Error('no monitoring points in the test data');
    const want = h3Centre(mp.lon, mp.lat, 6);
    const p = await coarse(26.0123, -14.0456, mp.id);
    expect(p.lon).toBeCloseTo(want.lon, 9);
    expect(p.lat).toBeCloseTo(want.lat, 9);
  });

  it('when a viewer reads the reports, then each comes back as its cell centre at the configured resolution, never exact; a data manager sees them exact', async () => {
    configureReportCells(6);
    const read = (p: Principal) =>
      db.query<{ lon: number; lat: number; x: number; y: number; mplon: number | null; mplat: number | null }>(
        `SELECT ST_X(l) AS lon, ST_Y(l) AS lat, ST_X(r.geom) AS x, ST_Y(r.geom) AS y, ST_X(mp.geom) AS mplon, ST_Y(mp.geom) AS mplat
         FROM (SELECT r.*, ${reportLocationSql(p, { geom: 'r.geom', monitoringPointId: 'r.monitoring_point_id' })} AS l FROM reports r) r
         LEFT JOIN monitoring_points mp ON mp.id = r.monitoring_point_id`,
      );
    const asViewer = await read(viewer);
    expect(asViewer.length).toBeGreaterThan(0);
    for (const r of asViewer) {
      expect(r.lon === r.x && r.lat === r.y).toBe(false);
      const want = r.mplon !== null && r.mplat !== null ? h3Centre(r.mplon, r.mplat, 6) : h3Centre(r.x, r.y, 6);
      expect(Math.abs(r.lon - want.lon)).toBeLessThan(1e-9);
      expect(Math.abs(r.lat - want.lat)).toBeLessThan(1e-9);
    }
    expect((await read(manager)).every((r) => r.lon === r.x && r.lat === r.y)).toBe(true);
  });
});

it('when REPORTS_H3_RES asks for cells finer than ~5 km² (resolution 8+), then start-up refuses it', () => {
  expect(() => loadConfig({ REPORTS_H3_RES: '8' })).toThrow(/REPORTS_H3_RES/);
  expect(loadConfig({ REPORTS_H3_RES: '7' }).REPORTS_H3_RES).toBe(7);
  expect(loadConfig({}).REPORTS_H3_RES).toBe(6);
  expect(() => configureReportCells(8)).toThrow(/REPORTS_H3_RES/);
});
