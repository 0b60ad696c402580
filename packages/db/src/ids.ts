import { randomUUID } from 'node:crypto';

/**
 * A new UUID whose first 48 bits are the current time in milliseconds (version 7, RFC 9562), for
 * the rows written most: request logs and their Consume records. A random (version 4) key puts
 * each insert on a random page of the primary key's index; once the index outgrows memory, each
 * is a page read and, after a checkpoint, a whole page in the WAL. These go at its right edge.
 *
 * The other 74 bits are a version 4 UUID's random ones (its variant bits are version 7's too):
 * node's randomUUID draws from a cached pool, about 0.1 µs, where the uuid package's v7 takes
 * 3.6 µs here (webcrypto's getRandomValues per id), on a path that makes two per call.
 */
let prefixMs = -1;
let prefix = '';

export function timeOrderedId(now = Date.now()): string {
  if (now !== prefixMs) {
    const time = now.toString(16).padStart(12, '0');
    [prefixMs, prefix] = [now, `${time.slice(0, 8)}-${time.slice(8)}-7`];
  }
  // randomUUID(): xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx; from its 15th character on, after the version digit.
  return prefix + randomUUID().slice(15);
}
