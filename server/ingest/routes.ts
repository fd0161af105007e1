import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { Router } from 'express';
import { audit } from '../audit/audit.js';
import { route } from '../http/route.js';
import { hasRole } from '../auth/roles.js';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { HttpError, notFound } from '../http/problem.js';
import { deleteDataset, listDatasets } from './datasets.js';
import { createImport, getImport } from './jobs.js';
import { enqueue } from './queue.js';
import { rejectsCsv } from './rejects.js';
import { runImport } from './run.js';
import { idParams, importFields } from './schemas.js';
import { uploadMiddleware } from './upload.js';
import { importView } from './view.js';

/**
 * Imports (data_manager and up, audited) and datasets. POST answers 202 at once with the
 * import's id; the work runs in the background, one import at a time per process.
 */
export function ingestRouter(db: Db, config: Pick<Config, 'UPLOAD_MAX_BYTES'>): Router {
  const router = Router();
  route(router, {
    method: 'post',
    path: '/imports',
    access: 'data_manager',
    summary: 'Upload a CSV, XLSX or GeoJSON file to import (multipart: file, kind, mode, dataset metadata, mapping)',
    middleware: [uploadMiddleware(config.UPLOAD_MAX_BYTES)],
    body: importFields,
    handler: async (req, res, { principal, body }) => {
      const upload = res.locals.upload;
      if (!upload) throw new HttpError(400, 'Invalid request', 'body.file: a file is required');
      if (body.datasetId !== undefined) {
        const [target] = await db.query<{ kind: string }>('SELECT kind FROM datasets WHERE id = $1', [body.datasetId]);
        if (!target) throw notFound(`no dataset ${body.datasetId} to append to`);
        if (target.kind !== body.kind) throw new HttpError(409, 'Conflict', `dataset ${body.datasetId} holds ${target.kind}, not ${body.kind}`);
      }
      const options = {
        dataset: {
          name: body.dataset ?? upload.fileName.slice(0, 200),
          sourceOrg: body.sourceOrg, method: body.method, licence: body.licence, periodStart: body.periodStart, periodEnd: body.periodEnd,
        },
        datasetId: body.datasetId,
        sheet: body.sheet,
        mapping: body.mapping,
      };
      const n = { kind: body.kind, mode: body.mode, fileName: upload.fileName, fileBytes: upload.bytes, checksum: upload.checksum, options, createdBy: principal.name };
      const id = await db.transaction(async (tx) => {
        const importId = await createImport(tx, n);
        await audit(tx, principal, 'import.start', { importId, kind: n.kind, mode: n.mode, file: n.fileName, bytes: n.fileBytes, checksum: n.checksum });
        return importId;
      });
      res.locals.upload = undefined; // the import owns the file now and removes it when done
      const job = { id, kind: body.kind, mode: body.mode, path: upload.path, bytes: upload.bytes, checksum: upload.checksum, options, actor: principal, actorName: principal.name };
      void enqueue(() => runImport(db, job))
        .catch((err: unknown) => req.log.error({ err, importId: id }, 'import could not record its outcome'))
        .finally(() => rm(upload.path, { force: true }));
      res.status(202).location(`/api/v1/imports/${id}`).json({ id, status: 'queued', links: { self: `/api/v1/imports/${id}` } });
    },
  });
  route(router, {
    method: 'get',
    path: '/imports/:id',
    access: 'data_manager',
    summary: 'An import: status, progress (rows read, valid, percent), error report',
    params: idParams,
    handler: async (_req, res, { params }) => {
      const row = await getImport(db, params.id);
      if (!row) throw notFound(`no import ${params.id}`);
      res.set('Cache-Control', 'no-store').json(importView(row));
    },
  });
  route(router, {
    method: 'get',
    path: '/imports/:id/rejected.csv',
    access: 'data_manager',
    summary: 'The rows an import rejected, as the file had them, with the reasons',
    params: idParams,
    handler: async (_req, res, { params }) => {
      const row = await getImport(db, params.id);
      if (!row) throw notFound(`no import ${params.id}`);
      res.type('text/csv; charset=utf-8').attachment(`import-${row.id}-rejected.csv`).set('Cache-Control', 'no-store');
      for await (const chunk of rejectsCsv(db, row.id, row.header ?? [])) {
        if (!res.write(chunk)) await once(res, 'drain');
      }
      res.end();
    },
  });
  route(router, {
    method: 'get',
    path: '/datasets',
    access: 'viewer',
    summary: 'Datasets with provenance (source, method, licence, period, checksum, row counts)',
    handler: async (_req, res, { principal }) => {
      res.json({ datasets: await listDatasets(db, hasRole(principal, 'data_manager')) });
    },
  });
  route(router, {
    method: 'delete',
    path: '/datasets/:id',
    access: 'data_manager',
    summary: 'Delete a dataset and everything imported with it',
    params: idParams,
    handler: async (_req, res, { principal, params }) => {
      res.json({ deleted: await deleteDataset(db, params.id, principal) });
    },
  });
  return router;
}
