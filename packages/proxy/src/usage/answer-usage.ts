import { readProviderUsage, type TokenUsage } from '@tollgate/domain';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const isSpace = (byte: number | undefined) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/**
 * The usage a non-streamed answer reports: the top-level `usage` member found
 * by scanning bytes (strings are skipped with native indexOf, nested values
 * only tracked for depth), then just that member parsed and read. Null when
 * absent or malformed. Same answer as `readProviderUsage(JSON.parse(answer).usage)`
 * for every JSON object, whatever the key order, whitespace, nesting or
 * duplicate keys (the fuzz test in answer-usage.test.ts holds it to that).
 */
export function answerUsage(answer: Buffer): TokenUsage | null {
  const span = topLevelMember(answer, 'usage');
  if (!span) return null;
  try {
    return readProviderUsage(JSON.parse(answer.toString('utf8', span[0], span[1])));
  } catch {
    return null;
  }
}

/** The [start, end) bytes of the value of the root object's member `name` (the last one, as JSON.parse keeps), or null. */
export function topLevelMember(json: Buffer, name: string): [number, number] | null {
  let i = skipSpace(json, 0);
  if (json[i] !== OPEN_OBJECT) return null;
  let depth = 0;
  /** At depth 1, after `{` or `,`: the next string is a member name. */
  let nameNext = false;
  /** Where the wanted member's value starts while it is being scanned. */
  let valueStart = -1;
  let found: [number, number] | null = null;
  for (; i < json.length; i++) {
    const byte = json[i];
    if (byte === QUOTE) {
      const end = stringEnd(json, i);
      if (end < 0) return null;
      if (nameNext && isName(json, i, end, name)) {
        const colon = skipSpace(json, end + 1);
        if (json[colon] !== COLON) return null;
        valueStart = skipSpace(json, colon + 1);
        i = valueStart - 1;
      } else {
        i = end;
      }
      nameNext = false;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      depth++;
      nameNext = depth === 1;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      if (--depth === 0) return valueStart >= 0 ? [valueStart, trimEnd(json, valueStart, i)] : found;
    } else if (byte === COMMA && depth === 1) {
      if (valueStart >= 0) (found = [valueStart, trimEnd(json, valueStart, i)]), (valueStart = -1);
      nameNext = true;
    }
  }
  return null;
}

/** The index of the quote that closes the string opened at `open`, or -1 when it never closes. */
function stringEnd(json: Buffer, open: number): number {
  let at = open;
  for (;;) {
    at = json.indexOf(QUOTE, at + 1);
    if (at < 0) return -1;
    let backslashes = 0;
    while (json[at - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
}

/** Whether the string between the quotes at `open` and `close` reads `name` (escapes decoded only when it has some). */
function isName(json: Buffer, open: number, close: number, name: string): boolean {
  const length = close - open - 1;
  if (length < name.length) return false;
  if (length === name.length) {
    for (let k = 0; k < length; k++) if (json[open + 1 + k] !== name.charCodeAt(k)) return false;
    return true;
  }
  // Longer: only an escaped spelling (e.g. "us\u0061ge") can still read `name`.
  if (!json.subarray(open + 1, close).includes(BACKSLASH)) return false;
  try {
    return JSON.parse(json.toString('utf8', open, close + 1)) === name;
  } catch {
    return false;
  }
}

function skipSpace(json: Buffer, from: number): number {
  let i = from;
  while (isSpace(json[i])) i++;
  return i;
}

function trimEnd(json: Buffer, start: number, end: number): number {
  let e = end;
  while (e > start && isSpace(json[e - 1])) e--;
  return e;
}
