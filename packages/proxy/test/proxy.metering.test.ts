import { CatalogModel, Organization, OrganizationMember, Project, seedApiKey, Upstream, User } from '@tollgate/db';
import { costMicros, OrgRole, UsageSource } from '@tollgate/domain';
import OpenAI from 'openai';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startProxyWorld } from './support/proxy-harness';

const world = await startProxyWorld({ chunkCount: 4 });
// A prepaid organization, funded before the proxy first reads its keys.
await world.db.query('insert into wallets (organization_id) values ($1)', [world.organizationId]);
await world.db.query(
  `insert into wallet_records (id, organization_id, type, amount, description) values (gen_random_uuid(), $1, 'RECHARGE', 100000000, 'credit')`,
  [world.organizationId],
);
const { url } = await world.startProxy();
const client = world.openai(world.secret, url);
const LARGE = { inputPerMillion: 2_500_000n, cachedInputPerMillion: 1_250_000n, outputPerMillion: 10_000_000n };

async function logged(requestId: string) {
  await expect.poll(async () => (await world.db.query('select 1 from request_logs where id = $1', [requestId])).rowCount, { timeout: 3000 }).toBe(1);
  return (await world.db.query('select * from request_logs where id = $1', [requestId])).rows[0]!;
}
const idOf = (response: { headers: Headers }) => response.headers.get('x-request-id')!;

/** A second organization with its own key to the same models. */
async function otherOrganization() {
  const em = world.orm.em.fork();
  const user = em.create(User, { email: `other-${randomUUID()}@example.test`, name: 'Other', passwordHash: 'unused' });
  const organization = em.create(Organization, { name: `other-${randomUUID().slice(0, 8)}`, displayName: 'Other', grantedGroups: ['general'] });
  em.create(OrganizationMember, { organization, user, role: OrgRole.ADMIN });
  const project = em.create(Project, { organization, name: 'p' });
  await em.flush();
  return (await seedApiKey(em, { organizationId: organization.id, projectId: project.id, userId: user.id })).secret;
}

describe('cached and reasoning tokens', () => {
  it('charges a cached prompt exactly (prompt − cached) × input + cached × cached input + output × output, in the log, the Consume record and the rollups', async () => {
    // 1,024 tokens or more, seen before: the upstream serves a prefix from its prompt cache (OpenAI's rule, as the mock answers).
    const messages = [{ role: 'user' as const, content: `${'metering is exact to the micro-unit '.repeat(200)} Summarise.` }];
    await client.chat.completions.create({ model: 'mock-large', messages });
    const { data, response } = await client.chat.completions.create({ model: 'mock-large', messages }).withResponse();
    const usage = data.usage!;
    const cached = usage.prompt_tokens_details!.cached_tokens!;
    expect(cached).toBeGreaterThanOrEqual(1024);
    const cost = costMicros({ inputTokens: usage.prompt_tokens, cachedInputTokens: cached, outputTokens: usage.completion_tokens }, LARGE);
    expect(cost).toBeLessThan(costMicros({ inputTokens: usage.prompt_tokens, cachedInputTokens: 0, outputTokens: usage.completion_tokens }, LARGE));

    const row = await logged(idOf(response));
    expect(row).toMatchObject({
      input_tokens: usage.prompt_tokens,
      cached_input_tokens: cached,
      output_tokens: usage.completion_tokens,
      usage_source: UsageSource.UPSTREAM,
    });
    expect(BigInt(row.cost)).toBe(cost);
    const {
      rows: [consume],
    } = await world.db.query(`select amount, description from wallet_records where request_log_id = $1`, [row.id]);
    expect(BigInt(consume.amount)).toBe(-cost);
    expect(consume.description).toBe(`mock-large: ${usage.prompt_tokens} input (${cached} cached) + ${usage.completion_tokens} output tokens`);
    const {
      rows: [rollup],
    } = await world.db.query(
      `select sum(cached_input_tokens)::int as cached, sum(cost)::bigint as cost from usage_hourly where organization_id = $1 and model = 'mock-large'`,
      [world.organizationId],
    );
    const {
      rows: [logs],
    } = await world.db.query(
      `select sum(cached_input_tokens)::int as cached, sum(cost)::bigint as cost from request_logs where organization_id = $1 and model = 'mock-large'`,
      [world.organizationId],
    );
    expect(rollup).toEqual(logs);
    expect(rollup.cached).toBe(cached);
  });

  it('keeps the reasoning tokens a reply reports, inside its output tokens', async () => {
    const { data, response } = await client.chat.completions
      .create({ model: 'mock-small', messages: [{ role: 'user', content: 'Think first [[reasoning:40]]' }] })
      .withResponse();
    expect(data.usage!.completion_tokens_details!.reasoning_tokens).toBe(40);
    expect(await logged(idOf(response))).toMatchObject({ reasoning_tokens: 40, output_tokens: data.usage!.completion_tokens });
  });

  it('marks a call whose upstream reported no usage as ESTIMATED', async () => {
    const { response } = await client.chat.completions
      .create({ model: 'mock-small', messages: [{ role: 'user', content: 'count me [[no-usage]]' }] })
      .withResponse();
    expect(await logged(idOf(response))).toMatchObject({ usage_source: UsageSource.ESTIMATED });
  });
});

describe("every provider's shape, from the mock's provider switch", () => {
  const PROVIDERS = ['openai', 'azure', 'vllm', 'ollama', 'deepseek', 'moonshot'] as const;

  it('meters the same call identically in every shape, streamed and not', async () => {
    const em = world.orm.em.fork();
    const mock = await em.findOneOrFail(Upstream, { name: 'mock' });
    for (const provider of PROVIDERS) {
      em.create(CatalogModel, {
        name: `shape-${provider}`,
        upstream: mock,
        upstreamModel: `mock-small@${provider}`,
        groups: ['general'],
        contextWindow: 128_000,
        defaultMaxOutputTokens: 4_096,
        inputPricePerMillion: 150_000n,
        cachedInputPricePerMillion: 75_000n,
        outputPricePerMillion: 600_000n,
      });
    }
    await em.flush();
    await expect.poll(async () => (await client.models.list()).data.filter((m) => m.id.startsWith('shape-')).length, { timeout: 2000 }).toBe(PROVIDERS.length);
    // Long enough to be cached once seen; every call below is then a cache hit.
    const messages = [{ role: 'user' as const, content: `${'every provider counts its own way '.repeat(180)} [[reasoning:12]]` }];
    await client.chat.completions.create({ model: 'mock-small', messages });
    const reference = await client.chat.completions.create({ model: 'mock-small', messages });
    const expected = {
      input_tokens: reference.usage!.prompt_tokens,
      cached_input_tokens: reference.usage!.prompt_tokens_details!.cached_tokens,
      output_tokens: reference.usage!.completion_tokens,
      reasoning_tokens: 12,
      usage_source: UsageSource.UPSTREAM,
    };
    expect(expected.cached_input_tokens).toBeGreaterThan(0);
    for (const provider of PROVIDERS) {
      // What each reports: Ollama no cached tokens; vLLM, Ollama and Moonshot no reasoning tokens (only the total they are part of).
      const shape = {
        ...expected,
        ...(provider === 'ollama' ? { cached_input_tokens: 0 } : {}),
        ...(['vllm', 'ollama', 'moonshot'].includes(provider) ? { reasoning_tokens: 0 } : {}),
      };
      const { response: plain } = await client.chat.completions.create({ model: `shape-${provider}`, messages }).withResponse();
      const { data: stream, response: streamed } = await client.chat.completions.create({ model: `shape-${provider}`, messages, stream: true }).withResponse();
      // The usage-only chunk the proxy asked for stays hidden (DeepSeek and Moonshot put usage in a content chunk of their own accord).
      for await (const chunk of stream) expect(chunk.choices.length === 0 && chunk.usage).toBeFalsy();
      expect({ provider, ...(await logged(idOf(plain))) }).toMatchObject({ provider, ...shape, stream: false });
      expect({ provider, ...(await logged(idOf(streamed))) }).toMatchObject({ provider, ...shape, stream: true });
    }
  });
});

describe('the Responses API', () => {
  it('meters a response, streamed and not, from its usage, and charges it to the wallet', async () => {
    const { data, response } = await client.responses
      .create({ model: 'mock-small', input: 'Say hello to the Responses API [[reasoning:8]]', instructions: 'Be brief.' })
      .withResponse();
    expect(data.output_text).toMatch(/^Mock reply/);
    const row = await logged(idOf(response));
    expect(row).toMatchObject({
      status: 200,
      stream: false,
      input_tokens: data.usage!.input_tokens,
      cached_input_tokens: data.usage!.input_tokens_details.cached_tokens,
      output_tokens: data.usage!.output_tokens,
      reasoning_tokens: 8,
      usage_source: UsageSource.UPSTREAM,
      response_id: data.id,
    });
    const {
      rows: [consume],
    } = await world.db.query(`select amount from wallet_records where request_log_id = $1`, [row.id]);
    expect(BigInt(consume.amount)).toBe(-BigInt(row.cost));

    const { data: stream, response: streamed } = await client.responses
      .create({ model: 'mock-small', input: [{ role: 'user', content: 'Stream it' }], stream: true })
      .withResponse();
    let text = '';
    let completed: OpenAI.Responses.Response | null = null;
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta') text += event.delta;
      if (event.type === 'response.completed') completed = event.response;
    }
    expect(text).toMatch(/^Mock reply/);
    expect(await logged(idOf(streamed))).toMatchObject({
      stream: true,
      input_tokens: completed!.usage!.input_tokens,
      output_tokens: completed!.usage!.output_tokens,
      response_id: completed!.id,
    });
  });

  it('meters a response cut short by max_output_tokens from its response.incomplete event', async () => {
    const { data: stream, response } = await client.responses
      .create({ model: 'mock-small', input: 'Tell me a long story about meters', max_output_tokens: 16, stream: true })
      .withResponse();
    let last: OpenAI.Responses.ResponseStreamEvent | null = null;
    for await (const event of stream) last = event;
    expect(last).toMatchObject({
      type: 'response.incomplete',
      response: { incomplete_details: { reason: 'max_output_tokens' }, usage: { output_tokens: 16 } },
    });
    expect(await logged(idOf(response))).toMatchObject({ usage_source: UsageSource.UPSTREAM, status: 200, output_tokens: 16 });
  });

  it('passes GET /v1/responses/{id} through, unmetered, for the organization that made it only', async () => {
    const { data: made, response } = await client.responses.create({ model: 'mock-small', input: 'Keep this one' }).withResponse();
    await logged(idOf(response));
    const before = (await world.db.query('select count(*)::int as n from request_logs')).rows[0].n;
    expect((await client.responses.retrieve(made.id)).output_text).toBe(made.output_text);
    const foreign = world.openai(await otherOrganization(), url);
    const error = await foreign.responses.retrieve(made.id).catch((e) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({ code: 'response_not_found', type: 'invalid_request_error' });
    // Unknown ids answer exactly like another organization's.
    const unknown = await client.responses.retrieve('resp_unknown').catch((e) => e);
    expect(unknown).toMatchObject({ status: 404, code: 'response_not_found', error: { message: "No response found with id 'resp_unknown'." } });
    await new Promise((r) => setTimeout(r, 300));
    expect((await world.db.query('select count(*)::int as n from request_logs')).rows[0].n).toBe(before);
  });

  it("applies the key's rate limit and the 429 contract as for chat", async () => {
    const { secret, key } = await seedApiKey(world.orm.em.fork(), {
      organizationId: world.organizationId,
      projectId: world.projectId,
      userId: world.userId,
      name: 'limited',
    });
    await world.db.query('update api_keys set rpm_limit = 2 where id = $1', [key.id]);
    const limited = world.openai(secret, url);
    await limited.responses.create({ model: 'mock-small', input: 'one' });
    await limited.responses.create({ model: 'mock-small', input: 'two' });
    const refused = await limited.responses.create({ model: 'mock-small', input: 'three' }).catch((e) => e);
    expect(refused).toBeInstanceOf(OpenAI.RateLimitError);
    expect(refused).toMatchObject({ status: 429, type: 'rate_limit_exceeded', code: 'key_per_minute_request_limit' });
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('bounds, checked on every call', () => {
  it('answers 400 naming the parameter, before anything goes upstream, also for a key without limits or wallet', async () => {
    const free = world.openai(await otherOrganization(), url);
    const messages = [{ role: 'user' as const, content: 'hi' }];
    const cases: Array<[string, () => Promise<unknown>]> = [
      ['max_tokens', () => free.chat.completions.create({ model: 'mock-small', messages, max_tokens: 1e12 })],
      ['max_completion_tokens', () => free.chat.completions.create({ model: 'mock-small', messages, max_completion_tokens: 0 })],
      ['n', () => free.chat.completions.create({ model: 'mock-small', messages, n: 1000 })],
      ['max_tokens', () => free.completions.create({ model: 'mock-small', prompt: 'hi', max_tokens: -1 })],
      ['max_output_tokens', () => free.responses.create({ model: 'mock-small', input: 'hi', max_output_tokens: 200_000 })],
    ];
    const upstreamCalls = world.mock.requests;
    for (const [param, send] of cases) {
      const error = await send().catch((e) => e);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error).toMatchObject({ status: 400, type: 'invalid_request_error', code: 'invalid_value', param });
    }
    expect(world.mock.requests).toBe(upstreamCalls);
  });
});

describe('ids of the rows written per call', () => {
  /** The time in a version 7 UUID (its first 48 bits, RFC 9562), null for any other version. */
  const timeOf = (id: string) =>
    /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id) ? parseInt(id.replace(/-/g, '').slice(0, 12), 16) : null;

  it('keys the request log and the Consume records by time-ordered ids, so their indexes grow at one end', async () => {
    const messages = [{ role: 'user' as const, content: 'ids in order' }];
    const ids: string[] = [];
    const started = Date.now();
    for (let i = 0; i < 3; i++) ids.push(idOf((await client.chat.completions.create({ model: 'mock-large', messages }).withResponse()).response));
    const ended = Date.now();
    for (const id of ids) {
      expect(timeOf(id)).toBeGreaterThanOrEqual(started);
      expect(timeOf(id)).toBeLessThanOrEqual(ended);
    }
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) await logged(id);
    const { rows } = await world.db.query<{ id: string; request_log_id: string }>(
      'select id, request_log_id from wallet_records where request_log_id = any($1::uuid[])',
      [ids],
    );
    expect(rows.map((r) => r.request_log_id).sort()).toEqual(ids);
    for (const { id } of rows) expect(timeOf(id)).toBeGreaterThanOrEqual(started);
  });
});
