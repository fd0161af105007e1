import type { Me, Role } from '../../common/auth.js';
import { getJson } from '../api.js';
import { sendJson } from './http.js';


export const ROLE_LABELS: Record<Role | 'public', string> = {
  public: 'Public',
  viewer: 'Viewer',
  analyst: 'Analyst',
  planner: 'Planner',
  data_manager: 'Data manager',
  admin: 'Admin',
};

const required = <T>(v: T | undefined): T => {
  if (v === undefined) throw new Error('the server sent no body');
  return v;
};

export const authApi = {
  me: () => getJson<Me>('/api/v1/auth/me'),
  login: async (username: string, password: string) => required(await sendJson<Me>('POST', '/api/v1/auth/login', { username, password })),
  oneTime: async (code: string) => required(await sendJson<Me>('POST', '/api/v1/auth/one-time', { code })),
  logout: async () => {
    await sendJson<never>('POST', '/api/v1/auth/logout');
  },
};
