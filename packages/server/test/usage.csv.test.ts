import { ApiToken, randomBase62, sha256Hex } from '@tollgate/db';
import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_TOKEN_PREFIX } from '../src/auth/auth';
import { startHarness, type Client } from './support/harness';
import { call, usageWriter, type Caller } from './support/usage-events';

const h = await startHarness();
const usage = usageWriter(h.orm);
let admin: Client;
let bearer: string;
let a: Caller;
let orgId: string;

beforeAll(async () => {
  const user = await h.user();
  const org = await h.organization(user);
  orgId = org.id;
  const project = await h.project(org, 'alpha');
  a = await usage.caller(org.id, project.id, user.id);
  admin = await h.signedIn(user);
  bearer = API_TOKEN_PREFIX + randomBase62(40);
  const em = h.orm.em.fork();
  em.create(ApiToken, { user: user.id, name: 'bi', readOnly: true, tokenHash: sha256Hex(bearer), prefix: bearer.slice(0, 10) });
  await em.flush();
});

const csv = (params: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${h.url}/api/usage.csv?${new URLSearchParams({ organizationId: orgId, ...params })}`, { headers });
const unknownToken = `${API_TOKEN_PREFIX}${'x'.repeat(40)}`;

describe('GET /api/usage.csv', () => {
  it('answers the usage query as RFC 4180 CSV, formula cells neutralised, for a read-only BI token', async () => {
    await usage.write([
      call(a, '2026-07-01T10:00:00Z', { model: '=HYPERLINK("http://evil")', cost: 1_500_000n }),
      call(a, '2026-07-01T11:00:00Z', { model: 'comma, "quoted"', status: 500 }),
    ]);
    const params = { from: '2026-07-01T00:00:00Z', to: '2026-07-02T00:00:00Z', window: 'DAY', groupBy: 'MODEL,STATUS' };
    const response = await csv(params, { authorization: `Bearer ${bearer}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await response.text();
    expect(text.split('\r\n')[0]).toBe(
      'windowStart,windowEnd,projectId,apiKeyId,userId,model,status,requests,errors,inputTokens,cachedInputTokens,outputTokens,reasoningTokens,cost',
    );
    expect(text.endsWith('\r\n')).toBe(true);
    const records = parse(text, { columns: true }) as Array<Record<string, string>>;
    expect(records.map((r) => [r.model, r.status, r.requests, r.errors, r.cost, r.projectId])).toEqual([
      ['\'=HYPERLINK("http://evil")', '200', '1', '0', '1.50', ''],
      ['comma, "quoted"', '500', '1', '1', '0.001', ''],
    ]);
    expect(text).toContain('"comma, ""quoted"""');

    const graphql = await admin.gql(
      `query($o: ID!) { usage(organizationId: $o, from: "2026-07-01T00:00:00Z", to: "2026-07-02T00:00:00Z", window: DAY, groupBy: [MODEL, STATUS]) { rows { model requests cost } } }`,
      { o: orgId },
    );
    expect(graphql.data!.usage.rows.map((r: any) => r.requests)).toEqual(records.map((r) => Number(r.requests)));
  });

  it('answers errors as JSON with the code and the field, before any CSV', async () => {
    const expectError = async (response: Response, status: number, code: string, field?: string) => {
      expect(response.status).toBe(status);
      const body = (await response.json()) as { error: { code: string; field?: string } };
      expect(body.error.code).toBe(code);
      if (field) expect(body.error.field).toBe(field);
    };
    const range = { from: '2026-07-01T00:00:00Z', to: '2026-07-02T00:00:00Z' };
    await expectError(await csv(range), 401, 'UNAUTHENTICATED');
    await expectError(await csv(range, { authorization: `Bearer ${unknownToken}` }), 401, 'UNAUTHENTICATED');
    const cookie = { cookie: admin.cookie! };
    await expectError(await csv({ ...range, timeZone: 'Mars/Olympus' }, cookie), 400, 'VALIDATION', 'timeZone');
    await expectError(await csv({ from: range.to, to: range.from }, cookie), 400, 'VALIDATION', 'to');
    await expectError(await csv({ ...range, statuses: 'teapot' }, cookie), 400, 'VALIDATION', 'filter.statuses.0');
    await expectError(await csv({ ...range, projectIds: randomUUID() }, cookie), 404, 'NOT_FOUND', 'filter.projectIds');
    await expectError(
      await fetch(`${h.url}/api/usage.csv?organizationId=${randomUUID()}&from=${range.from}&to=${range.to}`, { headers: cookie }),
      404,
      'NOT_FOUND',
    );
  });

  it('streams a million rows in constant memory', async () => {
    // 1,008,000 quarter-hour rows: 93 days of hours x 48 keys x 10 models, written straight into the rollup.
    const hours = 2100;
    const from = new Date('2026-03-01T00:00:00Z');
    await h.orm.em.getConnection().execute(
      `insert into usage_quarter_hour (bucket, organization_id, project_id, api_key_id, user_id, model, status, requests, errors, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost)
       select ?::timestamptz + make_interval(hours => hr), ?::uuid, ?::uuid, ('00000000-0000-4000-8000-' || lpad(k::text, 12, '0'))::uuid, null, 'model-' || m, 200, 1, 0, 10, 0, 5, 0, 100
         from generate_series(0, ${hours - 1}) hr, generate_series(1, 48) k, generate_series(1, 10) m`,
      [from.toISOString(), orgId, a.projectId],
    );
    const to = new Date(from.getTime() + hours * 3_600_000);
    // Server and client share this process. What stays alive is sampled after a full collection, every 250 ms
    // from before the request to the last byte: garbage not yet collected is no measure of what a server holds.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const live = () => {
      gc();
      const { heapUsed, arrayBuffers } = process.memoryUsage();
      return heapUsed + arrayBuffers;
    };
    const baseline = live();
    let peak = 0;
    const sampler = setInterval(() => void (peak = Math.max(peak, live() - baseline)), 250);
    const response = await csv({ from: from.toISOString(), to: to.toISOString(), window: 'HOUR', groupBy: 'API_KEY,MODEL,STATUS' }, { cookie: admin.cookie! });
    expect(response.status).toBe(200);
    let lines = 0;
    let bytes = 0;
    let tail = '';
    const decoder = new TextDecoder();
    for await (const chunk of response.body!) {
      const text = tail + decoder.decode(chunk as Uint8Array, { stream: true });
      const parts = text.split('\r\n');
      tail = parts.pop()!;
      lines += parts.length;
      bytes += (chunk as Uint8Array).byteLength;
    }
    clearInterval(sampler);
    expect(tail).toBe('');
    expect(lines).toBe(1 + hours * 48 * 10);
    // The file is ~123 MB; server and client share this heap, and neither may hold it.
    expect(bytes).toBeGreaterThan(100_000_000);
    expect(peak).toBeLessThan(32 * 1024 * 1024);
  }, 600_000);
});
