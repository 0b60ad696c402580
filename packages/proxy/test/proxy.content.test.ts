import { Organization } from '@tollgate/db';
import { countTokens } from '@tollgate/mock-upstream';
import { describe, expect, it } from 'vitest';
import { startProxyWorld } from './support/proxy-harness';

// Slow chunks, so a client can hang up in the middle of a stream.
const world = await startProxyWorld({ chunkCount: 10, chunkIntervalMs: 40 });
const { url } = await world.startProxy();
const client = world.openai(world.secret, url);

async function eventFor(requestId: string) {
  for (let i = 0; i < 100; i++) {
    const { rows } = await world.db.query('select * from request_logs where id = $1', [requestId]);
    if (rows[0]) return rows[0];
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no event for ${requestId}`);
}

describe('a client that hangs up mid-stream', () => {
  it('aborts the upstream call and is charged for the tokens produced so far', async () => {
    const controller = new AbortController();
    const { data: stream, response } = await client.chat.completions
      .create({ model: 'mock-small', messages: [{ role: 'user', content: 'Tell me a long story' }], stream: true }, { signal: controller.signal })
      .withResponse();
    let received = '';
    let chunks = 0;
    await (async () => {
      for await (const chunk of stream) {
        received += chunk.choices[0]?.delta.content ?? '';
        if (++chunks === 4) controller.abort();
      }
    })().catch(() => undefined);
    const event = await eventFor(response.headers.get('x-request-id')!);
    expect(event).toMatchObject({ status: 499, error_code: 'client_closed_request', stream: true });
    // Charged for what the proxy had relayed when the client left: at least what the client read, less than the whole reply.
    expect(event.output_tokens).toBeGreaterThanOrEqual(countTokens(received));
    const whole = await client.chat.completions.create({ model: 'mock-small', messages: [{ role: 'user', content: 'Tell me a long story' }] });
    expect(event.output_tokens).toBeLessThan(whole.usage!.completion_tokens);
    expect(event.input_tokens).toBe(whole.usage!.prompt_tokens);
  });

  it('aborts the upstream call while it is still waiting for the answer', async () => {
    const controller = new AbortController();
    const pending = client.chat.completions
      .create({ model: 'mock-small', messages: [{ role: 'user', content: 'slow [[latency:3000]]' }] }, { signal: controller.signal })
      .withResponse();
    await new Promise((r) => setTimeout(r, 300));
    controller.abort();
    await pending.catch(() => undefined);
    // Recorded as the client leaving, at once: the proxy did not sit out the upstream's 3 s.
    const left = async () => (await world.db.query(`select status, error_code, latency_ms from request_logs where status = 499 and not stream`)).rows;
    let rows = await left();
    for (const deadline = Date.now() + 2_000; !rows.length && Date.now() < deadline; rows = await left()) await new Promise((r) => setTimeout(r, 25));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 499, error_code: 'client_closed_request' });
    expect(rows[0].latency_ms).toBeLessThan(2_000);
  });
});

describe('audit-content policy', () => {
  const ask = async (content: string) => {
    const { response } = await client.chat.completions.create({ model: 'mock-small', messages: [{ role: 'user', content }], temperature: 0.2 }).withResponse();
    return eventFor(response.headers.get('x-request-id')!);
  };
  const setPolicy = async (policy: string) => {
    await world.orm.em.fork().nativeUpdate(Organization, world.organizationId, { auditContentPolicy: policy as never });
    // The key cache hears of the change through PostgreSQL's notice.
    await new Promise((r) => setTimeout(r, 300));
  };

  it('stores nothing by default, parameters under METADATA, the texts under FULL', async () => {
    expect((await ask('secret plan A')).content).toBeNull();
    await setPolicy('METADATA');
    const metadata = (await ask('secret plan B')).content;
    expect(metadata).toMatchObject({ params: { model: 'mock-small', temperature: 0.2 }, messages: 1 });
    expect(JSON.stringify(metadata)).not.toContain('secret plan');
    await setPolicy('FULL');
    const full = (await ask('secret plan C')).content;
    expect(full.request.messages[0].content).toBe('secret plan C');
    expect(full.response).toMatch(/^Mock reply to: secret plan C/);
    await setPolicy('NONE');
  });
});
