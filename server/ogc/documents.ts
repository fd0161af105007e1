import type { Collection, Ctx, OgcFeature, Page } from './collection.js';
import type { ItemsParams } from './params.js';

/**
 * The JSON documents of OGC API – Features Part 1 (landing page, conformance, collections,
 * items, item) with their links. Links are absolute, built from the request's own address.
 */
export interface Link {
  href: string;
  rel: string;
  type?: string;
  title?: string;
}

const GEOJSON = 'application/geo+json';
const JSON_TYPE = 'application/json';
const HTML = 'text/html';
export const OPENAPI_30 = 'application/vnd.oai.openapi+json;version=3.0';
export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
];

/** Where the request was made: the base of every link, and the query string it came with. */
export interface Here {
  /** e.g. http://127.0.0.1:8080/ogc */
  base: string;
  /** the request's own URL, absolute */
  url: URL;
}

/** This URL with `f` (and other parameters) set, or removed when undefined. */
export function withParams(url: URL, set: Record<string, string | undefined>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(set)) {
    if (v === undefined) u.searchParams.delete(k);
    else u.searchParams.set(k, v);
  }
  return u.toString();
}

/** self (JSON) and alternate (HTML) of the requested resource. */
function selfLinks(here: Here, type: string, title: string): Link[] {
  return [
    { href: withParams(here.url, { f: 'json' }), rel: 'self', type, title },
    { href: withParams(here.url, { f: 'html' }), rel: 'alternate', type: HTML, title: `${title} as HTML` },
  ];
}

export function landing(here: Here) {
  return {
    title: 'Corridor – OGC API Features',
    description:
      'Monitoring points, services, places, outreach sites, admin areas, flows, hot spots, access gaps and outreach plans of Corridor, ' +
      'for QGIS, GDAL and scripts. Send an API token as Authorization: Bearer <token>.',
    links: [
      ...selfLinks(here, JSON_TYPE, 'This document'),
      { href: `${here.base}/api`, rel: 'service-desc', type: OPENAPI_30, title: 'The API definition (OpenAPI 3.0)' },
      { href: `${here.base}/api?f=html`, rel: 'service-doc', type: HTML, title: 'The API documentation' },
      { href: `${here.base}/conformance`, rel: 'conformance', type: JSON_TYPE, title: 'Conformance classes' },
      { href: `${here.base}/collections`, rel: 'data', type: JSON_TYPE, title: 'Collections' },
    ],
  };
}

export function conformance(here: Here) {
  return { conformsTo: CONFORMANCE, links: selfLinks(here, JSON_TYPE, 'Conformance classes') };
}

export async function collectionDoc(ctx: Ctx, c: Collection, here: Here) {
  const url = `${here.base}/collections/${c.id}`;
  const extent = await c.extent(ctx);
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    itemType: 'feature',
    crs: [CRS84],
    extent: {
      ...(extent.bbox ? { spatial: { bbox: [extent.bbox], crs: CRS84 } } : {}),
      ...(extent.interval ? { temporal: { interval: [extent.interval], trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian' } } : {}),
    },
    links: [
      { href: url, rel: 'self', type: JSON_TYPE, title: c.title },
      { href: `${url}?f=html`, rel: 'alternate', type: HTML, title: `${c.title} as HTML` },
      { href: `${url}/items`, rel: 'items', type: GEOJSON, title: 'Features' },
      { href: `${url}/items?f=html`, rel: 'items', type: HTML, title: 'Features as HTML' },
      { href: `${url}/queryables`, rel: 'http://www.opengis.net/def/rel/ogc/1.0/queryables', type: 'application/schema+json', title: 'Queryables' },
    ],
  };
}

export async function collectionsDoc(ctx: Ctx, all: readonly Collection[], here: Here) {
  return {
    collections: await Promise.all(all.map((c) => collectionDoc(ctx, c, here))),
    links: selfLinks(here, JSON_TYPE, 'Collections'),
  };
}

export function itemsDoc(c: Collection, page: Page, q: ItemsParams, here: Here) {
  const links: Link[] = [
    ...selfLinks(here, GEOJSON, `${c.title}: features`),
    { href: `${here.base}/collections/${c.id}`, rel: 'collection', type: JSON_TYPE, title: c.title },
  ];
  const returned = page.features.length;
  if (q.offset + returned < page.matched) {
    links.push({ href: withParams(here.url, { offset: String(q.offset + returned), limit: String(q.limit) }), rel: 'next', type: GEOJSON, title: 'Next page' });
  }
  if (q.offset > 0) {
    const prev = Math.max(0, q.offset - q.limit);
    links.push({ href: withParams(here.url, { offset: prev ? String(prev) : undefined, limit: String(q.limit) }), rel: 'prev', type: GEOJSON, title: 'Previous page' });
  }
  return {
    type: 'FeatureCollection' as const,
    features: page.features,
    numberMatched: page.matched,
    numberReturned: returned,
    timeStamp: new Date().toISOString(),
    links,
  };
}

export function itemDoc(c: Collection, f: OgcFeature, here: Here) {
  return {
    ...f,
    links: [
      ...selfLinks(here, GEOJSON, `${c.title}: ${String(f.id)}`),
      { href: `${here.base}/collections/${c.id}`, rel: 'collection', type: JSON_TYPE, title: c.title },
    ],
  };
}

/** The queryable properties as a JSON Schema (OGC API – Features Part 3 form). */
export function queryablesDoc(c: Collection, here: Here) {
  const filters = new Set(Object.keys(c.filters));
  const properties = Object.fromEntries(
    Object.entries(c.properties)
      .filter(([name]) => filters.has(name))
      .map(([name, p]) => [name, { type: p.type, description: p.description, ...(p.enum ? { enum: p.enum } : {}) }]),
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${here.base}/collections/${c.id}/queryables`,
    type: 'object',
    title: c.title,
    properties: { geometry: { $ref: `https://geojson.org/schema/${c.geometry}.json` }, ...properties },
    additionalProperties: false,
  };
}
