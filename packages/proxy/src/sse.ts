import { StringDecoder } from 'node:string_decoder';

export interface Usage {
  prompt_tokens: number;
  completion_tokens?: number;
}

const USAGE = /"usage"\s*:\s*\{/;
/** OpenAI writes JSON without spaces; a chunk without this holds no usage. */
const USAGE_BYTES = Buffer.from('"usage":{');

/**
 * Relays a server-sent-event stream event by event: bytes go out as soon
 * as an event is complete, never buffered beyond it. On the way it picks up
 * the upstream's usage and, when the proxy asked for usage the client did
 * not, drops the usage-only event so the client sees what it asked for.
 */
export class SseRelay {
  usage: Usage | null = null;
  private readonly decoder = new StringDecoder('utf8');
  private carry = '';
  /** What was relayed, kept as received; decoded only if the text is needed. */
  private readonly seen: Array<Buffer | string> = [];

  constructor(private readonly stripUsageEvent: boolean) {}

  /** The bytes to forward for this chunk (the chunk itself when it held whole events), or null for none yet. */
  push(chunk: Buffer): Buffer | null {
    const aligned = this.carry === '' && chunk.length >= 2 && chunk[chunk.length - 1] === 0x0a && chunk[chunk.length - 2] === 0x0a;
    // Fast path, most chunks: whole events without usage go out untouched, undecoded.
    if (aligned && chunk.indexOf(USAGE_BYTES) < 0) {
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
      if (USAGE.test(event) && this.readUsage(event) && this.stripUsageEvent) dropped = true;
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
    if (USAGE.test(rest)) this.readUsage(rest);
    return Buffer.from(rest);
  }

  /** Reads usage from an event's JSON; answers whether the event carries only usage (no choices). */
  private readUsage(event: string): boolean {
    const data = event.split('\n').find((line) => line.startsWith('data:'))?.slice(5).trim();
    try {
      const json = JSON.parse(data ?? '') as { usage?: Usage | null; choices?: unknown[] };
      if (json.usage) this.usage = json.usage;
      return Array.isArray(json.choices) && json.choices.length === 0;
    } catch {
      return false;
    }
  }

  /** The generated text so far (chat deltas or completion text), for counting when no usage came. */
  text(): string {
    let out = '';
    const all = this.seen.map((part) => (typeof part === 'string' ? part : part.toString('utf8'))).join('');
    for (const event of all.split('\n\n')) {
      const data = event.split('\n').find((line) => line.startsWith('data:'))?.slice(5).trim();
      if (!data || data === '[DONE]') continue;
      try {
        const json = JSON.parse(data) as { choices?: Array<{ delta?: { content?: string | null }; text?: string }> };
        for (const choice of json.choices ?? []) out += choice.delta?.content ?? choice.text ?? '';
      } catch {
        // not JSON: nothing generated in it
      }
    }
    return out;
  }
}
