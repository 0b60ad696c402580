/**
 * The mock's provider shapes against the recorded provider answers in
 * packages/proxy/test/fixtures/providers (read only): for every fixture, the
 * mock answers the fixture's request (its model renamed `mock-…@<provider>`)
 * and the two answers must have the same fields, the same JSON types where
 * both are non-null, and, for streams, the same kinds of events (every
 * fixture event has a mock event of its shape and the other way round, the
 * same first and last event, [DONE] or not, and the same event names in the
 * same order). The few fields the mock adds on purpose are listed in EXTRAS.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startMockUpstream } from '../src';
import { isProvider } from '../src/shapes';
import { client, longText, sse, type Json } from './helpers';

const DIR = new URL('../../proxy/test/fixtures/providers/', import.meta.url);
const files = (() => {
  try {
    return readdirSync(DIR)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
})();

/** Fields the mock adds beyond a fixture, deliberately (each a path suffix). */
const RESPONSE_EXTRAS = [
  'background',
  'completed_at',
  'max_tool_calls',
  'prompt_cache_key',
  'prompt_cache_retention',
  'safety_identifier',
  'service_tier',
  'text.verbosity',
  'top_logprobs',
  'logprobs',
  'obfuscation',
];
const EXTRAS: Record<string, string[]> = {
  // The chunk schema lists service_tier, which OpenAI's answers carry; the documented chunk example leaves it out.
  'openai.chat.stream': ['service_tier'],
  // Required by the Response schema (logprobs on output_text) or listed by it; the documented examples leave them out.
  'openai.responses': RESPONSE_EXTRAS,
  'openai.responses.stream': RESPONSE_EXTRAS,
  'openai.responses.stream.incomplete': RESPONSE_EXTRAS,
  // The usage-only chunk carries the same usage as Azure's non-streamed answer (cached and reasoning tokens); the 2023 sample had none.
  'azure.chat.stream': [
    'completion_tokens_details',
    'completion_tokens_details.audio_tokens',
    'completion_tokens_details.reasoning_tokens',
    'prompt_tokens_details',
    'prompt_tokens_details.audio_tokens',
    'prompt_tokens_details.cached_tokens',
  ],
  // Current DeepSeek usage (deepseek.chat) has prompt_tokens_details; the 2024 stream recording predates it.
  'deepseek.chat.stream': ['prompt_tokens_details', 'prompt_tokens_details.cached_tokens'],
  // Moonshot's documented cache field, in the same usage object as in moonshot.chat.
  'moonshot.chat.stream': ['cached_tokens'],
};

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Every field path of a JSON value with its type (array elements under `[]`, merged). */
function paths(value: Json, prefix = '', out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  if (Array.isArray(value)) {
    for (const item of value) paths(item, `${prefix}[]`, out);
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key;
      const types = out.get(path) ?? new Set();
      types.add(typeOf(v));
      out.set(path, types);
      paths(v, path, out);
    }
  }
  return out;
}

function compare(fixture: Json, mock: Json, extras: string[]) {
  const f = paths(fixture);
  const m = paths(mock);
  const allowed = (p: string) => extras.some((e) => p === e || p.endsWith(`.${e}`) || p.startsWith(`${e}.`) || p.includes(`.${e}.`));
  const missing = [...f.keys()].filter((p) => !m.has(p));
  const extra = [...m.keys()].filter((p) => !f.has(p) && !allowed(p));
  const mismatched = [...f.keys()].filter((p) => {
    const a = [...f.get(p)!].filter((t) => t !== 'null');
    const b = [...(m.get(p) ?? [])].filter((t) => t !== 'null');
    return a.length > 0 && b.length > 0 && !a.some((t) => b.includes(t));
  });
  return { missing, extra, mismatched };
}
const same = (fixture: Json, mock: Json, extras: string[]) => {
  const d = compare(fixture, mock, extras);
  return d.missing.length + d.extra.length + d.mismatched.length === 0;
};

const mock = await startMockUpstream({ chunkCount: 6 });
afterAll(() => mock.close());
const { post } = client(mock);

/** The fixture's request for the mock: its model renamed, a reasoning marker and a long repeated prompt where the fixture shows reasoning or cached tokens. */
function requestFor(fixture: Json): Json {
  const request = structuredClone(fixture.request);
  request.model = `${fixture.endpoint === '/v1/embeddings' ? 'mock-embed' : 'mock-small'}@${fixture.provider}`;
  const marker = fixture.expected.reasoningTokens > 0 ? ` [[reasoning:${fixture.expected.reasoningTokens}]]` : '';
  if (Array.isArray(request.messages)) {
    if (fixture.expected.cachedInputTokens > 0)
      request.messages = [{ role: 'system', content: longText(fixture.provider) }, ...request.messages.filter((m: Json) => m.role === 'user')];
    const last = request.messages.at(-1);
    if (typeof last.content === 'string') last.content += marker;
    else last.content.push({ type: 'text', text: marker });
  } else if (typeof request.input === 'string') {
    request.input += marker;
  }
  return request;
}

describe.skipIf(files.length === 0)('provider shapes agree with the recorded answers', () => {
  it('has a fixture for every provider', () => {
    const providers = new Set(files.map((f) => f.split('.')[0]));
    for (const p of ['openai', 'azure', 'vllm', 'ollama', 'deepseek', 'moonshot']) expect(providers.has(p)).toBe(true);
  });

  for (const file of files) {
    const fixture = JSON.parse(readFileSync(new URL(file, DIR), 'utf8'));
    if (!isProvider(fixture.provider)) continue;
    const name = file.replace(/\.json$/, '');
    const extras = EXTRAS[name] ?? [];

    it(`${name}: ${fixture.endpoint}${fixture.stream ? ' streamed' : ''}`, async () => {
      const path = fixture.endpoint.replace(/^\/v1/, '');
      const request = requestFor(fixture);
      if (fixture.expected.cachedInputTokens > 0) await (await post(path, request)).arrayBuffer();
      const res = await post(path, request);
      expect(res.status).toBe(200);

      if (!fixture.stream) {
        const body = await res.json();
        expect(compare(fixture.response, body, extras)).toEqual({ missing: [], extra: [], mismatched: [] });
        return;
      }
      const events = await sse(res);
      const want: Json[] = fixture.events;
      const done = (list: Json[]) => list.at(-1)?.data === '[DONE]';
      expect(done(events)).toBe(done(want));
      const data = (list: Json[]) => list.filter((e) => e.data !== '[DONE]');
      const [got, expected] = [data(events), data(want)];
      // The same event names in the same order (runs of one name collapsed).
      const names = (list: Json[]) => list.map((e) => e.event ?? '').filter((n, i, all) => n !== all[i - 1]);
      expect(names(got)).toEqual(names(expected));
      expect(compare(expected[0].data, got[0].data, extras)).toEqual({ missing: [], extra: [], mismatched: [] });
      expect(compare(expected.at(-1).data, got.at(-1).data, extras)).toEqual({ missing: [], extra: [], mismatched: [] });
      const unmatched = (from: Json[], to: Json[], dir: 'fixture' | 'mock') =>
        from.filter((e) => !to.some((o) => (dir === 'fixture' ? same(e.data, o.data, extras) : same(o.data, e.data, extras)))).map((e) => e.data);
      expect(unmatched(expected, got, 'fixture')).toEqual([]);
      expect(unmatched(got, expected, 'mock')).toEqual([]);
    });
  }
});
