import { readProviderUsage, type TokenUsage } from '@tollgate/domain';
import { StringDecoder } from 'node:string_decoder';

const USAGE_KEY = Buffer.from('"usage"');
const isSpace = (byte: number | undefined) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/** Whether the bytes hold a `"usage"` member whose value is an object, whatever the spacing; `"usage":null` does not count. */
export function hasUsageObject(chunk: Buffer): boolean {
  for (let at = chunk.indexOf(USAGE_KEY); at >= 0; at = chunk.indexOf(USAGE_KEY, at + 1)) {
    let i = at + USAGE_KEY.length;
    while (isSpace(chunk[i])) i++;
    if (chunk[i++] !== 0x3a /* : */) continue;
    while (isSpace(chunk[i])) i++;
    if (chunk[i] === 0x7b /* { */) return true;
  }
  return false;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The usage object an event carries, where each provider puts it: at the top
 * (OpenAI, Azure, vLLM, Ollama, DeepSeek), in the response of the Responses
 * API's closing events, or in a choice (Moonshot's last chunk).
 */
function usageObjectOf(json: Json): unknown {
  if (isObject(json.usage)) return json.usage;
  if (isObject(json.response) && isObject(json.response.usage)) return json.response.usage;
  if (Array.isArray(json.choices)) for (const choice of json.choices) if (isObject(choice) && isObject(choice.usage)) return choice.usage;
  return null;
}

/**
 * Relays a server-sent-event stream event by event: bytes go out as soon
 * as an event is complete, never buffered beyond it. On the way it picks up
 * the upstream's usage (the last report wins: vLLM's continuous usage counts
 * up) and, when the proxy asked for usage the client did not, drops the
 * usage-only chunk so the client sees what it asked for. A usage object that
 * no meter can trust makes the call counted by the tokenizer.
 */
export class SseRelay {
  private usage: TokenUsage | null = null;
  /** The Responses API's response id, from the closing event that carries its usage. */
  responseId: string | null = null;
  /** The upstream sent usage that was malformed: the call is counted, not read. */
  private untrusted = false;
  private readonly decoder = new StringDecoder('utf8');
  private carry = '';
  /** What was relayed, kept as received; decoded only if the text is needed. */
  private readonly seen: Array<Buffer | string> = [];

  constructor(private readonly stripUsageEvent: boolean) {}

  /** The usage to meter: the upstream's, unless none came or one could not be trusted. */
  get reported(): TokenUsage | null {
    return this.untrusted ? null : this.usage;
  }

  /** performance.now() when the first event went out (time to first token); 0 before. */
  firstEventAt = 0;

  /** The bytes to forward for this chunk (the chunk itself when it held whole events), or null for none yet. */
  push(chunk: Buffer): Buffer | null {
    const out = this.relay(chunk);
    if (out && !this.firstEventAt) this.firstEventAt = performance.now();
    return out;
  }

  private relay(chunk: Buffer): Buffer | null {
    const aligned = this.carry === '' && chunk.length >= 2 && chunk[chunk.length - 1] === 0x0a && chunk[chunk.length - 2] === 0x0a;
    // Fast path, most chunks: whole events without usage go out untouched, undecoded.
    if (aligned && !hasUsageObject(chunk)) {
      this.seen.push(chunk);
      return chunk;
    }
    const text = this.carry + this.decoder.write(chunk);
    const end = text.lastIndexOf('\n\n');
    if (end < 0) {
      this.carry = text;
      return null;
    }
    this.carry = text.slice(end + 2);
    let dropped = false;
    const kept: string[] = [];
    for (const event of text.slice(0, end).split('\n\n')) {
      if (!event) continue;
      this.seen.push(`${event}\n\n`);
      if (this.readUsage(event) && this.stripUsageEvent) dropped = true;
      else kept.push(event);
    }
    if (aligned && !dropped) return chunk;
    return kept.length ? Buffer.from(kept.map((e) => `${e}\n\n`).join('')) : null;
  }

  /** Whatever trailed the last complete event, at the end of the stream. */
  finish(): Buffer | null {
    const rest = this.carry + this.decoder.end();
    this.carry = '';
    if (!rest) return null;
    this.seen.push(rest);
    this.readUsage(rest);
    return Buffer.from(rest);
  }

  /** Reads the usage an event carries; answers whether it is a usage-only chunk (usage, and no choices). */
  private readUsage(event: string): boolean {
    const json = dataOf(event);
    if (!json) return false;
    const reported = usageObjectOf(json);
    if (reported === null) return false;
    const usage = readProviderUsage(reported);
    if (usage) this.usage = usage;
    else this.untrusted = true;
    if (isObject(json.response) && typeof json.response.id === 'string') this.responseId = json.response.id;
    return isObject(json.usage) && Array.isArray(json.choices) && json.choices.length === 0;
  }

  /** The generated text so far (chat deltas, completion text or Responses API text deltas), for counting when no usage came. */
  text(): string {
    let out = '';
    const all = this.seen.map((part) => (typeof part === 'string' ? part : part.toString('utf8'))).join('');
    for (const event of all.split('\n\n')) {
      const json = dataOf(event);
      if (!json) continue;
      if (json.type === 'response.output_text.delta' && typeof json.delta === 'string') out += json.delta;
      const choices = Array.isArray(json.choices)
        ? (json.choices as Array<{ delta?: { content?: string | null; reasoning_content?: string | null }; text?: string }>)
        : [];
      for (const choice of choices) out += (choice.delta?.reasoning_content ?? '') + (choice.delta?.content ?? choice.text ?? '');
    }
    return out;
  }
}

/** An event's data as JSON; null for [DONE], comments and anything else that is not a JSON object. */
function dataOf(event: string): Json | null {
  const data = event
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).trimStart())
    .join('\n');
  if (!data || data === '[DONE]') return null;
  try {
    const json = JSON.parse(data) as unknown;
    return isObject(json) ? json : null;
  } catch {
    return null;
  }
}
