import { ApiError, getJson, NetworkError, readProblem } from '../api.js';
import { sendJson } from '../auth/http.js';

/** Shapes of server/ingest/view.ts, report.ts and datasets.ts (the server owns the contract). */
export const IMPORT_KINDS = ['observations', 'reports', 'services', 'outreach_sites', 'monitoring_points', 'places', 'admin_areas'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type ImportMode = 'all-or-nothing' | 'valid-rows';
export type ImportStatus = 'queued' | 'validating' | 'writing' | 'committed' | 'unchanged' | 'rejected' | 'failed';
export const FINAL_STATUSES: readonly ImportStatus[] = ['committed', 'unchanged', 'rejected', 'failed'];

export interface RowError {
  row: number;
  column: string;
  value: string;
  code: string;
  reason: string;
  suggestions?: string[];
}

export interface ErrorReport {
  fileErrors: { code: string; message: string; row?: number; column?: string }[];
  totalErrors: number;
  rowsWithErrors: number;
  groups: { column: string; code: string; reason: string; count: number; rows: number[]; examples: { row: number; value: string; suggestions?: string[] }[] }[];
  errors: RowError[];
  truncated: boolean;
  warnings: string[];
}

export interface ImportView {
  id: number;
  kind: ImportKind;
  mode: ImportMode;
  status: ImportStatus;
  file: { name: string; bytes: number };
  progress: { rowsRead: number; rowsValid: number; rowsRejected: number; rowsInserted: number; rowsSkipped: number; percent: number };
  datasetId: number | null;
  message: string | null;
  report: ErrorReport | null;
  links: { self: string; rejected?: string };
}

export interface DatasetInfo {
  id: number;
  name: string;
  kind: ImportKind;
  sourceOrg: string | null;
  method: string | null;
  licence: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  rowsAccepted: number | null;
  rowsRejected: number | null;
  isSynthetic: boolean;
  importedAt: string;
  importedBy?: string | null;
  /** The stored recipes its imports ran with. */
  recipes?: { id: number; name: string; version: number }[];
}

/**
 * POST /imports with upload progress: fetch() cannot report bytes sent, XMLHttpRequest can.
 * Same origin, session cookie; the server checks the Origin of cookie-borne writes.
 */
export function uploadImport(form: FormData, onProgress: (fraction: number) => void): Promise<{ id: number }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/imports');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener('load', () => {
      const res = new Response(xhr.responseText, { status: xhr.status, headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' } });
      if (xhr.status === 202) resolve(JSON.parse(xhr.responseText) as { id: number });
      else void readProblem(res).then((p) => reject(new ApiError(xhr.status, p, '/api/v1/imports')));
    });
    xhr.addEventListener('error', () => reject(new NetworkError('/api/v1/imports', null)));
    xhr.send(form);
  });
}

export const importsApi = {
  get: (id: number) => getJson<ImportView>(`/api/v1/imports/${id}`),
  datasets: () => getJson<{ datasets: DatasetInfo[] }>('/api/v1/datasets'),
  deleteDataset: (id: number) => sendJson<{ deleted: { id: number; name: string } }>('DELETE', `/api/v1/datasets/${id}`),
};
