import type { StoredRecipe as SharedStoredRecipe } from '../../common/imports.js';
import { audit } from '../audit/audit.js';
import type { Principal } from '../auth/roles.js';
import type { Db, Queryable } from '../db/index.js';
import { HttpError, notFound } from '../http/problem.js';
import type { Kind } from './fields.js';
import type { Recipe } from './recipe.js';

/** A stored recipe at one version, as read here (JSON has ISO dates: common/imports.ts). */
export type StoredRecipe = SharedStoredRecipe<Date>;

const SELECT = `SELECT r.id, r.name, r.kind, v.version, v.body AS recipe, r.created_by AS "createdBy", r.created_at AS "createdAt",
    v.created_by AS "versionCreatedBy", v.created_at AS "versionCreatedAt"
  FROM import_recipes r JOIN import_recipe_versions v ON v.recipe_id = r.id`;
const LATEST = 'v.version = (SELECT max(version) FROM import_recipe_versions WHERE recipe_id = r.id)';

/** Every recipe at its latest version, by name. */
export function listRecipes(q: Queryable, kind?: Kind): Promise<StoredRecipe[]> {
  return q.query<StoredRecipe & Record<string, unknown>>(
    `${SELECT} WHERE r.deleted_at IS NULL AND ${LATEST} AND ($1::text IS NULL OR r.kind = $1) ORDER BY lower(r.name), r.id`,
    [kind ?? null],
  );
}

/** One recipe at a version (the latest by default), with the list of its versions; 404 when unknown or deleted. */
export async function getRecipe(q: Queryable, id: number, version?: number): Promise<StoredRecipe & { versions: { version: number; createdBy: string; createdAt: Date }[] }> {
  const [row] = await q.query<StoredRecipe & Record<string, unknown>>(
    `${SELECT} WHERE r.id = $1 AND r.deleted_at IS NULL AND ${version === undefined ? LATEST : 'v.version = $2'}`,
    version === undefined ? [id] : [id, version],
  );
  if (!row) throw notFound(version === undefined ? `no recipe ${id}` : `no recipe ${id} at version ${version}`);
  const versions = await q.query<{ version: number; createdBy: string; createdAt: Date }>(
    'SELECT version, created_by AS "createdBy", created_at AS "createdAt" FROM import_recipe_versions WHERE recipe_id = $1 ORDER BY version',
    [id],
  );
  return { ...row, versions };
}

const nameTaken = (name: string) => new HttpError(409, 'Conflict', `a recipe named "${name}" exists already`, [{ field: 'body.name', message: 'is taken' }]);

async function uniqueName<T>(work: () => Promise<T>, name: string): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if ((err as { code?: unknown }).code === '23505') throw nameTaken(name);
    throw err;
  }
}

export async function createRecipe(db: Db, principal: Principal, name: string, recipe: Recipe): Promise<StoredRecipe> {
  const id = await uniqueName(
    () =>
      db.transaction(async (tx) => {
        const [r] = await tx.query<{ id: number }>('INSERT INTO import_recipes (name, kind, created_by) VALUES ($1, $2, $3) RETURNING id', [
          name, recipe.kind, principal.name,
        ]);
        if (!r) throw new Error('recipe insert returned no row');
        await tx.query('INSERT INTO import_recipe_versions (recipe_id, version, body, created_by) VALUES ($1, 1, $2::jsonb, $3)', [
          r.id, JSON.stringify(recipe), principal.name,
        ]);
        await audit(tx, principal, 'recipe.create', { recipeId: r.id, name, kind: recipe.kind, version: 1 });
        return r.id;
      }),
    name,
  );
  return getRecipe(db, id);
}

/**
 * A new version when the recipe differs from the latest (the same body again is no new
 * version: PUT stays idempotent); a new name renames. Imports keep the version they ran with.
 */
export async function updateRecipe(db: Db, principal: Principal, id: number, change: { name?: string | undefined; recipe: Recipe }): Promise<StoredRecipe> {
  await uniqueName(
    () =>
      db.transaction(async (tx) => {
        const [cur] = await tx.query<{ kind: Kind; name: string; version: number; same: boolean }>(
          `SELECT r.kind, r.name, v.version, v.body = $2::jsonb AS same FROM import_recipes r JOIN import_recipe_versions v ON v.recipe_id = r.id
           WHERE r.id = $1 AND r.deleted_at IS NULL AND ${LATEST} FOR UPDATE OF r`,
          [id, JSON.stringify(change.recipe)],
        );
        if (!cur) throw notFound(`no recipe ${id}`);
        if (cur.kind !== change.recipe.kind) {
          throw new HttpError(409, 'Conflict', `recipe ${id} is for ${cur.kind}, not ${change.recipe.kind}: make a new recipe`, [{ field: 'body.recipe.kind', message: `must stay ${cur.kind}` }]);
        }
        const renamed = change.name !== undefined && change.name !== cur.name;
        if (renamed) await tx.query('UPDATE import_recipes SET name = $2 WHERE id = $1', [id, change.name]);
        if (!cur.same) {
          await tx.query('INSERT INTO import_recipe_versions (recipe_id, version, body, created_by) VALUES ($1, $2, $3::jsonb, $4)', [
            id, cur.version + 1, JSON.stringify(change.recipe), principal.name,
          ]);
        }
        if (renamed || !cur.same) {
          await audit(tx, principal, 'recipe.update', { recipeId: id, name: change.name ?? cur.name, version: cur.same ? cur.version : cur.version + 1 });
        }
      }),
    change.name ?? '',
  );
  return getRecipe(db, id);
}

/** Hides a recipe and frees its name; its versions stay, as imports name them. */
export async function deleteRecipe(db: Db, principal: Principal, id: number): Promise<{ id: number; name: string }> {
  return db.transaction(async (tx) => {
    const [r] = await tx.query<{ id: number; name: string }>(
      'UPDATE import_recipes SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING id, name',
      [id],
    );
    if (!r) throw notFound(`no recipe ${id}`);
    await audit(tx, principal, 'recipe.delete', { recipeId: id, name: r.name });
    return r;
  });
}
