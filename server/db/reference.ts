import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { paths } from '../paths.js';
import { loadVendoredBoundaries } from '../places/vendored.js';
import type { Db } from './types.js';

/**
 * Reference geography every database holds, whatever else is in it (demo or real data): the
 * barriers to travel of migrations/010_barriers.sql, from data/geography.json. migrate() loads
 * it after the migration that creates the table, on every run, so an edited trace reaches every
 * database at its next start (an unchanged one is skipped by its fingerprint). The client draws the same trace from the same file.
 */

/** A [lon, lat] trace in WGS84 degrees. */
export const lonLatTrace = z.array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])).min(2);

const geographyFile = z.object({
  zambezi: z.object({ _about: z.string().optional(), coordinates: lonLatTrace }),
});

export interface Barrier {
  name: string;
  kind: 'river' | 'border';
  coordinates: [number, number][];
  about: string | null;
}

const SOURCE = 'data/geography.json';

/** The barriers of data/geography.json, checked: a bad trace should stop start-up, not skew access. */
export function readBarriers(): Barrier[] {
  const parsed = geographyFile.safeParse(JSON.parse(readFileSync(join(paths.data, 'geography.json'), 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${SOURCE} is invalid at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const { zambezi } = parsed.data;
  return [{ name: 'Zambezi', kind: 'river', coordinates: zambezi.coordinates, about: zambezi._about ?? null }];
}

/** What a load of these barriers is recorded as: the comment on the barriers table. */
export function barriersFingerprint(barriers: readonly Barrier[]): string {
  return `${SOURCE} sha256:${createHash('sha256').update(JSON.stringify(barriers)).digest('hex')}`;
}

/**
 * Upserts the barriers by name and removes those an earlier load of the same file made that it
 * no longer lists. An unchanged row is left alone (no write on an ordinary start). When the
 * table's comment records a load of exactly these barriers and it still holds as many rows from
 * the file, nothing is compared: the comparison is the start's first PostGIS call, which costs
 * ~1 s of a later start (issue 19) to load PostGIS into the engine.
 */
export async function loadBarriers(db: Db, barriers: readonly Barrier[] = readBarriers()): Promise<void> {
  const fingerprint = barriersFingerprint(barriers);
  const [seen] = await db.query<{ note: string | null; n: number }>(
    `SELECT obj_description('barriers'::regclass, 'pg_class') AS note, (SELECT count(*)::int FROM barriers WHERE source = $1) AS n`,
    [SOURCE],
  );
  if (seen?.note === fingerprint && seen.n === barriers.length) return;
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM barriers WHERE source = $1 AND NOT (name = ANY($2::text[]))', [SOURCE, barriers.map((b) => b.name)]);
    for (const b of barriers) {
      const geojson = JSON.stringify({ type: 'LineString', coordinates: b.coordinates });
      await tx.query(
        `INSERT INTO barriers (name, kind, geom, source, about) VALUES ($1, $2, ST_SetSRID(ST_GeomFromGeoJSON($3), 4326), $4, $5)
         ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, geom = EXCLUDED.geom, source = EXCLUDED.source, about = EXCLUDED.about, loaded_at = now()
         WHERE barriers.kind <> EXCLUDED.kind OR NOT ST_OrderingEquals(barriers.geom, EXCLUDED.geom)
           OR barriers.source <> EXCLUDED.source OR barriers.about IS DISTINCT FROM EXCLUDED.about`,
        [b.name, b.kind, geojson, SOURCE, b.about],
      );
    }
    // COMMENT takes no parameters; the fingerprint is our own text (a path and hex digits).
    await tx.exec(`COMMENT ON TABLE barriers IS '${fingerprint.replace(/'/g, "''")}'`);
  });
}

/** Reference data loaders, each after the migration that creates its table. */
export const REFERENCE_DATA: readonly { after: string; load: (db: Db) => Promise<void> }[] = [
  { after: '010_barriers', load: loadBarriers },
  // boundaries of data/admin/ (places/vendored.ts), only while a level has no areas at all
  { after: '012_places', load: loadVendoredBoundaries },
];
