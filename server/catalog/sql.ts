import { boxSql } from '../db/spatial.js';
import type { CatalogFilter } from './schemas.js';

/** The admin areas a row lies in (migration 012), by P-code and name. */
const areas = (table: string) => `adm1_pcode AS "adm1Code", (SELECT a.name FROM admin_areas a WHERE a.pcode = ${table}.adm1_pcode) AS "adm1Name",
      adm2_pcode AS "adm2Code", (SELECT a.name FROM admin_areas a WHERE a.pcode = ${table}.adm2_pcode) AS "adm2Name"`;

/**
 * Catalog layers: table, the properties each feature carries (SQL expression → JSON name),
 * and which filters apply. Identifiers come only from this table, never from the request.
 */
export const LAYERS = {
  monitoringPoints: {
    table: 'monitoring_points',
    columns: `id, code, name, kind, corridor, district, country, facing_country AS "facingCountry", hours,
      is_synthetic AS "isSynthetic", ${areas('monitoring_points')}`,
    order: 'corridor, name',
  },
  services: {
    table: 'services',
    columns: `id, name, kind, country, hours, contact, capacity, is_synthetic AS "isSynthetic", ${areas('services')}`,
    order: 'kind, name',
  },
  places: {
    table: 'places',
    columns: `id, code, name, country, kind, admin1, is_approximate AS "isApproximate", ${areas('places')}`,
    order: 'country, name',
  },
  outreachSites: {
    table: 'outreach_sites',
    columns: `id, name, kind, corridor, footfall, cost, is_synthetic AS "isSynthetic", ${areas('outreach_sites')}`,
    order: 'corridor, name',
  },
} as const;

export type LayerName = keyof typeof LAYERS;

/** WHERE conditions of the catalog filters, values bound through `bind`. */
function conditions(f: CatalogFilter, bind: (v: unknown) => string): string[] {
  const where: string[] = [];
  if (f.id !== undefined) where.push(`id = ${bind(f.id)}`);
  if (f.bbox) where.push(boxSql('geom', f.bbox, bind));
  if (f.kind) where.push(`kind = ANY(${bind(f.kind)}::text[])`);
  if (f.corridor) where.push(`corridor = ANY(${bind(f.corridor)}::text[])`);
  if (f.country) where.push(`country = ${bind(f.country)}`);
  return where;
}

/**
 * SELECT for a catalog layer with bound filter values ({ text, values }); with `page`, one
 * page of it in the same order, and `count` the number of rows the filters match.
 */
export function catalogSql(layer: LayerName, f: CatalogFilter, page?: { limit: number; offset: number }): { text: string; values: unknown[]; count: string } {
  const spec = LAYERS[layer];
  const values: unknown[] = [];
  const bind = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const where = conditions(f, bind);
  const from = `FROM ${spec.table} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const count = `SELECT count(*)::int AS n ${from}`;
  const paged = page ? ` LIMIT ${bind(page.limit)} OFFSET ${bind(page.offset)}` : '';
  const text = `SELECT ${spec.columns}, ST_X(geom) AS lon, ST_Y(geom) AS lat ${from} ORDER BY ${spec.order}, id${paged}`;
  return { text, values, count };
}
