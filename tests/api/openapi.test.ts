import { validate } from '@readme/openapi-parser';
import { beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { API_BASE, type RegisteredRoute, registeredRoutes, routeKey } from '../../server/http/route.js';
import { describeApp } from '../helpers/suite.js';

interface Param {
  name: string;
  in: string;
  required: boolean;
  schema: Record<string, unknown>;
}
interface Operation {
  summary: string;
  'x-access': string;
  security: unknown[];
  parameters: Param[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>> };

/** Top-level keys of a route's zod object schema and which of them a request must send. */
function declared(schema: z.ZodType | undefined): { names: string[]; required: string[] } {
  let s: unknown = schema;
  while (s instanceof z.ZodPipe) s = s.in;
  if (!(s instanceof z.ZodObject)) return { names: [], required: [] };
  const shape = s.shape as Record<string, z.ZodType>;
  return { names: Object.keys(shape).sort(), required: Object.keys(shape).filter((k) => !shape[k]!.safeParse(undefined).success).sort() };
}
const openApiPath = (r: RegisteredRoute) => r.path.replace(/:(\w+)/g, '{$1}');

const env = { HEAVY_RATE_LIMIT: '100000', CHROMIUM_PATH: 'off' };
describeApp('the OpenAPI documents on the %s database', { env }, ({ app }) => {
  let doc: Doc;
  beforeAll(async () => {
    const res = await app.anonymous.get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    doc = (await res.json()) as Doc;
  });

  it('when the 3.1 document is validated, then it is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it('when the OGC API definition is validated, then it is a valid OpenAPI 3.0 document that caps limit at 10,000', async () => {
    const res = await app.anonymous.get('/ogc/api');
    expect(res.headers.get('content-type')).toMatch(/^application\/vnd\.oai\.openapi\+json; ?version=3\.0/);
    const ogc = (await res.json()) as Doc;
    expect(ogc.openapi).toMatch(/^3\.0\./);
    const result = await validate(structuredClone(ogc) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    const limit = ogc.paths['/collections/{collectionId}/items']?.get?.parameters.find((p) => p.name === 'limit');
    expect(limit?.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 10000, default: 100 });
    expect(ogc.paths['/collections/flows/items']?.get?.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['from', 'to', 'direction', 'level', 'bbox', 'datetime']));
  });

  it('when the document is compared with the route registry, then every /api/v1 route is there with its access, parameters and body', () => {
    const routes = registeredRoutes().filter((r) => r.base === API_BASE);
    expect(routes.length).toBeGreaterThan(50);
    const faults: string[] = [];
    for (const r of routes) {
      const op = doc.paths[openApiPath(r)]?.[r.method.toLowerCase()];
      if (!op) {
        faults.push(`${routeKey(r)} missing`);
        continue;
      }
      if (op['x-access'] !== r.access) faults.push(`${routeKey(r)} access ${op['x-access']} ≠ ${r.access}`);
      if ((op.security.length === 0) !== (r.access === 'public')) faults.push(`${routeKey(r)} security`);
      const q = declared(r.query);
      const docQuery = op.parameters.filter((p) => p.in === 'query');
      if (JSON.stringify(docQuery.map((p) => p.name).sort()) !== JSON.stringify(q.names)) faults.push(`${routeKey(r)} query ${docQuery.map((p) => p.name)} ≠ ${q.names}`);
      const req = docQuery.filter((p) => p.required).map((p) => p.name).sort();
      if (JSON.stringify(req) !== JSON.stringify(q.required)) faults.push(`${routeKey(r)} required ${req} ≠ ${q.required}`);
      const pathNames = [...r.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      if (JSON.stringify(op.parameters.filter((p) => p.in === 'path').map((p) => p.name)) !== JSON.stringify(pathNames)) faults.push(`${routeKey(r)} path parameters`);
      if (Boolean(op.requestBody) !== Boolean(r.body)) faults.push(`${routeKey(r)} request body`);
      if (r.body && JSON.stringify(Object.keys((op.requestBody as { content: Record<string, { schema: { properties?: object } }> }).content['application/json']!.schema.properties ?? {}).sort()) !== JSON.stringify(declared(r.body).names)) {
        faults.push(`${routeKey(r)} body fields`);
      }
    }
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(documented.length).toBe(routes.length);
    expect(faults).toEqual([]);
  });

  it('when each documented query parameter of each GET route is sent, then the route accepts its name, and rejects a name not documented', async () => {
    const faults: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      const op = ops.get;
      if (!op || path.includes('{')) continue;
      for (const p of op.parameters.filter((x) => x.in === 'query')) {
        const res = await app.as('admin').get(`${API_BASE}${path}?${p.name}=%00`);
        const body = await res.text();
        if (res.status === 400 && body.includes('Unrecognized key')) faults.push(`${path}: ${p.name} documented but refused as unknown`);
      }
      const res = await app.as('admin').get(`${API_BASE}${path}?notDocumented=1`);
      if (op.parameters.some((x) => x.in === 'query') && res.status !== 400) faults.push(`${path}: an undocumented parameter gave ${res.status}`);
    }
    expect(faults).toEqual([]);
  });

  it('when the reference page is opened, then it loads Swagger UI from this server and points it at the document', async () => {
    const page = await (await app.anonymous.get('/api/docs/')).text();
    expect(page).toContain('data-url="/api/v1/openapi.json"');
    expect(page).not.toMatch(/https?:\/\//);
    for (const asset of ['swagger-ui-bundle.js', 'swagger-ui.css', 'docs.js']) {
      const res = await app.anonymous.get(`/api/docs/assets/${asset}`);
      expect(res.status, asset).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, max-age=86400');
    }
    expect((await app.anonymous.get('/api/docs/assets/package.json')).status).toBe(404);
    expect((await app.anonymous.get('/api/docs/assets/..%2Fpackage.json')).status).toBe(404);
  });
});
