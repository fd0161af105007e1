import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

/**
 * How an API response may be cached: the one place Cache-Control, ETag and Vary are written
 * (route() applies the `cache` option of each route; nothing else sets them on API responses).
 *
 * - 'no-store':   never kept (secrets, exports leaving the platform, audit, job status);
 * - 'revalidate': `private, no-cache`: a browser may keep it but asks again every time;
 * - { maxAge, etag }: `private, max-age=N`; with etag, a strong ETag — a hash of the exact body —
 *   so a client re-asking for an unchanged view gets a 304 without the payload (field users on
 *   slow links). Hashing the body rather than a data version keeps it right whatever changed (an
 *   import, a role's suppression).
 *
 * Never `public`: a shared cache must not hand one caller's answer to another. And every
 * response that depends on the caller carries `Vary: Authorization, Cookie` (varyOnCaller), so
 * a browser shared by two people does not serve the second one the first one's counts.
 */
export type CachePolicy = 'no-store' | 'revalidate' | { maxAge: number; etag?: boolean };

/** Aggregates (flows, hot spots, access): they change only on import; a minute, then the ETag. */
export const AGGREGATE: CachePolicy = { maxAge: 60, etag: true };

export function cacheControl(policy: CachePolicy): string {
  if (policy === 'no-store') return 'no-store';
  if (policy === 'revalidate') return 'private, no-cache';
  return `private, max-age=${policy.maxAge}`;
}

/** The response depends on who asks (their role, their rows): caches must key it on the credentials. */
export function varyOnCaller(res: Response): void {
  res.vary('Authorization');
  res.vary('Cookie');
}

export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** True when an If-None-Match header lists this ETag (or is `*`); weak validators match too. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

/** Sends a handler's result as JSON: with an ETag and a 304 on a match when the policy asks for one. */
export function sendJson(req: Request, res: Response, result: unknown, policy: CachePolicy | undefined): void {
  const body = JSON.stringify(result);
  if (typeof policy === 'object' && policy.etag) {
    const etag = etagOf(body);
    res.set('ETag', etag);
    if (matchesEtag(req.get('if-none-match'), etag)) {
      res.status(304).end();
      return;
    }
  }
  res.type('application/json').send(body);
}
