import { z } from 'zod';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { type Access, API_BASE, type RegisteredRoute, registeredRoutes } from './route.js';

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the route registry: each route's access
 * level and summary, and its zod schemas converted to JSON Schema (as the request is read, so a
 * parameter with a default is optional). Nothing is written by hand per route, so the document
 * cannot drift from what the routes accept (tests/api/openapi.test.ts checks it does not).
 * The OGC API's own 3.0 document (server/ogc/openapi.ts) uses the same converters.
 */
export type JsonSchema = Record<string, unknown>;
export type Target = 'draft-2020-12' | 'openapi-3.0';

export interface Parameter {
  name: string;
  in: 'query' | 'path';
  required: boolean;
  description?: string;
  schema: JsonSchema;
  style?: 'form';
  explode?: boolean;
}

export function jsonSchema(schema: z.ZodType, target: Target = 'draft-2020-12'): JsonSchema {
  const s = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target }) as JsonSchema;
  delete s.$schema;
  return s;
}

/** The properties of an object schema as parameters (query string or path). */
export function parametersOf(schema: z.ZodType | undefined, where: 'query' | 'path', target: Target = 'draft-2020-12'): Parameter[] {
  if (!schema) return [];
  const s = jsonSchema(schema, target);
  const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((s.required ?? []) as string[]);
  return Object.entries(properties).map(([name, { description, ...schema }]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof description === 'string' ? { description } : {}),
    schema,
    // A list parameter may come as a=x,y or a=x&a=y; both are read the same.
    ...(JSON.stringify(schema).includes('"array"') ? { style: 'form' as const, explode: true } : {}),
  }));
}

/** Express path → OpenAPI path: /plans/:id.:format → /plans/{id}.{format}. */
export const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');
const pathNames = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');

export const PROBLEM_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      description: 'each bad field, named as sent (query.from, body.role, path.id)',
      items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

const PROBLEMS: Record<string, string> = {
  '400': 'Invalid request: the errors list names each bad field (unknown parameters included)',
  '401': 'Sign-in required, or the API token is not valid',
  '403': 'The caller lacks the role',
  '404': 'No such resource',
  '429': 'Too many requests',
};

/** Problem responses under components.responses, to $ref from operations. */
export const problemResponses = (schemaRef: string) =>
  Object.fromEntries(
    Object.entries(PROBLEMS).map(([code, description]) => [`Problem${code}`, { description, content: { 'application/problem+json': { schema: { $ref: schemaRef } } } }]),
  );

export function accessText(access: Access, method: string): string {
  if (access === 'public') return 'anyone, signed in or not';
  if (access === 'authenticated') return 'any signed-in caller';
  const open = access === 'viewer' && method === 'GET' ? '; anonymous callers too when the server runs with PUBLIC_VIEWER=on' : '';
  return `the ${access} role or higher${open}`;
}

const tagOf = (path: string) => path.split('/')[1]?.replace(/\..*$/, '') || 'api';
const operationId = (r: RegisteredRoute) =>
  `${r.method.toLowerCase()}${r.path.replace(/[^A-Za-z0-9]+(\w)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`;

/** What a successful answer is, from the path's extension where it has one. */
function success(r: RegisteredRoute) {
  const types = r.path.endsWith('.csv') ? ['text/csv'] : r.path.endsWith('.geojson') ? ['application/geo+json'] : r.path.includes('.:') ? ['application/json', 'text/csv', 'application/geo+json'] : ['application/json'];
  const content = Object.fromEntries(types.map((t) => [t, {}]));
  return r.method === 'GET' ? { '200': { description: 'Success', content } } : { '2XX': { description: 'Success (200, 201 created, 202 accepted or 204 no content)', content } };
}

function operation(r: RegisteredRoute) {
  const declared = parametersOf(r.params, 'path');
  const path = pathNames(r.path).map((name) => declared.find((p) => p.name === name) ?? { name, in: 'path' as const, required: true, schema: { type: 'string' } });
  const ref = (code: string) => ({ $ref: `#/components/responses/Problem${code}` });
  const responses: Record<string, unknown> = { ...success(r) };
  if (r.query || r.body || r.params || path.length) responses['400'] = ref('400');
  if (r.access !== 'public') Object.assign(responses, { '401': ref('401'), '403': ref('403') });
  if (path.length) responses['404'] = ref('404');
  responses['429'] = ref('429');
  return {
    operationId: operationId(r),
    summary: r.summary,
    description: `${r.summary}.\n\nAccess: ${accessText(r.access, r.method)}.`,
    tags: [tagOf(r.path)],
    'x-access': r.access,
    security: r.access === 'public' ? [] : [{ bearerToken: [] }, { sessionCookie: [] }],
    parameters: [...path, ...parametersOf(r.query, 'query')],
    ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } } } : {}),
    responses,
  };
}

export function apiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of registeredRoutes().filter((x) => x.base === API_BASE)) {
    const p = openApiPath(r.path);
    paths[p] = { ...paths[p], [r.method.toLowerCase()]: operation(r) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Corridor API',
      version,
      description:
        'Mixed-migration flows, services, hot spots, access and outreach planning for Zambia\'s border districts. ' +
        'Scripts send an API token as `Authorization: Bearer <token>` (never in the URL); browsers use the session cookie. ' +
        'Counts from 1 to k−1 are suppressed below the data-manager role and in every export. Errors are RFC 9457 problem+json. ' +
        'Each operation names its access level under x-access. The OGC API – Features of the same data is at /ogc.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: API_BASE }],
    paths,
    components: {
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token (Admin → Tokens), sent as Authorization: Bearer <token>' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session cookie set by POST /auth/login' },
      },
      schemas: { Problem: PROBLEM_SCHEMA },
      responses: problemResponses('#/components/schemas/Problem'),
    },
  };
}
