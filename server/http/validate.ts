import type { Request } from 'express';
import type { z } from 'zod';
import { badRequest, fieldErrors } from './problem.js';

/** Parses req.query with a schema, or throws a 400 naming each bad parameter. */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const r = schema.safeParse(req.query);
  if (!r.success) throw badRequest(fieldErrors('query', r.error));
  return r.data;
}

export function parseBody<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const r = schema.safeParse(req.body ?? {});
  if (!r.success) throw badRequest(fieldErrors('body', r.error));
  return r.data;
}

export function parseParams<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const r = schema.safeParse(req.params);
  if (!r.success) throw badRequest(fieldErrors('path', r.error));
  return r.data;
}
