import type { ImportView } from '../../common/imports.js';
import { type ImportRow, liveProgress } from './jobs.js';

/**
 * GET /imports/:id: status, progress (live while this process runs it), error report, links.
 * The status is the imports row's, which only the import itself and the job lease rule
 * (ingest/job.ts) write: no guess from how long ago it last moved (an import waiting behind a
 * long one was once reported failed here, then ran; issue 20).
 */
export function importView(row: ImportRow): ImportView<Date> {
  const live = liveProgress.get(row.id);
  const p = live ?? {
    status: row.status,
    rowsRead: row.rows_read,
    rowsValid: row.rows_valid,
    rowsRejected: row.rows_rejected,
    rowsInserted: row.rows_inserted,
    rowsSkipped: row.rows_skipped,
    percent: row.percent,
  };
  const base = `/api/v1/imports/${row.id}`;
  return {
    id: row.id,
    kind: row.kind,
    mode: row.mode,
    status: p.status,
    file: { name: row.file_name, format: row.file_format, bytes: row.file_bytes, checksum: row.checksum },
    options: row.options,
    progress: {
      rowsRead: p.rowsRead,
      rowsValid: p.rowsValid,
      rowsRejected: p.rowsRejected,
      rowsInserted: p.rowsInserted,
      rowsSkipped: p.rowsSkipped,
      percent: Math.floor(p.percent),
    },
    datasetId: row.dataset_id,
    message: row.message,
    report: row.report,
    createdBy: row.created_by,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    links: {
      self: base,
      ...(p.rowsRejected > 0 ? { rejected: `${base}/rejected.csv` } : {}),
      ...(row.dataset_id !== null ? { datasets: '/api/v1/datasets', map: `/?dataset=${row.dataset_id}` } : {}),
    },
  };
}
