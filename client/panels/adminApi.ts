import { getJson } from '../api.js';
import type { Role } from '../auth/authApi.js';
import { sendJson } from '../auth/http.js';

/** Shapes of /api/v1/users and /api/v1/tokens (server/auth/admin-routes.ts); dates arrive as ISO strings. */
export interface UserRow {
  id: number;
  username: string;
  role: Role;
  disabled: boolean;
  hasPassword: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface TokenRow {
  id: number;
  name: string;
  role: Role;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The POST /tokens answer: the only time the secret ever leaves the server. */
export interface CreatedToken {
  id: number;
  token: string;
  name: string;
  role: Role;
  expiresAt: string | null;
}

export interface UserPatch {
  role?: Role;
  disabled?: boolean;
  password?: string;
}

const must = <T>(v: T | undefined): T => {
  if (v === undefined) throw new Error('the server sent no body');
  return v;
};

export const adminApi = {
  users: async () => (await getJson<{ users: UserRow[] }>('/api/v1/users')).users,
  createUser: async (u: { username: string; password: string; role: Role }) => must(await sendJson<UserRow>('POST', '/api/v1/users', u)),
  updateUser: async (id: number, patch: UserPatch) => must(await sendJson<UserRow>('PATCH', `/api/v1/users/${id}`, patch)),
  tokens: async () => (await getJson<{ tokens: TokenRow[] }>('/api/v1/tokens')).tokens,
  createToken: async (t: { name: string; role: Role; expiresAt?: string }) => must(await sendJson<CreatedToken>('POST', '/api/v1/tokens', t)),
  revokeToken: async (id: number) => {
    await sendJson<never>('DELETE', `/api/v1/tokens/${id}`);
  },
};
