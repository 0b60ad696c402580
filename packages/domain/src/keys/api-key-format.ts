import { crc32 } from 'node:zlib';

/**
 * API key secrets look like `sk-tg-` + 32 random base62 characters + a
 * 6-character base62 CRC32 of everything before it. The checksum lets the
 * proxy refuse typos and garbage without a database lookup, and lets secret
 * scanners confirm a match offline; it adds no secrecy.
 */
export const API_KEY_PREFIX = 'sk-tg-';
/** 32 base62 characters carry ~190 bits of entropy. */
export const API_KEY_RANDOM_LENGTH = 32;
/** 62^6 > 2^32, so six characters hold any CRC32 value. */
export const API_KEY_CHECKSUM_LENGTH = 6;
export const API_KEY_LENGTH = API_KEY_PREFIX.length + API_KEY_RANDOM_LENGTH + API_KEY_CHECKSUM_LENGTH;
/** Digit order matters: the checksum is a base62 number written in this alphabet. */
export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Finds candidate keys in text, for secret scanners (GitHub push protection,
 * gitleaks, log scrubbers). Not anchored, and not global so it holds no
 * `lastIndex` state; build `new RegExp(API_KEY_PATTERN.source, 'g')` to find
 * every match. Confirm a candidate with `isWellFormedApiKey` to drop the
 * random strings that only look like keys.
 */
export const API_KEY_PATTERN = /(?<![0-9A-Za-z])sk-tg-[0-9A-Za-z]{38}(?![0-9A-Za-z])/;

const BODY_LENGTH = API_KEY_PREFIX.length + API_KEY_RANDOM_LENGTH;

/** The digit value of a base62 character code, or -1. */
function base62Digit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 90) return code - 55; // A-Z
  if (code >= 97 && code <= 122) return code - 61; // a-z
  return -1;
}

function isBase62(value: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (base62Digit(value.charCodeAt(i)) < 0) return false;
  return true;
}

function checksumOf(body: string): string {
  let n = crc32(body);
  let out = '';
  for (let i = 0; i < API_KEY_CHECKSUM_LENGTH; i++) {
    out = BASE62_ALPHABET[n % 62]! + out;
    n = Math.floor(n / 62);
  }
  return out; // leading zero digits are the '0' left-padding
}

/** Builds a key from `API_KEY_RANDOM_LENGTH` random base62 characters (generate them with a CSPRNG). */
export function formatApiKey(randomPart: string): string {
  if (randomPart.length !== API_KEY_RANDOM_LENGTH || !isBase62(randomPart, 0, randomPart.length)) {
    throw new RangeError(`randomPart must be exactly ${API_KEY_RANDOM_LENGTH} base62 characters`);
  }
  const body = API_KEY_PREFIX + randomPart;
  return body + checksumOf(body);
}

/** True when the value has our shape and checksum. Says nothing about whether the key exists or is active. */
export function isWellFormedApiKey(value: string): boolean {
  if (typeof value !== 'string' || value.length !== API_KEY_LENGTH || !value.startsWith(API_KEY_PREFIX)) return false;
  if (!isBase62(value, API_KEY_PREFIX.length, API_KEY_LENGTH)) return false;
  let checksum = 0;
  for (let i = BODY_LENGTH; i < API_KEY_LENGTH; i++) checksum = checksum * 62 + base62Digit(value.charCodeAt(i));
  return checksum === crc32(value.slice(0, BODY_LENGTH));
}

export interface ApiKeyDisplay {
  prefix: string;
  lastFour: string;
}

/**
 * What we store and show to recognise a key. The prefix reveals 6 random
 * characters and the last four reveal ~24 bits of checksum, leaving ~130
 * unknown bits: safe to display.
 */
export const apiKeyDisplay = (secret: string): ApiKeyDisplay => ({ prefix: secret.slice(0, 12), lastFour: secret.slice(-4) });
