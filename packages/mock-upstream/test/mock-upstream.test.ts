import { afterAll, describe, expect, it } from 'vitest';
import { countPromptTokens, countTokens, startMockUpstream } from '../src';

const mock = await startMockUpstream({ chunkCount: 5, apiKey: 'upstream-secret' });
afterAll(() => mock.close());
const post = (path: string, body: unknown, key = 'upstream-secret') =>
  fetch(`${mock.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const messages = [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'What is metering?' }];

async function events(res: Response) {
  return (await res.text()).split('\n\n').filter(Boolean).map((e) => e.replace(/^data: /, '')).map((d) => (d === '[DONE]' ? d : JSON.parse(d)));
}

describe('mock upstream', () => {
  it('answers chat completions with real token counts', async () => {
    const body = (await (await post('/chat/completions', { model: 'mock-small', messages })).json()) as any;
    expect(body).toMatchObject({ object: 'chat.completion', model: 'mock-small', choices: [{ index: 0, message: { role: 'assistant' }, finish_reason: 'stop' }] });
    expect(body.usage).toEqual({ prompt_tokens: countPromptTokens(messages), completion_tokens: countTokens(body.choices[0].message.content), total_tokens: countPromptTokens(messages) + countTokens(body.choices[0].message.content) });
  });

  it('streams a role chunk, the content in chunkCount pieces, the finish, usage only when asked, then [DONE]', async () => {
    const whole = (await (await post('/chat/completions', { model: 'mock-small', messages })).json()) as any;
    const plain = await events(await post('/chat/completions', { model: 'mock-small', messages, stream: true }));
    expect(plain[0].choices[0].delta).toEqual({ role: 'assistant', content: '' });
    expect(plain.slice(1, 6).map((e: any) => e.choices[0].delta.content).join('')).toBe(whole.choices[0].message.content);
    expect(plain[6].choices[0].finish_reason).toBe('stop');
    expect(plain.at(-1)).toBe('[DONE]');
    expect(plain).toHaveLength(8);
    const withUsage = await events(await post('/chat/completions', { model: 'mock-small', messages, stream: true, stream_options: { include_usage: true } }));
    expect(withUsage.at(-2)).toMatchObject({ choices: [], usage: whole.usage });
    expect(withUsage[1].usage).toBeNull();
  });

  it('serves completions, embeddings and models', async () => {
    const completion = (await (await post('/completions', { model: 'mock-small', prompt: 'Once upon' })).json()) as any;
    expect(completion).toMatchObject({ object: 'text_completion', usage: { prompt_tokens: countTokens('Once upon') } });
    const embedding = (await (await post('/embeddings', { model: 'mock-embed', input: ['a', 'bb'] })).json()) as any;
    expect(embedding.data.map((d: any) => d.embedding.length)).toEqual([16, 16]);
    const models = (await (await fetch(`${mock.url}/models`, { headers: { authorization: 'Bearer upstream-secret' } })).json()) as any;
    expect(models.data.map((m: any) => m.id)).toEqual(['mock-small', 'mock-large', 'mock-embed']);
  });

  it('fails on demand and refuses bad calls in OpenAI\'s shape', async () => {
    const ask = (content: string, extra = {}) => post('/chat/completions', { model: 'mock-small', messages: [{ role: 'user', content }], ...extra });
    expect((await ask('x [[fail:500]]')).status).toBe(500);
    expect((await ask('x [[fail:429]]')).status).toBe(429);
    expect(((await (await ask('x [[no-usage]]')).json()) as any).usage).toBeUndefined();
    const cut = await ask('x [[fail:cut]]', { stream: true });
    await expect(cut.text()).rejects.toThrow();
    const hung = fetch(`${mock.url}/chat/completions`, {
      method: 'POST', headers: { authorization: 'Bearer upstream-secret' }, signal: AbortSignal.timeout(300),
      body: JSON.stringify({ model: 'mock-small', messages: [{ role: 'user', content: 'x [[fail:timeout]]' }] }),
    });
    await expect(hung).rejects.toThrow(/abort|timeout/i);
    expect((await post('/chat/completions', '{bad')).status).toBe(400);
    expect(((await (await post('/chat/completions', { model: 'nope', messages })).json()) as any).error.code).toBe('model_not_found');
    expect((await post('/chat/completions', { model: 'mock-small', messages }, 'wrong')).status).toBe(401);
  });
});
