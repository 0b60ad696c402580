import { Organization, seedApiKey, seedMockCatalog } from '@tollgate/db';
import { formatMoney } from '@tollgate/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness } from './support/harness';
import { liveClient, subscribe } from './support/live-client';
import { spawnEntrypoint, type Spawned } from './support/processes';

/**
 * The scale-out shape, as separate processes: two servers and two proxies on
 * one PostgreSQL and one Redis. A subscriber on either server sees the calls
 * made through either proxy, exactly.
 */
const h = await startHarness();
const redisUrl = process.env.REDIS_URL;
if (!redisUrl) throw new Error('REDIS_URL is not set: run with vitest from the repository root (its global setup starts a Redis)');
const databaseUrl = h.orm.config.getClientUrl();
const shared = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, CREDENTIAL_KEY: h.app.services.config.credentialKey!, LOG_LEVEL: 'warn' };

let servers: Spawned[] = [];
let proxies: Spawned[] = [];
let secret = '';
let organizationId = '';
let bearer = '';

beforeAll(async () => {
  const mock = await spawnEntrypoint('packages/mock-upstream/src/main.ts', 'MOCK_READY', { MOCK_PORT: '0' });
  await seedMockCatalog(h.orm.em.fork(), mock.url);
  const admin = await h.user();
  const org = await h.organization(admin);
  organizationId = org.id;
  await h.orm.em.fork().nativeUpdate(Organization, { id: org.id }, { grantedGroups: ['general'] });
  const project = await h.project(org);
  ({ secret } = await seedApiKey(h.orm.em.fork(), { organizationId: org.id, projectId: project.id, userId: admin.id }));
  const minted = await (await h.signedIn(admin)).gql('mutation { createApiToken(input: { name: "wallboard", readOnly: true }) { secret } }');
  bearer = minted.data!.createApiToken.secret;
  [servers, proxies] = await Promise.all([
    Promise.all([1, 2].map(() => spawnEntrypoint('packages/server/src/main.ts', 'SERVER_READY', { ...shared, PORT: '0', HOST: '127.0.0.1' }))),
    Promise.all([1, 2].map(() => spawnEntrypoint('packages/proxy/src/main.ts', 'PROXY_READY', { ...shared, PROXY_PORT: '0', PROXY_HOST: '127.0.0.1' }))),
  ]);
}, 120_000);

afterAll(async () => {
  for (const p of [...servers, ...proxies]) p.child.kill('SIGTERM');
  await Promise.all([...servers, ...proxies].map((p) => p.exited));
});

const chat = (proxyUrl: string) =>
  fetch(`${proxyUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'mock-small', messages: [{ role: 'user', content: 'hello there' }], max_tokens: 16 }),
  }).then((r) => (expect(r.status).toBe(200), r.json()));

describe('two servers, two proxies, one PostgreSQL and one Redis', () => {
  it('shows every call through either proxy to subscribers on either server, counts and money exact', async () => {
    const TICKS = 'subscription($o: ID!) { usageTicks(organizationId: $o) { snapshot today { requests inputTokens outputTokens cost } } }';
    const clients = servers.map((s) => liveClient(s.url, { bearer }));
    const subs = clients.map((c) => subscribe<any>(c, TICKS, { o: organizationId }));
    for (const sub of subs) expect((await sub.next()).data!.usageTicks).toMatchObject({ snapshot: true, today: { requests: 0 } });

    await Promise.all([...Array.from({ length: 5 }, () => chat(proxies[0]!.url)), ...Array.from({ length: 7 }, () => chat(proxies[1]!.url))]);
    const seen = await Promise.all(subs.map((sub) => sub.next((m) => m.data?.usageTicks.today.requests === 12, 10_000)));
    // A delta is published after its batch commits: what the subscribers saw is in the request log.
    const [logged] = await h.orm.em
      .getConnection()
      .execute<Array<{ requests: number; input: number; output: number; cost: string }>>(
        'select count(*)::int as requests, sum(input_tokens)::int as input, sum(output_tokens)::int as output, sum(cost)::text as cost from request_logs where organization_id = ?',
        [organizationId],
      );
    expect(logged!.requests).toBe(12);
    for (const message of seen) {
      expect(message.data!.usageTicks.today).toEqual({
        requests: 12,
        inputTokens: logged!.input,
        outputTokens: logged!.output,
        cost: formatMoney(BigInt(logged!.cost)),
      });
    }
    expect(BigInt(logged!.cost)).toBeGreaterThan(0n);
    for (const c of clients) await c.dispose();
  });
});
