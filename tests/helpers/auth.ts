import { randomBytes } from 'node:crypto';
import type { Role } from '../../server/auth/roles.js';
import { hashPassword } from '../../server/auth/secrets.js';
import { createUser } from '../../server/auth/users.js';
import type { Queryable } from '../../server/db/index.js';

export interface TestUser {
  id: number;
  username: string;
  password: string;
}

/** A user made through the service functions; unique name, because the test database is shared. */
export async function makeUser(db: Queryable, role: Role, prefix = 't'): Promise<TestUser> {
  const username = `${prefix}-${role}-${randomBytes(5).toString('hex')}`.replaceAll('_', '-');
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const user = await createUser(db, { username, role, passwordHash: await hashPassword(password, 4) });
  if (!user) throw new Error(`test user ${username} exists`);
  return { id: user.id, username, password };
}

/** The session cookie from a Set-Cookie response, ready for a Cookie request header. */
export function sessionCookie(res: Response): string | undefined {
  const set = res.headers.getSetCookie().find((c) => c.startsWith('corridor_session='));
  return set?.split(';')[0];
}

export const json = (body: unknown, init: RequestInit & { method: string }): RequestInit => ({
  ...init,
  headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
  body: JSON.stringify(body),
});
