import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { HttpError, notFound } from '../http/problem.js';
import { detectFormat, type Format } from './table.js';
import type { Upload } from './upload.js';

/** An uploaded file kept for the import wizard: previewed, dry-run, then imported without sending it again. */
export interface StoredUpload extends Upload {
  id: string;
  owner: string;
  format: Format;
  expiresAt: Date;
}

/** How long a wizard may take between its steps. */
const KEEP_MS = 2 * 60 * 60 * 1000;

// In this process's memory, the files in its temporary directory: a restart (or another
// process behind a load balancer) does not know them, and the wizard asks for the file again.
const kept = new Map<string, StoredUpload>();

function sweep(now = Date.now()): void {
  for (const [id, u] of kept) {
    if (u.expiresAt.getTime() > now) continue;
    kept.delete(id);
    void rm(u.path, { force: true });
  }
}

/** Keeps an upload for its owner; the id is random (unguessable) and works for the owner only. */
export async function keepUpload(upload: Upload, owner: string): Promise<StoredUpload> {
  sweep();
  const u: StoredUpload = { ...upload, id: randomUUID(), owner, format: await detectFormat(upload.path), expiresAt: new Date(Date.now() + KEEP_MS) };
  kept.set(u.id, u);
  return u;
}

/** A kept upload of this owner; 404 when unknown, expired or someone else's. */
export function findUpload(id: string, owner: string): StoredUpload {
  sweep();
  const u = kept.get(id);
  if (!u || u.owner !== owner) throw notFound(`no upload ${id} (uploads are kept ${KEEP_MS / 3_600_000} hours: choose the file again)`);
  u.expiresAt = new Date(Date.now() + KEEP_MS);
  return u;
}

/**
 * The file a request brings: a new file part or a kept upload's id, not both, and one of them
 * (else a 400 naming the field). `kept` is the kept upload when the id named one.
 */
export function requestFile(fresh: Upload | undefined, uploadId: string | undefined, owner: string): { file: Upload; kept: StoredUpload | null } {
  if (fresh && uploadId) throw new HttpError(400, 'Invalid request', 'body.upload: send a file or an upload id, not both');
  if (uploadId) {
    const kept = findUpload(uploadId, owner);
    return { file: kept, kept };
  }
  if (fresh) return { file: fresh, kept: null };
  throw new HttpError(400, 'Invalid request', 'body.file: a file is required (or an upload id)', [{ field: 'body.file', message: 'required' }]);
}

/** Hands a kept upload over to an import, which removes its file when done. */
export function takeUpload(id: string, owner: string): StoredUpload {
  const u = findUpload(id, owner);
  kept.delete(id);
  return u;
}
