import { z } from 'zod';
import { positiveId } from '../http/schemas.js';
import { ROLES } from './roles.js';

// Inputs are bounded and free of control characters before they reach SQL or the audit log
// (PostgreSQL text refuses NUL, and a NUL would otherwise surface as a 500).
const plainText = (max: number) =>
  z.string().trim().min(1).max(max).regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters');

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, '2–64 letters, digits, dots, dashes or underscores');

/** bcrypt reads only the first 72 bytes: longer passwords would silently lose their tail. */
export const newPassword = z
  .string()
  .min(12, 'at least 12 characters')
  .refine((p) => Buffer.byteLength(p, 'utf8') <= 72, 'at most 72 bytes');

export const role = z.enum(ROLES);

export const loginBody = z.strictObject({ username, password: z.string().min(1).max(1024) });

export const oneTimeBody = z.strictObject({ code: z.string().regex(/^otc_[A-Za-z0-9_-]{43}$/, 'not a sign-in code') });

export const idParams = z.strictObject({ id: positiveId });

export const tokenBody = z.strictObject({
  role,
  name: plainText(100),
  expiresAt: z.iso
    .datetime({ offset: true })
    .transform((s) => new Date(s))
    .refine((d) => d.getTime() > Date.now(), 'must be in the future')
    .optional(),
});

export const userBody = z.strictObject({ username, password: newPassword, role });

export const userPatch = z
  .strictObject({ role: role.optional(), disabled: z.boolean().optional(), password: newPassword.optional() })
  .refine((p) => p.role !== undefined || p.disabled !== undefined || p.password !== undefined, 'nothing to change');
