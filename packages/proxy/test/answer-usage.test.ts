import { readProviderUsage } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { answerUsage, topLevelMember } from '../src/usage/answer-usage';

/** A small seeded generator (mulberry32), so a failing answer can be reproduced from its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
type Random = ReturnType<typeof random>;

const SPACES = ['', '', '', ' ', '  ', '\n', '\n  ', '\t', '\r\n'];
const STRINGS = [
  '',
  'usage',
  '"usage"',
  '"usage":{"prompt_tokens":1}',
  'a\\b',
  'end\\',
  '\\"',
  '{',
  '}',
  ',',
  '[',
  ']',
  ':',
  'é',
  '日本',
  '😀',
  '\u0000',
  'plain text',
];
const NAMES = ['usage', 'id', 'object', 'choices', 'message', 'content', 'details', 'usage_', 'Usage', 'prompt_tokens', 'data', 'response', 'metadata'];

/** A raw JSON text with random whitespace around every token (our own writer: JSON.stringify never varies spacing or repeats keys). */
function write(value: unknown, r: Random): string {
  const ws = () => r.pick(SPACES);
  if (Array.isArray(value)) return `[${ws()}${value.map((v) => `${ws()}${write(v, r)}${ws()}`).join(',')}${ws()}]`;
  if (value instanceof Members)
    return `{${ws()}${value.entries.map(([k, v]) => `${ws()}${writeName(k, r)}${ws()}:${ws()}${write(v, r)}${ws()}`).join(',')}${ws()}}`;
  return JSON.stringify(value);
}

/** A member name, sometimes spelt with unicode escapes (JSON.parse reads "us\u0061ge" as usage). */
function writeName(name: string, r: Random): string {
  if (r.int(8) > 0) return JSON.stringify(name);
  return `"${[...name].map((c) => (r.int(2) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('')}"`;
}

/** An object as an ordered list of members, duplicates allowed. */
class Members {
  constructor(readonly entries: Array<[string, unknown]>) {}
}

function count(r: Random): unknown {
  return r.pick([0, 1, 7, 128, 1024, 65_535, 2 ** 31 - 1, 2 ** 31, 2 ** 53 + 2, -3, 1.5, 1e3, '12', null, true]);
}

function usage(r: Random): unknown {
  switch (r.int(8)) {
    case 0:
      return null;
    case 1:
      return r.pick(['12', 3, [], true]);
    case 2:
      return new Members([
        ['input_tokens', count(r)],
        ['input_tokens_details', new Members([['cached_tokens', count(r)]])],
        ['output_tokens', count(r)],
        ['output_tokens_details', new Members([['reasoning_tokens', count(r)]])],
        ['total_tokens', count(r)],
      ]);
    default: {
      const members: Array<[string, unknown]> = [
        ['prompt_tokens', r.int(6) ? r.int(5000) : count(r)],
        ['completion_tokens', r.int(6) ? r.int(500) : count(r)],
        ['total_tokens', r.int(6000)],
      ];
      if (r.int(2))
        members.push([
          'prompt_tokens_details',
          r.int(5)
            ? new Members([
                ['cached_tokens', r.int(6) ? r.int(3000) : count(r)],
                ['audio_tokens', 0],
              ])
            : null,
        ]);
      if (r.int(2))
        members.push([
          'completion_tokens_details',
          r.int(5)
            ? new Members([
                ['reasoning_tokens', r.int(6) ? r.int(400) : count(r)],
                ['audio_tokens', 0],
                ['accepted_prediction_tokens', 0],
                ['rejected_prediction_tokens', 0],
              ])
            : null,
        ]);
      if (r.int(4) === 0) members.push(['prompt_cache_hit_tokens', r.int(3000)], ['prompt_cache_miss_tokens', r.int(3000)]);
      if (r.int(4) === 0) members.push(['cached_tokens', count(r)]);
      return new Members(shuffle(members, r));
    }
  }
}

function shuffle<T>(items: T[], r: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Any JSON value; objects may hold (nested) `usage` members of their own. */
function value(r: Random, depth: number): unknown {
  const kind = depth > 3 ? r.int(3) : r.int(7);
  switch (kind) {
    case 0:
      return r.pick(STRINGS) + (r.int(3) ? '' : r.pick(STRINGS));
    case 1:
      return r.pick([0, -1, 3.25, 1e21, true, false, null]);
    case 2:
      return r.int(3) ? usage(r) : r.pick(STRINGS);
    case 3:
    case 4:
      return Array.from({ length: r.int(4) }, () => value(r, depth + 1));
    default:
      return new Members(Array.from({ length: r.int(5) }, () => [r.pick(NAMES), value(r, depth + 1)] as [string, unknown]));
  }
}

/** An answer: an object of random members, usually holding one (sometimes two, sometimes no) top-level usage, anywhere. */
function answer(r: Random): string {
  const members: Array<[string, unknown]> = Array.from({ length: r.int(6) }, () => [r.pick(NAMES.filter((n) => n !== 'usage')), value(r, 1)]);
  const usages = r.pick([0, 1, 1, 1, 1, 2]);
  for (let u = 0; u < usages; u++) members.splice(r.int(members.length + 1), 0, ['usage', usage(r)]);
  return write(new Members(members), r);
}

describe('reading usage from a non-streamed answer without parsing it', () => {
  it('agrees with a full JSON.parse on 20,000 generated answers', () => {
    let differences = 0;
    let reported = 0;
    const firstDifferences: string[] = [];
    for (let seed = 1; seed <= 20_000; seed++) {
      const text = answer(random(seed));
      const full = JSON.parse(text) as Record<string, unknown>;
      const expected = 'usage' in full ? readProviderUsage(full.usage) : null;
      const actual = answerUsage(Buffer.from(text));
      if (expected) reported++;
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        differences++;
        if (firstDifferences.length < 3) firstDifferences.push(`seed ${seed}: ${text}`);
      }
    }
    expect(firstDifferences).toEqual([]);
    expect(differences).toBe(0);
    // The generator is not trivial: most answers report a usage the meter trusts, many do not.
    expect(reported).toBeGreaterThan(5_000);
    expect(reported).toBeLessThan(18_000);
  });

  it("reads OpenAI's nested usage at the end of an answer (was the tokenizer's estimate)", () => {
    const body =
      '{"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"Hi","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":1234,"completion_tokens":77,"total_tokens":1311,"prompt_tokens_details":{"cached_tokens":1024,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},"service_tier":"default","system_fingerprint":"fp_1"}';
    expect(answerUsage(Buffer.from(body))).toEqual({ inputTokens: 1234, cachedInputTokens: 1024, outputTokens: 77, reasoningTokens: 0 });
  });

  it('ignores a usage member nested deeper, and one inside a string', () => {
    const body = Buffer.from(
      '{"usage" : {"prompt_tokens": 5, "completion_tokens": 1}, "metadata": {"usage": {"prompt_tokens": 999}}, "text": "\\"usage\\":{\\"prompt_tokens\\":1}"}',
    );
    expect(answerUsage(body)).toMatchObject({ inputTokens: 5, outputTokens: 1 });
    expect(topLevelMember(Buffer.from('["usage", {"usage": 1}]'), 'usage')).toBeNull();
    expect(topLevelMember(Buffer.from('{"a": "x\\\\", "usage": null}'), 'usage')).toEqual([22, 26]);
  });
});
