import { seedApiKey, sha256Hex } from '@tollgate/db';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { parseScrape } from './support/prometheus';
import { startProxyWorld } from './support/proxy-harness';

const world = await startProxyWorld({ chunkCount: 4 });
const TOKEN = 'metrics-token-0123456789';
const messages = [{ role: 'user' as const, content: 'Say something short.' }];

async function scrape(url: string, token: string | null = TOKEN) {
  const res = await fetch(`${url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parseScrape(await res.text());
}

/** Waits until the request log holds `n` rows, and answers them. */
async function logRows(n: number) {
  await expect.poll(async () => (await world.events()).length, { timeout: 5000 }).toBe(n);
  return world.events();
}

async function limitedKey(rpm: number) {
  const { secret, key } = await seedApiKey(world.orm.em.fork(), {
    organizationId: world.organizationId,
    projectId: world.projectId,
    userId: world.userId,
    name: `rpm-${rpm}`,
  });
  await world.db.query('update api_keys set rpm_limit = $2 where id = $1', [key.id, rpm]);
  return secret;
}

describe('GET /metrics on the proxy port', () => {
  it('counts what the request log holds: answers by status class, tokens, cost, refusals by code, one latency observation per call', async () => {
    const { url } = await world.startProxy({ METRICS_TOKEN: TOKEN });
    const client = world.openai(world.secret, url);
    for (let i = 0; i < 3; i++) await client.chat.completions.create({ model: 'mock-small', messages });
    for (let i = 0; i < 2; i++) for await (const _chunk of await client.chat.completions.create({ model: 'mock-small', messages, stream: true }));
    await client.embeddings.create({ model: 'mock-embed', input: 'embed me' });
    // mock-large: a slow upstream (300 ms before its first byte) with reasoning tokens, a prompt served twice (cached the
    // second time: 1,024 tokens or more), a slow stream, and an upstream failure (answered 502 by the proxy).
    await client.chat.completions.create({ model: 'mock-large', messages: [{ role: 'user', content: 'Think first [[latency:300]] [[reasoning:40]]' }] });
    const long = [{ role: 'user' as const, content: `${'metrics count what the log holds '.repeat(200)} Summarise.` }];
    for (let i = 0; i < 2; i++) await client.chat.completions.create({ model: 'mock-large', messages: long });
    const slow = [{ role: 'user' as const, content: 'Stream slowly [[latency:200]]' }];
    for await (const _chunk of await client.chat.completions.create({ model: 'mock-large', messages: slow, stream: true }));
    expect(await client.chat.completions.create({ model: 'mock-large', messages: [{ role: 'user', content: '[[fail:500]]' }] }).catch((e) => e)).toMatchObject({
      status: 502,
      code: 'upstream_unavailable',
    });
    const limited = world.openai(await limitedKey(1), url);
    await limited.chat.completions.create({ model: 'mock-small', messages });
    expect(await limited.chat.completions.create({ model: 'mock-small', messages }).catch((e) => e)).toMatchObject({
      status: 429,
      code: 'key_per_minute_request_limit',
    });
    expect(await client.chat.completions.create({ model: 'no-such-model', messages }).catch((e) => e)).toMatchObject({ status: 404, code: 'model_not_found' });
    // Refused before the pipeline (no request-log row): counted by the router.
    expect(
      await world
        .openai('sk-tg-not-a-key', url)
        .chat.completions.create({ model: 'mock-small', messages })
        .catch((e) => e),
    ).toMatchObject({
      status: 401,
      code: 'invalid_api_key',
    });

    const rows = await logRows(14);
    const m = await scrape(url);
    const requests = 'tollgate_proxy_requests_total';
    const chat = '/v1/chat/completions';
    expect(m.sum(requests, { route: chat, model: 'mock-small', status_class: '2xx' })).toBe(6);
    expect(m.sum(requests, { route: chat, model: 'mock-small', status_class: '4xx' })).toBe(1);
    expect(m.sum(requests, { route: chat, model: '', status_class: '4xx' })).toBe(2);
    expect(m.sum(requests, { route: '/v1/embeddings', model: 'mock-embed', status_class: '2xx' })).toBe(1);
    expect(m.sum(requests, { route: chat, model: 'mock-large', status_class: '2xx' })).toBe(4);
    expect(m.sum(requests, { route: chat, model: 'mock-large', status_class: '5xx' })).toBe(1);
    expect(m.sum(requests)).toBe(rows.length + 1);
    for (const cls of ['2xx', '4xx', '5xx']) {
      const logged = rows.filter((r) => `${Math.floor(r.status / 100)}xx` === cls).length;
      expect(m.sum(requests, { status_class: cls }) - (cls === '4xx' ? 1 : 0)).toBe(logged);
    }

    const total = (column: string, where: (r: Record<string, any>) => boolean = () => true) => rows.filter(where).reduce((n, r) => n + Number(r[column]), 0);
    const tokens = 'tollgate_proxy_tokens_total';
    for (const [kind, column] of [
      ['input', 'input_tokens'],
      ['cached_input', 'cached_input_tokens'],
      ['output', 'output_tokens'],
      ['reasoning', 'reasoning_tokens'],
    ] as const) {
      expect(m.sum(tokens, { kind }), kind).toBe(total(column));
      expect(m.sum(tokens, { kind, model: 'mock-embed' }), kind).toBe(total(column, (r) => r.model === 'mock-embed'));
    }
    for (const kind of ['input', 'cached_input', 'output', 'reasoning']) expect(m.sum(tokens, { kind }), kind).toBeGreaterThan(0);
    expect(m.sum('tollgate_proxy_cost_micros_total')).toBe(total('cost'));
    expect(m.sum('tollgate_proxy_cost_micros_total')).toBeGreaterThan(0);

    const refusals = 'tollgate_proxy_refusals_total';
    expect(m.sum(refusals, { code: 'key_per_minute_request_limit' })).toBe(1);
    expect(m.sum(refusals, { code: 'model_not_found' })).toBe(1);
    expect(m.sum(refusals, { code: 'invalid_api_key' })).toBe(1);
    expect(m.sum(refusals, { code: 'upstream_unavailable' })).toBe(1);
    expect(m.sum(refusals)).toBe(4);

    // One added-latency observation per metered call, an upstream one per forwarded call, a first token per stream.
    expect(m.count('tollgate_proxy_added_latency_seconds')).toBe(rows.length);
    const { rows: rollup } = await world.db.query('select sum(forwarded)::int as forwarded from usage_hourly');
    expect(rollup[0].forwarded).toBe(12);
    expect(m.count('tollgate_proxy_upstream_latency_seconds')).toBe(rollup[0].forwarded);
    expect(m.count('tollgate_proxy_upstream_latency_seconds', { route: chat, model: 'mock-small' })).toBe(6);
    expect(m.count('tollgate_proxy_time_to_first_token_seconds')).toBe(rows.filter((r) => r.stream).length);
    expect(m.count('tollgate_proxy_time_to_first_token_seconds', { route: chat, model: 'mock-small' })).toBe(2);
    // The upstream's 300 + 200 ms (and the fast calls') are the upstream's; what the proxy adds stays well below.
    const large = { route: chat, model: 'mock-large' };
    expect(m.sum('tollgate_proxy_upstream_latency_seconds_sum', large)).toBeGreaterThanOrEqual(0.5);
    expect(m.sum('tollgate_proxy_added_latency_seconds_sum', large)).toBeLessThan(0.2);
    expect(m.sum('tollgate_proxy_time_to_first_token_seconds_sum', large)).toBeGreaterThanOrEqual(0.2);
    // Buckets are cumulative: the three fast calls by 0.1 s, the slow stream by 0.25 s, the slow call only in +Inf's 5.
    expect(m.sum('tollgate_proxy_upstream_latency_seconds_bucket', { ...large, le: '0.1' })).toBe(3);
    expect(m.sum('tollgate_proxy_upstream_latency_seconds_bucket', { ...large, le: '0.25' })).toBe(4);
    expect(m.sum('tollgate_proxy_upstream_latency_seconds_bucket', { ...large, le: '+Inf' })).toBe(5);

    expect(m.samples.filter((s) => s.name === 'tollgate_proxy_usage_buffer_events')).toEqual([
      { name: 'tollgate_proxy_usage_buffer_events', labels: {}, value: 0 },
    ]);
    expect(m.sum('tollgate_proxy_limit_store_errors_total')).toBe(0);
    expect(m.sum('tollgate_proxy_database_errors_total')).toBe(0);
    expect(m.types.get('process_cpu_user_seconds_total')).toBe('counter');
    expect(m.types.get('nodejs_eventloop_lag_p99_seconds')).toBe('gauge');
    expect(m.types.get('tollgate_proxy_added_latency_seconds')).toBe('histogram');
    // Buckets are cumulative and end at the count.
    for (const labels of m.labels('tollgate_proxy_added_latency_seconds_count')) {
      const buckets = m.samples.filter(
        (s) => s.name === 'tollgate_proxy_added_latency_seconds_bucket' && s.labels.model === labels.model && s.labels.route === labels.route,
      );
      expect(buckets.map((b) => b.value)).toEqual([...buckets.map((b) => b.value)].sort((a, b) => a - b));
      expect(buckets.at(-1)).toMatchObject({ labels: { le: '+Inf' }, value: m.count('tollgate_proxy_added_latency_seconds', labels) });
    }
    // No organization or project labels unless asked for.
    expect(m.labels(requests).every((l) => !('organization' in l) && !('project' in l))).toBe(true);
  });

  it('answers a scrape only with METRICS_TOKEN when it is set, and anyone when it is not', async () => {
    const { url } = await world.startProxy({ METRICS_TOKEN: TOKEN });
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${world.secret}` } })).status).toBe(401);
    await scrape(url);
    const open = await world.startProxy();
    await scrape(open.url, null);
  });

  it('labels the counters with organization and project only under METRICS_TENANT_LABELS, and never with a key secret', async () => {
    const before = (await world.events()).length;
    const { url } = await world.startProxy({ METRICS_TENANT_LABELS: 'true' });
    await world.openai(world.secret, url).chat.completions.create({ model: 'mock-small', messages });
    expect(
      await world
        .openai(world.secret, url)
        .chat.completions.create({ model: 'no-such-model', messages })
        .catch((e) => e),
    ).toBeInstanceOf(OpenAI.NotFoundError);
    await logRows(before + 2);
    const res = await fetch(`${url}/metrics`);
    const text = await res.text();
    const m = parseScrape(text);
    const tenant = { organization: world.organizationId, project: world.projectId };
    expect(m.sum('tollgate_proxy_requests_total', { ...tenant, model: 'mock-small', status_class: '2xx' })).toBe(1);
    expect(m.sum('tollgate_proxy_requests_total', { ...tenant, model: '', status_class: '4xx' })).toBe(1);
    expect(m.sum('tollgate_proxy_refusals_total', { ...tenant, code: 'model_not_found' })).toBe(1);
    expect(m.sum('tollgate_proxy_tokens_total', { ...tenant, kind: 'output' })).toBeGreaterThan(0);
    expect(m.sum('tollgate_proxy_cost_micros_total', tenant)).toBeGreaterThan(0);
    // Histograms stay per route and model: buckets times projects would be too many series.
    expect(m.labels('tollgate_proxy_added_latency_seconds').every((l) => !('organization' in l))).toBe(true);
    expect(text).not.toContain(world.secret);
    expect(text).not.toContain(sha256Hex(world.secret));
  });

  it('counts failed usage writes and shows the events waiting, which drain once PostgreSQL takes them again', async () => {
    const { url } = await world.startProxy();
    const before = (await world.events()).length;
    await world.db.query('alter table request_logs rename to request_logs_away');
    try {
      await world.openai(world.secret, url).chat.completions.create({ model: 'mock-small', messages });
      await expect.poll(async () => (await scrape(url, null)).sum('tollgate_proxy_database_errors_total', { operation: 'usage_write' })).toBeGreaterThan(0);
      expect((await scrape(url, null)).sum('tollgate_proxy_usage_buffer_events')).toBe(1);
    } finally {
      await world.db.query('alter table request_logs_away rename to request_logs');
    }
    await logRows(before + 1);
    await expect.poll(async () => (await scrape(url, null)).sum('tollgate_proxy_usage_buffer_events'), { timeout: 5000 }).toBe(0);
  });
});
