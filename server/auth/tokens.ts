import type { TokenRow } from '../../common/auth.js';
import type { Queryable } from '../db/index.js';
import type { Principal, Role } from './roles.js';
import { newSecret, secretHash } from './secrets.js';

/** A token as read here (never its secret or hash); the API sends it with ISO dates (common/auth.ts). */
export type TokenInfo = TokenRow<Date>;

// Never selects token_hash: listings carry no secret, not even its hash.
const COLUMNS = `id, name, role, created_by AS "createdBy", created_at AS "createdAt", expires_at AS "expiresAt",
  last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`;

export interface NewToken {
  name: string;
  role: Role;
  createdBy?: number;
  expiresAt?: Date;
  /** A given secret (CORRIDOR_ADMIN_TOKEN); otherwise a fresh random one. */
  secret?: string;
}

/** Creates a token; the returned secret exists nowhere else — show it once. */
export async function createToken(q: Queryable, t: NewToken): Promise<{ id: number; token: string }> {
  const token = t.secret ?? newSecret('cor');
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO api_tokens (token_hash, name, role, created_by, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [secretHash(token), t.name, t.role, t.createdBy ?? null, t.expiresAt ?? null],
  );
  if (!row) throw new Error('token insert returned no row');
  return { id: row.id, token };
}

export function listTokens(q: Queryable): Promise<TokenInfo[]> {
  return q.query<TokenInfo & Record<string, unknown>>(`SELECT ${COLUMNS} FROM api_tokens ORDER BY id`);
}

/** 'revoked' now, 'already' revoked before (idempotent), or 'missing'. */
export async function revokeToken(q: Queryable, id: number): Promise<'revoked' | 'already' | 'missing'> {
  const [row] = await q.query<{ changed: boolean }>(
    `WITH t AS (SELECT id, revoked_at IS NULL AS live FROM api_tokens WHERE id = $1),
          u AS (UPDATE api_tokens SET revoked_at = now() WHERE id IN (SELECT id FROM t WHERE live) RETURNING id)
     SELECT EXISTS (SELECT 1 FROM u) AS changed FROM t`,
    [id],
  );
  return row === undefined ? 'missing' : row.changed ? 'revoked' : 'already';
}

/** The principal for a live (not revoked, not expired) token, recording that it was used. */
export async function tokenPrincipal(q: Queryable, secret: string): Promise<Principal | undefined> {
  const [row] = await q.query<{ id: number; name: string; role: Role }>(
    // last_used_at is written at most once a minute per token: no write on every request.
    `WITH t AS (SELECT id, name, role FROM api_tokens
                WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())),
          touched AS (UPDATE api_tokens SET last_used_at = now()
                      WHERE id IN (SELECT id FROM t) AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute'))
     SELECT id, name, role FROM t`,
    [secretHash(secret)],
  );
  return row && { kind: 'token', tokenId: row.id, name: row.name, role: row.role };
}

/**
 * CORRIDOR_ADMIN_TOKEN: make sure an admin token with this value exists. A revoked one stays
 * revoked — an admin's revocation outranks a stale environment variable; the caller warns.
 */
export async function ensureConfiguredToken(q: Queryable, secret: string): Promise<'created' | 'present' | 'revoked'> {
  const [row] = await q.query<{ revoked: boolean }>(
    `SELECT revoked_at IS NOT NULL AS revoked FROM api_tokens WHERE token_hash = $1`,
    [secretHash(secret)],
  );
  if (!row) {
    await createToken(q, { name: 'CORRIDOR_ADMIN_TOKEN', role: 'admin', secret });
    return 'created';
  }
  if (row.revoked) return 'revoked';
  // Someone narrowed it in the database: the configuration says it is an admin token, for good.
  await q.query(`UPDATE api_tokens SET role = 'admin', expires_at = NULL
    WHERE token_hash = $1 AND (role <> 'admin' OR expires_at IS NOT NULL)`, [secretHash(secret)]);
  return 'present';
}
