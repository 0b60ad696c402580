import { afterAll, describe, expect, it } from 'vitest';
import { countTokens, promptText, startMockUpstream } from '../src';
import { client, expectOpenAiError, sse, type Json } from './helpers';

const KEY = 'responses-secret';
const mock = await startMockUpstream({ chunkCount: 5, apiKey: KEY });
afterAll(() => mock.close());
const { post, get, json } = client(mock, KEY);
const respond = (body: Record<string, unknown>, headers?: Record<string, string>) => post('/responses', { model: 'mock-small', ...body }, headers);

const EVENTS = [
  'response.created',
  'response.in_progress',
  'response.output_item.added',
  'response.content_part.added',
  ...Array<string>(5).fill('response.output_text.delta'),
  'response.output_text.done',
  'response.content_part.done',
  'response.output_item.done',
];

/** A Response object as OpenAI's, every top-level field in its place. */
const responseObject = (fields: { status: string; text?: string; usage: Json; request?: Json; messageStatus?: string }) => ({
  id: expect.stringMatching(/^resp_/),
  object: 'response',
  created_at: expect.any(Number),
  status: fields.status,
  background: false,
  completed_at: fields.status === 'completed' ? expect.any(Number) : null,
  error: null,
  incomplete_details: fields.status === 'incomplete' ? { reason: 'max_output_tokens' } : null,
  instructions: fields.request?.instructions ?? null,
  max_output_tokens: fields.request?.max_output_tokens ?? null,
  max_tool_calls: null,
  model: fields.request?.model ?? 'mock-small',
  output:
    fields.text === undefined
      ? []
      : [
          {
            type: 'message',
            id: expect.stringMatching(/^msg_/),
            status: fields.messageStatus ?? 'completed',
            role: 'assistant',
            content: [{ type: 'output_text', text: fields.text, annotations: [], logprobs: [] }],
          },
        ],
  parallel_tool_calls: true,
  previous_response_id: null,
  prompt_cache_key: null,
  prompt_cache_retention: null,
  reasoning: { effort: null, summary: null },
  safety_identifier: null,
  service_tier: 'default',
  store: fields.request?.store ?? true,
  temperature: 1,
  text: { format: { type: 'text' }, verbosity: 'medium' },
  tool_choice: 'auto',
  tools: [],
  top_logprobs: 0,
  top_p: 1,
  truncation: 'disabled',
  usage: fields.usage,
  user: null,
  metadata: {},
});
const usage = (input: number, output: number, cached = 0, reasoning = 0) => ({
  input_tokens: input,
  input_tokens_details: { cached_tokens: cached, cache_write_tokens: 0 },
  output_tokens: output,
  output_tokens_details: { reasoning_tokens: reasoning },
  total_tokens: input + output,
});

describe('POST /v1/responses', () => {
  it("answers a string input with OpenAI's Response object, tokenizer-exact", async () => {
    const body = await json(respond({ input: 'What is metering?' }));
    const text: string = body.output[0].content[0].text;
    expect(text).toMatch(/^Mock reply to: What is metering\?/);
    expect(body).toEqual(responseObject({ status: 'completed', text, usage: usage(countTokens('What is metering?'), countTokens(text)) }));
    expect(Object.keys(body).slice(0, 4)).toEqual(['id', 'object', 'created_at', 'status']);
    expect(Object.keys(body.output[0])).toEqual(['type', 'id', 'status', 'role', 'content']);
    expect(body.id.slice(5)).toBe(body.output[0].id.slice(4));
  });

  it('counts instructions and message items (string or input_text content), and answers the last user item', async () => {
    const request = {
      instructions: 'Be brief.',
      input: [
        { role: 'developer', content: 'Answer in English.' },
        {
          type: 'message',
          role: 'user',
          content: [
            { type: 'input_text', text: 'Describe ' },
            { type: 'input_text', text: 'tollgates' },
          ],
        },
      ],
    };
    const body = await json(respond(request));
    const text: string = body.output[0].content[0].text;
    expect(text).toMatch(/^Mock reply to: Describe tollgates\./);
    const input = countTokens(promptText(request));
    expect(input).toBe(countTokens('Be brief.\nAnswer in English.\nDescribe tollgates'));
    expect(body).toEqual(responseObject({ status: 'completed', text, usage: usage(input, countTokens(text)), request: { ...request, model: 'mock-small' } }));
  });

  it('echoes what the request set: store, max_output_tokens, temperature, metadata, service tier', async () => {
    const body = await json(
      respond({
        input: 'Echo',
        store: false,
        max_output_tokens: 500,
        temperature: 0.2,
        top_p: 0.9,
        metadata: { run: '7' },
        user: 'u-1',
        service_tier: 'flex',
        previous_response_id: 'resp_prev',
      }),
    );
    expect(body).toMatchObject({
      store: false,
      max_output_tokens: 500,
      temperature: 0.2,
      top_p: 0.9,
      metadata: { run: '7' },
      user: 'u-1',
      service_tier: 'flex',
      previous_response_id: 'resp_prev',
      status: 'completed',
    });
  });

  it('stops at max_output_tokens: status "incomplete", incomplete_details, the output cut short', async () => {
    const body = await json(respond({ input: 'Tell me a three sentence bedtime story about a unicorn.', max_output_tokens: 16 }));
    const text: string = body.output[0].content[0].text;
    expect(countTokens(text)).toBeLessThanOrEqual(16);
    expect('Mock reply to: Tell me a three sentence bedtime story about. This answer is deterministic').toContain(text);
    expect(body).toEqual(
      responseObject({
        status: 'incomplete',
        text,
        messageStatus: 'incomplete',
        usage: usage(countTokens('Tell me a three sentence bedtime story about a unicorn.'), countTokens(text)),
        request: { max_output_tokens: 16 },
      }),
    );
    expect((await json(respond({ input: 'short', max_output_tokens: 1000 }))).status).toBe('completed');
  });

  it('counts [[reasoning:N]] in output_tokens and output_tokens_details, within max_output_tokens', async () => {
    const plain = await json(respond({ input: 'Reason about it' }));
    const visible = plain.usage.output_tokens;
    const body = await json(respond({ input: 'Reason about it [[reasoning:40]]' }));
    expect(body.usage).toEqual(usage(countTokens('Reason about it [[reasoning:40]]'), visible + 40, 0, 40));
    expect(body.output).toHaveLength(1);
    const capped = await json(respond({ input: 'Reason about it [[reasoning:40]]', max_output_tokens: 50 }));
    expect(capped).toMatchObject({
      status: 'incomplete',
      usage: { output_tokens: 40 + countTokens(capped.output[0].content[0].text), output_tokens_details: { reasoning_tokens: 40 } },
    });
    expect(capped.usage.output_tokens).toBeLessThanOrEqual(50);
  });

  it('refuses what OpenAI refuses, in its error shape', async () => {
    for (const [body, param] of [
      [{}, 'input'],
      [{ input: [] }, 'input'],
      [{ input: 42 }, 'input'],
      [{ input: 'x', instructions: 7 }, 'instructions'],
      [{ input: 'x', max_output_tokens: 15 }, 'max_output_tokens'],
    ] as const) {
      const res = await respond(body);
      expect(res.status).toBe(400);
      expectOpenAiError(await res.json(), { type: 'invalid_request_error', param });
    }
    const unknown = await post('/responses', { model: 'gpt-nope', input: 'x' });
    expect(unknown.status).toBe(404);
    expectOpenAiError(await unknown.json(), { type: 'invalid_request_error', code: 'model_not_found' });
    expect((await fetch(`${mock.url}/responses`, { method: 'POST', body: '{}' })).status).toBe(401);
  });
});

describe('streamed /v1/responses', () => {
  it("sends OpenAI's full event sequence with event lines, sequence numbers and no [DONE]", async () => {
    const whole = await json(respond({ input: 'Stream a story', instructions: 'Be kind.' }));
    const events = await sse(await respond({ input: 'Stream a story', instructions: 'Be kind.', stream: true }));
    expect(events.map((e) => e.event)).toEqual([...EVENTS, 'response.completed']);
    events.forEach((e, i) => {
      expect(e.data.type).toBe(e.event);
      expect(e.data.sequence_number).toBe(i);
      expect(Object.keys(e.data)[0]).toBe('type');
      expect(Object.keys(e.data).at(-1)).toBe('sequence_number');
    });
    const [created, inProgress, added, partAdded] = events.map((e) => e.data);
    const text: string = whole.output[0].content[0].text;
    const request = { instructions: 'Be kind.' };
    expect(created.response).toEqual(responseObject({ status: 'in_progress', usage: null, request }));
    expect(inProgress.response).toEqual(created.response);
    const id: string = added.item.id;
    expect(added).toEqual({
      type: 'response.output_item.added',
      output_index: 0,
      item: { type: 'message', id, status: 'in_progress', role: 'assistant', content: [] },
      sequence_number: 2,
    });
    expect(partAdded).toEqual({
      type: 'response.content_part.added',
      item_id: id,
      output_index: 0,
      content_index: 0,
      part: { type: 'output_text', text: '', annotations: [], logprobs: [] },
      sequence_number: 3,
    });
    const deltas = events.slice(4, 9).map((e) => e.data);
    for (const [k, d] of deltas.entries())
      expect(d).toEqual({
        type: 'response.output_text.delta',
        item_id: id,
        output_index: 0,
        content_index: 0,
        delta: expect.any(String),
        logprobs: [],
        obfuscation: expect.stringMatching(/^[A-Za-z0-9]+$/),
        sequence_number: 4 + k,
      });
    expect(deltas.map((d) => d.delta).join('')).toBe(text);
    expect(events[9]!.data).toEqual({
      type: 'response.output_text.done',
      item_id: id,
      output_index: 0,
      content_index: 0,
      text,
      logprobs: [],
      sequence_number: 9,
    });
    expect(events[10]!.data).toEqual({
      type: 'response.content_part.done',
      item_id: id,
      output_index: 0,
      content_index: 0,
      part: { type: 'output_text', text, annotations: [], logprobs: [] },
      sequence_number: 10,
    });
    expect(events[11]!.data).toEqual({
      type: 'response.output_item.done',
      output_index: 0,
      item: { type: 'message', id, status: 'completed', role: 'assistant', content: [{ type: 'output_text', text, annotations: [], logprobs: [] }] },
      sequence_number: 11,
    });
    const completed = events[12]!.data.response;
    expect(completed).toEqual(responseObject({ status: 'completed', text, usage: whole.usage, request }));
    expect(completed.id).toBe(created.response.id);
    expect(completed.usage).toEqual(usage(countTokens('Be kind.\nStream a story'), countTokens(text)));
  });

  it('ends with response.incomplete (with usage) when max_output_tokens runs out', async () => {
    const whole = await json(respond({ input: 'Tell me a long story please', max_output_tokens: 16 }));
    const events = await sse(await respond({ input: 'Tell me a long story please', max_output_tokens: 16, stream: true }));
    expect(events.map((e) => e.event)).toEqual([...EVENTS, 'response.incomplete']);
    expect(events[11]!.data.item.status).toBe('incomplete');
    const last = events.at(-1)!.data.response;
    expect(last).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, completed_at: null, usage: whole.usage });
    expect(last.usage.output_tokens).toBeLessThanOrEqual(16);
  });

  it('leaves obfuscation out with stream_options.include_obfuscation: false', async () => {
    const events = await sse(await respond({ input: 'plain', stream: true, stream_options: { include_obfuscation: false } }));
    for (const e of events) expect(e.data).not.toHaveProperty('obfuscation');
  });
});

describe('GET /v1/responses/{id}', () => {
  it('returns a stored response, streamed or not, exactly as it was answered', async () => {
    const body = await json(respond({ input: 'Keep me' }));
    const stored = await get(`/responses/${body.id}`);
    expect(stored.status).toBe(200);
    expect(await stored.json()).toEqual(body);
    const events = await sse(await respond({ input: 'Keep me streamed', stream: true }));
    const completed = events.at(-1)!.data.response;
    expect(await json(get(`/responses/${completed.id}`))).toEqual(completed);
  });

  it("404s, in OpenAI's error shape, for an unknown id or one answered with store: false", async () => {
    const unstored = await json(respond({ input: 'Forget me', store: false }));
    for (const id of ['resp_nope', unstored.id]) {
      const res = await get(`/responses/${id}`);
      expect(res.status).toBe(404);
      const error = (await res.json()) as Json;
      expectOpenAiError(error, { type: 'invalid_request_error', param: null, code: null });
      expect(error.error.message).toBe(`Response with id '${id}' not found.`);
    }
  });

  it('keeps the last storedResponses answers, forgetting the oldest first', async () => {
    const small = await startMockUpstream({ storedResponses: 2 });
    try {
      const c = client(small);
      const ids: string[] = [];
      for (const input of ['one', 'two', 'three']) ids.push((await c.json(c.post('/responses', { model: 'mock-small', input }))).id);
      expect((await c.get(`/responses/${ids[0]}`)).status).toBe(404);
      expect((await c.get(`/responses/${ids[1]}`)).status).toBe(200);
      expect((await c.get(`/responses/${ids[2]}`)).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});

describe('markers on the Responses API', () => {
  it('[[fail:500]] and [[fail:429]] answer with OpenAI errors, streamed or not', async () => {
    const failed = await respond({ input: 'boom [[fail:500]]' });
    expect(failed.status).toBe(500);
    expectOpenAiError(await failed.json(), { type: 'server_error' });
    const limited = await respond({ input: [{ role: 'user', content: 'slow [[fail:429]]' }], stream: true });
    expect(limited.status).toBe(429);
    expectOpenAiError(await limited.json(), { type: 'requests', code: 'rate_limit_exceeded' });
  });

  it('[[fail:cut]] breaks the stream off after half the deltas, and a plain answer after its headers', async () => {
    const res = await respond({ input: 'half [[fail:cut]]', stream: true });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const error = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return null;
        text += decoder.decode(value, { stream: true });
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const names = text
      .split('\n\n')
      .filter(Boolean)
      .map((block) => block.split('\n')[0]);
    expect(names).toEqual(EVENTS.slice(0, 4 + 2).map((n) => `event: ${n}`));
    const plain = await respond({ input: 'half [[fail:cut]]' });
    expect(plain.status).toBe(200);
    await expect(plain.text()).rejects.toThrow();
  });

  it('[[fail:timeout]] holds the request until the client gives up', async () => {
    const started = performance.now();
    await expect(
      fetch(`${mock.url}/responses`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}` },
        body: JSON.stringify({ model: 'mock-small', input: 'wait [[fail:timeout]]' }),
        signal: AbortSignal.timeout(150),
      }),
    ).rejects.toThrow(/abort|timeout/i);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('[[no-usage]] answers usage: null, streamed or not; [[latency:N]] delays the answer', async () => {
    const body = await json(respond({ input: 'count yourself [[no-usage]]' }));
    expect(body.usage).toBeNull();
    expect(body.status).toBe('completed');
    const events = await sse(await respond({ input: 'count yourself [[no-usage]]', stream: true }));
    expect(events.at(-1)!.data.response.usage).toBeNull();
    const started = performance.now();
    await json(respond({ input: 'later [[latency:120]]' }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('reads markers from the last input item only', async () => {
    const res = await respond({
      input: [
        { role: 'user', content: 'old [[fail:500]]' },
        { role: 'user', content: 'new' },
      ],
    });
    expect(res.status).toBe(200);
  });
});
