import { hasRole, type Principal } from '../auth/roles.js';

/**
 * Grid step in degrees of the awareness survey's coarsened cluster centres (server/awareness/sql.ts):
 * 0.045° is 5.0 km north–south. Protection reports use H3 cells instead (below).
 */
export const GRID_DEGREES = 0.045;

/**
 * H3 resolution of coarsened report locations (config REPORTS_H3_RES, default 6 ≈ 36 km² a
 * cell: at least as coarse as the ~5 km square grid with snapping it replaced; 7 ≈ 5.2 km² is the finest allowed). Set once at start-up by createApp (server/app.ts) from the one config module, so the
 * few SQL builders that read reports need no config of their own; the value is a validated
 * integer, never a request's.
 */
export const DEFAULT_REPORTS_H3_RES = 6;
let reportsRes = DEFAULT_REPORTS_H3_RES;

export function configureReportCells(res: number): void {
  if (!Number.isInteger(res) || res < 0 || res > 7) throw new Error(`REPORTS_H3_RES must be an integer 0…7, not ${res}`);
  reportsRes = res;
}
export const reportCellRes = (): number => reportsRes;

// Column expressions come from the developer, never from a request; refuse anything else.
const COLUMN = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

export interface LocationColumns {
  /** a Point 4326 column, e.g. 'r.geom' */
  geom: string;
  /** the report's monitoring point id column, e.g. 'r.monitoring_point_id' */
  monitoringPointId?: string;
}

/**
 * SQL expression (geometry, Point 4326) for a protection report's location coarsened: the centre
 * of the H3 cell (resolution `res`) holding the report's own monitoring point, else its point
 * (h3_cell_centre, migrations/016_report_cells.sql). Use it in the SELECT so exact points never
 * leave the database; reports then fall in the same cells as every other area aggregate.
 */
export function coarsenedPointSql(cols: LocationColumns, res = reportsRes): string {
  for (const c of [cols.geom, cols.monitoringPointId]) {
    if (c !== undefined && !COLUMN.test(c)) throw new Error(`not a column reference: ${JSON.stringify(c)}`);
  }
  if (!Number.isInteger(res) || res < 0 || res > 15) throw new Error(`not an H3 resolution: ${res}`);
  const own = cols.monitoringPointId ? `(SELECT mp_own.geom FROM monitoring_points mp_own WHERE mp_own.id = ${cols.monitoringPointId}), ` : '';
  return `h3_cell_centre(COALESCE(${own}${cols.geom}), ${res})`;
}

/** The exact location for data_manager and admin; the coarsened one for everyone else. */
export function reportLocationSql(principal: Principal, cols: LocationColumns, res = reportsRes): string {
  const coarse = coarsenedPointSql(cols, res); // validates the column references either way
  return hasRole(principal, 'data_manager') ? cols.geom : coarse;
}
