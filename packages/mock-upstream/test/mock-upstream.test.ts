import { afterAll, describe, expect, it } from 'vitest';
import { countPromptTokens, countTokens, promptText, startMockUpstream, type MockUpstream } from '../src';

const KEY = 'upstream-secret';
const mock = await startMockUpstream({ chunkCount: 5, apiKey: KEY });
afterAll(() => mock.close());

const post = (path: string, body: unknown, init: { key?: string | null; url?: string; signal?: AbortSignal } = {}) =>
  fetch(`${init.url ?? mock.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(init.key === null ? {} : { authorization: `Bearer ${init.key ?? KEY}` }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: init.signal,
  });
const json = async (res: Response | Promise<Response>) => (await (await res).json()) as any;
const chat = (content: string, extra: Record<string, unknown> = {}) =>
  post('/chat/completions', { model: 'mock-small', messages: [{ role: 'user', content }], ...extra });
const messages = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'What is metering?' },
];

/** The data of every server-sent event, JSON-parsed but for [DONE]. */
async function events(res: Response): Promise<any[]> {
  expect(res.headers.get('content-type')).toBe('text/event-stream');
  const text = await res.text();
  expect(text.endsWith('\n\n')).toBe(true);
  return text
    .split('\n\n')
    .filter(Boolean)
    .map((event) => {
      expect(event.startsWith('data: ')).toBe(true);
      const data = event.slice(6);
      return data === '[DONE]' ? data : JSON.parse(data);
    });
}

function expectOpenAiError(body: any, expected: { type: string; code?: string | null; param?: string | null }) {
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  expect(body.error.message).toEqual(expect.any(String));
  expect(body.error).toMatchObject(expected);
}

/** OpenAI's CompletionUsage with every detail. */
const fullUsage = (prompt: number, completion: number, cached = 0, reasoning = 0) => ({
  prompt_tokens: prompt,
  completion_tokens: completion,
  total_tokens: prompt + completion,
  prompt_tokens_details: { cached_tokens: cached, audio_tokens: 0 },
  completion_tokens_details: { reasoning_tokens: reasoning, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
});

const elapsed = async (run: () => Promise<unknown>) => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};

describe('chat completions', () => {
  it("answers in OpenAI's shape with tokenizer-exact usage, deterministically", async () => {
    const res = await post('/chat/completions', { model: 'mock-small', messages });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = await json(res);
    expect(Object.keys(body)).toEqual(['id', 'object', 'created', 'model', 'choices', 'usage', 'service_tier', 'system_fingerprint']);
    expect(body).toMatchObject({
      id: expect.stringMatching(/^chatcmpl-/),
      object: 'chat.completion',
      created: expect.any(Number),
      model: 'mock-small',
      service_tier: 'default',
      system_fingerprint: expect.stringMatching(/^fp_[0-9a-f]{10}$/),
    });
    expect(body.choices).toEqual([
      { index: 0, message: { role: 'assistant', content: expect.any(String), refusal: null, annotations: [] }, logprobs: null, finish_reason: 'stop' },
    ]);
    const content: string = body.choices[0].message.content;
    expect(content).toMatch(/^Mock reply to: What is metering\?/);
    const prompt = countPromptTokens(messages);
    expect(prompt).toBe(countTokens('Be brief.\nWhat is metering?'));
    expect(body.usage).toEqual(fullUsage(prompt, countTokens(content)));
    const again = await json(post('/chat/completions', { model: 'mock-small', messages }));
    expect(again.choices[0].message.content).toBe(content);
    expect(again.id).not.toBe(body.id);
  });

  it('counts text content parts and answers the last user message', async () => {
    const parts = [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Describe ' },
          { type: 'text', text: 'tollgates' },
        ],
      },
      { role: 'assistant', content: null, tool_calls: [] },
    ];
    const body = await json(post('/chat/completions', { model: 'mock-large', messages: parts }));
    expect(body.choices[0].message.content).toMatch(/^Mock reply to: Describe tollgates\./);
    expect(body.usage.prompt_tokens).toBe(countPromptTokens(parts));
    expect(body.usage.prompt_tokens).toBe(countTokens('Describe tollgates\n'));
  });

  it('respects max_tokens and max_completion_tokens with finish_reason "length"', async () => {
    for (const limit of [{ max_tokens: 4 }, { max_completion_tokens: 4 }]) {
      const body = await json(chat('Tell me everything about metering proxies', limit));
      expect(body.choices[0].finish_reason).toBe('length');
      const content: string = body.choices[0].message.content;
      expect(body.usage.completion_tokens).toBe(countTokens(content));
      expect(body.usage.completion_tokens).toBeLessThanOrEqual(4);
      expect(body.usage.completion_tokens).toBeGreaterThan(0);
      expect('Mock reply to: Tell me everything').toContain(content.trim());
    }
    expect((await json(chat('short', { max_tokens: 1000 }))).choices[0].finish_reason).toBe('stop');
  });

  it('answers n choices and charges each', async () => {
    const one = await json(chat('twice please'));
    const body = await json(chat('twice please', { n: 3 }));
    expect(body.choices.map((c: any) => c.index)).toEqual([0, 1, 2]);
    expect(body.usage.completion_tokens).toBe(3 * one.usage.completion_tokens);
  });
});

describe('chat completion streams', () => {
  it('sends the role chunk, chunkCount content chunks, the finish chunk and [DONE], and no usage unless asked', async () => {
    const whole = await json(post('/chat/completions', { model: 'mock-small', messages }));
    const all = await events(await post('/chat/completions', { model: 'mock-small', messages, stream: true }));
    expect(all).toHaveLength(1 + 5 + 1 + 1);
    const chunks = all.slice(0, -1);
    for (const chunk of chunks) {
      expect(chunk).toMatchObject({ id: chunks[0].id, object: 'chat.completion.chunk', created: expect.any(Number), model: 'mock-small' });
      expect(chunk).not.toHaveProperty('usage');
    }
    expect(chunks[0].choices).toEqual([{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }]);
    const content = chunks.slice(1, 6);
    for (const chunk of content) {
      expect(chunk.choices).toEqual([{ index: 0, delta: { content: expect.any(String) }, logprobs: null, finish_reason: null }]);
      expect(chunk.choices[0].delta.content.length).toBeGreaterThan(0);
    }
    expect(content.map((c) => c.choices[0].delta.content).join('')).toBe(whole.choices[0].message.content);
    expect(chunks[6].choices).toEqual([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }]);
    expect(all.at(-1)).toBe('[DONE]');
  });

  it('adds the usage chunk (choices: []) with include_usage, and usage: null on every other chunk', async () => {
    const whole = await json(post('/chat/completions', { model: 'mock-small', messages }));
    const all = await events(await post('/chat/completions', { model: 'mock-small', messages, stream: true, stream_options: { include_usage: true } }));
    expect(all).toHaveLength(1 + 5 + 1 + 1 + 1);
    expect(all.at(-2)).toMatchObject({ object: 'chat.completion.chunk', choices: [], usage: whole.usage });
    for (const chunk of all.slice(0, -2)) expect(chunk.usage).toBeNull();
    expect(
      all
        .slice(0, -2)
        .map((c) => c.choices[0].delta.content ?? '')
        .join(''),
    ).toBe(whole.choices[0].message.content);
  });

  it('streams exactly what a truncated answer says, with finish_reason "length"', async () => {
    const whole = await json(chat('Tell me everything about metering proxies', { max_tokens: 3 }));
    const all = await events(await chat('Tell me everything about metering proxies', { max_tokens: 3, stream: true }));
    expect(
      all
        .slice(1, 6)
        .map((c) => c.choices[0].delta.content)
        .join(''),
    ).toBe(whole.choices[0].message.content);
    expect(all[6].choices[0].finish_reason).toBe('length');
  });

  it('pads the reply so a large chunkCount still gets chunkCount non-empty chunks, and never splits a surrogate pair', async () => {
    const wide = await startMockUpstream({ chunkCount: 64 });
    try {
      const request = { model: 'mock-small', messages: [{ role: 'user', content: '😀😀😀 emoji 😀' }] };
      const whole = await json(post('/chat/completions', request, { url: wide.url }));
      const all = await events(await post('/chat/completions', { ...request, stream: true }, { url: wide.url }));
      const pieces: string[] = all.slice(1, 65).map((c) => c.choices[0].delta.content);
      expect(pieces).toHaveLength(64);
      const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
      expect(pieces.every((p) => p.length > 0 && !loneSurrogate.test(p))).toBe(true);
      expect(pieces.join('')).toBe(whole.choices[0].message.content);
      expect(all[65].choices[0].finish_reason).toBe('stop');
    } finally {
      await wide.close();
    }
  });

  it('waits chunkIntervalMs between events', async () => {
    const slow = await startMockUpstream({ chunkCount: 3, chunkIntervalMs: 40 });
    try {
      const took = await elapsed(async () => {
        const all = await events(await post('/chat/completions', { model: 'mock-small', messages, stream: true }, { url: slow.url }));
        expect(all).toHaveLength(1 + 3 + 1 + 1);
      });
      // Five gaps between six events (the last before [DONE]).
      expect(took).toBeGreaterThanOrEqual(5 * 40 - 10);
    } finally {
      await slow.close();
    }
  });
});

describe('completions, embeddings, models', () => {
  it('answers legacy completions for a string or an array of prompts', async () => {
    const body = await json(post('/completions', { model: 'mock-small', prompt: 'Once upon a time' }));
    expect(Object.keys(body)).toEqual(['id', 'object', 'created', 'model', 'system_fingerprint', 'choices', 'usage']);
    expect(body).toMatchObject({
      id: expect.stringMatching(/^cmpl-/),
      object: 'text_completion',
      model: 'mock-small',
      system_fingerprint: expect.stringMatching(/^fp_/),
    });
    expect(body.choices).toEqual([{ text: expect.stringMatching(/^Mock reply to: Once upon a time\./), index: 0, logprobs: null, finish_reason: 'stop' }]);
    expect(body.usage).toEqual({
      prompt_tokens: countTokens('Once upon a time'),
      completion_tokens: countTokens(body.choices[0].text),
      total_tokens: countTokens('Once upon a time') + countTokens(body.choices[0].text),
    });

    const many = await json(post('/completions', { model: 'mock-small', prompt: ['First one', 'Second one'] }));
    expect(many.choices.map((c: any) => [c.index, c.text.split('.')[0]])).toEqual([
      [0, 'Mock reply to: First one'],
      [1, 'Mock reply to: Second one'],
    ]);
    expect(many.usage.prompt_tokens).toBe(countTokens(promptText({ prompt: ['First one', 'Second one'] })));
    expect(many.usage.completion_tokens).toBe(countTokens(many.choices[0].text) + countTokens(many.choices[1].text));
  });

  it('streams legacy completions as text_completion chunks', async () => {
    const whole = await json(post('/completions', { model: 'mock-small', prompt: 'Once upon a time' }));
    const all = await events(
      await post('/completions', { model: 'mock-small', prompt: 'Once upon a time', stream: true, stream_options: { include_usage: true } }),
    );
    expect(all).toHaveLength(5 + 1 + 1 + 1);
    for (const chunk of all.slice(0, 5))
      expect(chunk).toMatchObject({
        object: 'text_completion',
        choices: [{ text: expect.any(String), index: 0, logprobs: null, finish_reason: null }],
        usage: null,
      });
    expect(
      all
        .slice(0, 5)
        .map((c) => c.choices[0].text)
        .join(''),
    ).toBe(whole.choices[0].text);
    expect(all[5].choices).toEqual([{ text: '', index: 0, logprobs: null, finish_reason: 'stop' }]);
    expect(all[6]).toMatchObject({ choices: [], usage: whole.usage });
    expect(all[7]).toBe('[DONE]');
  });

  it('embeds a string or an array, deterministically, as floats or base64', async () => {
    const one = await json(post('/embeddings', { model: 'mock-embed', input: 'hello' }));
    expect(one).toMatchObject({ object: 'list', model: 'mock-embed', usage: { prompt_tokens: countTokens('hello'), total_tokens: countTokens('hello') } });
    expect(one.data).toEqual([{ object: 'embedding', index: 0, embedding: expect.any(Array) }]);
    const vector: number[] = one.data[0].embedding;
    expect(vector).toHaveLength(16);
    expect(vector.every((x) => typeof x === 'number' && Math.abs(x) <= 1)).toBe(true);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 4);

    const many = await json(post('/embeddings', { model: 'mock-embed', input: ['hello', 'world'] }));
    expect(many.data.map((d: any) => d.index)).toEqual([0, 1]);
    expect(many.data[0].embedding).toEqual(vector);
    expect(many.data[1].embedding).not.toEqual(vector);
    expect(many.usage.prompt_tokens).toBe(countTokens('hello\nworld'));

    const b64 = await json(post('/embeddings', { model: 'mock-embed', input: 'hello', encoding_format: 'base64' }));
    const decoded = Array.from(new Float32Array(new Uint8Array(Buffer.from(b64.data[0].embedding, 'base64')).buffer));
    decoded.forEach((x, i) => expect(x).toBeCloseTo(vector[i]!, 5));
    expect((await json(post('/embeddings', { model: 'mock-embed', input: 'hello', dimensions: 4 }))).data[0].embedding).toHaveLength(4);
  });

  it('lists the models, and serves each one', async () => {
    const auth = { headers: { authorization: `Bearer ${KEY}` } };
    const list = await json(fetch(`${mock.url}/models`, auth));
    expect(list).toEqual({
      object: 'list',
      data: ['mock-small', 'mock-large', 'mock-embed'].map((id) => ({ id, object: 'model', created: expect.any(Number), owned_by: 'mock' })),
    });
    expect(await json(fetch(`${mock.url}/models/mock-large`, auth))).toMatchObject({ id: 'mock-large', object: 'model', owned_by: 'mock' });
    const missing = await fetch(`${mock.url}/models/nope`, auth);
    expect(missing.status).toBe(404);
    expectOpenAiError(await missing.json(), { type: 'invalid_request_error', code: 'model_not_found' });
    const custom = await startMockUpstream({ models: ['only-one'] });
    try {
      expect((await json(fetch(`${custom.url}/models`))).data.map((m: any) => m.id)).toEqual(['only-one']);
    } finally {
      await custom.close();
    }
  });
});

describe('failures on demand', () => {
  it('[[fail:500]] and [[fail:429]] answer with OpenAI errors', async () => {
    const failed = await chat('boom [[fail:500]]');
    expect(failed.status).toBe(500);
    expectOpenAiError(await failed.json(), { type: 'server_error' });
    const limited = await chat('slow down [[fail:429]]', { stream: true });
    expect(limited.status).toBe(429);
    expectOpenAiError(await limited.json(), { code: 'rate_limit_exceeded', type: 'requests' });
    expect((await post('/completions', { model: 'mock-small', prompt: ['fine', 'x [[fail:500]]'] })).status).toBe(500);
  });

  it('looks for markers in the last message only', async () => {
    const res = await post('/chat/completions', {
      model: 'mock-small',
      messages: [
        { role: 'user', content: 'old [[fail:500]]' },
        { role: 'user', content: 'new' },
      ],
    });
    expect(res.status).toBe(200);
    expect((await json(res)).choices[0].message.content).toMatch(/^Mock reply to: new\./);
  });

  it('[[fail:timeout]] holds the request until the client gives up', async () => {
    const started = performance.now();
    const res = post(
      '/chat/completions',
      { model: 'mock-small', messages: [{ role: 'user', content: 'wait [[fail:timeout]]' }] },
      { signal: AbortSignal.timeout(200) },
    );
    await expect(res).rejects.toThrow(/abort|timeout/i);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('[[fail:cut]] breaks a stream off after half the chunks, and a plain answer after its headers', async () => {
    const whole = await json(chat('half'));
    const res = await chat('half [[fail:cut]]', { stream: true });
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
    })().catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    const received = text
      .split('\n\n')
      .filter(Boolean)
      .map((e) => JSON.parse(e.slice(6)));
    // The role chunk and floor(5 / 2) content chunks.
    expect(received).toHaveLength(1 + 2);
    expect(text).not.toContain('[DONE]');
    const partial = received.map((c) => c.choices[0].delta.content).join('');
    expect(partial.length).toBeGreaterThan(0);
    expect(whole.choices[0].message.content.startsWith(partial)).toBe(true);

    const plain = await chat('half [[fail:cut]]');
    expect(plain.status).toBe(200);
    await expect(plain.text()).rejects.toThrow();
  });

  it('[[no-usage]] leaves usage out, streamed or not', async () => {
    const body = await json(chat('count me yourself [[no-usage]]'));
    expect(body).not.toHaveProperty('usage');
    expect(body.choices[0].message.content).toMatch(/^Mock reply to: count me yourself\./);
    const all = await events(await chat('count me yourself [[no-usage]]', { stream: true, stream_options: { include_usage: true } }));
    expect(all).toHaveLength(1 + 5 + 1 + 1);
    for (const chunk of all.slice(0, -1)) expect(chunk).not.toHaveProperty('usage');
    const embedding = await json(post('/embeddings', { model: 'mock-embed', input: 'x [[no-usage]]' }));
    expect(embedding).not.toHaveProperty('usage');
  });

  it('[[latency:N]] delays one request; latencyMs delays every one', async () => {
    expect(await elapsed(() => chat('quick'))).toBeLessThan(150);
    expect(await elapsed(() => chat('slow [[latency:200]]'))).toBeGreaterThanOrEqual(190);
    const laggy = await startMockUpstream({ latencyMs: 150 });
    try {
      expect(await elapsed(() => post('/chat/completions', { model: 'mock-small', messages }, { url: laggy.url }))).toBeGreaterThanOrEqual(140);
      expect(
        await elapsed(() => post('/chat/completions', { model: 'mock-small', messages: [{ role: 'user', content: 'now [[latency:0]]' }] }, { url: laggy.url })),
      ).toBeLessThan(140);
    } finally {
      await laggy.close();
    }
  });
});

describe("refusals in OpenAI's shape", () => {
  it('401 without the API key or with a wrong one', async () => {
    const missing = await post('/chat/completions', { model: 'mock-small', messages }, { key: null });
    expect(missing.status).toBe(401);
    expectOpenAiError(await missing.json(), { type: 'invalid_request_error' });
    const wrong = await post('/chat/completions', { model: 'mock-small', messages }, { key: 'wrong' });
    expect(wrong.status).toBe(401);
    expectOpenAiError(await wrong.json(), { type: 'invalid_request_error', code: 'invalid_api_key' });
    expect((await fetch(`${mock.url}/models`)).status).toBe(401);
  });

  it('400 for bad JSON or a bad request, 404 for an unknown model or route', async () => {
    for (const raw of ['{bad', '[1,2]', 'null']) {
      const res = await post('/chat/completions', raw);
      expect(res.status).toBe(400);
      expectOpenAiError(await res.json(), { type: 'invalid_request_error' });
    }
    const noModel = await post('/chat/completions', { messages });
    expect(noModel.status).toBe(400);
    const noMessages = await post('/chat/completions', { model: 'mock-small' });
    expect(noMessages.status).toBe(400);
    expectOpenAiError(await noMessages.json(), { type: 'invalid_request_error', param: 'messages' });
    const badMax = await chat('x', { max_tokens: 0 });
    expect(badMax.status).toBe(400);
    expectOpenAiError(await badMax.json(), { param: 'max_tokens', type: 'invalid_request_error' });
    expect((await post('/embeddings', { model: 'mock-embed' })).status).toBe(400);

    const unknownModel = await post('/chat/completions', { model: 'nope', messages });
    expect(unknownModel.status).toBe(404);
    expectOpenAiError(await unknownModel.json(), { type: 'invalid_request_error', code: 'model_not_found' });
    const unknownRoute = await post('/nothing-here', {});
    expect(unknownRoute.status).toBe(404);
    expectOpenAiError(await unknownRoute.json(), { type: 'invalid_request_error', code: 'unknown_url' });
    expect((await fetch(`${mock.url}/chat/completions`, { headers: { authorization: `Bearer ${KEY}` } })).status).toBe(404);
  });
});

describe('lifecycle', () => {
  it('counts the requests it serves', async () => {
    const own = await startMockUpstream();
    try {
      expect(own.url).toBe(`http://127.0.0.1:${own.port}/v1`);
      expect(own.requests).toBe(0);
      await fetch(`${own.url}/models`);
      await post('/chat/completions', { model: 'mock-small', messages }, { url: own.url });
      await post('/nowhere', {}, { url: own.url });
      expect(own.requests).toBe(3);
    } finally {
      await own.close();
    }
  });

  it('close() ends keep-alive, held and delayed requests at once, leaving no timer behind', async () => {
    const own: MockUpstream = await startMockUpstream({ chunkCount: 50, chunkIntervalMs: 1_000 });
    await fetch(`${own.url}/models`).then((r) => r.text()); // a keep-alive socket
    const outcome = (p: Promise<unknown>) =>
      p.then(
        () => 'answered',
        (e: unknown) => e,
      );
    const held = outcome(post('/chat/completions', { model: 'mock-small', messages: [{ role: 'user', content: '[[fail:timeout]]' }] }, { url: own.url }));
    const delayed = outcome(post('/chat/completions', { model: 'mock-small', messages: [{ role: 'user', content: '[[latency:60000]]' }] }, { url: own.url }));
    const streaming = await post('/chat/completions', { model: 'mock-small', messages, stream: true }, { url: own.url });
    const body = outcome(streaming.text());
    await new Promise((r) => setTimeout(r, 100));
    const handles = () => (process as any).getActiveResourcesInfo().filter((r: string) => r === 'Timeout').length;
    const before = handles();
    expect(await elapsed(() => own.close())).toBeLessThan(500);
    for (const result of await Promise.all([held, delayed, body])) expect(result).toBeInstanceOf(Error);
    expect(handles()).toBeLessThanOrEqual(before - 2);
    await own.close(); // twice is fine
  });

  it('listens where it is told', async () => {
    const own = await startMockUpstream({ port: 0, host: '127.0.0.1' });
    const taken = startMockUpstream({ port: own.port });
    await expect(taken).rejects.toThrow(/EADDRINUSE/);
    await own.close();
  });
});
