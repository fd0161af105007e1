import type { CandidateSite } from '../../common/outreach.js';
import type { Queryable } from '../db/index.js';
import { assertCorridors } from '../corridors/service.js';
import { badRequest, type FieldError } from '../http/problem.js';
import { type ActivitySpec, activityByKind, activityCost, reachMetres } from './activities.js';
import type { PlanBody } from './schemas.js';
import type { DemandCell } from './spread.js';

/** A candidate site with the activity it would host: index j in the solver's instance. */
export interface Candidate extends CandidateSite {
  id: number;
  footfall: number | null;
}

type SiteRow = Omit<Candidate, 'activity' | 'radiusKm' | 'reachM' | 'cost'> & { cost: number | null };

const SITES_SQL = `SELECT id, name, kind, corridor, footfall, cost::float8 AS cost, ST_X(geom) AS lon, ST_Y(geom) AS lat
  FROM outreach_sites WHERE kind = ANY($1::text[]) AND ($2::text[] IS NULL OR corridor = ANY($2::text[])) ORDER BY id`;

/**
 * Sites that may be chosen: the kinds the request allows that host an activity, in the
 * corridors it names. Locked and excluded ids must name real sites (else 400), and a locked
 * site must be a candidate under the filters, or the plan could not honour it.
 */
export async function loadCandidates(db: Queryable, body: PlanBody, specs: readonly ActivitySpec[]): Promise<Candidate[]> {
  const byKind = activityByKind(specs);
  const kinds = [...byKind.keys()].filter((k) => !body.sites.kinds || body.sites.kinds.includes(k));
  await assertCorridors(db, body.sites.corridors, 'body.sites.corridors');
  const rows = await db.query<SiteRow>(SITES_SQL, [kinds, body.sites.corridors ?? null]);
  const candidates = rows.flatMap((r) => {
    const spec = byKind.get(r.kind);
    if (!spec) return [];
    return [{ ...r, activity: spec.type, radiusKm: spec.radiusKm, reachM: reachMetres(spec), cost: activityCost(spec, r.cost) }];
  });
  await checkIds(db, body, new Set(candidates.map((c) => c.id)));
  return candidates;
}

async function checkIds(db: Queryable, body: PlanBody, candidateIds: Set<number>): Promise<void> {
  const asked = [...new Set([...body.locked, ...body.excluded])];
  if (asked.length === 0) return;
  const known = new Set(
    (await db.query<{ id: number }>('SELECT id FROM outreach_sites WHERE id = ANY($1::int[])', [asked])).map((r) => r.id),
  );
  const errors: FieldError[] = [];
  for (const field of ['locked', 'excluded'] as const) {
    const unknown = body[field].filter((id) => !known.has(id));
    if (unknown.length) errors.push({ field: `body.${field}`, message: `unknown site id(s): ${unknown.join(', ')}` });
  }
  const outside = body.locked.filter((id) => known.has(id) && !candidateIds.has(id));
  if (outside.length) {
    errors.push({ field: 'body.locked', message: `site(s) ${outside.join(', ')} are not candidates under the site filters and activity kinds` });
  }
  if (errors.length) throw badRequest(errors);
}

// Every pair within reach: ST_DWithin on geography (spheroid metres, inclusive ≤).
const COVERS_SQL = `
  WITH d AS (SELECT (i - 1)::int AS i, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS g
             FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS u(lon, lat, i)),
       c AS (SELECT (j - 1)::int AS j, id, r FROM unnest($3::int[], $4::float8[]) WITH ORDINALITY AS v(id, r, j))
  SELECT c.j, d.i FROM c JOIN outreach_sites s ON s.id = c.id JOIN d ON ST_DWithin(s.geom::geography, d.g, c.r)
  ORDER BY c.j, d.i`;

/** covers[j]: indices of the demand cells candidate j reaches, ascending. */
export async function coverLists(db: Queryable, candidates: readonly Candidate[], cells: readonly DemandCell[]): Promise<number[][]> {
  const covers = candidates.map((): number[] => []);
  if (candidates.length === 0 || cells.length === 0) return covers;
  const rows = await db.query<{ j: number; i: number }>(COVERS_SQL, [
    cells.map((c) => c.lon),
    cells.map((c) => c.lat),
    candidates.map((c) => c.id),
    candidates.map((c) => c.reachM),
  ]);
  for (const { j, i } of rows) covers[j]?.push(i);
  return covers;
}
