import type { ImportView } from '../../common/imports.js';

const n = (x: number): string => x.toLocaleString('en-GB');

/** What the import is doing, in words: checking the rows, writing them, then updating the map's summaries (server/ingest/tracker.ts). */
export function progressText(v: Pick<ImportView, 'status' | 'progress'>): string {
  const p = v.progress;
  const pct = `(${Math.floor(p.percent)} %)`;
  if (v.status === 'queued') return `Waiting for the import before it ${pct}`;
  if (v.status !== 'writing') return `Checking — ${n(p.rowsRead)} rows read, ${n(p.rowsValid)} valid, ${n(p.rowsRejected)} rejected ${pct}`;
  if (p.rowsInserted > 0 && p.rowsInserted >= p.rowsValid) return `Updating the map's summaries — ${n(p.rowsInserted)} rows written ${pct}`;
  if (p.rowsInserted > 0) return `Writing — ${n(p.rowsInserted)} of ${n(p.rowsValid)} rows written ${pct}`;
  return `Writing ${n(p.rowsValid)} rows ${pct}`;
}
