import type { Transform } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import type { RequestHandler, Response } from 'express';
import { chooseEncoding, isCompressible } from './encoding.js';

/** Below this many bytes compression saves less than it costs (headers, CPU). */
export const COMPRESS_THRESHOLD = 1024;

type Callback = (err?: Error | null) => void;
type Write = (chunk: unknown, encoding?: BufferEncoding | Callback, cb?: Callback) => boolean;
type End = (chunk?: unknown, encoding?: BufferEncoding | Callback, cb?: Callback) => Response;

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
}

/** The compressor for a response, or null when it goes out as it is. */
function compressorFor(req: { method: string; headers: Record<string, string | string[] | undefined> }, res: Response, length: number | undefined): Transform | null {
  const type = res.getHeader('Content-Type');
  if (!isCompressible(typeof type === 'string' ? type : undefined)) return null;
  // The representation depends on Accept-Encoding whether or not this one is compressed.
  res.vary('Accept-Encoding');
  if (req.method === 'HEAD' || res.statusCode < 200 || res.statusCode === 204 || res.statusCode === 304) return null;
  // Range answers (PMTiles, resumed downloads) are byte ranges of the identity file: never re-encoded.
  if (res.statusCode === 206 || res.getHeader('Content-Range') || req.headers['range']) return null;
  if (res.getHeader('Content-Encoding')) return null; // a pre-compressed file
  if (/\bno-transform\b/i.test(String(res.getHeader('Cache-Control') ?? ''))) return null;
  const declared = Number(res.getHeader('Content-Length'));
  const size = Number.isFinite(declared) && res.hasHeader('Content-Length') ? declared : length;
  if (size !== undefined && size < COMPRESS_THRESHOLD) return null;
  const accept = req.headers['accept-encoding'];
  const encoding = chooseEncoding(Array.isArray(accept) ? accept.join(',') : accept);
  if (encoding === 'identity') return null;
  res.setHeader('Content-Encoding', encoding);
  res.removeHeader('Content-Length');
  res.removeHeader('Accept-Ranges');
  // A strong ETag names exact bytes; the compressed bytes differ, so it becomes weak (If-None-Match compares weakly).
  const etag = res.getHeader('ETag');
  if (typeof etag === 'string' && !etag.startsWith('W/')) res.setHeader('ETag', `W/${etag}`);
  // Quality 5 / level 6: most of the gain for a fraction of the CPU of the maximum (computed per request).
  return encoding === 'br'
    ? createBrotliCompress({
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          ...(size !== undefined ? { [constants.BROTLI_PARAM_SIZE_HINT]: size } : {}),
        },
      })
    : createGzip({ level: 6 });
}

/**
 * Brotli or gzip, as the caller accepts, for every compressible response of at least
 * COMPRESS_THRESHOLD bytes (JSON, CSV, GeoJSON exports, static files without a pre-compressed
 * variant), with `Vary: Accept-Encoding`. Streams (exports) are compressed as they are written.
 */
export function compressResponses(): RequestHandler {
  return (req, res, next) => {
    const write = res.write.bind(res) as Write;
    const end = res.end.bind(res) as End;
    let zip: Transform | null | undefined; // undefined: not decided before the first byte
    const decide = (chunk: unknown, ended: boolean, encoding: unknown): void => {
      if (zip !== undefined) return;
      zip = res.headersSent ? null : compressorFor(req, res, ended ? (chunk == null ? 0 : toBuffer(chunk, encoding).length) : undefined);
      if (!zip) return;
      zip.on('data', (data: Buffer) => {
        if (!write(data)) zip?.pause();
      });
      res.on('drain', () => zip?.resume());
      zip.on('end', () => end());
      res.on('close', () => zip?.destroy());
    };
    const patched: { write: Write; end: End } = {
      write(chunk, encoding, cb) {
        decide(chunk, false, encoding);
        if (!zip) return write(chunk, encoding, cb);
        zip.write(toBuffer(chunk, encoding), typeof encoding === 'function' ? encoding : cb);
        // Back-pressure follows the socket: the export writer waits for 'drain' on res.
        return res.writableNeedDrain === false && !zip.isPaused();
      },
      end(chunk, encoding, cb) {
        const data = typeof chunk === 'function' ? undefined : chunk;
        decide(data, true, encoding);
        if (!zip) return end(chunk, encoding, cb);
        if (data != null) zip.write(toBuffer(data, encoding));
        zip.end();
        return res;
      },
    };
    Object.assign(res, patched);
    next();
  };
}
