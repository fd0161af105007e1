import type { CookieOptions, Request, Response } from 'express';
import type { Queryable } from '../db/index.js';
import type { Principal, Role } from './roles.js';
import { newSecret, secretHash } from './secrets.js';

export const SESSION_COOKIE = 'corridor_session';

/** Starts a session for a user; returns the secret for the cookie (only its hash is stored). */
export async function createSession(q: Queryable, userId: number, hours: number): Promise<string> {
  // Expired sessions are swept here rather than by a timer: sign-ins are rare and cheap.
  await q.query('DELETE FROM sessions WHERE expires_at < now()');
  const secret = newSecret('ses');
  await q.query(`INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3))`, [
    secretHash(secret),
    userId,
    hours,
  ]);
  return secret;
}

/** The principal behind a live session of an enabled user; role is read fresh on each request. */
export async function sessionPrincipal(q: Queryable, secret: string): Promise<Principal | undefined> {
  const [row] = await q.query<{ id: number; username: string; role: Role }>(
    `SELECT u.id, u.username, u.role FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
    [secretHash(secret)],
  );
  return row && { kind: 'session', userId: row.id, name: row.username, role: row.role };
}

export async function endSession(q: Queryable, secret: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE token_hash = $1', [secretHash(secret)]);
}

/** Signs a user out everywhere (password changed, account disabled). */
export async function endUserSessions(q: Queryable, userId: number): Promise<void> {
  await q.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

/** HttpOnly: scripts never see it; SameSite=Strict: no cross-site requests carry it (CSRF). */
function cookieOptions(req: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' };
}

export function setSessionCookie(req: Request, res: Response, secret: string, hours: number): void {
  res.cookie(SESSION_COOKIE, secret, { ...cookieOptions(req), maxAge: hours * 3_600_000 });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(req));
}

/** One cookie's value from the Cookie header (no cookie-parser dependency for one name). */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
