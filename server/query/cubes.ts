/** What a query filters or groups on; each rollup cube holds some of these. */
export type Dim = 'point' | 'direction' | 'od' | 'nationality' | 'transport' | 'reasons' | 'vulnerabilities';

export type CubeTable =
  | 'flow_point' | 'flow_nat' | 'flow_mode' | 'flow_vuln' | 'flow_reason'
  | 'flow_od' | 'flow_od_nat' | 'flow_od_mode' | 'flow_od_vuln' | 'flow_od_reason' | 'flow_attr' | 'flow_cube';

/** Columns of each dimension, named as in observations (the masks stand for the arrays). */
export const DIM_COLUMNS: Record<Dim, readonly string[]> = {
  point: ['monitoring_point_id'],
  direction: ['direction'],
  od: ['origin_place_id', 'origin_country', 'final_destination_place_id', 'destination_country'],
  nationality: ['nationality'],
  transport: ['transport_mode'],
  reasons: ['reasons_mask'],
  vulnerabilities: ['vulnerabilities_mask'],
};

const BASE: readonly Dim[] = ['point', 'direction'];
const OD: readonly Dim[] = [...BASE, 'od'];
const ATTRS: readonly Dim[] = ['nationality', 'transport', 'reasons', 'vulnerabilities'];

export interface Cube {
  table: CubeTable;
  dims: readonly Dim[];
  columns: readonly string[];
  /**
   * Cubes with attributes store their rows ordered by (grain, this column, day) and index
   * them so (migrations 007, 008): the attribute itself, or nationality when there are several.
   */
  lead?: string;
  /**
   * Whether the cube stores day rows (migration 018). Only flow_point (daily series without
   * filters) and flow_cube do: in every other cube the days were nearly as many rows as the
   * observations themselves, so a query's day parts read flow_cube's days instead (sql.ts).
   */
  days: boolean;
}

const cube = (table: CubeTable, dims: readonly Dim[], days = false): Cube => {
  const attrs = dims.filter((d) => ATTRS.includes(d));
  const leadDim = attrs.length > 1 ? 'nationality' : attrs[0];
  const lead = leadDim ? DIM_COLUMNS[leadDim][0] : undefined;
  return { table, dims, columns: dims.flatMap((d) => DIM_COLUMNS[d]), days, ...(lead ? { lead } : {}) };
};

/**
 * The cubes of migrations/003_flows_rollup.sql and 006_flows_small_cubes.sql, smallest first
 * (rows per month with the demo data): a query reads the first that holds its dimensions.
 * flow_cube, the last, holds all.
 */
export const CUBES: readonly Cube[] = [
  cube('flow_point', BASE, true),
  cube('flow_nat', [...BASE, 'nationality']),
  cube('flow_mode', [...BASE, 'transport']),
  cube('flow_vuln', [...BASE, 'vulnerabilities']),
  cube('flow_reason', [...BASE, 'reasons']),
  cube('flow_od', OD),
  cube('flow_od_nat', [...OD, 'nationality']),
  cube('flow_od_mode', [...OD, 'transport']),
  cube('flow_od_vuln', [...OD, 'vulnerabilities']),
  cube('flow_od_reason', [...OD, 'reasons']),
  cube('flow_attr', [...BASE, ...ATTRS]),
  cube('flow_cube', [...OD, ...ATTRS], true),
];

/**
 * Build order and sources for a refresh: largest first, each from the smallest cube already
 * built that holds all its dimensions (grouping 300k rows is cheaper than grouping 3M), its
 * days (if it keeps any) from the smallest such cube that has days; flow_cube itself from
 * observations (sources null).
 */
export function buildPlan(): { cube: Cube; from: Cube | null; fromDays: Cube | null }[] {
  const built: Cube[] = [];
  return [...CUBES].reverse().map((c) => {
    const from = smallestHolding(built, c.dims);
    const fromDays = c.days ? smallestHolding(built.filter((b) => b.days), c.dims) : null;
    built.push(c);
    return { cube: c, from, fromDays };
  });
}

function smallestHolding(cubes: readonly Cube[], dims: readonly Dim[]): Cube | null {
  return cubes.filter((b) => dims.every((d) => b.dims.includes(d))).sort((a, b) => CUBES.indexOf(a) - CUBES.indexOf(b))[0] ?? null;
}

/** The cube a query on `table` reads its day parts from: itself when it keeps days. */
export function dayCube(table: CubeTable): Cube {
  const own = CUBES.find((c) => c.table === table);
  if (!own) throw new Error(`unknown cube ${table}`);
  return own.days ? own : (smallestHolding(CUBES.filter((c) => c.days), own.dims) ?? own);
}

/** Sums every cube carries; a request's count is one of them or a difference of two. */
export const MEASURES = ['obs', 'total', 'male', 'female', 'children', 'unaccompanied_children'] as const;

export function pickCube(dims: Iterable<Dim>): CubeTable {
  const need = [...dims];
  const found = CUBES.find((c) => need.every((d) => c.dims.includes(d)));
  if (!found) throw new Error(`no rollup cube holds ${need.join(', ')}`);
  return found.table;
}
