import type { UserRow } from '../../common/auth.js';
import type { Queryable } from '../db/index.js';
import type { Role } from './roles.js';

/** A user as read here; the API sends the same row with ISO dates (common/auth.ts). */
export type User = UserRow<Date>;

// Never selects password_hash: only findLoginUser needs it.
const COLUMNS = `id, username, role, disabled, password_hash IS NOT NULL AS "hasPassword",
  created_at AS "createdAt", updated_at AS "updatedAt", last_login_at AS "lastLoginAt"`;

/** A new user, or undefined when the username is taken. */
export async function createUser(
  q: Queryable,
  u: { username: string; role: Role; passwordHash: string | null },
): Promise<User | undefined> {
  const [row] = await q.query<User & Record<string, unknown>>(
    `INSERT INTO users (username, role, password_hash) VALUES ($1, $2, $3)
     ON CONFLICT (username) DO NOTHING RETURNING ${COLUMNS}`,
    [u.username, u.role, u.passwordHash],
  );
  return row;
}

export function listUsers(q: Queryable): Promise<User[]> {
  return q.query<User & Record<string, unknown>>(`SELECT ${COLUMNS} FROM users ORDER BY id`);
}

export async function getUser(q: Queryable, id: number): Promise<User | undefined> {
  const [row] = await q.query<User & Record<string, unknown>>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
  return row;
}

export async function findLoginUser(
  q: Queryable,
  username: string,
): Promise<{ id: number; username: string; role: Role; disabled: boolean; passwordHash: string | null } | undefined> {
  const [row] = await q.query<{ id: number; username: string; role: Role; disabled: boolean; passwordHash: string | null }>(
    `SELECT id, username, role, disabled, password_hash AS "passwordHash" FROM users WHERE username = $1`,
    [username],
  );
  return row;
}

export interface UserChange {
  role?: Role;
  disabled?: boolean;
  passwordHash?: string;
}

/** Applies the given fields; undefined when there is no such user. */
export async function updateUser(q: Queryable, id: number, c: UserChange): Promise<User | undefined> {
  const [row] = await q.query<User & Record<string, unknown>>(
    `UPDATE users SET role = COALESCE($2, role), disabled = COALESCE($3, disabled),
       password_hash = COALESCE($4, password_hash), updated_at = now()
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, c.role ?? null, c.disabled ?? null, c.passwordHash ?? null],
  );
  return row;
}

export async function markLogin(q: Queryable, id: number): Promise<void> {
  await q.query('UPDATE users SET last_login_at = now() WHERE id = $1', [id]);
}

// Serialises user changes, so two admins demoting each other at once cannot both succeed.
const USER_CHANGE_LOCK = 7_304_002;

export async function lockUserChanges(q: Queryable): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock($1)', [USER_CHANGE_LOCK]);
}

/** Enabled admins other than `exceptId` (call under lockUserChanges): nobody may lock everyone out. */
export async function otherEnabledAdmins(q: Queryable, exceptId: number): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND NOT disabled AND id <> $1`,
    [exceptId],
  );
  return row?.n ?? 0;
}
