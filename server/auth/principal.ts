import type { Request, RequestHandler } from 'express';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { HttpError } from '../http/problem.js';
import { ANONYMOUS, type Principal } from './roles.js';
import { clearSessionCookie, readCookie, SESSION_COOKIE, sessionPrincipal } from './sessions.js';
import { tokenPrincipal } from './tokens.js';

declare module 'express-serve-static-core' {
  interface Locals {
    /** Who is asking; set for every /api request by principalMiddleware. */
    principal?: Principal;
    /** PUBLIC_VIEWER=on: anonymous callers may read viewer-level data. */
    publicViewer?: boolean;
  }
}

// RFC 6750 token68; anything else in an Authorization header is not ours to interpret.
const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]{16,200}=*)$/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves res.locals.principal: an API token (Authorization: Bearer) wins over a session
 * cookie; neither means anonymous. A token that is sent but not valid is a 401 at once — a
 * script with a revoked token should fail loudly, not quietly read public data.
 */
export function principalMiddleware(db: Db, config: Pick<Config, 'PUBLIC_VIEWER'>): RequestHandler {
  const publicViewer = config.PUBLIC_VIEWER === 'on';
  return async (req, res, next) => {
    res.locals.publicViewer = publicViewer;
    res.locals.principal = ANONYMOUS;
    refuseTokenInUrl(req);
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const secret = BEARER.exec(authorization)?.[1];
      const principal = secret ? await tokenPrincipal(db, secret) : undefined;
      if (!principal) {
        res.setHeader('WWW-Authenticate', 'Bearer');
        throw new HttpError(401, 'Sign-in required', 'the API token is not valid (unknown, expired or revoked)');
      }
      res.locals.principal = principal;
      return next();
    }
    const cookie = readCookie(req, SESSION_COOKIE);
    if (cookie) {
      const principal = /^ses_[A-Za-z0-9_-]{43}$/.test(cookie) ? await sessionPrincipal(db, cookie) : undefined;
      if (!principal) {
        clearSessionCookie(req, res); // expired or signed out elsewhere: stop sending it
      } else {
        // Defence in depth behind SameSite=Strict: a cookie-borne write must come from our own pages.
        if (!SAFE_METHODS.has(req.method) && isCrossOrigin(req)) {
          throw new HttpError(403, 'Forbidden', 'cross-origin request refused');
        }
        res.locals.principal = principal;
      }
    }
    next();
  };
}

// Query parameters scripts and GIS clients use for credentials.
const URL_CREDENTIALS = ['token', 'access_token', 'api_key', 'apikey', 'key'];

/**
 * A token in a URL ends up in server and proxy logs, browser history and Referer headers, so it
 * is refused outright (whether valid or not), saying where it belongs.
 */
function refuseTokenInUrl(req: Request): void {
  const sent = URL_CREDENTIALS.filter((k) => Object.hasOwn(req.query, k));
  if (sent.length === 0) return;
  throw new HttpError(
    400,
    'Token in URL refused',
    'API tokens are never accepted in the URL (they would be logged); send the header Authorization: Bearer <token> instead',
    sent.map((k) => ({ field: `query.${k}`, message: 'send the token as Authorization: Bearer <token>, not in the URL' })),
  );
}

function isCrossOrigin(req: Request): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return req.headers['sec-fetch-site'] === 'cross-site';
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true; // 'null' and other opaque origins
  }
}
