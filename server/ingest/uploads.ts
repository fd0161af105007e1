import { randomUUID } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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
const ID = /^[0-9a-f-]{36}$/;

// Kept uploads live in UPLOAD_DIR, the file and a small JSON beside it (kept-<id>.json): every
// process behind a load balancer sees them, and they survive a restart.
const metaPath = (dir: string, id: string) => join(dir, `kept-${id}.json`);

async function save(dir: string, u: StoredUpload): Promise<void> {
  await writeFile(metaPath(dir, u.id), JSON.stringify(u));
}

async function load(dir: string, id: string): Promise<StoredUpload | undefined> {
  if (!ID.test(id)) return undefined;
  try {
    const raw = JSON.parse(await readFile(metaPath(dir, id), 'utf8')) as StoredUpload & { expiresAt: string };
    return { ...raw, expiresAt: new Date(raw.expiresAt) };
  } catch {
    return undefined;
  }
}

async function drop(dir: string, u: StoredUpload, withFile: boolean): Promise<void> {
  await rm(metaPath(dir, u.id), { force: true });
  if (withFile) await rm(u.path, { force: true });
}

async function sweep(dir: string, now = Date.now()): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = /^kept-(.+)\.json$/.exec(name);
    const u = m?.[1] ? await load(dir, m[1]) : undefined;
    if (u && u.expiresAt.getTime() <= now) await drop(dir, u, true);
  }
}

/** Keeps an upload for its owner; the id is random (unguessable) and works for the owner only. */
export async function keepUpload(dir: string, upload: Upload, owner: string): Promise<StoredUpload> {
  await sweep(dir);
  const u: StoredUpload = { ...upload, id: randomUUID(), owner, format: await detectFormat(upload.path), expiresAt: new Date(Date.now() + KEEP_MS) };
  await save(dir, u);
  return u;
}

/** A kept upload of this owner; 404 when unknown, expired or someone else's. */
export async function findUpload(dir: string, id: string, owner: string): Promise<StoredUpload> {
  await sweep(dir);
  const u = await load(dir, id);
  if (!u || u.owner !== owner) throw notFound(`no upload ${id} (uploads are kept ${KEEP_MS / 3_600_000} hours: choose the file again)`);
  u.expiresAt = new Date(Date.now() + KEEP_MS);
  await save(dir, u);
  return u;
}

/**
 * The file a request brings: a new file part or a kept upload's id, not both, and one of them
 * (else a 400 naming the field). `kept` is the kept upload when the id named one.
 */
export async function requestFile(dir: string, fresh: Upload | undefined, uploadId: string | undefined, owner: string): Promise<{ file: Upload; kept: StoredUpload | null }> {
  if (fresh && uploadId) throw new HttpError(400, 'Invalid request', 'body.upload: send a file or an upload id, not both');
  if (uploadId) {
    const kept = await findUpload(dir, uploadId, owner);
    return { file: kept, kept };
  }
  if (fresh) return { file: fresh, kept: null };
  throw new HttpError(400, 'Invalid request', 'body.file: a file is required (or an upload id)', [{ field: 'body.file', message: 'required' }]);
}

/** Hands a kept upload over to an import, which removes its file when done. */
export async function takeUpload(dir: string, id: string, owner: string): Promise<StoredUpload> {
  const u = await findUpload(dir, id, owner);
  await drop(dir, u, false);
  return u;
}
