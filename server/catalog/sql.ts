import type { CatalogFilter } from './schemas.js';

/**
 * Catalog layers: table, the properties each feature carries (SQL expression → JSON name),
 * and which filters apply. Identifiers come only from this table, never from the request.
 */
export const LAYERS = {
  monitoringPoints: {
    table: 'monitoring_points',
    columns: `id, code, name, kind, corridor, district, country, facing_country AS "facingCountry", hours,
      is_synthetic AS "isSynthetic"`,
    order: 'corridor, name',
  },
  services: {
    table: 'services',
    columns: `id, name, kind, country, hours, contact, capacity, is_synthetic AS "isSynthetic"`,
    order: 'kind, name',
  },
  places: {
    table: 'places',
    columns: `id, code, name, country, kind, admin1, is_approximate AS "isApproximate"`,
    order: 'country, name',
  },
  outreachSites: {
    table: 'outreach_sites',
    columns: `id, name, kind, corridor, footfall, cost, is_synthetic AS "isSynthetic"`,
    order: 'corridor, name',
  },
} as const;

export type LayerName = keyof typeof LAYERS;

/** SELECT for a catalog layer with bound filter values ({ text, values }). */
export function catalogSql(layer: LayerName, f: CatalogFilter): { text: string; values: unknown[] } {
  const spec = LAYERS[layer];
  const where: string[] = [];
  const values: unknown[] = [];
  const bind = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  if (f.bbox) where.push(`geom && ST_MakeEnvelope(${f.bbox.map(bind).join(', ')}, 4326)`);
  if (f.kind) where.push(`kind = ANY(${bind(f.kind)}::text[])`);
  if (f.corridor) where.push(`corridor = ANY(${bind(f.corridor)}::text[])`);
  if (f.country) where.push(`country = ${bind(f.country)}`);
  const text = `SELECT ${spec.columns}, ST_X(geom) AS lon, ST_Y(geom) AS lat
    FROM ${spec.table} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${spec.order}, id`;
  return { text, values };
}
