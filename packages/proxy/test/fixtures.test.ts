import { CatalogModel, Upstream } from '@tollgate/db';
import { costMicros, UsageSource } from '@tollgate/domain';
import { countTokens, promptTokens } from '@tollgate/domain/tokens';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { startProxyWorld } from './support/proxy-harness';

/**
 * Every recorded provider answer (fixtures/providers, see its README) replayed
 * through the proxy byte for byte by a real HTTP upstream, and called with the
 * official openai SDK: the request log must hold exactly the fixture's tokens
 * and cost, whatever the provider's shape.
 */
interface Fixture {
  provider: string;
  endpoint: '/v1/chat/completions' | '/v1/completions' | '/v1/embeddings' | '/v1/responses';
  stream: boolean;
  request: Record<string, any>;
  response?: unknown;
  events?: Array<{ event?: string; data: unknown }>;
  prices: { input: string; cachedInput: string | null; output: string };
  expected: { inputTokens: number; cachedInputTokens: number; outputTokens: number; reasoningTokens: number; cost: string };
}

const folder = new URL('./fixtures/providers/', import.meta.url);
const fixtures = readdirSync(folder)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ file, ...(JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as Fixture) }));

/** What the replaying upstream answers for each upstream model name. */
const answers = new Map<string, { body: string; stream: boolean }>();
const sse = (events: NonNullable<Fixture['events']>) =>
  events.map((e) => `${e.event ? `event: ${e.event}\n` : ''}data: ${typeof e.data === 'string' ? e.data : JSON.stringify(e.data)}\n\n`).join('');

const replay: Server = createServer((req, res) => {
  let raw = '';
  req.on('data', (chunk) => (raw += chunk));
  req.on('end', () => {
    const answer = answers.get((JSON.parse(raw) as { model: string }).model);
    if (!answer) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': answer.stream ? 'text/event-stream' : 'application/json' }).end(answer.body);
  });
});
await new Promise<void>((resolve) => replay.listen(0, '127.0.0.1', resolve));
afterAll(() => new Promise((resolve) => replay.close(resolve)));

const world = await startProxyWorld();
const em = world.orm.em.fork();
const upstream = em.create(Upstream, { name: 'replay', baseUrl: `http://127.0.0.1:${(replay.address() as { port: number }).port}/v1` });
/** A catalog model routed to the replaying upstream, answering `body`. */
function model(name: string, prices: Fixture['prices'], body: string, stream: boolean) {
  answers.set(name, { body, stream });
  em.create(CatalogModel, {
    name,
    upstream,
    upstreamModel: name,
    contextWindow: 1_000_000,
    defaultMaxOutputTokens: 4_096,
    groups: ['general'],
    inputPricePerMillion: BigInt(prices.input),
    cachedInputPricePerMillion: prices.cachedInput === null ? null : BigInt(prices.cachedInput),
    outputPricePerMillion: BigInt(prices.output),
  });
}
for (const f of fixtures) model(`fx-${f.file}`, f.prices, f.stream ? sse(f.events!) : JSON.stringify(f.response), f.stream);
await em.flush();

const { url } = await world.startProxy();
const client = world.openai(world.secret, url);

/** Makes the fixture's call through the proxy with the SDK, reading every event of a stream; answers the request id. */
async function call(f: Fixture, modelName: string): Promise<string> {
  const body = { ...f.request, model: modelName } as any;
  const sent =
    f.endpoint === '/v1/chat/completions'
      ? client.chat.completions.create(body)
      : f.endpoint === '/v1/completions'
        ? client.completions.create(body)
        : f.endpoint === '/v1/embeddings'
          ? client.embeddings.create(body)
          : client.responses.create(body);
  const { data, response } = await (sent as any).withResponse();
  if (f.stream) for await (const _ of data as AsyncIterable<unknown>) void _;
  return response.headers.get('x-request-id')!;
}

async function logged(requestId: string) {
  await expect.poll(async () => (await world.db.query('select 1 from request_logs where id = $1', [requestId])).rowCount, { timeout: 3000 }).toBe(1);
  return (await world.db.query('select * from request_logs where id = $1', [requestId])).rows[0]!;
}

describe('recorded provider answers through the proxy', () => {
  it('has fixtures of every provider', () => {
    expect(new Set(fixtures.map((f) => f.provider))).toEqual(new Set(['openai', 'azure', 'vllm', 'ollama', 'deepseek', 'moonshot']));
  });

  it.each(fixtures.map((f) => [f.file, f] as const))('%s: the tokens and the cost the provider reported', async (_, f) => {
    const expected = f.expected;
    // The fixture's own arithmetic agrees with the one cost rule.
    const prices = {
      inputPerMillion: BigInt(f.prices.input),
      cachedInputPerMillion: f.prices.cachedInput === null ? null : BigInt(f.prices.cachedInput),
      outputPerMillion: BigInt(f.prices.output),
    };
    expect(costMicros(expected, prices).toString()).toBe(expected.cost);
    const row = await logged(await call(f, `fx-${f.file}`));
    expect(row).toMatchObject({
      status: 200,
      stream: f.stream,
      usage_source: UsageSource.UPSTREAM,
      input_tokens: expected.inputTokens,
      cached_input_tokens: expected.cachedInputTokens,
      output_tokens: expected.outputTokens,
      reasoning_tokens: expected.reasoningTokens,
    });
    expect(String(row.cost)).toBe(expected.cost);
  });
});

describe('malformed usage', () => {
  const base = fixtures.find((f) => f.file === 'openai.chat.json')!;
  const bad: Array<[string, unknown]> = [
    ['a string', 'lots'],
    ['string counts', { ...(base.response as any).usage, prompt_tokens: '1234' }],
    ['negative counts', { ...(base.response as any).usage, completion_tokens: -77 }],
    ['counts beyond 2^53', { ...(base.response as any).usage, prompt_tokens: 2 ** 53 + 10 }],
    ['more cached than prompt tokens', { ...(base.response as any).usage, prompt_tokens_details: { cached_tokens: 10 ** 7 } }],
  ];
  it.each(bad)('%s: counted by the tokenizer, marked ESTIMATED, charged the counted tokens', async (label, usage) => {
    const name = `fx-bad-${label.replaceAll(' ', '-')}`;
    const answer = { ...(base.response as any), usage };
    model(name, base.prices, JSON.stringify(answer), false);
    await em.flush();
    await expect.poll(async () => (await client.models.list()).data.some((m) => m.id === name), { timeout: 2000 }).toBe(true);
    const row = await logged(await call(base, name));
    const text = (answer.choices as Array<{ message: { content: string } }>).map((c) => c.message.content).join('');
    const counted = { inputTokens: promptTokens(base.request), cachedInputTokens: 0, outputTokens: countTokens(text) };
    expect(row).toMatchObject({
      usage_source: UsageSource.ESTIMATED,
      input_tokens: counted.inputTokens,
      cached_input_tokens: 0,
      output_tokens: counted.outputTokens,
      reasoning_tokens: 0,
    });
    expect(BigInt(row.cost)).toBe(
      costMicros(counted, { inputPerMillion: BigInt(base.prices.input), cachedInputPerMillion: null, outputPerMillion: BigInt(base.prices.output) }),
    );
  });
});
