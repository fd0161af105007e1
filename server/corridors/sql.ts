import type { Corridor } from '../../common/places.js';
import type { Queryable } from '../db/index.js';

export type { Corridor } from '../../common/places.js';

const COLUMNS = `id, code, name, description, colour, districts, active_from AS "activeFrom", active_to AS "activeTo"`;

export function selectCorridors(q: Queryable, code?: string): Promise<Corridor[]> {
  return q.query<Corridor & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM corridors WHERE $1::text IS NULL OR code = $1 ORDER BY code = 'other', name, id`,
    [code ?? null],
  );
}

export async function insertCorridor(q: Queryable, c: Omit<Corridor, 'id'>): Promise<Corridor> {
  const [row] = await q.query<Corridor & Record<string, unknown>>(
    `INSERT INTO corridors (code, name, description, colour, districts, active_from, active_to)
     VALUES ($1, $2, $3, coalesce($4, '#6b7280'), $5::text[], $6::date, $7::date) RETURNING ${COLUMNS}`,
    [c.code, c.name, c.description, c.colour, c.districts, c.activeFrom, c.activeTo],
  );
  if (!row) throw new Error('corridor insert returned no row');
  return row;
}

export async function updateCorridor(q: Queryable, c: Corridor): Promise<void> {
  await q.query(
    `UPDATE corridors SET name = $2, description = $3, colour = $4, districts = $5::text[], active_from = $6::date, active_to = $7::date, updated_at = now()
     WHERE code = $1`,
    [c.code, c.name, c.description, c.colour, c.districts, c.activeFrom, c.activeTo],
  );
}

export async function deleteCorridorRow(q: Queryable, code: string): Promise<void> {
  await q.query('DELETE FROM corridors WHERE code = $1', [code]);
}

/** What names a corridor: rows that reference it, and saved plans whose request chose its sites. */
export async function corridorUsage(q: Queryable, code: string): Promise<{ monitoringPoints: number; outreachSites: number; plans: number }> {
  const [r] = await q.query<{ monitoringPoints: number; outreachSites: number; plans: number }>(
    `SELECT (SELECT count(*)::int FROM monitoring_points WHERE corridor = $1) AS "monitoringPoints",
            (SELECT count(*)::int FROM outreach_sites WHERE corridor = $1) AS "outreachSites",
            (SELECT count(*)::int FROM outreach_plans WHERE request->'sites'->'corridors' ? $1) AS plans`,
    [code],
  );
  return r ?? { monitoringPoints: 0, outreachSites: 0, plans: 0 };
}

/** District names as level 2 of admin_areas spells them, for the names given (case ignored). */
export function districtNames(q: Queryable, names: readonly string[]): Promise<{ given: string; name: string }[]> {
  return q.query<{ given: string; name: string }>(
    `SELECT g AS given, a.name FROM unnest($1::text[]) g JOIN admin_areas a ON a.level = 2 AND lower(a.name) = lower(g)`,
    [names],
  );
}
