import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Upstream credentials at rest: AES-256-GCM with a random 96-bit nonce per
 * value, stored as `v1.<nonce>.<tag>.<ciphertext>` in base64url. The key
 * (32 bytes, base64) comes from the environment, never from the database.
 */
export class CredentialCipher {
  private readonly key: Buffer;
  constructor(base64Key: string) {
    this.key = Buffer.from(base64Key, 'base64');
    if (this.key.length !== 32) throw new Error('CREDENTIAL_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  }

  encrypt(plaintext: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', nonce, cipher.getAuthTag(), body].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  decrypt(stored: string): string {
    const [version, nonce, tag, body] = stored.split('.');
    if (version !== 'v1' || !nonce || !tag || body === undefined) throw new Error('Unrecognised credential format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(nonce, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}

export const newCredentialKey = () => randomBytes(32).toString('base64');
