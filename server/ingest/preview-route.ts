import type { RequestHandler, Router } from 'express';
import type { Preview } from '../../common/imports.js';
import { route } from '../http/route.js';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { badRequest, HttpError } from '../http/problem.js';
import { FileError } from './file-error.js';
import { KIND_SPECS } from './kinds.js';
import { Lookups } from './lookup.js';
import { RecipeProblems } from './plan.js';
import { distinctValues, inspect, rawSheets } from './preview.js';
import { previewFields } from './schemas.js';
import { detectFormat } from './table.js';
import { uploadMiddleware } from './upload.js';
import { keepUpload, requestFile } from './uploads.js';
import { defaultToday } from './validate.js';

/**
 * POST /imports/preview, the wizard's view of a file: a new file part is kept (its `upload` id
 * comes back, for the next steps and the import), or a kept one is named. Answers the first rows
 * of every sheet; with a recipe, each sheet's header and where every field would be read from;
 * with values=true, every distinct value of the fields that take words, countries or places.
 */
export function previewRoute(router: Router, db: Db, config: Pick<Config, 'UPLOAD_MAX_BYTES' | 'uploadDir'>, heavy: RequestHandler): void {
  route(router, {
    method: 'post',
    path: '/imports/preview',
    access: 'data_manager',
    cache: 'no-store',
    summary: 'Preview a file for the import wizard: sheets and first rows; with a recipe, the mapping; with values=true, distinct values',
    middleware: [heavy, uploadMiddleware(config.UPLOAD_MAX_BYTES, true, config.uploadDir)],
    body: previewFields,
    handler: async (_req, res, { principal, body }) => {
      const named = await requestFile(config.uploadDir, res.locals.upload, body.upload, principal.name);
      const kept = named.kept ?? (await keepUpload(config.uploadDir, named.file, principal.name));
      res.locals.upload = undefined; // kept: removed when it expires or its import ends
      const upload: Preview<Date>['upload'] = { id: kept.id, fileName: kept.fileName, bytes: kept.bytes, format: kept.format, expiresAt: kept.expiresAt };
      try {
        const format = await detectFormat(kept.path);
        const sheets = await rawSheets(kept.path, format, body.rows);
        if (!body.recipe) return void res.json({ upload, sheets });
        const spec = KIND_SPECS[body.recipe.kind];
        const lookups = await Lookups.load(db);
        const today = defaultToday();
        const mapping = await inspect(kept.path, format, body.recipe, spec, lookups, today);
        const values = body.values
          ? await distinctValues({ path: kept.path, spec, table: { format }, recipe: body.recipe, lookups, today })
          : undefined;
        res.json({ upload, sheets, mapping, ...(values ? { values } : {}) });
      } catch (err) {
        if (err instanceof RecipeProblems) throw badRequest(err.problems.map((p) => ({ field: `body.recipe.${p.path}`, message: p.message })));
        if (err instanceof FileError) throw new HttpError(422, 'Unprocessable file', err.message, [{ field: 'body.file', message: err.message }]);
        throw err;
      }
    },
  });
}
