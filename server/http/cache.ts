import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

/**
 * How an API response may be cached: the one place Cache-Control, ETag and Vary are written
 * (route() applies the `cache` option of each route; nothing else sets them on API responses).
 *
 * - 'no-store':        never kept (secrets, exports leaving the platform, audit, job status);
 * - { maxAge, etag }:  `private, max-age=N`, or `private, no-cache` without maxAge (a browser may
 *   keep it but asks again every time); with etag, a strong ETag — a hash of the exact body — so a
 *   client re-asking for an unchanged view gets a 304 without the payload (field users on slow
 *   links). Hashing the body rather than a data version keeps it right whatever changed (an
 *   import, a role's suppression). Express's own automatic ETags are off (server/app.ts), so an
 *   API response has one only when its route asks for it here.
 *
 * Never `public`: a shared cache must not hand one caller's answer to another. And every
 * response that depends on the caller carries `Vary: Authorization, Cookie` (varyOnCaller), so
 * a browser shared by two people does not serve the second one the first one's counts.
 */
export type CachePolicy = 'no-store' | { maxAge?: number; etag?: boolean };

/** Aggregates (flows, hot spots, access): they change only on import; a minute, then the ETag. */
export const AGGREGATE: CachePolicy = { maxAge: 60, etag: true };
/** Data that may change at any moment (saved plans, reference layers): asked again each time, 304 when unchanged. */
export const REVALIDATE: CachePolicy = { etag: true };

/**
 * The client's static files (http/static.ts), the same for every caller: content-hashed build
 * output gets a new name when it changes, so a year and `immutable` are safe…
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** …and everything else (index.html, brief.html, the service worker) is kept but revalidated with its ETag each time. */
export const REVALIDATE_FILE = 'no-cache';

export function cacheControl(policy: CachePolicy): string {
  if (policy === 'no-store') return 'no-store';
  return policy.maxAge ? `private, max-age=${policy.maxAge}` : 'private, no-cache';
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

/** Sends a handler's result as JSON (or the type the handler set): with an ETag and a 304 on a match when the policy asks. */
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
  if (!res.get('Content-Type')) res.type('application/json');
  res.send(body);
}
