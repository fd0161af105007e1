import type { Queryable } from '../db/index.js';
import type { Kind, Mode } from './fields.js';
import type { Recipe } from './recipe.js';
import type { ErrorReport, ImportStatus } from '../../common/imports.js';
import type { Format } from './table.js';

export { type ImportStatus, RUNNING_STATUSES as RUNNING } from '../../common/imports.js';

/** Dataset provenance and per-file options, as sent with the upload (or on the CLI). */
export interface ImportOptions {
  dataset: {
    name: string;
    sourceOrg?: string | undefined;
    method?: string | undefined;
    licence?: string | undefined;
    periodStart?: string | undefined;
    periodEnd?: string | undefined;
  };
  /** Append to this dataset instead of creating one; rows it already has are skipped. */
  datasetId?: number | undefined;
  sheet?: string | undefined;
  mapping?: Record<string, string> | undefined;
  /** The recipe the file is read with (inline, or a stored one's version: see recipeRef). */
  recipe?: Recipe | undefined;
  /** The stored recipe and version, for provenance. */
  recipeRef?: { id: number; version: number; name: string } | undefined;
}

export interface Progress {
  status: ImportStatus;
  rowsRead: number;
  rowsValid: number;
  rowsRejected: number;
  rowsInserted: number;
  rowsSkipped: number;
  /** Validation is the first half, writing the second. */
  percent: number;
}

export interface NewImport {
  kind: Kind;
  mode: Mode;
  fileName: string;
  fileBytes: number;
  checksum: string;
  options: ImportOptions;
  createdBy: string;
}

export async function createImport(q: Queryable, n: NewImport): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO imports (kind, mode, file_name, file_bytes, checksum, options, created_by, recipe_id, recipe_version)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9) RETURNING id`,
    [n.kind, n.mode, n.fileName.slice(0, 255) || 'upload', n.fileBytes, n.checksum, JSON.stringify(n.options), n.createdBy,
      n.options.recipeRef?.id ?? null, n.options.recipeRef?.version ?? null],
  );
  if (!row) throw new Error('imports insert returned no row');
  return row.id;
}

/** Statuses an import can still leave: progress and the end are written only over these. */
const UNFINISHED = `('queued', 'validating', 'writing')`;

export async function saveProgress(q: Queryable, id: number, p: Progress, extra: { format?: Format; header?: string[] } = {}): Promise<void> {
  await q.query(
    `UPDATE imports SET status = $2, rows_read = $3, rows_valid = $4, rows_rejected = $5, rows_inserted = $6, rows_skipped = $7,
       percent = $8, file_format = coalesce($9, file_format), header = coalesce($10::text[], header), updated_at = now()
     WHERE id = $1 AND status IN ${UNFINISHED}`,
    [id, p.status, p.rowsRead, p.rowsValid, p.rowsRejected, p.rowsInserted, p.rowsSkipped, Math.floor(p.percent), extra.format ?? null, extra.header ?? null],
  );
}

/**
 * Inside an import's commit transaction, before anything is written: whether the import is
 * still unfinished (its row then locked until the commit). False when another attempt of the
 * same import ended it first (see finishImport).
 */
export async function lockUnfinished(q: Queryable, id: number): Promise<boolean> {
  const rows = await q.query(`SELECT id FROM imports WHERE id = $1 AND status IN ${UNFINISHED} FOR UPDATE`, [id]);
  return rows.length > 0;
}

export interface Finish {
  progress: Progress;
  datasetId: number | null;
  report: ErrorReport | null;
  message: string;
}

/**
 * The final state in ONE statement (a reader never sees a final status without its report),
 * written once: false when it had already ended (another attempt of the same
 * import, run by the process that took over its lease, finished it first).
 */
export async function finishImport(q: Queryable, id: number, f: Finish): Promise<boolean> {
  const p = f.progress;
  const rows = await q.query(
    `UPDATE imports SET status = $2, rows_read = $3, rows_valid = $4, rows_rejected = $5, rows_inserted = $6, rows_skipped = $7,
       percent = $8, dataset_id = $9, report = $10::jsonb, message = $11, finished_at = now(), updated_at = now()
     WHERE id = $1 AND status IN ${UNFINISHED} RETURNING id`,
    [id, p.status, p.rowsRead, p.rowsValid, p.rowsRejected, p.rowsInserted, p.rowsSkipped, Math.floor(p.percent), f.datasetId,
      f.report ? JSON.stringify(f.report) : null, f.message],
  );
  return rows.length > 0;
}

/**
 * Progress of the imports this process is running, readable while the database is busy: the
 * embedded engine has one connection, held by the import's transaction while it writes.
 */
export const liveProgress = new Map<number, Progress>();

export interface ImportRow {
  id: number;
  kind: Kind;
  mode: Mode;
  status: ImportStatus;
  file_name: string;
  file_format: Format | null;
  file_bytes: number;
  checksum: string;
  options: ImportOptions;
  dataset_id: number | null;
  rows_read: number;
  rows_valid: number;
  rows_rejected: number;
  rows_inserted: number;
  rows_skipped: number;
  percent: number;
  header: string[] | null;
  report: ErrorReport | null;
  message: string | null;
  created_by: string;
  created_at: Date;
  finished_at: Date | null;
  /** The background job that runs it (server/jobs/); null for imports from before jobs existed and the CLI's. */
  job_id: number | null;
}

export async function getImport(q: Queryable, id: number): Promise<ImportRow | undefined> {
  const [row] = await q.query<ImportRow & Record<string, unknown>>(
    `SELECT * FROM imports WHERE id = $1`,
    [id],
  );
  return row;
}
