import { once } from 'node:events';
import { Router } from 'express';
import { route } from '../http/route.js';
import { hasRole } from '../auth/roles.js';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { notFound } from '../http/problem.js';
import { rateLimiter } from '../http/security.js';
import { deleteDataset, listDatasets } from './datasets.js';
import { getImport } from './jobs.js';
import { previewRoute } from './preview-route.js';
import { recipeRoutes } from './recipe-routes.js';
import { rejectsCsv } from './rejects.js';
import { idParams, importFields } from './schemas.js';
import { cancelImport, checkRecipe, chooseRecipe, dryRunImport, startImport } from './service.js';
import { uploadMiddleware } from './upload.js';
import { requestFile, takeUpload } from './uploads.js';
import { importView } from './view.js';

/**
 * Imports (data_manager and up, audited), their recipes, and datasets. POST /imports answers
 * 202 at once with the import's id (the work runs in the background, one import at a time per
 * process), or 200 with the dry run's findings.
 */
export function ingestRouter(db: Db, config: Pick<Config, 'UPLOAD_MAX_BYTES' | 'HEAVY_RATE_LIMIT' | 'uploadDir'>): Router {
  const router = Router();
  const heavy = rateLimiter({ perMinute: config.HEAVY_RATE_LIMIT, name: 'imports', by: 'caller' });
  const importOr404 = async (id: number) => {
    const row = await getImport(db, id);
    if (!row) throw notFound(`no import ${id}`);
    return row;
  };
  route(router, {
    method: 'post',
    path: '/imports',
    access: 'data_manager',
    cache: 'no-store',
    summary: 'Import a CSV, XLSX or GeoJSON file (multipart: file or upload, kind, mode, dataset metadata, recipe or recipeId, dryRun)',
    middleware: [heavy, uploadMiddleware(config.UPLOAD_MAX_BYTES, true, config.uploadDir)],
    body: importFields,
    handler: async (req, res, { principal, body }) => {
      const { file, kept } = await requestFile(config.uploadDir, res.locals.upload, body.upload, principal.name);
      const chosen = await chooseRecipe(db, body);
      const via = body.recipeId !== undefined ? 'recipeId' : body.recipe ? 'recipe' : body.mapping ? 'mapping' : undefined;
      if (via) await checkRecipe(db, file.path, chosen, via);
      if (body.dryRun) {
        res.json(await dryRunImport(db, file, chosen));
        return;
      }
      const id = await startImport(db, principal, file, body, chosen);
      // The import owns the file now and removes it when done.
      if (kept) await takeUpload(config.uploadDir, kept.id, principal.name);
      res.locals.upload = undefined;
      res.status(202).location(`/api/v1/imports/${id}`).json({ id, status: 'queued', links: { self: `/api/v1/imports/${id}` } });
    },
  });
  previewRoute(router, db, config, heavy);
  route(router, {
    method: 'get',
    path: '/imports/:id',
    access: 'data_manager',
    cache: 'no-store',
    summary: 'An import: status, progress (rows read, valid, percent), error report',
    params: idParams,
    handler: async (_req, res, { params }) => {
      const row = await importOr404(params.id);
      res.json(importView(row));
    },
  });
  route(router, {
    method: 'post',
    path: '/imports/:id/cancel',
    access: 'data_manager',
    cache: 'no-store',
    summary: 'Cancel a queued or running import (nothing is written); 409 when it has finished',
    params: idParams,
    handler: async (_req, res, { principal, params }) => {
      await cancelImport(db, principal, await importOr404(params.id));
      res.status(202).json(importView(await importOr404(params.id)));
    },
  });
  route(router, {
    method: 'get',
    path: '/imports/:id/rejected.csv',
    access: 'data_manager',
    cache: 'no-store',
    summary: 'The rows an import rejected, as the file had them, with the reasons',
    params: idParams,
    handler: async (_req, res, { params }) => {
      const row = await importOr404(params.id);
      res.type('text/csv; charset=utf-8').attachment(`import-${row.id}-rejected.csv`);
      const sheets = row.options.recipe?.sheets?.map((s) => s.name);
      for await (const chunk of rejectsCsv(db, row.id, row.header ?? [], sheets)) {
        if (!res.write(chunk)) await once(res, 'drain');
      }
      res.end();
    },
  });
  recipeRoutes(router, db);
  route(router, {
    method: 'get',
    path: '/datasets',
    access: 'viewer',
    summary: 'Datasets with provenance (source, method, licence, period, checksum, row counts, recipes)',
    handler: async (_req, res, { principal }) => {
      res.json({ datasets: await listDatasets(db, hasRole(principal, 'data_manager')) });
    },
  });
  route(router, {
    method: 'delete',
    path: '/datasets/:id',
    access: 'data_manager',
    cache: 'no-store',
    summary: 'Delete a dataset and everything imported with it',
    params: idParams,
    handler: async (_req, res, { principal, params }) => {
      res.json({ deleted: await deleteDataset(db, params.id, principal) });
    },
  });
  return router;
}
