import { hasRole, type Principal } from '../auth/roles.js';

/**
 * Grid step in degrees for coarsened report locations: 0.045° is 5.0 km north–south and about
 * 4.3–4.9 km east–west at the programme's latitudes (9–18° S). Degrees rather than a metric
 * grid so one expression serves Sesheke (UTM 35S) and Nakonde (UTM 36S) alike; H3 is not
 * available inside PostGIS.
 */
export const GRID_DEGREES = 0.045;

/** A report within this distance of a monitoring point is shown at that point. */
const SNAP_METRES = 5_000;

// Column expressions come from the developer, never from a request; refuse anything else.
const COLUMN = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

export interface LocationColumns {
  /** a Point 4326 column, e.g. 'r.geom' */
  geom: string;
  /** the report's monitoring point id column, e.g. 'r.monitoring_point_id' */
  monitoringPointId?: string;
}

/**
 * SQL expression (geometry, Point 4326) for a protection report's location coarsened: the
 * report's own monitoring point, else the nearest monitoring point within 5 km, else the centre
 * of its ~5 km grid cell. Use it in the SELECT so exact points never leave the database.
 */
export function coarsenedPointSql(cols: LocationColumns): string {
  for (const c of [cols.geom, cols.monitoringPointId]) {
    if (c !== undefined && !COLUMN.test(c)) throw new Error(`not a column reference: ${JSON.stringify(c)}`);
  }
  const g = cols.geom;
  const s = GRID_DEGREES;
  const grid = `ST_SetSRID(ST_MakePoint(floor(ST_X(${g}) / ${s}) * ${s} + ${s / 2}, floor(ST_Y(${g}) / ${s}) * ${s} + ${s / 2}), 4326)`;
  const nearest = `(SELECT mp_near.geom FROM monitoring_points mp_near
    WHERE ST_DWithin(mp_near.geom::geography, ${g}::geography, ${SNAP_METRES}) ORDER BY mp_near.geom <-> ${g} LIMIT 1)`;
  const own = cols.monitoringPointId
    ? `(SELECT mp_own.geom FROM monitoring_points mp_own WHERE mp_own.id = ${cols.monitoringPointId}), `
    : '';
  return `COALESCE(${own}${nearest}, ${grid})`;
}

/** The exact location for data_manager and admin; the coarsened one for everyone else. */
export function reportLocationSql(principal: Principal, cols: LocationColumns): string {
  const coarse = coarsenedPointSql(cols); // validates the column references either way
  return hasRole(principal, 'data_manager') ? cols.geom : coarse;
}
