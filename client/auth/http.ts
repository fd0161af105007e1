import { ApiError, NetworkError, readProblem, request } from '../api.js';

/**
 * Same-origin writes for sign-in and administration. The session cookie is SameSite=Strict
 * and the server also refuses cookie-borne writes whose Origin is foreign; fetch() sends our
 * own Origin on every POST/PATCH/DELETE, so no extra CSRF header is needed (or accepted).
 */
export async function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T | undefined> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  const res = await request(path, init);
  if (!res.ok) throw new ApiError(res.status, await readProblem(res), path);
  // 204 (sign-out, revoke) has no body to read.
  return res.status === 204 ? undefined : ((await res.json()) as T);
}

/**
 * A message a person can act on, from whatever was thrown: the server's problem (its
 * fields, detail or title), no answer from the server, or a fault in the page itself,
 * which is no reason to blame the connection. Faults also go to the console for a report.
 */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    const p = err.problem;
    const fields = p?.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
    if (fields) return fields;
    if (p?.detail) return p.detail.charAt(0).toUpperCase() + p.detail.slice(1) + '.';
    return p?.title ?? `The server answered ${err.status}.`;
  }
  if (err instanceof NetworkError) {
    return globalThis.navigator?.onLine === false
      ? 'This computer is offline. Check the connection and try again.'
      : 'The server could not be reached. Check the connection and try again.';
  }
  console.error('Corridor: unexpected error in the page', err);
  return 'Something went wrong in the page. Reload it and try again.';
}
