import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Response, Router } from 'express';
import { z } from 'zod';
import { REVALIDATE } from '../http/cache.js';
import { notFound } from '../http/problem.js';
import { apiDocument } from '../http/openapi.js';
import { route } from '../http/route.js';
import { paths } from '../paths.js';

/**
 * The API's description: GET /api/v1/openapi.json (OpenAPI 3.1, from the route registry) and a
 * reference page at /api/docs (Swagger UI from the swagger-ui-dist package, served from
 * node_modules: no CDN, works offline, no inline script). /api/docs/ogc shows the OGC API's
 * own document (/ogc/api) the same way.
 */
export const DOCS_BASE = '/api/docs';
const uiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': join(uiDir, 'swagger-ui.css'),
  'swagger-ui-bundle.js': join(uiDir, 'swagger-ui-bundle.js'),
  'favicon-32x32.png': join(uiDir, 'favicon-32x32.png'),
  'docs.js': join(paths.server, 'docs', 'docs.js'),
};
const version = (JSON.parse(readFileSync(join(paths.root, 'package.json'), 'utf8')) as { version: string }).version;

function page(title: string, url: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="stylesheet" href="${DOCS_BASE}/assets/swagger-ui.css"><link rel="icon" href="${DOCS_BASE}/assets/favicon-32x32.png"></head>
<body><div id="swagger-ui" data-url="${url}"></div>
<script src="${DOCS_BASE}/assets/swagger-ui-bundle.js"></script><script src="${DOCS_BASE}/assets/docs.js"></script></body></html>`;
}

/** GET /openapi.json, mounted under /api/v1. */
export function openApiRouter(): Router {
  const router = Router();
  let doc: ReturnType<typeof apiDocument> | undefined;
  route(router, {
    method: 'get', path: '/openapi.json', access: 'public', summary: 'This API described in OpenAPI 3.1', cache: REVALIDATE,
    // Built on first use: by then every router has declared its routes.
    handler: () => (doc ??= apiDocument(version)),
  });
  return router;
}

/** The reference pages and their assets, mounted at /api/docs. */
export function docsRouter(): Router {
  const router = Router();
  const html = (title: string, url: string) => (_req: unknown, res: Response) => {
    res.type('html').send(page(title, url));
  };
  route(router, { method: 'get', base: DOCS_BASE, path: '/', access: 'public', summary: 'API reference (Swagger UI)', cache: REVALIDATE, handler: html('Corridor API reference', '/api/v1/openapi.json') });
  route(router, { method: 'get', base: DOCS_BASE, path: '/ogc', access: 'public', summary: 'OGC API – Features reference (Swagger UI)', cache: REVALIDATE, handler: html('Corridor OGC API reference', '/ogc/api') });
  route(router, {
    method: 'get', base: DOCS_BASE, path: '/assets/:file', access: 'public', summary: 'Files of the reference page',
    params: z.strictObject({ file: z.string().max(40) }),
    cache: { maxAge: 86_400 },
    handler: (_req, res, { params }) => {
      const file = Object.hasOwn(ASSETS, params.file) ? ASSETS[params.file] : undefined;
      if (!file) throw notFound(`no such file: ${params.file}`);
      res.sendFile(file, { cacheControl: false });
    },
  });
  return router;
}
