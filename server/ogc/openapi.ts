import { z } from 'zod';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { type Parameter, parametersOf, PROBLEM_SCHEMA, problemResponses } from '../http/openapi.js';
import { formatShape, itemsShape, MAX_LIMIT } from './params.js';
import { staticCollections } from './registry.js';

/**
 * /ogc/api: the OpenAPI 3.0 definition of the OGC API (conformance class oas30). The generic
 * paths of Part 1, plus one items path per fixed collection with its own parameters (GDAL and
 * other clients read the limit's maximum and the filters from here). Admin-level and plan
 * collections vary with the data and use the generic paths.
 */
const T = 'openapi-3.0' as const;

// Part 1's own definitions of bbox and datetime (the zod schemas parse the same text).
const STANDARD: Record<string, Parameter> = {
  bbox: {
    name: 'bbox', in: 'query', required: false, style: 'form', explode: false,
    description: 'minLon,minLat,maxLon,maxLat (CRS84); minLon > maxLon crosses the antimeridian; six numbers (with heights) are accepted',
    schema: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } },
  },
  datetime: {
    name: 'datetime', in: 'query', required: false,
    description: 'an instant (2025-03-01) or interval (2025-01-01/2025-03-31, open ends as ..); only collections with time take it',
    schema: { type: 'string' },
  },
};
const standardize = (ps: Parameter[]) => ps.map((p) => STANDARD[p.name] ?? p);

const collectionId: Parameter = { name: 'collectionId', in: 'path', required: true, description: 'a collection id (GET /collections lists them)', schema: { type: 'string' } };
const featureId: Parameter = { name: 'featureId', in: 'path', required: true, description: 'a feature id', schema: { type: 'string' } };
const fParam = parametersOf(z.object(formatShape), 'query', T);
const itemsParams = standardize(parametersOf(z.object(itemsShape), 'query', T));

const problem = (code: string) => ({ $ref: `#/components/responses/Problem${code}` });
const ERRORS = { '400': problem('400'), '401': problem('401'), '403': problem('403'), '404': problem('404') };
const json = (description: string, type = 'application/json') => ({ description, content: { [type]: { schema: { type: 'object' } }, 'text/html': { schema: { type: 'string' } } } });

function op(id: string, summary: string, parameters: Parameter[], ok: ReturnType<typeof json>, secured = true) {
  return { get: { operationId: id, summary, tags: ['OGC API – Features'], parameters, ...(secured ? {} : { security: [] }), responses: { '200': ok, ...ERRORS } } };
}

export function ogcApiDocument(version: string) {
  const perCollection = Object.fromEntries(
    staticCollections().flatMap((c) => {
      const slug = c.id.replace(/-(\w)/g, (_m, x: string) => x.toUpperCase());
      return [
        [`/collections/${c.id}/items`, op(`get${slug}Items`, `${c.title}: features`, standardize(parametersOf(c.query, 'query', T)), json('A page of features', 'application/geo+json'))],
        [`/collections/${c.id}/items/{featureId}`, op(`get${slug}Item`, `${c.title}: one feature`, [featureId, ...fParam], json('A feature', 'application/geo+json'))],
      ];
    }),
  );
  return {
    openapi: '3.0.3',
    info: {
      title: 'Corridor – OGC API Features',
      version,
      description: `OGC API – Features Part 1 over Corridor's data. limit defaults to 100 and is at most ${MAX_LIMIT}. Send an API token as Authorization: Bearer <token>.`,
      license: { name: 'MIT' },
    },
    servers: [{ url: '/ogc' }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    paths: {
      '/': op('getLandingPage', 'Landing page', fParam, json('The landing page'), false),
      '/conformance': op('getConformance', 'Conformance classes', fParam, json('The conformance classes'), false),
      '/api': op('getApi', 'This API definition', fParam, json('OpenAPI 3.0', 'application/vnd.oai.openapi+json;version=3.0'), false),
      '/collections': op('getCollections', 'The collections', fParam, json('The collections')),
      '/collections/{collectionId}': op('getCollection', 'One collection', [collectionId, ...fParam], json('A collection')),
      '/collections/{collectionId}/queryables': op('getQueryables', 'Properties a collection filters on', [collectionId, ...fParam], json('JSON Schema', 'application/schema+json')),
      '/collections/{collectionId}/items': op('getItems', 'Features of a collection', [collectionId, ...itemsParams], json('A page of features', 'application/geo+json')),
      '/collections/{collectionId}/items/{featureId}': op('getItem', 'One feature', [collectionId, featureId, ...fParam], json('A feature', 'application/geo+json')),
      ...perCollection,
    },
    components: {
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token, sent as Authorization: Bearer <token>' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
      },
      schemas: { Problem: PROBLEM_SCHEMA },
      responses: problemResponses('#/components/schemas/Problem'),
    },
  };
}
