import type { Router } from 'express';
import { route } from '../http/route.js';
import type { Db } from '../db/index.js';
import { createRecipe, deleteRecipe, getRecipe, listRecipes, updateRecipe } from './recipes.js';
import { idParams, recipeBody, recipeQuery, recipeUpdate } from './schemas.js';

/** Import recipes, stored by name and version (data managers; changes audited). */
export function recipeRoutes(router: Router, db: Db): void {
  route(router, {
    method: 'get',
    path: '/import-recipes',
    access: 'data_manager',
    cache: 'no-store',
    summary: 'Import recipes at their latest version (optionally of one kind)',
    query: recipeQuery.pick({ kind: true }),
    handler: async (_req, res, { query }) => {
      res.json({ recipes: await listRecipes(db, query.kind) });
    },
  });
  route(router, {
    method: 'post',
    path: '/import-recipes',
    access: 'data_manager',
    cache: 'no-store',
    summary: 'Save an import recipe under a name: { name, recipe } → 201, version 1',
    body: recipeBody,
    handler: async (_req, res, { principal, body }) => {
      const r = await createRecipe(db, principal, body.name, body.recipe);
      res.status(201).location(`/api/v1/import-recipes/${r.id}`).json(r);
    },
  });
  route(router, {
    method: 'get',
    path: '/import-recipes/:id',
    access: 'data_manager',
    cache: 'no-store',
    summary: 'One import recipe, at its latest version or ?version=N, with its versions',
    params: idParams,
    query: recipeQuery.pick({ version: true }),
    handler: async (_req, res, { params, query }) => {
      res.json(await getRecipe(db, params.id, query.version));
    },
  });
  route(router, {
    method: 'put',
    path: '/import-recipes/:id',
    access: 'data_manager',
    cache: 'no-store',
    summary: 'Change an import recipe: { name?, recipe } makes a new version (imports keep theirs)',
    params: idParams,
    body: recipeUpdate,
    handler: async (_req, res, { principal, params, body }) => {
      res.json(await updateRecipe(db, principal, params.id, body));
    },
  });
  route(router, {
    method: 'delete',
    path: '/import-recipes/:id',
    access: 'data_manager',
    cache: 'no-store',
    summary: 'Delete an import recipe (its versions stay in the provenance of what it imported)',
    params: idParams,
    handler: async (_req, res, { principal, params }) => {
      res.json({ deleted: await deleteRecipe(db, principal, params.id) });
    },
  });
}
