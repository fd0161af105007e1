import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';

export interface FieldError {
  field: string;
  message: string;
}

/** An error meant for the client: becomes an RFC 9457 problem+json response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? title);
  }
}

export const badRequest = (errors: FieldError[]): HttpError =>
  new HttpError(400, 'Invalid request', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);

export const notFound = (detail: string): HttpError => new HttpError(404, 'Not found', detail);

/** Zod issues → field errors named the way the client sent them (query.from, body.role …). */
export function fieldErrors(where: string, error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    let segments = [...issue.path, ...(keys.length === 1 ? keys : [])].map(String);
    // A query parameter is one name even when it carries a list (kind=a,b): name the parameter.
    if (where === 'query') segments = segments.slice(0, 1);
    const path = segments.join('.');
    return { field: path ? `${where}.${path}` : where, message: issue.message };
  });
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Sign-in required',
  403: 'Forbidden',
  404: 'Not found',
  413: 'Payload too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
};

/**
 * The one error handler. Client errors carry their own message; anything else is logged
 * with the request id and answered with a generic 500 — never a stack trace or SQL text.
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    let problem: HttpError;
    if (err instanceof HttpError) {
      problem = err;
    } else if (isHttpLike(err) && err.status >= 400 && err.status < 500) {
      // body-parser and friends: malformed JSON, too large, bad encoding
      problem = new HttpError(err.status, STATUS_TITLES[err.status] ?? 'Bad request', err.expose ? err.message : undefined);
    } else {
      log.error({ err, reqId: req.id }, 'unhandled error');
      problem = new HttpError(500, 'Internal server error', `Something went wrong; quote request id ${String(req.id)}`);
    }
    if (res.headersSent) return;
    // The route's cache policy was set before its handler ran; an error is never kept.
    res
      .status(problem.status)
      .set('Cache-Control', 'no-store')
      .type('application/problem+json')
      .json({
        type: 'about:blank',
        title: problem.title,
        status: problem.status,
        detail: problem.detail,
        instance: req.originalUrl.split('?')[0],
        ...(problem.errors ? { errors: problem.errors } : {}),
      });
  };
}

function isHttpLike(err: unknown): err is { status: number; message: string; expose?: boolean } {
  return typeof err === 'object' && err !== null && typeof (err as { status?: unknown }).status === 'number';
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(notFound(`no such endpoint: ${req.method} ${req.path}`));
};
