import { hash, verify } from '@node-rs/argon2';
import { createHash, hash as digestOf, randomBytes, timingSafeEqual } from 'node:crypto';

/** argon2id with the library's defaults (19 MiB, 2 passes), OWASP's recommended minimum. */
export const hashPassword = (password: string) => hash(password); // the library's default algorithm is argon2id;
export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password).catch(() => false);

/** A hash of a never-used password, verified against when the email is unknown so timing tells nothing. */
let decoyHash: Promise<string> | undefined;
export const verifyDecoy = async (password: string) => {
  decoyHash ??= hashPassword('decoy-password-never-used');
  await verifyPassword(await decoyHash, password);
  return false;
};

/** One-shot crypto.hash (Node 20.12+): about a third of createHash's cost, and it runs for every proxied call's key. */
export const sha256Hex = (value: string): string => digestOf('sha256', value, 'hex');

/** Whether an Authorization header is `Bearer <token>`, compared in constant time (digests, so the lengths match too). */
export function bearerTokenMatches(authorization: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (given === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** A random base62 string; 32 characters carry ~190 bits. */
export function randomBase62(length = 32): string {
  const bytes = randomBytes(length * 2);
  let out = '';
  for (const byte of bytes) {
    if (byte >= 248) continue; // 248 = 62 * 4: reject to keep the distribution uniform
    out += BASE62[byte % 62];
    if (out.length === length) return out;
  }
  return out + randomBase62(length - out.length);
}
