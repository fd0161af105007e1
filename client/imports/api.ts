import type { DatasetInfo, ImportView } from '../../common/imports.js';
import { ApiError, getJson, NetworkError, readProblem } from '../api.js';
import { sendJson } from '../auth/http.js';

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
  cancel: (id: number) => sendJson<ImportView>('POST', `/api/v1/imports/${id}/cancel`),
  datasets: () => getJson<{ datasets: DatasetInfo[] }>('/api/v1/datasets'),
  deleteDataset: (id: number) => sendJson<{ deleted: { id: number; name: string } }>('DELETE', `/api/v1/datasets/${id}`),
};
