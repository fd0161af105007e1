import { readFile } from 'node:fs/promises';
import { FileError } from './file-error.js';
import type { Cell, RawRow } from './table.js';

interface Feature {
  type?: unknown;
  id?: unknown;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
  properties?: Record<string, unknown> | null;
}

const BATCH = 2_000;

/**
 * A GeoJSON FeatureCollection as a table: row 1 is a synthetic header, then one row per feature
 * (row n + 1 is feature n, counting from 1). Points give lon and lat columns; polygon kinds get
 * a geometry column holding the geometry as GeoJSON text. The feature id becomes feature_id
 * (an alias of source_row_id). Read whole: catalog layers are small, and the upload limit
 * bounds it; observations come as CSV or XLSX.
 */
export async function* readGeojson(path: string, polygons: boolean, onBytes?: (n: number) => void): AsyncGenerator<RawRow[]> {
  const text = await readFile(path, 'utf8');
  onBytes?.(Buffer.byteLength(text));
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new FileError('geojson.invalid', `the file is not valid JSON (${(err as Error).message})`);
  }
  yield* featureRows(doc, polygons);
}

/** Features as rows (a synthetic header first): GeoJSON files and zipped shapefiles alike. */
export async function* featureRows(doc: unknown, polygons: boolean): AsyncGenerator<RawRow[]> {
  const features = featuresOf(doc);
  const keys = new Set<string>();
  for (const f of features) for (const k of Object.keys(f.properties ?? {})) keys.add(k);
  const props = [...keys];
  const geo = polygons ? ['geometry'] : ['lon', 'lat'];
  yield [{ row: 1, cells: ['feature_id', ...geo, ...props] }];
  let batch: RawRow[] = [];
  for (const [i, f] of features.entries()) {
    const id = typeof f.id === 'string' || typeof f.id === 'number' ? String(f.id) : null;
    const p = f.properties ?? {};
    batch.push({ row: i + 2, cells: [id, ...geometryCells(f, polygons), ...props.map((k) => propertyCell(p[k]))] });
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function featuresOf(doc: unknown): Feature[] {
  const d = doc as { type?: unknown; features?: unknown };
  if (d?.type === 'FeatureCollection' && Array.isArray(d.features)) return d.features as Feature[];
  if (d?.type === 'Feature') return [d as Feature];
  throw new FileError('geojson.type', 'expected a GeoJSON FeatureCollection');
}

function geometryCells(f: Feature, polygons: boolean): Cell[] {
  const g = f.geometry;
  if (polygons) return [g ? JSON.stringify(g) : null];
  if (!g) return [null, null];
  if (g.type !== 'Point' || !Array.isArray(g.coordinates)) return [`(a ${String(g.type)}, not a Point)`, null];
  const [lon, lat] = g.coordinates as unknown[];
  return [typeof lon === 'number' ? lon : String(lon), typeof lat === 'number' ? lat : String(lat)];
}

function propertyCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}
