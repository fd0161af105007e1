import type { Params } from '../query/sql.js';

/**
 * Origin–destination semantics (issue 4), the same on every flows endpoint:
 *
 * - origin = the observation's origin place; where the registry knows only the origin
 *   country (origin_place_id NULL), the origin country.
 * - destination = the final destination place (final_destination_place_id), else the
 *   destination country. previous/next places are legs, not ends, and are not used here.
 * - An observation with neither place nor country at one end is "unlocated": counted in
 *   totals.unlocated, never drawn.
 * - level=place keeps those ends; level=country replaces a place by its country; level=admin
 *   by the admin area holding it (the finest loaded, or adminLevel), else its country;
 *   level=point draws each observation as two legs, origin → monitoring point and
 *   monitoring point → destination, so there the flows add up to twice the people.
 *
 * Location ids say what they are: p:<place id>, c:<ISO3>, a:<P-code>, m:<monitoring point id>.
 */
export type EndKind = 'place' | 'country' | 'admin' | 'point';
export const KEY_PREFIX: Record<string, EndKind> = { p: 'place', c: 'country', a: 'admin', m: 'point' };

export function parseKey(key: string): { kind: EndKind; ref: string } {
  const kind = KEY_PREFIX[key.slice(0, 1)];
  if (!kind || key[1] !== ':') throw new Error(`not a location key: ${key}`);
  return { kind, ref: key.slice(2) };
}

/** Location keys sorted into the lookups the locations query needs. */
export function splitKeys(keys: Iterable<string>): { place: number[]; point: number[]; admin: string[]; country: string[] } {
  const out = { place: [] as number[], point: [] as number[], admin: [] as string[], country: [] as string[] };
  for (const key of new Set(keys)) {
    const { kind, ref } = parseKey(key);
    if (kind === 'place') out.place.push(Number(ref));
    else if (kind === 'point') out.point.push(Number(ref));
    else out[kind].push(ref);
  }
  return out;
}

export type EndLevel = 'place' | 'admin' | 'country';

/**
 * A CTE `pe(id, k)`: each place's key at the level. Over the places table (reference data,
 * small), joined to the aggregated rows afterwards, so the admin lookup (ST_Covers) runs once
 * per place, not once per observation.
 */
export function placeEndsCte(level: EndLevel, adminLevel: number | undefined, p: Params): string {
  let key: string;
  if (level === 'place') key = `'p:' || pl.id`;
  else if (level === 'country') key = `'c:' || pl.country`;
  else {
    const lvl = adminLevel === undefined ? '' : `AND a.level = ${p.bind(adminLevel, '::smallint')}`;
    // Same country too: place positions are approximate, and a town on the border must not
    // land in the neighbour's district.
    key = `coalesce((SELECT 'a:' || a.pcode FROM admin_areas a WHERE a.country = pl.country AND ST_Covers(a.geom, pl.geom) ${lvl}
      ORDER BY a.level DESC, a.pcode LIMIT 1), 'c:' || pl.country)`;
  }
  return `pe AS (SELECT pl.id, ${key} AS k FROM places pl)`;
}

/** Origin and destination keys of an aggregated row `f` (columns op, oc, dp, dc). */
export const END_KEYS = `coalesce(po.k, 'c:' || f.oc) AS o, coalesce(pd.k, 'c:' || f.dc) AS d`;
export const END_JOINS = 'LEFT JOIN pe po ON po.id = f.op LEFT JOIN pe pd ON pd.id = f.dp';
/** Raw end columns under the short names END_KEYS expects. */
export const END_COLUMNS =
  'origin_place_id AS op, origin_country AS oc, final_destination_place_id AS dp, destination_country AS dc';
