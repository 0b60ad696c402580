import { ApiKey, Organization } from '@tollgate/db';
import { costMicros } from '@tollgate/domain';
import { countPromptTokens, countTokens } from '@tollgate/mock-upstream';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { startProxyWorld } from './support/proxy-harness';

const world = await startProxyWorld({ chunkCount: 6 });
const { url } = await world.startProxy({ PROXY_MAX_BODY_BYTES: '65536', UPSTREAM_READ_TIMEOUT_MS: '1500' });
const client = world.openai(world.secret, url);
const messages = [{ role: 'user' as const, content: 'Say hello to the metering proxy' }];
const SMALL = { inputPerMillion: 150_000n, cachedInputPerMillion: null, outputPerMillion: 600_000n };

/** The events recorded for these request ids, waiting for the batch to land. */
async function eventsFor(ids: string[], timeoutMs = 3_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await world.db.query('select * from request_logs where id = any($1::uuid[])', [ids]);
    if (rows.length === ids.length || Date.now() > deadline) return rows;
    await new Promise((r) => setTimeout(r, 25));
  }
}
const requestIdOf = (response: Response | { headers: Headers }) => response.headers.get('x-request-id')!;

describe('pass-through with the official openai client', () => {
  it('answers a chat completion and records it to the token and the micro-unit', async () => {
    const { data, response } = await client.chat.completions.create({ model: 'mock-small', messages }).withResponse();
    expect(data.choices[0]!.message.content).toMatch(/^Mock reply/);
    expect(data.usage).toMatchObject({ prompt_tokens: countPromptTokens(messages), completion_tokens: countTokens(data.choices[0]!.message.content!) });
    const [event] = await eventsFor([requestIdOf(response)]);
    expect(event).toMatchObject({
      organization_id: world.organizationId,
      project_id: world.projectId,
      api_key_id: world.keyId,
      user_id: world.userId,
      model: 'mock-small',
      status: 200,
      stream: false,
      input_tokens: data.usage!.prompt_tokens,
      output_tokens: data.usage!.completion_tokens,
      error_code: null,
      content: null,
    });
    expect(BigInt(event!.cost)).toBe(
      costMicros({ inputTokens: data.usage!.prompt_tokens, cachedInputTokens: 0, outputTokens: data.usage!.completion_tokens }, SMALL),
    );
  });

  it("counts a special token's spelling in a prompt as text, as providers do", async () => {
    const tokenizerTalk = [{ role: 'user' as const, content: 'What does <|endoftext|> mean to a tokenizer?' }];
    const { data, response } = await client.chat.completions.create({ model: 'mock-small', messages: tokenizerTalk, max_tokens: 5 }).withResponse();
    expect(data.usage).toMatchObject({ prompt_tokens: countPromptTokens(tokenizerTalk), completion_tokens: 5 });
    expect(countPromptTokens(tokenizerTalk)).toBeGreaterThan(10); // the spelling's characters, not one special token
    const [event] = await eventsFor([requestIdOf(response)]);
    expect(event).toMatchObject({ status: 200, input_tokens: data.usage!.prompt_tokens, output_tokens: 5 });
  });

  it('streams chunk by chunk, asks the upstream for usage and hides it from a client that did not ask', async () => {
    const whole = await client.chat.completions.create({ model: 'mock-small', messages });
    const { data: stream, response } = await client.chat.completions.create({ model: 'mock-small', messages, stream: true }).withResponse();
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.every((c) => c.choices.length > 0 && !c.usage)).toBe(true);
    expect(chunks.map((c) => c.choices[0]!.delta.content ?? '').join('')).toBe(whole.choices[0]!.message.content);
    const [event] = await eventsFor([requestIdOf(response)]);
    expect(event).toMatchObject({ stream: true, status: 200, input_tokens: whole.usage!.prompt_tokens, output_tokens: whole.usage!.completion_tokens });
  });

  it('passes usage through to a client that asked for it', async () => {
    const stream = await client.chat.completions.create({ model: 'mock-small', messages, stream: true, stream_options: { include_usage: true } });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: countPromptTokens(messages) } });
  });

  it('counts with a tokenizer when the upstream gives no usage, streamed or not', async () => {
    const quiet = [{ role: 'user' as const, content: 'Count me yourself [[no-usage]]' }];
    const { data: plain, response: r1 } = await client.chat.completions.create({ model: 'mock-small', messages: quiet }).withResponse();
    const { data: stream, response: r2 } = await client.chat.completions.create({ model: 'mock-small', messages: quiet, stream: true }).withResponse();
    let streamed = '';
    for await (const chunk of stream) streamed += chunk.choices[0]?.delta.content ?? '';
    const [a, b] = [(await eventsFor([requestIdOf(r1)]))[0], (await eventsFor([requestIdOf(r2)]))[0]];
    for (const [event, text] of [
      [a, plain.choices[0]!.message.content!],
      [b, streamed],
    ] as const) {
      expect(event).toMatchObject({ input_tokens: countPromptTokens(quiet), output_tokens: countTokens(text) });
      expect(event!.output_tokens).toBeGreaterThan(0);
    }
  });

  it('serves completions, embeddings, and lists only the models the key may call', async () => {
    const completion = await client.completions.create({ model: 'mock-small', prompt: 'Once upon a time' });
    expect(completion.choices[0]!.text.length).toBeGreaterThan(0);
    const embedding = await client.embeddings.create({ model: 'mock-embed', input: ['a', 'b'] });
    expect(embedding.data).toHaveLength(2);
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(['mock-embed', 'mock-large', 'mock-small']);
    const em = world.orm.em.fork();
    await em.nativeUpdate(Organization, world.organizationId, { grantedGroups: ['embeddings'] });
    await expect.poll(async () => (await client.models.list()).data.map((m) => m.id), { timeout: 1000 }).toEqual(['mock-embed']);
    await em.nativeUpdate(Organization, world.organizationId, { grantedGroups: ['general', 'embeddings'] });
    await expect.poll(async () => (await client.models.list()).data.length, { timeout: 1000 }).toBe(3);
  });
});

describe("errors in OpenAI's shape", () => {
  const raw = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.secret}`, 'content-type': 'application/json', ...headers },
      body,
    });

  it('401 for a missing, malformed or unknown key', async () => {
    for (const key of ['sk-tg-malformed', `sk-tg-${'A'.repeat(38)}`]) {
      const error = await world
        .openai(key, url)
        .chat.completions.create({ model: 'mock-small', messages })
        .catch((e) => e);
      expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
      expect(error).toMatchObject({ status: 401, code: 'invalid_api_key', type: 'invalid_request_error' });
    }
    const missing = await fetch(`${url}/v1/models`);
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as any).error).toMatchObject({ code: 'missing_api_key', param: null });
  });

  it('404 model_not_found for a model the key may not use, 400 for bad JSON or a missing model, 413 past the size limit', async () => {
    const notAllowed = await client.chat.completions.create({ model: 'gpt-unknown', messages }).catch((e) => e);
    expect(notAllowed).toBeInstanceOf(OpenAI.NotFoundError);
    expect(notAllowed).toMatchObject({ code: 'model_not_found', param: 'model' });
    const noModel = await client.chat.completions.create({ messages } as never).catch((e) => e);
    expect(noModel).toBeInstanceOf(OpenAI.BadRequestError);
    expect(noModel).toMatchObject({ code: 'missing_model', param: 'model' });
    const badJson = await raw('{"model": "mock-small",');
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as any).error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_json' });
    const huge = await raw(JSON.stringify({ model: 'mock-small', messages: [{ role: 'user', content: 'x'.repeat(70_000) }] }));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as any).error.code).toBe('request_too_large');
    const events = await eventsFor([requestIdOf(badJson), requestIdOf(huge)]);
    expect(events.map((e) => e.status).sort()).toEqual([400, 413]);
  });

  it("passes the upstream's 4xx through and turns its failures into 502 and 504", async () => {
    const limited = await client.chat.completions
      .create({ model: 'mock-small', messages: [{ role: 'user', content: 'slow down [[fail:429]]' }] })
      .catch((e) => e);
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    const failed = await client.chat.completions.create({ model: 'mock-small', messages: [{ role: 'user', content: 'boom [[fail:500]]' }] }).catch((e) => e);
    expect(failed).toMatchObject({ status: 502, code: 'upstream_unavailable', type: 'server_error' });
    const hung = await client.chat.completions.create({ model: 'mock-small', messages: [{ role: 'user', content: 'wait [[fail:timeout]]' }] }).catch((e) => e);
    expect(hung).toMatchObject({ status: 504, code: 'upstream_timeout' });
  });

  it("cuts the client's stream when the upstream breaks off, and charges what was produced", async () => {
    const { data: stream, response } = await client.chat.completions
      .create({ model: 'mock-small', messages: [{ role: 'user', content: 'half [[fail:cut]]' }], stream: true })
      .withResponse();
    let received = '';
    const error = await (async () => {
      for await (const chunk of stream) received += chunk.choices[0]?.delta.content ?? '';
    })().catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    const [event] = await eventsFor([requestIdOf(response)]);
    expect(event).toMatchObject({ status: 502, output_tokens: countTokens(received) });
    expect(event!.output_tokens).toBeGreaterThan(0);
  });
});

describe('keys', () => {
  it('refuses a key within a second of its revocation and writes lastUsedAt at most once a minute', async () => {
    const em = world.orm.em.fork();
    const { secret, key } = await (
      await import('@tollgate/db')
    ).seedApiKey(em, { organizationId: world.organizationId, projectId: world.projectId, userId: world.userId, name: 'short-lived' });
    const own = world.openai(secret, url);
    await own.chat.completions.create({ model: 'mock-small', messages });
    await own.chat.completions.create({ model: 'mock-small', messages });
    await expect.poll(async () => (await em.fork().findOneOrFail(ApiKey, key.id)).lastUsedAt, { timeout: 2000 }).not.toBeNull();
    await em.fork().nativeUpdate(ApiKey, key.id, { revokedAt: new Date() });
    const started = Date.now();
    await expect.poll(async () => (await own.models.list().catch((e) => e)).status, { timeout: 1000, interval: 20 }).toBe(401);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
