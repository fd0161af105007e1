import type { RequestHandler } from 'express';
import { CSP_DIRECTIVES } from '../http/security.js';

/**
 * The print page (brief.html) may be framed by the app itself: the composer previews it in an
 * iframe. Same policy as everywhere else, except frame-ancestors 'self' instead of 'none'.
 */
export function briefPageHeaders(): RequestHandler {
  const csp = Object.entries({ ...CSP_DIRECTIVES, 'frame-ancestors': ["'self'"] })
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
  return (_req, res, next) => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    next();
  };
}
