import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { HttpError } from './problem.js';

/**
 * The client is written to this policy (issue 3): no inline script or style and no eval, but
 * WebAssembly may compile; blob: workers for MapLibre; data:/blob: images for map exports.
 * Helmet's defaults are off so the header is exactly this and nothing is added silently.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Security headers on every response (API and client files alike). No CORS headers: same-origin only. */
export function securityHeaders(): RequestHandler {
  return helmet({ contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES } });
}

export interface RateLimitOptions {
  /** Requests allowed per minute per key. */
  perMinute: number;
  /** Shown in the RateLimit-Policy header, so clients can tell limits apart. */
  name: string;
  /** 'ip' (sign-in: there is no caller yet) or 'caller' (the principal; its address when anonymous). */
  by: 'ip' | 'caller';
}

/**
 * A rate limiter middleware with its own counters (one per call: give each heavy route its own,
 * or share one between routes that should share a budget). Counters live in memory, per process.
 * Pass it in route()'s `middleware`, so it runs after the access check.
 */
export function rateLimiter({ perMinute, name, by }: RateLimitOptions): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    identifier: name,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req, res) => {
      const p = res.locals.principal;
      if (by === 'caller' && p && p.kind !== 'anonymous') return `${p.kind}:${p.userId ?? p.tokenId ?? p.name}`;
      // ipKeyGenerator groups an IPv6 /56, so one host cannot dodge the limit by rotating addresses.
      return ipKeyGenerator(req.ip ?? 'unknown');
    },
    handler: (_req, _res, next) => {
      next(new HttpError(429, 'Too many requests', `at most ${perMinute} requests a minute here; try again shortly`));
    },
  });
}

// Credentials must never reach the logs: pino-http logs request and response headers.
const SECRET_HEADERS = ['authorization', 'cookie', 'set-cookie'];

function redactHeaders<T extends { headers?: Record<string, unknown> }>(serialized: T): T {
  if (!serialized.headers) return serialized;
  const headers = { ...serialized.headers };
  for (const h of SECRET_HEADERS) if (h in headers) headers[h] = '[redacted]';
  return { ...serialized, headers };
}

/** pino-http serializers (wrapped around the standard ones) that drop credentials. */
export const logSerializers = { req: redactHeaders, res: redactHeaders };
