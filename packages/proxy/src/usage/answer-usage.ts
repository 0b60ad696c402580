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
 * by scanning bytes from the end (providers put usage last or nearly so), then
 * just that member parsed and read. Null when absent or malformed. Same answer
 * as `readProviderUsage(JSON.parse(answer).usage)` for every JSON object,
 * whatever the key order, whitespace, nesting or duplicate keys (the fuzz test
 * in answer-usage.test.ts holds it to that).
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

/**
 * The [start, end) bytes of the value of the root object's member `name`, or
 * null. Scans backwards, so the first match is the last member of that name,
 * the one JSON.parse keeps. Backwards is exact for JSON: outside a string every
 * quote closes one, and its opening quote is the previous unescaped quote
 * (found with native lastIndexOf); nested values are only counted for depth.
 */
export function topLevelMember(json: Buffer, name: string): [number, number] | null {
  let i = json.length - 1;
  while (i >= 0 && isSpace(json[i])) i--;
  if (json[i] !== CLOSE_OBJECT) return null;
  let depth = 0;
  /** The `,` or `}` that ends the root member being passed. */
  let memberEnd = i;
  for (; i >= 0; i--) {
    const byte = json[i];
    if (byte === QUOTE) {
      const open = stringStart(json, i);
      if (open < 0) return null;
      // At depth 1 a string followed by a colon is a member's name.
      if (depth === 1) {
        const colon = skipSpace(json, i + 1);
        if (json[colon] === COLON && isName(json, open, i, name)) return [skipSpace(json, colon + 1), trimEnd(json, colon + 1, memberEnd)];
      }
      i = open;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth++;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (--depth === 0) return null;
    } else if (byte === COMMA && depth === 1) {
      memberEnd = i;
    }
  }
  return null;
}

/**
 * The index of the quote that opens the string closed at `close`, or -1.
 * Inside a string every quote is escaped (a backslash before it); an opening
 * quote never has one before it (a backslash outside strings is not JSON).
 */
function stringStart(json: Buffer, close: number): number {
  for (let at = close; at > 0;) {
    at = json.lastIndexOf(QUOTE, at - 1);
    if (at < 0) return -1;
    if (json[at - 1] !== BACKSLASH) return at;
  }
  return -1;
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
