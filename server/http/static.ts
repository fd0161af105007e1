import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, relative, sep } from 'node:path';
import express, { type RequestHandler } from 'express';
import { PRECOMPRESSED_EXTENSIONS, SUFFIX } from '../../common/precompressed.js';
import { IMMUTABLE, REVALIDATE_FILE } from './cache.js';
import { chooseEncoding } from './encoding.js';


export interface StaticOptions {
  /** Cache-Control for a file, by its path relative to the root. */
  cacheControl: (relPath: string) => string;
}

/** The file under `root` a URL path names, or null if it escapes the root. */
function fileUnder(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = normalize(decoded).replace(/^([/\\])+/, '');
  if (rel.split(sep).includes('..')) return null;
  return rel;
}

/**
 * Static files with the pre-compressed variant the caller accepts (`file.br`, `file.gz` written by
 * the build next to each compressible file) and the Cache-Control `cacheControl` names. Any file
 * type works; Range requests always get the identity file (byte ranges of PMTiles archives, for
 * one), and files without a variant are left to the on-the-fly compression (http/compress.ts).
 * Each variant has its own ETag (from the size and time of the file actually sent; set here because
 * the app turns Express's own ETags off, server/app.ts), and `send` answers If-None-Match with a 304.
 */
export function staticFiles(root: string, opts: StaticOptions): RequestHandler {
  const plain = express.static(root, {
    index: false,
    cacheControl: false,
    setHeaders: (res, path, stat) => {
      res.setHeader('Cache-Control', opts.cacheControl(relative(root, path)));
      res.setHeader('ETag', `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`);
    },
  });
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const rel = fileUnder(root, req.path);
    const ext = rel ? extname(rel) : '';
    if (!rel || !PRECOMPRESSED_EXTENSIONS.includes(ext) || req.headers.range) return plain(req, res, next);
    res.vary('Accept-Encoding');
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    if (encoding === 'identity' || !existsSync(join(root, rel + SUFFIX[encoding])) || !existsSync(join(root, rel))) return plain(req, res, next);
    const file = statSync(join(root, rel + SUFFIX[encoding]));
    res.setHeader('Cache-Control', opts.cacheControl(rel));
    res.setHeader('ETag', `W/"${encoding}-${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`);
    res.type(ext);
    res.sendFile(rel + SUFFIX[encoding], {
      root,
      headers: { 'Content-Encoding': encoding },
      cacheControl: false,
      acceptRanges: false,
      dotfiles: 'ignore',
    }, (err?: Error & { status?: number }) => {
      if (!err) return;
      if (res.headersSent) return;
      next(err.status === 404 ? undefined : err);
    });
  };
}

/** The built client (dist/client): hashed assets cached for good, the pages and the service worker revalidated. */
export function clientFiles(dir: string, pageHeaders: Record<string, RequestHandler>): express.Router {
  const router = express.Router();
  for (const [path, handler] of Object.entries(pageHeaders)) router.use(path, handler);
  const files = staticFiles(dir, { cacheControl: (rel) => (rel.split(/[\\/]/)[0] === 'assets' ? IMMUTABLE : REVALIDATE_FILE) });
  router.use(files);
  router.get('/', (req, res, next) => {
    if (!existsSync(join(dir, 'index.html'))) return next();
    req.url = '/index.html';
    files(req, res, next);
  });
  return router;
}
