import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  API_KEY_LENGTH,
  API_KEY_PATTERN,
  API_KEY_PREFIX,
  API_KEY_RANDOM_LENGTH,
  BASE62_ALPHABET,
  DEFAULT_CAPS,
  DomainError,
  ErrorCode,
  apiKeyDisplay,
  assertUnderCap,
  effectiveCaps,
  formatApiKey,
  isWellFormedApiKey,
} from '../src';

/** Unbiased base62: reject bytes >= 248 (4 × 62) before taking the remainder. */
function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62_ALPHABET[byte % 62];
    }
  }
  return out;
}

const key = () => formatApiKey(randomBase62(API_KEY_RANDOM_LENGTH));

/** Independent base62 CRC32, to build keys that checksum correctly but break another rule. */
function checksum(body: string): string {
  let n = crc32(body);
  let out = '';
  for (let i = 0; i < 6; i++, n = Math.floor(n / 62)) out = BASE62_ALPHABET[n % 62] + out;
  return out;
}

describe('API key format', () => {
  it('has a stable shape: prefix, 32 random characters, 6-character checksum', () => {
    expect(API_KEY_PREFIX).toBe('sk-tg-');
    expect(API_KEY_LENGTH).toBe(44);
    const random = '0123456789abcdefghijABCDEFGHIJxy';
    const secret = formatApiKey(random);
    expect(secret.startsWith(`sk-tg-${random}`)).toBe(true);
    expect(secret).toHaveLength(44);
  });

  it('encodes the CRC32 of prefix + random part in base62, left-padded with 0', () => {
    const random = 'A'.repeat(32);
    expect(formatApiKey(random).slice(-6)).toBe(checksum(`sk-tg-${random}`));
    // Any CRC below 62^5 starts with a '0' pad; check the decoding agrees on the real value.
    const decoded = [...formatApiKey(random).slice(-6)].reduce((acc, c) => acc * 62 + BASE62_ALPHABET.indexOf(c), 0);
    expect(decoded).toBe(crc32(`sk-tg-${random}`));
  });

  it('round-trips many generated keys', () => {
    for (let i = 0; i < 2000; i++) {
      const secret = key();
      expect(isWellFormedApiKey(secret), secret).toBe(true);
      expect(API_KEY_PATTERN.test(secret)).toBe(true);
    }
  });

  it('detects any single-character corruption anywhere in the key', () => {
    for (let round = 0; round < 20; round++) {
      const secret = key();
      for (let i = 0; i < secret.length; i++) {
        for (const c of `${BASE62_ALPHABET}-_`) {
          if (c === secret[i]) continue;
          const corrupted = secret.slice(0, i) + c + secret.slice(i + 1);
          expect(isWellFormedApiKey(corrupted), corrupted).toBe(false);
        }
      }
    }
  });

  it('refuses a wrong prefix, length or charset', () => {
    const secret = key();
    const body = secret.slice(API_KEY_PREFIX.length);
    expect(isWellFormedApiKey(`sk-xx-${body}`)).toBe(false);
    expect(isWellFormedApiKey(`SK-TG-${body}`)).toBe(false);
    expect(isWellFormedApiKey(body)).toBe(false);
    expect(isWellFormedApiKey(secret.slice(0, -1))).toBe(false);
    expect(isWellFormedApiKey(`${secret}0`)).toBe(false);
    expect(isWellFormedApiKey(` ${secret}`)).toBe(false);
    expect(isWellFormedApiKey('')).toBe(false);
    // Checksums that match their own text still need our prefix and length.
    const random = randomBase62(32);
    expect(isWellFormedApiKey(`sk-xx-${random}${checksum(`sk-xx-${random}`)}`)).toBe(false);
    expect(isWellFormedApiKey(`sk-tg-${random}0${checksum(`sk-tg-${random}0`)}`)).toBe(false);
    // Right length but non-base62 characters, even with an otherwise valid prefix.
    expect(isWellFormedApiKey(`sk-tg-${'é'.repeat(38)}`)).toBe(false);
    expect(isWellFormedApiKey(`sk-tg-${'-'.repeat(38)}`)).toBe(false);
  });

  it('refuses to format a random part of the wrong size or alphabet', () => {
    expect(() => formatApiKey(randomBase62(31))).toThrow(RangeError);
    expect(() => formatApiKey(randomBase62(33))).toThrow(RangeError);
    expect(() => formatApiKey(`${randomBase62(31)}_`)).toThrow(/base62/);
  });

  it('finds keys in surrounding text for secret scanners, but not inside longer tokens', () => {
    const secret = key();
    const found = new RegExp(API_KEY_PATTERN.source, 'g');
    expect(`export OPENAI_API_KEY="${secret}"\nnext ${secret}.`.match(found)).toEqual([secret, secret]);
    expect(API_KEY_PATTERN.test(`x${secret}`)).toBe(false);
    expect(API_KEY_PATTERN.test(`${secret}x`)).toBe(false);
    expect(API_KEY_PATTERN.test(secret.slice(0, -1))).toBe(false);
  });

  it('displays the first 12 and last 4 characters', () => {
    const secret = formatApiKey('abcdefGHIJKLmnopqrstuvwxyz012345');
    expect(apiKeyDisplay(secret)).toEqual({ prefix: 'sk-tg-abcdef', lastFour: secret.slice(40) });
    expect(apiKeyDisplay(secret).lastFour).toHaveLength(4);
  });
});

describe('caps', () => {
  it('depend on the verification tier', () => {
    expect(DEFAULT_CAPS.DEFAULT).toEqual({ projectsPerOrganization: 20, apiKeysPerProject: 50 });
    expect(DEFAULT_CAPS.ENTERPRISE_VERIFIED).toEqual({ projectsPerOrganization: 50, apiKeysPerProject: 100 });
    expect(effectiveCaps('DEFAULT')).toEqual({ projectsPerOrganization: 20, apiKeysPerProject: 50 });
    expect(effectiveCaps('ENTERPRISE_VERIFIED', null)).toEqual({ projectsPerOrganization: 50, apiKeysPerProject: 100 });
  });

  it('take overrides field by field, up or down, without touching the defaults', () => {
    expect(effectiveCaps('DEFAULT', { apiKeysPerProject: 500 })).toEqual({ projectsPerOrganization: 20, apiKeysPerProject: 500 });
    expect(effectiveCaps('ENTERPRISE_VERIFIED', { projectsPerOrganization: 0 })).toEqual({ projectsPerOrganization: 0, apiKeysPerProject: 100 });
    expect(DEFAULT_CAPS.DEFAULT.apiKeysPerProject).toBe(50);
  });

  it('refuse nonsensical overrides', () => {
    expect(() => effectiveCaps('DEFAULT', { apiKeysPerProject: -1 })).toThrow(/apiKeysPerProject must be a non-negative integer/);
    expect(() => effectiveCaps('DEFAULT', { projectsPerOrganization: 1.5 })).toThrow(DomainError);
  });

  it('allow creating up to the cap and no further', () => {
    expect(() => assertUnderCap('apiKeysPerProject', 49, 50)).not.toThrow();
    expect(() => assertUnderCap('apiKeysPerProject', 50, 50)).toThrow(DomainError);
    expect(() => assertUnderCap('projectsPerOrganization', 0, 0)).toThrow(DomainError);
  });

  it('report LIMIT_CAP_REACHED naming the cap, its value and the tier', () => {
    const error = (() => {
      try {
        assertUnderCap('apiKeysPerProject', 50, 50, 'DEFAULT');
      } catch (e) {
        return e;
      }
    })() as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(ErrorCode.LIMIT_CAP_REACHED);
    expect(error.message).toBe('Cap reached: at most 50 API keys per project for verification tier DEFAULT');
    expect(error.details).toEqual({ field: 'apiKeysPerProject' });
    expect(() => assertUnderCap('projectsPerOrganization', 51, 50)).toThrow(/^Cap reached: at most 50 projects per organization$/);
    expect(() => assertUnderCap('projectsPerOrganization', 1, 1)).toThrow(/at most 1 project per organization/);
  });
});
