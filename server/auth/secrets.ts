import { createHash, randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';

/**
 * A bearer secret: 32 random bytes, base64url, with a prefix naming what it is (so secret
 * scanners and people reading a leaked log can tell a Corridor token from noise).
 */
export function newSecret(prefix: 'cor' | 'ses' | 'otc'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/**
 * What the database keeps instead of a secret. A fast hash is enough here (unlike passwords):
 * the input has 256 bits of entropy, so it cannot be guessed from the hash.
 */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function hashPassword(password: string, cost: number): Promise<string> {
  return bcrypt.hash(password, cost);
}

// Compared against when the user does not exist, so a wrong username costs as much time as a
// wrong password and response times do not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(password: string, hash: string | null | undefined, cost: number): Promise<boolean> {
  if (!hash) {
    dummyHash ??= bcrypt.hash('corridor-dummy-password', cost);
    await bcrypt.compare(password, await dummyHash);
    return false;
  }
  return bcrypt.compare(password, hash);
}
