import { decode } from 'gpt-tokenizer';
import { countTokens, encodeText } from './tokens';

/** What a `[[...]]` marker in the last message (or the prompt) asks for. */
export interface Markers {
  fail: '500' | '429' | 'timeout' | 'cut' | null;
  noUsage: boolean;
  latencyMs: number | null;
  /** `[[reasoning:N]]`: N reasoning tokens per choice, counted inside the completion tokens. */
  reasoning: number;
}

const MARKER = /\[\[(?:fail:(500|429|timeout|cut)|(no-usage)|latency:(\d+)|reasoning:(\d+))\]\]/g;
const NO_MARKERS: Markers = Object.freeze({ fail: null, noUsage: false, latencyMs: null, reasoning: 0 });

/** The first marker of each kind wins. */
export function markersIn(text: string): Markers {
  if (!text.includes('[[')) return NO_MARKERS;
  const found: Markers = { fail: null, noUsage: false, latencyMs: null, reasoning: 0 };
  let reasoning: number | null = null;
  for (const m of text.matchAll(MARKER)) {
    if (m[1]) found.fail ??= m[1] as Markers['fail'];
    else if (m[2]) found.noUsage = true;
    else if (m[3]) found.latencyMs ??= Number(m[3]);
    else if (m[4]) reasoning ??= Math.min(Number(m[4]), 100_000);
  }
  found.reasoning = reasoning ?? 0;
  return found;
}

/** A reply, computed once per distinct (source text, max tokens) and cached. */
export interface Reply {
  content: string;
  finish: 'stop' | 'length';
  completionTokens: number;
  /** The content in exactly chunkCount pieces, each already a JSON string literal. */
  pieces: string[];
  /** Per piece, OpenAI's `obfuscation` padding: letters that bring the piece and its padding to at least 16 characters. */
  padding: string[];
}

const TAIL = ' This answer is deterministic, so tests and benchmarks can rely on it.';

/**
 * The full reply to a text: "Mock reply to: <its first 8 words>." plus a fixed
 * sentence, that sentence repeated until there are at least 4 characters per
 * stream chunk. Markers (`[[...]]`) are left out.
 */
export function replyText(source: string, chunkCount: number): string {
  const words = source
    .replace(/\[\[[^\]]*\]\]/g, ' ')
    .trim()
    .split(/\s+/)
    .slice(0, 8)
    .join(' ');
  let text = `Mock reply to: ${words}.${TAIL}`;
  while (text.length < chunkCount * 4) text += TAIL;
  return text;
}

/** The longest token prefix of `full` whose own count stays within `max` (finish "length"), or `full` itself. */
export function truncate(full: string, max: number | undefined): { content: string; finish: 'stop' | 'length' } {
  if (max === undefined) return { content: full, finish: 'stop' };
  const tokens = encodeText(full);
  if (tokens.length <= max) return { content: full, finish: 'stop' };
  for (let k = max; k > 0; k--) {
    const content = decode(tokens.slice(0, k));
    // A prefix can end inside a multi-byte character, or re-tokenize longer: back off one token.
    if (!content.endsWith('\uFFFD') && countTokens(content) <= max) return { content, finish: 'length' };
  }
  return { content: '', finish: 'length' };
}

/** Splits text into exactly `count` pieces (empty ones when it is shorter), never inside a surrogate pair. */
export function split(text: string, count: number): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i <= count; i++) {
    let end = i === count ? text.length : Math.max(start, Math.round((text.length * i) / count));
    const code = text.charCodeAt(end);
    if (end > start && end < text.length && code >= 0xdc00 && code <= 0xdfff) end++;
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}

/** A small bounded memo: cleared wholesale when full, which is plenty for a mock. */
export class Memo<V> {
  private readonly map = new Map<string, V>();
  constructor(
    private readonly limit = 2048,
    private readonly maxKeyLength = 32_768,
  ) {}
  get(key: string, compute: () => V): V {
    if (key.length > this.maxKeyLength) return compute();
    let value = this.map.get(key);
    if (value === undefined) {
      if (this.map.size >= this.limit) this.map.clear();
      value = compute();
      this.map.set(key, value);
    }
    return value;
  }
}

const PAD = 'Xk3vQ9mZr2Lw7TfB4nYh8JcD';

/** Deterministic stream padding (OpenAI's `obfuscation` is random): 16 characters minus the text's length, at least 2. */
export function padding(text: string, seed = 0): string {
  const start = seed % 8;
  return PAD.slice(start, start + Math.max(2, 16 - text.length));
}

export function makeReply(source: string, maxTokens: number | undefined, chunkCount: number): Reply {
  const { content, finish } = truncate(replyText(source, chunkCount), maxTokens);
  const parts = split(content, chunkCount);
  return { content, finish, completionTokens: countTokens(content), pieces: parts.map((p) => JSON.stringify(p)), padding: parts.map((p, i) => padding(p, i)) };
}

/** Reasoning text of exactly `tokens` o200k tokens ("Thinking step step …"), for providers that return it (DeepSeek's reasoning_content). */
export function reasoningText(tokens: number): string {
  return tokens > 0 ? 'Thinking' + ' step'.repeat(tokens - 1) : '';
}

/** A deterministic unit vector for an input: FNV-1a seeds xorshift32. */
export function embeddingOf(input: string, dimensions: number): number[] {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) h = Math.imul(h ^ input.charCodeAt(i), 0x01000193);
  let x = h >>> 0 || 1;
  const v = new Array<number>(dimensions);
  let norm = 0;
  for (let i = 0; i < dimensions; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    const f = x / 0x80000000 - 1;
    v[i] = f;
    norm += f * f;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < dimensions; i++) v[i] = Math.round((v[i]! / norm) * 1e6) / 1e6;
  return v;
}
