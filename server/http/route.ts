/**
 * Every API endpoint is declared with `route()`, with who may call it and how its answer may be
 * cached next to it:
 *
 *   route(router, {
 *     method: 'get', path: '/flows', access: 'viewer', summary: 'OD flows for the flow map',
 *     query: flowsQuery,                       // zod; parsed before the handler, 400 on failure
 *     cache: AGGREGATE,                        // http/cache.ts: Cache-Control, ETag/304
 *     handler: async (req, res, { principal, query }) => result,   // sent as JSON by route()
 *   });
 *
 * access: 'public'        anyone, signed in or not (health, client config, sign-in itself);
 *         'authenticated' any signed-in caller (session or token), never anonymous;
 *         a Role          that role or a higher one (viewer < analyst < planner < data_manager < admin).
 *                         'viewer' GETs are also open to anonymous callers when PUBLIC_VIEWER=on.
 * Anonymous callers never pass a non-GET route unless it is 'public': writes and imports always
 * need a signed-in principal. Paths are relative to `base`: /api/v1 unless the spec names another
 * mount point (the OGC API under /ogc, the API reference under /api/docs); mount the router there.
 *
 * cache:  see http/cache.ts. Whatever the policy, the answer of a route whose access is not
 *         'public', or whose handler reads the principal, carries `Vary: Authorization, Cookie`
 *         (errors included: a 403 for one caller is a 200 for another).
 * A handler either sends the response itself or returns the body, which route() sends as JSON
 * (with the ETag the cache policy asks for).
 *
 * Every declaration lands in a registry: tests/api/auth-matrix.test.ts checks each registered
 * route for each role, and fails for a route missing from its expectation table — add yours
 * there. tests/api/auth-fuzz.test.ts fuzzes every route, using the declared schemas to name
 * parameters, so declare them here rather than parsing inside the handler.
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { ANONYMOUS, hasRole, type Principal, type Role } from '../auth/roles.js';
import { type CachePolicy, cacheControl, sendJson, varyOnCaller } from './cache.js';
import { HttpError } from './problem.js';
import { parseBody, parseParams, parseQuery } from './validate.js';

export type Access = 'public' | 'authenticated' | Role;
/** Where a router is mounted; paths in a spec are relative to it. */
export const API_BASE = '/api/v1';
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Schema = z.ZodType | undefined;
type Parsed<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<Q extends Schema, B extends Schema, P extends Schema> {
  principal: Principal;
  query: Parsed<Q>;
  body: Parsed<B>;
  params: Parsed<P>;
}

export interface RouteSpec<Q extends Schema, B extends Schema, P extends Schema> {
  method: Method;
  path: string;
  /** Mount point of the router (default API_BASE): tests and documents call base + path. */
  base?: string;
  access: Access;
  /** One line for the API documentation. */
  summary: string;
  query?: Q;
  body?: B;
  params?: P;
  /** How the answer may be cached (http/cache.ts); a function when it depends on the query. */
  cache?: CachePolicy | ((query: Parsed<Q>) => CachePolicy);
  /** Runs after the access check, before parsing (rate limits, upload parsers). */
  middleware?: RequestHandler[];
  handler: (req: Request, res: Response, input: RouteInput<Q, B, P>) => unknown;
}

export interface RegisteredRoute {
  method: Uppercase<Method>;
  base: string;
  path: string;
  access: Access;
  summary: string;
  query?: z.ZodType;
  body?: z.ZodType;
  params?: z.ZodType;
}

// Module-wide: routes are static, and every app built in a process declares the same ones.
const registry = new Map<string, RegisteredRoute>();

/** Every route declared so far, sorted by base, path, then method. */
export function registeredRoutes(): RegisteredRoute[] {
  return [...registry.values()].sort((a, b) => a.base.localeCompare(b.base) || a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** `METHOD path` for /api/v1 routes, `METHOD base+path` for the others: how tests name a route. */
export function routeKey(r: Pick<RegisteredRoute, 'method' | 'base' | 'path'>): string {
  return `${r.method} ${r.base === API_BASE ? '' : r.base}${r.path}`;
}

export function route<Q extends Schema = undefined, B extends Schema = undefined, P extends Schema = undefined>(
  router: Router,
  spec: RouteSpec<Q, B, P>,
): void {
  const method = spec.method.toUpperCase() as Uppercase<Method>;
  const base = spec.base ?? API_BASE;
  const key = routeKey({ method, base, path: spec.path });
  const known = registry.get(key);
  if (known && known.access !== spec.access) {
    throw new Error(`route ${key} declared twice with different access (${known.access}, ${spec.access})`);
  }
  const { query, body, params, summary, access, path } = spec;
  registry.set(key, { method, base, path, access, summary, query, body, params });

  const handle: RequestHandler = async (req, res) => {
    const principal = res.locals.principal ?? ANONYMOUS;
    const input = {
      // A handler that reads the principal answers per caller, even on a public route.
      get principal() {
        varyOnCaller(res);
        return principal;
      },
      query: query ? parseQuery(req, query) : undefined,
      body: body ? parseBody(req, body) : undefined,
      params: params ? parseParams(req, params) : undefined,
    } as RouteInput<Q, B, P>;
    const policy = typeof spec.cache === 'function' ? spec.cache(input.query) : spec.cache;
    if (policy) res.set('Cache-Control', cacheControl(policy));
    const result = await spec.handler(req, res, input);
    if (result !== undefined && !res.headersSent) sendJson(req, res, result, policy);
  };
  const managersOnly = access === 'data_manager' || access === 'admin';
  const vary: RequestHandler = (_req, res, next) => {
    if (access !== 'public') varyOnCaller(res);
    // The client's service worker keeps API answers for offline use, but never these (client/offline/policy.ts).
    if (managersOnly) res.set('Corridor-Offline', 'never');
    next();
  };
  router[spec.method](path, vary, guard(access), ...(spec.middleware ?? []), handle);
}

/** 401 when signing in would help, 403 when it would not; undefined when allowed. */
export function denial(access: Access, principal: Principal, method: string, publicViewer: boolean): 401 | 403 | undefined {
  if (access === 'public') return undefined;
  if (principal.kind === 'anonymous') {
    const read = method === 'GET' || method === 'HEAD';
    return access === 'viewer' && read && publicViewer ? undefined : 401;
  }
  if (access === 'authenticated') return undefined;
  return hasRole(principal, access) ? undefined : 403;
}

function guard(access: Access): RequestHandler {
  return (req, res, next) => {
    // Fails closed: a router mounted without the principal middleware sees everyone as anonymous.
    const status = denial(access, res.locals.principal ?? ANONYMOUS, req.method, res.locals.publicViewer === true);
    if (status === 401) return next(new HttpError(401, 'Sign-in required', 'sign in or send an API token'));
    if (status === 403) return next(new HttpError(403, 'Forbidden', `needs the ${access} role or higher`));
    next();
  };
}
