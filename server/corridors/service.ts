import { audit } from '../audit/audit.js';
import type { Principal } from '../auth/roles.js';
import type { Db, Queryable } from '../db/index.js';
import { badRequest, HttpError, notFound } from '../http/problem.js';
import type { CorridorBody, CorridorPatch } from './schemas.js';
import { type Corridor, corridorUsage, deleteCorridorRow, districtNames, insertCorridor, selectCorridors, updateCorridor } from './sql.js';

export type { Corridor } from './sql.js';

/**
 * Corridors are data (issue 15): every list of corridors (filters, planner, briefs, the import
 * vocabulary, the demo) reads this table at the time it is asked, so a corridor added here is
 * in all of them without a restart.
 */
export function listCorridors(q: Queryable): Promise<Corridor[]> {
  return selectCorridors(q);
}

export async function corridorCodes(q: Queryable): Promise<string[]> {
  return (await selectCorridors(q)).map((c) => c.code);
}

/** 400 naming `field` when a code is not a corridor (a typo must not read as "no rows"). */
export async function assertCorridors(q: Queryable, codes: readonly string[] | undefined, field: string): Promise<void> {
  if (!codes?.length) return;
  const known = new Set(await corridorCodes(q));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length) throw badRequest([{ field, message: `${unknown.join(', ')} is not a corridor (known: ${[...known].join(', ')})` }]);
}

async function one(q: Queryable, code: string): Promise<Corridor> {
  const [c] = await selectCorridors(q, code);
  if (!c) throw notFound(`no corridor ${code}`);
  return c;
}

/** District names as the loaded boundaries spell them; 400 naming the entry that is no district. */
async function districts(q: Queryable, given: readonly string[]): Promise<string[]> {
  const found = new Map((await districtNames(q, given)).map((r) => [r.given, r.name]));
  const errors = given.flatMap((g, i) => (found.has(g) ? [] : [{ field: `body.districts.${i}`, message: `${g} is not a district of the loaded boundaries` }]));
  if (errors.length) throw badRequest(errors);
  return [...new Set(given.map((g) => found.get(g) as string))];
}

export async function createCorridor(db: Db, principal: Principal, b: CorridorBody): Promise<Corridor> {
  return db.transaction(async (tx) => {
    const taken = await selectCorridors(tx, b.code);
    if (taken.length) throw new HttpError(409, 'Conflict', `a corridor with code ${b.code} exists already`, [{ field: 'body.code', message: 'is taken' }]);
    const c = await insertCorridor(tx, {
      code: b.code, name: b.name, description: b.description ?? null, colour: b.colour ?? '#6b7280',
      districts: await districts(tx, b.districts ?? []), activeFrom: b.activeFrom ?? null, activeTo: b.activeTo ?? null,
    });
    await audit(tx, principal, 'corridor.create', { code: c.code, name: c.name });
    return c;
  });
}

export async function patchCorridor(db: Db, principal: Principal, code: string, p: CorridorPatch): Promise<Corridor> {
  return db.transaction(async (tx) => {
    const old = await one(tx, code);
    const next: Corridor = {
      ...old,
      ...Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)),
      districts: p.districts ? await districts(tx, p.districts) : old.districts,
    };
    if (next.activeFrom && next.activeTo && next.activeFrom > next.activeTo) {
      throw badRequest([{ field: p.activeTo !== undefined ? 'body.activeTo' : 'body.activeFrom', message: `the active period would end (${next.activeTo}) before it starts (${next.activeFrom})` }]);
    }
    await updateCorridor(tx, next);
    await audit(tx, principal, 'corridor.update', { code, changed: Object.keys(p) });
    return one(tx, code);
  });
}

/** 409 naming what uses the corridor; otherwise removed, audited. */
export async function deleteCorridor(db: Db, principal: Principal, code: string): Promise<void> {
  await db.transaction(async (tx) => {
    await one(tx, code);
    const u = await corridorUsage(tx, code);
    const uses = [
      [u.monitoringPoints, 'monitoring point'], [u.outreachSites, 'outreach site'], [u.plans, 'saved plan'],
    ].filter(([n]) => Number(n) > 0).map(([n, what]) => `${n} ${what}${n === 1 ? '' : 's'}`);
    if (uses.length) throw new HttpError(409, 'Conflict', `corridor ${code} is in use by ${uses.join(', ')}`, [{ field: 'params.code', message: `is used by ${uses.join(', ')}` }]);
    await deleteCorridorRow(tx, code);
    await audit(tx, principal, 'corridor.delete', { code });
  });
}
