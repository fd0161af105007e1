import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import busboy from 'busboy';
import type { Request, RequestHandler } from 'express';
import { HttpError } from '../http/problem.js';

/** A file received by POST /imports: on disk (never in memory), with its sha256 and size. */
export interface Upload {
  path: string;
  fileName: string;
  bytes: number;
  checksum: string;
}

declare module 'express-serve-static-core' {
  interface Locals {
    upload?: Upload;
  }
}

const tooLarge = (max: number) => new HttpError(413, 'Payload too large', `uploads are limited to ${max} bytes (UPLOAD_MAX_BYTES)`);

/**
 * Multipart upload (busboy): the part named `file` streams to a temporary file while its
 * checksum is computed; the other parts become req.body, so the route's zod schema checks them
 * like any body. More than maxBytes → 413, known from Content-Length when the client sends it.
 * `fileOptional`: the form may name a kept upload instead (the wizard's `upload` field).
 * `dir` is UPLOAD_DIR, shared by every process: the import may run (or be retried) on another.
 */
export function uploadMiddleware(maxBytes: number, fileOptional: boolean, dir: string): RequestHandler {
  return async (req, res, next) => {
    mkdirSync(dir, { recursive: true });
    if (!req.is('multipart/form-data')) throw new HttpError(415, 'Unsupported media type', 'send the file as multipart/form-data');
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes + 1_000_000) {
      res.setHeader('Connection', 'close');
      throw tooLarge(maxBytes);
    }
    const { fields, upload } = await receive(req, maxBytes, dir);
    if (!upload && !fileOptional) throw new HttpError(400, 'Invalid request', 'body.file: a file part named "file" is required', [{ field: 'body.file', message: 'required' }]);
    if (upload) {
      res.locals.upload = upload;
      // A response that ends before the import takes the file over must not leave it behind.
      res.on('close', () => {
        if (res.locals.upload) void rm(upload.path, { force: true });
      });
    }
    req.body = fields;
    next();
  };
}

function receive(req: Request, maxBytes: number, dir: string): Promise<{ fields: Record<string, string>; upload?: Upload }> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let upload: Upload | undefined;
    let writing: Promise<void> = Promise.resolve();
    let failed: HttpError | undefined;
    let sink: WriteStream | undefined;
    const fail = (e: HttpError) => {
      failed ??= e;
      req.unpipe(bb);
      sink?.destroy(); // ends the pipeline into the temporary file (removed in done)
      req.resume(); // drain what is still coming, so the client reads our answer instead of a reset
    };
    const bb = busboy({ headers: req.headers, limits: { fileSize: maxBytes, files: 1, fields: 30, fieldSize: 100_000, parts: 32 } });
    bb.on('file', (name, stream, info) => {
      if (name !== 'file' || upload) {
        stream.resume();
        return;
      }
      const path = join(dir, `corridor-upload-${randomUUID()}`);
      const hash = createHash('sha256');
      const u: Upload = { path, fileName: info.filename || 'upload', bytes: 0, checksum: '' };
      upload = u;
      const count = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          u.bytes += chunk.length;
          hash.update(chunk);
          cb(null, chunk);
        },
      });
      stream.on('limit', () => fail(tooLarge(maxBytes)));
      sink = createWriteStream(path);
      writing = pipeline(stream, count, sink).then(() => {
        u.checksum = hash.digest('hex');
      });
      writing.catch(() => {}); // awaited in done(); this only keeps an early failure from being unhandled
    });
    bb.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(new HttpError(400, 'Invalid request', `body.${name}: too long`));
      else fields[name] = value;
    });
    bb.on('partsLimit', () => fail(new HttpError(400, 'Invalid request', 'too many parts')));
    bb.on('error', () => fail(new HttpError(400, 'Invalid request', 'the multipart body is malformed')));
    let settled = false;
    const done = async () => {
      if (settled) return;
      settled = true;
      // Wait for the file even after a failure: removing it before its stream has opened it
      // would let the stream create it afterwards and leave it behind.
      try {
        await writing;
      } catch {
        failed ??= new HttpError(400, 'Invalid request', 'the upload was interrupted');
      }
      if (failed) {
        if (upload) await rm(upload.path, { force: true });
        reject(failed);
      } else resolve({ fields, upload });
    };
    bb.on('close', () => void done());
    req.on('end', () => {
      if (failed) void done();
    });
    req.pipe(bb);
  });
}
