import { getJson } from '../api.js';
import type { CreatedToken, Role, TokenRow, UserRow } from '../../common/auth.js';
import { sendJson } from '../auth/http.js';

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
