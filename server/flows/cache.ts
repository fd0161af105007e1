import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

/**
 * Aggregates are sent with a strong ETag — a hash of the exact body — so a client re-asking
 * for an unchanged view gets a 304 without the payload (field users on slow links). Hashing
 * the body rather than a data version keeps it right whatever changed (an import, a role's
 * suppression). `private`: a shared cache must not hand one role's counts to another.
 */
export const CACHE_CONTROL = 'private, max-age=60';

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

export function sendAggregate(req: Request, res: Response, result: unknown): void {
  const body = JSON.stringify(result);
  const etag = etagOf(body);
  res.set({ ETag: etag, 'Cache-Control': CACHE_CONTROL, Vary: 'Authorization, Cookie' });
  if (matchesEtag(req.get('if-none-match'), etag)) {
    res.status(304).end();
    return;
  }
  res.type('application/json').send(body);
}
