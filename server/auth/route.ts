/**
 * Every API endpoint is declared with `route()`, with who may call it next to it:
 *
 *   route(router, {
 *     method: 'get', path: '/flows', access: 'viewer', summary: 'OD flows for the flow map',
 *     query: flowsQuery,                       // zod; parsed before the handler, 400 on failure
 *     handler: async (req, res, { principal, query }) => { … },
 *   });
 *
 * access: 'public'        anyone, signed in or not (health, client config, sign-in itself);
 *         'authenticated' any signed-in caller (session or token), never anonymous;
 *         a Role          that role or a higher one (viewer < analyst < planner < data_manager < admin).
 *                         'viewer' GETs are also open to anonymous callers when PUBLIC_VIEWER=on.
 * Anonymous callers never pass a non-GET route unless it is 'public': writes and imports always
 * need a signed-in principal. Paths are relative to /api/v1 (mount routers without a prefix).
 *
 * Every declaration lands in a registry: tests/api/auth-matrix.test.ts checks each registered
 * route for each role, and fails for a route missing from its expectation table — add yours
 * there. tests/api/auth-fuzz.test.ts fuzzes every route, using the declared schemas to name
 * parameters, so declare them here rather than parsing inside the handler.
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { HttpError } from '../http/problem.js';
import { parseBody, parseParams, parseQuery } from '../http/validate.js';
import { ANONYMOUS, hasRole, type Principal, type Role } from './roles.js';

export type Access = 'public' | 'authenticated' | Role;
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
  access: Access;
  /** One line for the API documentation. */
  summary: string;
  query?: Q;
  body?: B;
  params?: P;
  /** Runs after the access check, before parsing (rate limits, upload parsers). */
  middleware?: RequestHandler[];
  handler: (req: Request, res: Response, input: RouteInput<Q, B, P>) => unknown;
}

export interface RegisteredRoute {
  method: Uppercase<Method>;
  path: string;
  access: Access;
  summary: string;
  query?: z.ZodType;
  body?: z.ZodType;
  params?: z.ZodType;
}

// Module-wide: routes are static, and every app built in a process declares the same ones.
const registry = new Map<string, RegisteredRoute>();

/** Every route declared so far, sorted by path then method. */
export function registeredRoutes(): RegisteredRoute[] {
  return [...registry.values()].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

export function route<Q extends Schema = undefined, B extends Schema = undefined, P extends Schema = undefined>(
  router: Router,
  spec: RouteSpec<Q, B, P>,
): void {
  const method = spec.method.toUpperCase() as Uppercase<Method>;
  const key = `${method} ${spec.path}`;
  const known = registry.get(key);
  if (known && known.access !== spec.access) {
    throw new Error(`route ${key} declared twice with different access (${known.access}, ${spec.access})`);
  }
  const { query, body, params, summary, access, path } = spec;
  registry.set(key, { method, path, access, summary, query, body, params });

  const handle: RequestHandler = async (req, res) => {
    const input = {
      principal: res.locals.principal ?? ANONYMOUS,
      query: query ? parseQuery(req, query) : undefined,
      body: body ? parseBody(req, body) : undefined,
      params: params ? parseParams(req, params) : undefined,
    } as RouteInput<Q, B, P>;
    await spec.handler(req, res, input);
  };
  router[spec.method](path, guard(access), ...(spec.middleware ?? []), handle);
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
