import { afterAll, describe, expect, it } from 'vitest';
import { countTokens, startMockUpstream } from '../src';
import { reasoningText } from '../src/reply';
import { PROVIDERS, type Provider } from '../src/shapes';
import { cachedFor, chunks, client, cutStream, expectOpenAiError, longText, type Json } from './helpers';

const mock = await startMockUpstream({ chunkCount: 4 });
afterAll(() => mock.close());
const { post, json } = client(mock);
const chat = (provider: Provider | null, content: string | Json[], extra: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  post(
    '/chat/completions',
    { model: provider ? `mock-small@${provider}` : 'mock-small', messages: typeof content === 'string' ? [{ role: 'user', content }] : content, ...extra },
    headers,
  );

/** The four numbers a metering proxy needs, read from wherever each provider puts them. */
function tokensOf(provider: Provider, usage: Json) {
  switch (provider) {
    case 'deepseek':
      expect(usage.prompt_cache_hit_tokens + usage.prompt_cache_miss_tokens).toBe(usage.prompt_tokens);
      expect(usage.prompt_tokens_details?.cached_tokens ?? usage.prompt_cache_hit_tokens).toBe(usage.prompt_cache_hit_tokens);
      return {
        prompt: usage.prompt_tokens,
        completion: usage.completion_tokens,
        cached: usage.prompt_cache_hit_tokens,
        reasoning: usage.completion_tokens_details?.reasoning_tokens ?? 0,
      };
    case 'moonshot':
      return { prompt: usage.prompt_tokens, completion: usage.completion_tokens, cached: usage.cached_tokens, reasoning: null };
    case 'ollama':
      return { prompt: usage.prompt_tokens, completion: usage.completion_tokens, cached: null, reasoning: null };
    case 'vllm':
      return { prompt: usage.prompt_tokens, completion: usage.completion_tokens, cached: usage.prompt_tokens_details?.cached_tokens ?? 0, reasoning: null };
    default:
      return {
        prompt: usage.prompt_tokens,
        completion: usage.completion_tokens,
        cached: usage.prompt_tokens_details.cached_tokens,
        reasoning: usage.completion_tokens_details.reasoning_tokens,
      };
  }
}

/** Where each provider's stream carries the usage: a usage-only chunk, the last chunk, or the last chunk's choice. */
function streamUsage(provider: Provider, data: Json[]): Json {
  const last = data.at(-1);
  if (provider === 'moonshot') return last.choices.at(-1).usage;
  if (provider === 'deepseek') return last.choices.length > 0 ? last.usage : undefined;
  return last.choices.length === 0 ? last.usage : undefined;
}

/** The reply text of a stream's content chunks, whatever their shape. */
const streamed = (data: Json[]) =>
  data
    .flatMap((c) => c.choices)
    .map((ch: Json) => ch.delta?.content ?? '')
    .join('');

describe('the provider switch', () => {
  it('defaults to OpenAI; `model@provider` or the x-mock-provider header picks another', async () => {
    const plain = await json(chat(null, 'Which shape?'));
    expect(plain).toMatchObject({ object: 'chat.completion', service_tier: 'default', model: 'mock-small' });
    const suffix = await json(chat('deepseek', 'Which shape?'));
    expect(suffix.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(suffix.model).toBe('mock-small@deepseek');
    expect(suffix.usage).toHaveProperty('prompt_cache_miss_tokens');
    const header = await json(chat(null, 'Which shape?', {}, { 'x-mock-provider': 'DeepSeek' }));
    expect(header.usage).toHaveProperty('prompt_cache_miss_tokens');
    expect(header.model).toBe('mock-small');
    // The model's suffix wins over the header.
    const both = await json(chat('moonshot', 'Which shape?', {}, { 'x-mock-provider': 'deepseek' }));
    expect(both.usage).toHaveProperty('cached_tokens');
    expect(both.usage).not.toHaveProperty('prompt_cache_miss_tokens');
    expect(suffix.choices[0].message.content).toBe(plain.choices[0].message.content);
  });

  it('refuses an unknown provider: 400 for the header, 404 (unknown model) for the suffix', async () => {
    const header = await chat(null, 'x', {}, { 'x-mock-provider': 'anthropic' });
    expect(header.status).toBe(400);
    expectOpenAiError(await header.json(), { type: 'invalid_request_error', param: 'x-mock-provider' });
    const suffix = await chat(null, 'x', { model: 'mock-small@anthropic' });
    expect(suffix.status).toBe(404);
    expectOpenAiError(await suffix.json(), { type: 'invalid_request_error', code: 'model_not_found' });
    expect((await chat(null, 'x', { model: 'mock-nope@vllm' })).status).toBe(404);
  });

  it("answers the Responses API in OpenAI's shape for every provider", async () => {
    for (const provider of PROVIDERS) {
      const body = await json(post('/responses', { model: `mock-small@${provider}`, input: 'Hello' }));
      expect(body).toMatchObject({ object: 'response', status: 'completed', model: `mock-small@${provider}`, usage: { input_tokens: countTokens('Hello') } });
    }
  });
});

describe.each(PROVIDERS)('%s', (provider) => {
  const messages = [
    { role: 'system', content: longText(`cache-${provider}`) },
    { role: 'user', content: 'What does it cost?' },
  ];
  const prompt = countTokens(`${messages[0]!.content}\nWhat does it cost?`);

  it('reports tokenizer-exact usage, and cached tokens where the provider reports them once the prompt repeats', async () => {
    const first = await json(chat(provider, messages));
    const content: string = first.choices[0].message.content;
    expect(content).toMatch(/^Mock reply to: What does it cost\?/);
    const hit = provider === 'ollama' ? null : cachedFor(prompt);
    expect(tokensOf(provider, first.usage)).toEqual({
      prompt,
      completion: countTokens(content),
      cached: hit === null ? null : 0,
      reasoning: ['openai', 'azure', 'deepseek'].includes(provider) ? 0 : null,
    });
    const second = await json(chat(provider, messages));
    expect(tokensOf(provider, second.usage)).toMatchObject({ prompt, completion: countTokens(content), cached: hit });
    expect(second.usage.total_tokens).toBe(prompt + countTokens(content));
    if (provider === 'vllm') {
      expect(first.usage.prompt_tokens_details).toBeNull();
      expect(second.usage.prompt_tokens_details).toEqual({ cached_tokens: hit });
    }
  });

  it('counts [[reasoning:N]] inside the completion tokens, with the reasoning text where the provider returns it', async () => {
    const plain = await json(chat(provider, 'Think first'));
    const body = await json(chat(provider, 'Think first [[reasoning:25]]'));
    const visible = countTokens(plain.choices[0].message.content);
    const tokens = tokensOf(provider, body.usage);
    expect(tokens.completion).toBe(visible + 25);
    expect(tokens.prompt).toBe(countTokens('Think first [[reasoning:25]]'));
    if (tokens.reasoning !== null) expect(tokens.reasoning).toBe(25);
    const text = { deepseek: 'reasoning_content', moonshot: 'reasoning_content', vllm: 'reasoning_content', ollama: 'reasoning' }[provider as string];
    if (text) {
      expect(body.choices[0].message[text]).toBe(reasoningText(25));
      expect(countTokens(body.choices[0].message[text])).toBe(25);
      expect(plain.choices[0].message[text] ?? null).toBeNull();
    } else {
      expect(Object.keys(body.choices[0].message)).toEqual(Object.keys(plain.choices[0].message));
    }
  });

  it('streams the same text and, where the provider puts it, the same usage', async () => {
    for (const includeUsage of [true, false]) {
      const whole = await json(chat(provider, 'Stream it [[reasoning:3]]'));
      const all = await chunks(await chat(provider, 'Stream it [[reasoning:3]]', { stream: true, stream_options: { include_usage: includeUsage } }));
      expect(all.at(-1)).toBe('[DONE]');
      const data = all.slice(0, -1);
      expect(streamed(data)).toBe(whole.choices[0].message.content);
      // DeepSeek and Moonshot send the usage whether asked or not.
      const sent = includeUsage || provider === 'deepseek' || provider === 'moonshot';
      expect(streamUsage(provider, data)).toEqual(
        sent
          ? provider === 'vllm'
            ? { prompt_tokens: whole.usage.prompt_tokens, total_tokens: whole.usage.total_tokens, completion_tokens: whole.usage.completion_tokens }
            : whole.usage
          : undefined,
      );
      const carrying = data.filter((c) => c.usage != null || c.choices.some((ch: Json) => ch.usage != null));
      expect(carrying).toHaveLength(sent ? 1 : 0);
      const reasoning = data
        .flatMap((c) => c.choices)
        .map((ch: Json) => ch.delta?.reasoning_content ?? ch.delta?.reasoning ?? '')
        .join('');
      expect(reasoning).toBe(['openai', 'azure'].includes(provider) ? '' : reasoningText(3));
    }
  });

  it('[[fail:cut]] cuts its stream after the opening chunks and half the content; [[no-usage]] leaves usage out', async () => {
    const whole = await json(chat(provider, 'half'));
    const cut = await cutStream(await chat(provider, 'half [[fail:cut]]', { stream: true, stream_options: { include_usage: true } }));
    expect(cut.error).toBeInstanceOf(Error);
    expect(cut.text).not.toContain('[DONE]');
    // The opening chunks (Azure's prompt-filter chunk, the role chunk but for Ollama's), then 2 of the 4 content chunks.
    expect(cut.data).toHaveLength(({ azure: 2, ollama: 0 }[provider as string] ?? 1) + 2);
    const partial = streamed(cut.data);
    expect(partial.length).toBeGreaterThan(0);
    expect(whole.choices[0].message.content.startsWith(partial)).toBe(true);
    expect(partial).not.toBe(whole.choices[0].message.content);
    const body = await json(chat(provider, 'mine [[no-usage]]'));
    expect(body).not.toHaveProperty('usage');
    const all = await chunks(await chat(provider, 'mine [[no-usage]]', { stream: true, stream_options: { include_usage: true } }));
    for (const c of all.slice(0, -1)) {
      expect(c.usage ?? null).toBeNull();
      for (const ch of c.choices) expect(ch).not.toHaveProperty('usage');
    }
  });

  it('answers legacy completions and embeddings with its usage', async () => {
    const completion = await json(post('/completions', { model: `mock-small@${provider}`, prompt: 'Once upon a time' }));
    expect(completion.object).toBe('text_completion');
    expect(completion.usage).toMatchObject({ prompt_tokens: countTokens('Once upon a time'), completion_tokens: countTokens(completion.choices[0].text) });
    const streamedCompletion = await chunks(
      await post('/completions', { model: `mock-small@${provider}`, prompt: 'Once upon a time', stream: true, stream_options: { include_usage: true } }),
    );
    expect(
      streamedCompletion
        .slice(0, -1)
        .flatMap((c) => c.choices)
        .map((ch: Json) => ch.text)
        .join(''),
    ).toBe(completion.choices[0].text);
    expect(streamedCompletion.at(-2)).toMatchObject({
      choices: [],
      usage: completion.usage.prompt_tokens_details === undefined ? completion.usage : { prompt_tokens: completion.usage.prompt_tokens },
    });
    const embedding = await json(post('/embeddings', { model: `mock-embed@${provider}`, input: ['one', 'two'] }));
    expect(embedding).toMatchObject({ object: 'list', usage: { prompt_tokens: countTokens('one\ntwo'), total_tokens: countTokens('one\ntwo') } });
    expect(embedding.data.map((d: Json) => d.index)).toEqual([0, 1]);
  });
});

describe('provider details', () => {
  it('Azure: prompt_filter_results, content_filter_results, the empty first chunk and the annotation chunk', async () => {
    const body = await json(chat('azure', 'Filter me'));
    expect(Object.keys(body)).toEqual(['id', 'choices', 'created', 'model', 'object', 'service_tier', 'system_fingerprint', 'usage', 'prompt_filter_results']);
    expect(body.service_tier).toBeNull();
    expect(body.choices[0].content_filter_results.hate).toEqual({ filtered: false, severity: 'safe' });
    expect(body.prompt_filter_results[0].content_filter_results.jailbreak).toEqual({ filtered: false, detected: false });
    expect(body.usage.prompt_tokens_details).toEqual({ audio_tokens: null, cached_tokens: 0 });
    const data = (await chunks(await chat('azure', 'Filter me', { stream: true, stream_options: { include_usage: true } }))).slice(0, -1);
    expect(data[0]).toEqual({ id: '', object: '', created: 0, model: '', prompt_filter_results: expect.any(Array), choices: [], usage: null });
    expect(data[1].choices).toEqual([{ index: 0, finish_reason: null, delta: { role: 'assistant' } }]);
    const annotation = data.at(-2);
    expect(annotation).toMatchObject({
      id: '',
      object: '',
      created: 0,
      model: '',
      usage: null,
      choices: [
        {
          index: 0,
          finish_reason: null,
          content_filter_offsets: { check_offset: body.choices[0].message.content.length, start_offset: 0, end_offset: body.choices[0].message.content.length },
        },
      ],
    });
    expect(annotation.choices[0]).not.toHaveProperty('delta');
    expect(data.at(-3).choices).toEqual([{ index: 0, finish_reason: 'stop', delta: {} }]);
  });

  it('vLLM: no usage key on chunks, stop_reason on the last one, prompt_tokens_details only on a cache hit', async () => {
    const data = (await chunks(await chat('vllm', 'Serve me', { stream: true, stream_options: { include_usage: true } }))).slice(0, -1);
    for (const c of data.slice(0, -1)) expect(c).not.toHaveProperty('usage');
    expect(data.at(-2).choices).toEqual([{ index: 0, delta: { content: '' }, logprobs: null, finish_reason: 'stop', stop_reason: null }]);
    expect(Object.keys(data.at(-1).usage)).toEqual(['prompt_tokens', 'total_tokens', 'completion_tokens']);
    const embedding = await json(post('/embeddings', { model: 'mock-embed@vllm', input: 'x' }));
    expect(embedding).toMatchObject({
      id: expect.stringMatching(/^embd-[0-9a-f]{32}$/),
      object: 'list',
      created: expect.any(Number),
      usage: { completion_tokens: 0, prompt_tokens_details: null },
    });
  });

  it('Ollama: role on every delta, fp_ollama, a numeric id, no cached tokens, zeroed usage on legacy chunks', async () => {
    const body = await json(chat('ollama', 'Run locally'));
    expect(body).toMatchObject({ id: expect.stringMatching(/^chatcmpl-\d{1,3}$/), system_fingerprint: 'fp_ollama' });
    expect(Object.keys(body.usage)).toEqual(['prompt_tokens', 'completion_tokens', 'total_tokens']);
    const data = (await chunks(await chat('ollama', 'Run locally', { stream: true }))).slice(0, -1);
    expect(data).toHaveLength(4 + 1);
    for (const c of data) expect(c.choices[0].delta.role).toBe('assistant');
    expect(data.at(-1).choices[0]).toEqual({ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: 'stop' });
    const legacy = (
      await chunks(await post('/completions', { model: 'mock-small@ollama', prompt: 'Run', stream: true, stream_options: { include_usage: true } }))
    ).slice(0, -1);
    for (const c of legacy.slice(0, -1)) expect(c.usage).toEqual({ prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 });
    expect(legacy.at(-1).usage.prompt_tokens).toBe(countTokens('Run'));
  });

  it('DeepSeek: usage on the last content chunk, reasoning_content streamed before the content', async () => {
    const data = (await chunks(await chat('deepseek', 'Think [[reasoning:4]]', { stream: true }))).slice(0, -1);
    expect(data[0].choices[0].delta).toEqual({ role: 'assistant', content: null, reasoning_content: '' });
    expect(data[1].choices[0].delta).toEqual({ content: null, reasoning_content: reasoningText(4) });
    expect(data[2].choices[0].delta).toEqual({ content: expect.any(String), reasoning_content: null });
    const last = data.at(-1);
    expect(last.choices).toEqual([{ index: 0, delta: { content: '' }, logprobs: null, finish_reason: 'stop' }]);
    expect(last.usage).toMatchObject({ completion_tokens_details: { reasoning_tokens: 4 }, prompt_cache_hit_tokens: 0 });
  });

  it("Moonshot: the usage inside the last chunk's choice, no top-level usage anywhere", async () => {
    const data = (await chunks(await chat('moonshot', 'Kimi', { stream: true, n: 2 }))).slice(0, -1);
    for (const c of data) expect(c).not.toHaveProperty('usage');
    const finishes = data.filter((c) => c.choices[0].finish_reason);
    expect(finishes).toHaveLength(2);
    expect(finishes[0].choices[0]).not.toHaveProperty('usage');
    const whole = await json(chat('moonshot', 'Kimi', { n: 2 }));
    expect(finishes[1].choices[0]).toEqual({ index: 1, delta: {}, finish_reason: 'stop', usage: whole.usage });
    expect(whole.id).toMatch(/^cmpl-[0-9a-f]{32}$/);
  });
});
