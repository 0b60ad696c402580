import { afterAll, describe, expect, it } from 'vitest';
import { countPromptTokens, countTokens, startMockUpstream } from '../src';
import { cachedTokensOf, PromptCache } from '../src/cache';
import { markersIn, reasoningText } from '../src/reply';
import { cachedFor, chunks, client, longText, openaiUsage } from './helpers';

const mock = await startMockUpstream({ chunkCount: 4 });
afterAll(() => mock.close());
const { post, json } = client(mock);
const chat = (content: string, extra: Record<string, unknown> = {}) =>
  post('/chat/completions', { model: 'mock-small', messages: [{ role: 'user', content }], ...extra });

describe('OpenAI chat completion, field for field', () => {
  it("answers with every field OpenAI's chat.completion carries, in its order", async () => {
    const body = await json(chat('What is metering?'));
    const content: string = body.choices[0].message.content;
    expect(body).toEqual({
      id: expect.stringMatching(/^chatcmpl-/),
      object: 'chat.completion',
      created: expect.any(Number),
      model: 'mock-small',
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: null, annotations: [] }, logprobs: null, finish_reason: 'stop' }],
      usage: openaiUsage(countTokens('What is metering?'), countTokens(content)),
      service_tier: 'default',
      system_fingerprint: expect.stringMatching(/^fp_[0-9a-f]{10}$/),
    });
    expect(Object.keys(body)).toEqual(['id', 'object', 'created', 'model', 'choices', 'usage', 'service_tier', 'system_fingerprint']);
    expect(Object.keys(body.choices[0].message)).toEqual(['role', 'content', 'refusal', 'annotations']);
    expect(Object.keys(body.usage)).toEqual(['prompt_tokens', 'completion_tokens', 'total_tokens', 'prompt_tokens_details', 'completion_tokens_details']);
    expect(Math.abs(body.created - Date.now() / 1000)).toBeLessThan(5);
  });

  it('answers the service tier it was asked for the way OpenAI does (fast is priority; none is default)', async () => {
    for (const [asked, answered] of [
      ['flex', 'flex'],
      ['priority', 'priority'],
      ['fast', 'priority'],
      ['auto', 'default'],
      [undefined, 'default'],
    ]) {
      expect((await json(chat('tier', { service_tier: asked }))).service_tier).toBe(answered);
    }
  });

  it('streams chat.completion.chunk with service_tier, system_fingerprint and obfuscation on every chunk', async () => {
    const whole = await json(chat('Stream me'));
    const all = await chunks(await chat('Stream me', { stream: true }));
    expect(all.at(-1)).toBe('[DONE]');
    const data = all.slice(0, -1);
    expect(data).toHaveLength(1 + 4 + 1);
    for (const chunk of data) {
      expect(Object.keys(chunk)).toEqual(['id', 'object', 'created', 'model', 'service_tier', 'system_fingerprint', 'choices', 'obfuscation']);
      expect(chunk).toMatchObject({
        id: data[0].id,
        object: 'chat.completion.chunk',
        created: whole.created,
        model: 'mock-small',
        service_tier: 'default',
        system_fingerprint: whole.system_fingerprint,
        obfuscation: expect.stringMatching(/^[A-Za-z0-9]{2,}$/),
      });
    }
    expect(data[0].choices).toEqual([{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }]);
    for (const chunk of data.slice(1, 5))
      expect(chunk.choices).toEqual([{ index: 0, delta: { content: expect.any(String) }, logprobs: null, finish_reason: null }]);
    expect(
      data
        .slice(1, 5)
        .map((c) => c.choices[0].delta.content)
        .join(''),
    ).toBe(whole.choices[0].message.content);
    expect(data[5].choices).toEqual([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }]);
  });

  it('with include_usage: "usage": null on every chunk, then one usage-only chunk with "choices": []', async () => {
    const whole = await json(chat('Count the stream'));
    const all = await chunks(await chat('Count the stream', { stream: true, stream_options: { include_usage: true } }));
    const data = all.slice(0, -1);
    expect(data).toHaveLength(1 + 4 + 1 + 1);
    for (const chunk of data.slice(0, -1)) {
      expect(Object.keys(chunk)).toEqual(['id', 'object', 'created', 'model', 'service_tier', 'system_fingerprint', 'choices', 'usage', 'obfuscation']);
      expect(chunk.usage).toBeNull();
      expect(chunk.choices).toHaveLength(1);
    }
    // The usage-only chunk has no obfuscation.
    const last = data.at(-1);
    expect(Object.keys(last)).toEqual(['id', 'object', 'created', 'model', 'service_tier', 'system_fingerprint', 'choices', 'usage']);
    expect(last.choices).toEqual([]);
    expect(last.usage).toEqual(whole.usage);
    expect(last.usage).toEqual(openaiUsage(countTokens('Count the stream'), countTokens(whole.choices[0].message.content)));
  });

  it('leaves obfuscation out with stream_options.include_obfuscation: false', async () => {
    const all = await chunks(await chat('No padding', { stream: true, stream_options: { include_usage: true, include_obfuscation: false } }));
    for (const chunk of all.slice(0, -1)) expect(chunk).not.toHaveProperty('obfuscation');
  });

  it('streams n choices with one role and one finish chunk each', async () => {
    const all = await chunks(await chat('Two ways', { n: 2, stream: true, stream_options: { include_usage: true } }));
    const data = all.slice(0, -1);
    expect(data).toHaveLength(2 + 4 * 2 + 2 + 1);
    expect(data.slice(0, 2).map((c) => c.choices[0].index)).toEqual([0, 1]);
    expect(data.slice(10, 12).map((c) => [c.choices[0].index, c.choices[0].finish_reason])).toEqual([
      [0, 'stop'],
      [1, 'stop'],
    ]);
    const one = await json(chat('Two ways'));
    expect(data.at(-1).usage).toEqual(openaiUsage(one.usage.prompt_tokens, 2 * one.usage.completion_tokens));
  });
});

describe('OpenAI legacy completions and embeddings', () => {
  it('answers text_completion with system_fingerprint and the three usage counts (legacy usage has no details)', async () => {
    const body = await json(post('/completions', { model: 'mock-small', prompt: 'Once upon a time' }));
    expect(body).toEqual({
      id: expect.stringMatching(/^cmpl-/),
      object: 'text_completion',
      created: expect.any(Number),
      model: 'mock-small',
      system_fingerprint: expect.stringMatching(/^fp_/),
      choices: [{ text: expect.stringMatching(/^Mock reply to: Once upon a time\./), index: 0, logprobs: null, finish_reason: 'stop' }],
      usage: {
        prompt_tokens: countTokens('Once upon a time'),
        completion_tokens: countTokens(body.choices[0].text),
        total_tokens: countTokens('Once upon a time') + countTokens(body.choices[0].text),
      },
    });
  });

  it('streams text_completion chunks (no obfuscation: the schema has none) with usage null, then the usage chunk', async () => {
    const whole = await json(post('/completions', { model: 'mock-small', prompt: 'Once upon a time' }));
    const all = await chunks(
      await post('/completions', { model: 'mock-small', prompt: 'Once upon a time', stream: true, stream_options: { include_usage: true } }),
    );
    const data = all.slice(0, -1);
    expect(data).toHaveLength(4 + 1 + 1);
    for (const chunk of data.slice(0, -1)) {
      expect(Object.keys(chunk)).toEqual(['id', 'object', 'created', 'choices', 'model', 'system_fingerprint', 'usage']);
      expect(chunk).toMatchObject({ object: 'text_completion', usage: null, system_fingerprint: whole.system_fingerprint });
    }
    expect(data[4].choices).toEqual([{ text: '', index: 0, logprobs: null, finish_reason: 'stop' }]);
    expect(data[5]).toMatchObject({ choices: [], usage: whole.usage });
  });

  it('reports embedding usage as OpenAI does: prompt_tokens and total_tokens only', async () => {
    const body = await json(post('/embeddings', { model: 'mock-embed', input: ['one', 'two'] }));
    expect(Object.keys(body)).toEqual(['object', 'data', 'model', 'usage']);
    expect(body.usage).toEqual({ prompt_tokens: countTokens('one\ntwo'), total_tokens: countTokens('one\ntwo') });
  });
});

describe('cached tokens when the prompt repeats', () => {
  it("follows OpenAI's rule: 1024 + 128·⌊(p − 1024) / 128⌋ for p ≥ 1024, else 0", () => {
    expect([0, 1023, 1024, 1151, 1152, 1279, 1280, 5000].map(cachedTokensOf)).toEqual([0, 0, 1024, 1024, 1152, 1152, 1280, 4992]);
    for (let p = 1024; p < 3000; p += 37) expect(cachedTokensOf(p)).toBe(cachedFor(p));
  });

  it('reports 0 the first time, then the cached prefix, streamed or not, and never for short prompts', async () => {
    const messages = [
      { role: 'system', content: longText('sys') },
      { role: 'user', content: 'Summarize.' },
    ];
    const prompt = countPromptTokens(messages);
    expect(prompt).toBeGreaterThan(1100);
    const first = await json(post('/chat/completions', { model: 'mock-small', messages }));
    expect(first.usage.prompt_tokens).toBe(prompt);
    expect(first.usage.prompt_tokens_details.cached_tokens).toBe(0);
    const second = await json(post('/chat/completions', { model: 'mock-small', messages }));
    expect(second.usage).toEqual(openaiUsage(prompt, first.usage.completion_tokens, cachedFor(prompt)));
    expect(second.usage.prompt_tokens_details.cached_tokens % 128).toBe(0);
    const streamed = await chunks(await post('/chat/completions', { model: 'mock-large', messages, stream: true, stream_options: { include_usage: true } }));
    expect(streamed.at(-2).usage.prompt_tokens_details.cached_tokens).toBe(cachedFor(prompt));

    // One more word: a different text, not seen yet.
    const changed = [messages[0], { role: 'user', content: 'Summarize it.' }];
    expect((await json(post('/chat/completions', { model: 'mock-small', messages: changed }))).usage.prompt_tokens_details.cached_tokens).toBe(0);
    await json(chat('short and repeated'));
    expect((await json(chat('short and repeated'))).usage.prompt_tokens_details.cached_tokens).toBe(0);
  });

  it('caches a Responses API prompt the same way (by its text: instructions and input)', async () => {
    const input = longText('responses');
    const first = await json(post('/responses', { model: 'mock-small', input }));
    expect(first.usage.input_tokens_details.cached_tokens).toBe(0);
    const again = await json(post('/responses', { model: 'mock-small', input }));
    expect(again.usage.input_tokens).toBe(countTokens(input));
    expect(again.usage.input_tokens_details).toEqual({ cached_tokens: cachedFor(countTokens(input)), cache_write_tokens: 0 });
    // The same text as a chat prompt has been seen too.
    expect((await json(chat(input))).usage.prompt_tokens_details.cached_tokens).toBe(cachedFor(countTokens(input)));
  });

  it('remembers a bounded number of prompts, forgetting the oldest first', () => {
    const cache = new PromptCache(2);
    expect(cache.hit('a', 2000)).toBe(0);
    expect(cache.hit('b', 2000)).toBe(0);
    expect(cache.hit('a', 2000)).toBe(1920);
    expect(cache.hit('c', 2000)).toBe(0); // forgets a
    expect(cache.hit('a', 2000)).toBe(0);
    expect(cache.hit('short', 1000)).toBe(0);
    expect(cache.hit('short', 1000)).toBe(0);
  });
});

describe('[[reasoning:N]]', () => {
  it('adds N reasoning tokens inside completion_tokens, per choice', async () => {
    const plain = await json(chat('Think about it'));
    const body = await json(chat('Think about it [[reasoning:7]]'));
    expect(body.choices[0].message.content).toBe(plain.choices[0].message.content);
    const visible = countTokens(plain.choices[0].message.content);
    expect(body.usage).toEqual(openaiUsage(countTokens('Think about it [[reasoning:7]]'), visible + 7, 0, 7));
    const two = await json(chat('Think about it [[reasoning:7]]', { n: 2 }));
    expect(two.usage.completion_tokens).toBe(2 * (visible + 7));
    expect(two.usage.completion_tokens_details.reasoning_tokens).toBe(14);
  });

  it('spends the output limit on reasoning first', async () => {
    const body = await json(chat('Think hard about it [[reasoning:7]]', { max_completion_tokens: 10 }));
    expect(body.choices[0].finish_reason).toBe('length');
    expect(body.usage.completion_tokens_details.reasoning_tokens).toBe(7);
    expect(body.usage.completion_tokens).toBe(7 + countTokens(body.choices[0].message.content));
    expect(countTokens(body.choices[0].message.content)).toBeLessThanOrEqual(3);
    const starved = await json(chat('Think forever [[reasoning:50]]', { max_tokens: 10 }));
    expect(starved.choices[0]).toMatchObject({ message: { content: '' }, finish_reason: 'length' });
    expect(starved.usage).toMatchObject({ completion_tokens: 10, completion_tokens_details: { reasoning_tokens: 10 } });
  });

  it('streams the same usage, and counts nothing extra without the marker', async () => {
    const whole = await json(chat('Reason in a stream [[reasoning:12]]'));
    const all = await chunks(await chat('Reason in a stream [[reasoning:12]]', { stream: true, stream_options: { include_usage: true } }));
    expect(all.at(-2).usage).toEqual(whole.usage);
    expect(markersIn('plain').reasoning).toBe(0);
    expect(markersIn('[[reasoning:3]] [[reasoning:9]]').reasoning).toBe(3);
    for (const n of [1, 2, 17, 4000]) expect(countTokens(reasoningText(n))).toBe(n);
  });
});
