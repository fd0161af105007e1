import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Request, type RequestHandler, type Response, Router } from 'express';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { REVALIDATE } from '../http/cache.js';
import { notFound } from '../http/problem.js';
import { route } from '../http/route.js';
import { rateLimiter } from '../http/security.js';
import { parseQuery } from '../http/validate.js';
import { paths } from '../paths.js';
import { ANALYSIS_COLLECTIONS } from './analyses.js';
import type { Collection, Ctx } from './collection.js';
import * as doc from './documents.js';
import * as html from './html.js';
import { ogcApiDocument } from './openapi.js';
import { type Format, formatShape, itemsShape } from './params.js';
import { findCollection, listCollections } from './registry.js';

/**
 * OGC API – Features Part 1 at /ogc (issue 18), for QGIS, GDAL/OGR and scripts. The landing page,
 * conformance and API definition are public (they hold no data); every collection is viewer
 * level, as the REST layers are, and read for the caller through the feature services. Each
 * resource answers JSON (GeoJSON for features) or, with f=html or Accept: text/html, a page.
 */
export const OGC_BASE = '/ogc';
const version = (JSON.parse(readFileSync(join(paths.root, 'package.json'), 'utf8')) as { version: string }).version;
const STYLE = readFileSync(join(paths.server, 'ogc', 'style.css'), 'utf8');

const f = z.strictObject(formatShape);
const collectionParams = z.strictObject({ collectionId: z.string().regex(/^[a-z0-9-]{1,60}$/, 'expected a collection id such as services') });
const featureParams = collectionParams.extend({ featureId: z.string().min(1).max(200) });
// Collection filters differ: route() checks the Part 1 parameters, the handler the collection's own (strict).
const items = z.looseObject(itemsShape);

function here(req: Request): doc.Here {
  const base = `${req.protocol}://${req.get('host') ?? 'localhost'}${OGC_BASE}`;
  return { base, url: new URL(req.originalUrl, base) };
}

function wantsHtml(req: Request, res: Response, format: Format | undefined): boolean {
  res.vary('Accept');
  if (format) return format === 'html';
  return req.accepts(['application/json', 'application/geo+json', 'text/html']) === 'text/html';
}

/** JSON (returned, so route() adds the ETag) or the HTML page. */
function answer(req: Request, res: Response, format: Format | undefined, body: unknown, page: () => string, type = 'application/json'): unknown {
  if (wantsHtml(req, res, format)) {
    res.type('html').send(page());
    return undefined;
  }
  res.type(type);
  return body;
}

export function ogcRouter(primary: Db, config: Config, reader: Db = primary): Router {
  const router = Router();
  const ctxOf = (principal: Ctx['principal']): Ctx => ({ db: reader, primary, config, principal });
  const collection = async (ctx: Ctx, id: string): Promise<Collection> => {
    const c = await findCollection(ctx, id);
    if (!c) throw notFound(`no collection ${id}; GET /ogc/collections lists them`);
    return c;
  };
  /** The collection a request names and its parameters, checked against that collection's own. */
  const resolve = async (req: Request, principal: Ctx['principal'], id: string) => {
    const ctx = ctxOf(principal);
    const c = await collection(ctx, id);
    return { ctx, c, q: parseQuery(req, c.query) };
  };
  const crumbs = (...more: [string, string][]): [string, string][] => [['/ogc', 'Corridor OGC API'], ...more];
  const base = OGC_BASE;
  const heavy = rateLimiter({ perMinute: config.HEAVY_RATE_LIMIT, name: 'ogc-analyses', by: 'caller' });
  const analyses = new Set(ANALYSIS_COLLECTIONS.map((c) => c.id));
  const heavyOnly: RequestHandler = (req, res, next) => (analyses.has(String(req.params.collectionId)) ? heavy(req, res, next) : next());

  route(router, {
    method: 'get', base, path: '/', access: 'public', summary: 'OGC API landing page', query: f, cache: REVALIDATE,
    handler: (req, res, { query }) => {
      const d = doc.landing(here(req));
      return answer(req, res, query.f, d, () => html.page(d.title, crumbs(), `<p>${html.esc(d.description)}</p>${html.linkList(d.links)}`, '?f=json'));
    },
  });
  route(router, {
    method: 'get', base, path: '/conformance', access: 'public', summary: 'OGC API conformance classes', query: f, cache: REVALIDATE,
    handler: (req, res, { query }) => {
      const d = doc.conformance(here(req));
      const list = `<ul>${d.conformsTo.map((c) => `<li><code>${html.esc(c)}</code></li>`).join('')}</ul>`;
      return answer(req, res, query.f, d, () => html.page('Conformance', crumbs(['/ogc/conformance', 'Conformance']), list, '?f=json'));
    },
  });
  let api: ReturnType<typeof ogcApiDocument> | undefined;
  route(router, {
    method: 'get', base, path: '/api', access: 'public', summary: 'OGC API definition (OpenAPI 3.0)', query: f, cache: REVALIDATE,
    handler: (req, res, { query }) => {
      if (wantsHtml(req, res, query.f)) return res.redirect(303, '/api/docs/ogc');
      res.type(doc.OPENAPI_30);
      return (api ??= ogcApiDocument(version));
    },
  });
  route(router, {
    method: 'get', base, path: '/style.css', access: 'public', summary: 'Stylesheet of the OGC API pages', cache: { maxAge: 3600 },
    handler: (_req, res) => void res.type('css').send(STYLE),
  });
  route(router, {
    method: 'get', base, path: '/collections', access: 'viewer', summary: 'OGC API collections', query: f, cache: REVALIDATE,
    handler: async (req, res, { principal, query }) => {
      const ctx = ctxOf(principal);
      const d = await doc.collectionsDoc(ctx, await listCollections(ctx), here(req));
      return answer(req, res, query.f, d, () => html.page('Collections', crumbs(['/ogc/collections', 'Collections']), html.collectionsTable(d.collections), '?f=json'));
    },
  });
  route(router, {
    // The collection's own parameters are accepted (and checked) here too: GDAL and QGIS take a
    // collection URL with them (…/collections/flows?from=…) and carry them on to the items.
    method: 'get', base, path: '/collections/:collectionId', access: 'viewer', summary: 'OGC API collection', query: items, params: collectionParams, cache: REVALIDATE,
    handler: async (req, res, { principal, params }) => {
      const { ctx, c, q } = await resolve(req, principal, params.collectionId);
      const d = await doc.collectionDoc(ctx, c, here(req));
      return answer(req, res, q.f, d, () => html.page(c.title, crumbs(['/ogc/collections', 'Collections'], [`/ogc/collections/${c.id}`, c.id]), html.collectionBody(c, d), '?f=json'));
    },
  });
  route(router, {
    method: 'get', base, path: '/collections/:collectionId/queryables', access: 'viewer', summary: 'OGC API queryables of a collection', query: f, params: collectionParams, cache: REVALIDATE,
    handler: async (req, res, { principal, query, params }) => {
      const c = await collection(ctxOf(principal), params.collectionId);
      const d = doc.queryablesDoc(c, here(req));
      const rows = Object.entries(d.properties).map(([k, v]) => `<tr><th>${html.esc(k)}</th><td>${html.esc(JSON.stringify(v))}</td></tr>`).join('');
      return answer(req, res, query.f, d, () => html.page(`${c.title}: queryables`, crumbs([`/ogc/collections/${c.id}`, c.id]), `<table>${rows}</table>`, '?f=json'), 'application/schema+json');
    },
  });
  route(router, {
    method: 'get', base, path: '/collections/:collectionId/items', access: 'viewer', summary: 'OGC API features of a collection', query: items, params: collectionParams,
    cache: REVALIDATE, middleware: [heavyOnly],
    handler: async (req, res, { principal, params }) => {
      const { ctx, c, q } = await resolve(req, principal, params.collectionId);
      const d = doc.itemsDoc(c, await c.items(ctx, q), q, here(req));
      const trail = crumbs(['/ogc/collections', 'Collections'], [`/ogc/collections/${c.id}`, c.id]);
      return answer(req, res, q.f, d, () => html.page(`${c.title}: features`, trail, html.itemsBody(c, d), doc.withParams(here(req).url, { f: 'json' })), 'application/geo+json');
    },
  });
  route(router, {
    method: 'get', base, path: '/collections/:collectionId/items/:featureId', access: 'viewer', summary: 'OGC API feature', query: items, params: featureParams,
    cache: REVALIDATE, middleware: [heavyOnly],
    handler: async (req, res, { principal, params }) => {
      const { ctx, c, q } = await resolve(req, principal, params.collectionId);
      const feature = await c.item(ctx, params.featureId, q);
      if (!feature) throw notFound(`no feature ${params.featureId} in ${c.id}`);
      const d = doc.itemDoc(c, feature, here(req));
      const trail = crumbs([`/ogc/collections/${c.id}`, c.id], [`/ogc/collections/${c.id}/items?f=html`, 'Features']);
      return answer(req, res, q.f, d, () => html.page(`${c.title}: ${params.featureId}`, trail, html.itemBody(c, feature), doc.withParams(here(req).url, { f: 'json' })), 'application/geo+json');
    },
  });
  return router;
}
