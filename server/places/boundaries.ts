import type { Geometry } from 'geojson';
import type { Queryable } from '../db/types.js';

/** One admin area as a boundary file gives it, before it is written. */
export interface AreaInput {
  pcode: string;
  name: string;
  level: number;
  parentPcode: string | null;
  country: string;
  /** false for the project's own district codes (see data/admin/SOURCES.md). */
  pcodeOfficial: boolean;
  geometry: Geometry;
}

export interface LevelReplaced {
  level: number;
  areas: number;
  /** P-codes whose geometry was invalid and repaired with ST_MakeValid. */
  repaired: string[];
  /** Located rows (points, services, sites, places, reports) whose admin areas changed. */
  reassigned: number;
}

/** A boundary set the database cannot use; the message names the area. */
export class BoundaryError extends Error {}

// One statement: parse, repair, check and insert, and report which geometries needed repair.
const INSERT_LEVEL = `
WITH src AS (
  SELECT e->>'pcode' AS pcode, e->>'name' AS name, (e->>'parentPcode') AS parent, e->>'country' AS country,
         (e->>'pcodeOfficial')::boolean AS official, ST_SetSRID(ST_GeomFromGeoJSON(e->>'geometry'), 4326) AS g
    FROM jsonb_array_elements($1::jsonb) e
), fixed AS (
  SELECT *, ST_IsValid(g) AS valid, ST_Multi(ST_CollectionExtract(ST_MakeValid(g), 3)) AS mg FROM src
), ins AS (
  INSERT INTO admin_areas (dataset_id, pcode, name, level, parent_pcode, country, geom, source, pcode_official, repaired)
  SELECT $2, pcode, name, $3, parent, country, mg, $4, official, NOT valid FROM fixed WHERE NOT ST_IsEmpty(mg)
  RETURNING pcode
)
SELECT (SELECT count(*)::int FROM ins) AS n,
       coalesce((SELECT array_agg(pcode ORDER BY pcode) FROM fixed WHERE NOT valid), '{}') AS repaired,
       coalesce((SELECT array_agg(pcode ORDER BY pcode) FROM fixed WHERE ST_IsEmpty(mg)), '{}') AS empty`;

/**
 * Replaces every area of one level with `areas`, inside the caller's transaction (so a failed
 * set leaves the old one in place), then links parents and children by geometry where the file
 * names none and re-assigns the admin areas of every located row.
 */
export async function replaceLevel(
  tx: Queryable,
  level: number,
  areas: readonly AreaInput[],
  source: string,
  datasetId: number | null = null,
): Promise<LevelReplaced> {
  const wrong = areas.find((a) => a.level !== level);
  if (wrong) throw new BoundaryError(`area ${wrong.pcode} is of level ${wrong.level}, not ${level}`);
  await tx.query('DELETE FROM admin_areas WHERE level = $1', [level]);
  const json = JSON.stringify(areas.map((a) => ({ ...a, geometry: JSON.stringify(a.geometry) })));
  const [r] = await tx.query<{ n: number; repaired: string[]; empty: string[] }>(INSERT_LEVEL, [json, datasetId, level, source]);
  if (!r) throw new Error('the boundary insert returned no row');
  if (r.empty.length) throw new BoundaryError(`area ${r.empty.join(', ')} has no polygon left after ST_MakeValid`);
  return { level, areas: r.n, repaired: r.repaired, reassigned: await levelsChanged(tx, [level]) };
}

/**
 * After the areas of some levels were replaced (here or by an import): children whose parent
 * went away, and new areas without a parent, are linked by geometry; then every located row
 * gets its areas again. Returns how many located rows changed.
 */
export async function levelsChanged(tx: Queryable, levels: readonly number[]): Promise<number> {
  for (const level of [...levels].sort()) {
    await tx.query(
      'UPDATE admin_areas SET parent_pcode = NULL WHERE level = $1 AND parent_pcode IS NOT NULL AND parent_pcode NOT IN (SELECT pcode FROM admin_areas WHERE level = $2)',
      [level + 1, level],
    );
    if (level > 0) await tx.query('SELECT link_admin_parents($1)', [level]);
    await tx.query('SELECT link_admin_parents($1)', [level + 1]);
  }
  const [changed] = await tx.query<{ n: number }>('SELECT refresh_admin_areas()::int AS n');
  return changed?.n ?? 0;
}

/**
 * A boundary import (ingest, kind admin_areas) replaces whole levels: before its rows are
 * written, the areas of the levels the file holds go, in the import's transaction.
 */
export async function clearLevels(tx: Queryable, levels: readonly number[]): Promise<void> {
  await tx.query('DELETE FROM admin_areas WHERE level = ANY($1::int[])', [levels]);
}

/** After a boundary import wrote dataset `datasetId`: refuse empty areas, name the repaired ones, re-link and re-assign. */
export async function boundariesImported(tx: Queryable, datasetId: number, levels: readonly number[]): Promise<{ repaired: string[]; reassigned: number }> {
  const [r] = await tx.query<{ empty: string[]; repaired: string[] }>(
    `SELECT coalesce(array_agg(pcode ORDER BY pcode) FILTER (WHERE ST_IsEmpty(geom)), '{}') AS empty,
            coalesce(array_agg(pcode ORDER BY pcode) FILTER (WHERE repaired), '{}') AS repaired
       FROM admin_areas WHERE dataset_id = $1`,
    [datasetId],
  );
  if (r?.empty.length) throw new BoundaryError(`area ${r.empty.join(', ')} has no polygon left after ST_MakeValid`);
  return { repaired: r?.repaired ?? [], reassigned: await levelsChanged(tx, levels) };
}
