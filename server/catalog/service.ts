import type { Queryable, Row } from '../db/index.js';
import type { CatalogFilter } from './schemas.js';
import { catalogSql, type LayerName } from './sql.js';

/** A catalog layer's rows with the catalog filters applied: served as GeoJSON here, as files by the exports. */
export function catalogRows(db: Queryable, layer: LayerName, f: CatalogFilter): Promise<Row[]> {
  const { text, values } = catalogSql(layer, f);
  return db.query(text, values);
}
