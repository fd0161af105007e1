import { rm } from 'node:fs/promises';
import { audit } from '../audit/audit.js';
import type { Principal } from '../auth/roles.js';
import type { Db, Queryable } from '../db/index.js';
import { badRequest, HttpError, notFound } from '../http/problem.js';
import type { DryRun } from '../../common/imports.js';
import { dryRun, unreadable } from './dry-run.js';
import type { Kind } from './fields.js';
import { FileError } from './file-error.js';
import { createImport, type ImportOptions } from './jobs.js';
import { KIND_SPECS } from './kinds.js';
import { Lookups } from './lookup.js';
import { RecipeProblems } from './plan.js';
import { inspect } from './preview.js';
import { type Recipe, recipeOf } from './recipe.js';
import { getRecipe } from './recipes.js';
import { IMPORT_JOB } from './job.js';
import type { ImportJob } from './run.js';
import { insertJob, localRunner, requestCancel } from '../jobs/service.js';
import { isFinal } from '../../common/imports.js';
import type { ImportRow } from './jobs.js';
import type { ImportFields } from './schemas.js';
import { detectFormat, type Format } from './table.js';
import type { Upload } from './upload.js';
import { defaultToday } from './validate.js';

/** The recipe an import runs with: inline, or a stored one (then named in provenance). */
export interface Chosen {
  kind: Kind;
  recipe: Recipe;
  ref?: { id: number; version: number; name: string };
}

/** Which recipe the form chose, with the older `sheet` and `mapping` fields folded in. */
export async function chooseRecipe(q: Queryable, f: ImportFields): Promise<Chosen> {
  let stored: Chosen['ref'] & { recipe: Recipe } | undefined;
  if (f.recipeId !== undefined) {
    try {
      const r = await getRecipe(q, f.recipeId, f.recipeVersion);
      stored = { id: r.id, version: r.version, name: r.name, recipe: r.recipe };
    } catch (err) {
      if (err instanceof HttpError && err.status === 404) throw badRequest([{ field: 'body.recipeId', message: err.detail ?? 'no such recipe' }]);
      throw err;
    }
    if (f.kind && stored.recipe.kind !== f.kind) throw badRequest([{ field: 'body.kind', message: `recipe ${stored.id} is for ${stored.recipe.kind}` }]);
    if (f.sheet && stored.recipe.sheets) throw badRequest([{ field: 'body.sheet', message: 'the recipe names its sheets' }]);
  }
  const given = stored?.recipe ?? f.recipe;
  const kind = (f.kind ?? given?.kind) as Kind;
  const out: Chosen = { kind, recipe: recipeOf(kind, given, f.sheet, f.mapping) };
  if (stored) out.ref = { id: stored.id, version: stored.version, name: stored.name };
  return out;
}

/**
 * The recipe against the file's headers and the database, before anything is queued: a sheet,
 * column, constant or `values` target that does not exist is a 400 naming it. Problems with
 * the file itself (empty, unreadable) are left to the import, whose report states them.
 */
export async function checkRecipe(db: Db, path: string, c: Chosen, via: 'recipe' | 'recipeId' | 'mapping'): Promise<void> {
  try {
    const format = await detectFormat(path);
    await inspect(path, format, c.recipe, KIND_SPECS[c.kind], await Lookups.load(db), defaultToday());
  } catch (err) {
    if (err instanceof RecipeProblems) {
      const field = (path: string) => (via === 'recipe' ? `body.recipe.${path}` : via === 'mapping' ? 'body.mapping' : 'body.recipeId');
      throw badRequest(err.problems.map((p) => ({ field: field(p.path), message: via === 'recipe' ? p.message : `recipe.${p.path}: ${p.message}` })));
    }
    if (!(err instanceof FileError)) throw err;
  }
}

/** POST /imports with dryRun: the whole file validated, nothing written. */
export async function dryRunImport(db: Db, file: Upload, c: Chosen): Promise<DryRun> {
  let format: Format;
  try {
    format = await detectFormat(file.path);
  } catch (err) {
    if (err instanceof FileError) return unreadable(err);
    throw err;
  }
  const input = {
    path: file.path, spec: KIND_SPECS[c.kind], table: { format, polygons: c.kind === 'admin_areas' }, recipe: c.recipe,
    lookups: await Lookups.load(db), today: defaultToday(),
  };
  return dryRun(db, input, { kind: c.kind, checksum: file.checksum });
}

/**
 * Records an import (with its audit entry) and its background job, in one transaction; some
 * process's job runner (server/jobs/) runs it, one import at a time per process, and removes
 * the file when done. The import then owns the file.
 */
export async function startImport(db: Db, principal: Principal, file: Upload, f: ImportFields, c: Chosen): Promise<number> {
  if (f.datasetId !== undefined) {
    const [target] = await db.query<{ kind: string }>('SELECT kind FROM datasets WHERE id = $1', [f.datasetId]);
    if (!target) throw notFound(`no dataset ${f.datasetId} to append to`);
    if (target.kind !== c.kind) throw new HttpError(409, 'Conflict', `dataset ${f.datasetId} holds ${target.kind}, not ${c.kind}`);
  }
  const options: ImportOptions = {
    dataset: {
      name: f.dataset ?? file.fileName.slice(0, 200),
      sourceOrg: f.sourceOrg, method: f.method, licence: f.licence, periodStart: f.periodStart, periodEnd: f.periodEnd,
    },
    datasetId: f.datasetId,
    recipe: c.recipe,
    recipeRef: c.ref,
  };
  const n = { kind: c.kind, mode: f.mode, fileName: file.fileName, fileBytes: file.bytes, checksum: file.checksum, options, createdBy: principal.name };
  const id = await db.transaction(async (tx) => {
    const importId = await createImport(tx, n);
    await audit(tx, principal, 'import.start', {
      importId, kind: n.kind, mode: n.mode, file: n.fileName, bytes: n.fileBytes, checksum: n.checksum, ...(c.ref ? { recipe: c.ref } : {}),
    });
    const job: ImportJob = { id: importId, kind: c.kind, mode: f.mode, path: file.path, bytes: file.bytes, checksum: file.checksum, options, actor: principal, actorName: principal.name };
    const jobId = await insertJob(tx, { kind: IMPORT_JOB, payload: job, createdBy: principal.name, maxAttempts: 3 });
    await tx.query('UPDATE imports SET job_id = $2 WHERE id = $1', [importId, jobId]);
    return importId;
  });
  localRunner(db)?.wake();
  return id;
}

/**
 * POST /imports/:id/cancel: a queued import is cancelled at once; a running one stops at its
 * next progress report (its runner sees the request at its next heartbeat, or at once when it
 * runs in this process), and its transaction rolls back: nothing is written either way.
 */
export async function cancelImport(db: Db, principal: Principal, row: ImportRow): Promise<void> {
  if (isFinal(row.status)) throw new HttpError(409, 'Conflict', `import ${row.id} is ${row.status}: there is nothing to cancel`, [{ field: 'id', message: `already ${row.status}` }]);
  if (row.job_id === null) throw new HttpError(409, 'Conflict', `import ${row.id} is not run as a background job and cannot be cancelled`, [{ field: 'id', message: 'no job' }]);
  const jobId = row.job_id;
  // First in memory: on the embedded engine the import's transaction may hold the one connection.
  localRunner(db)?.abortLocal(jobId);
  const path = await db.transaction(async (tx) => {
    const r = await requestCancel(tx, jobId);
    await audit(tx, principal, 'import.cancel', { importId: row.id, job: jobId, was: row.status });
    if (r !== 'cancelled') return null;
    await tx.query(
      `UPDATE imports SET status = 'cancelled', message = $2, finished_at = now(), updated_at = now()
       WHERE id = $1 AND status IN ('queued', 'validating', 'writing')`,
      [row.id, `cancelled by ${principal.name} before it started; nothing was written`],
    );
    const [job] = await tx.query<{ path: string | null }>(`SELECT payload->>'path' AS path FROM jobs WHERE id = $1`, [jobId]);
    return job?.path ?? null;
  });
  // A cancelled queued import never runs: its upload goes now (a running one removes its own).
  if (path) await rm(path, { force: true });
}
