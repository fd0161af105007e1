import { assertCorridors } from '../corridors/service.js';
import type { Queryable, Row } from '../db/index.js';
import { type Box, extentOf } from '../db/spatial.js';
import type { CatalogFilter } from './schemas.js';
import { catalogSql, LAYERS, type LayerName } from './sql.js';

export type { LayerName } from './sql.js';

/** A catalog layer's rows with the catalog filters applied: served as GeoJSON here, as files by the exports. */
export async function catalogRows(db: Queryable, layer: LayerName, f: CatalogFilter): Promise<Row[]> {
  await assertCorridors(db, f.corridor, 'query.corridor');
  const { text, values } = catalogSql(layer, f);
  return db.query(text, values);
}

/** One page of a catalog layer (same order as catalogRows) and how many rows the filters match in all. */
export async function catalogPage(
  db: Queryable, layer: LayerName, f: CatalogFilter, page: { limit: number; offset: number },
): Promise<{ rows: Row[]; matched: number }> {
  await assertCorridors(db, f.corridor, 'query.corridor');
  const { text, values, count } = catalogSql(layer, f, page);
  const bound = values.slice(0, -2); // the count takes the filter values, not LIMIT/OFFSET
  const [rows, [total]] = await Promise.all([db.query(text, values), db.query<{ n: number }>(count, bound)]);
  return { rows, matched: total?.n ?? 0 };
}

/** The bounding box of a catalog layer's features, or null when it is empty. */
export function catalogExtent(db: Queryable, layer: LayerName): Promise<Box | null> {
  return extentOf(db, `SELECT geom FROM ${LAYERS[layer].table}`);
}
