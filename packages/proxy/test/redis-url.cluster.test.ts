import { ApiKey, seedApiKey } from '@tollgate/db';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProxyConfig } from '../src';
import { spawnProxy, type ProxyProcess } from './support/processes';
import { startProxyWorld } from './support/proxy-harness';
import { requireRedisUrl } from './support/redis-url';
import { stopProxies } from './support/stop-proxies';

/*
 * A REDIS_URL of the wrong form (README "Configuration"): the proxy says so in one log line naming
 * the fix and goes on as with Redis down: limited calls answer 503 limits_unavailable, every
 * answered call's usage event still reaches PostgreSQL (held in the proxy, not in a stream).
 */

const world = await startProxyWorld();
const clusterNode = requireRedisUrl('cluster').slice('redis+cluster://'.length).split(',')[0]!;
const proxies: ProxyProcess[] = [];
afterAll(() => stopProxies(proxies));

const env = (redisUrl: string) => ({ DATABASE_URL: world.databaseUrl, CREDENTIAL_KEY: world.credentialKey, REDIS_URL: redisUrl, LIMIT_STORE: 'redis' });
const call = async (url: string, secret: string) => {
  const res = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'mock-small', messages: [{ role: 'user', content: 'hi' }], max_tokens: 5 }),
  });
  const body = (await res.json()) as { error?: { code: string } };
  return { status: res.status, code: body.error?.code ?? null, id: res.headers.get('x-request-id')! };
};
const logLines = (proxy: ProxyProcess, code: string) =>
  proxy
    .output()
    .split('\n')
    .filter((line) => line.includes(`"code":"${code}"`));

describe.each([
  {
    form: 'a plain URL naming a cluster node',
    redisUrl: `redis://${clusterNode}`,
    code: 'redis_url_names_cluster_node',
    fix: /use the cluster form redis\+cluster:\/\//,
  },
  {
    form: 'the cluster form naming a plain Redis',
    redisUrl: `redis+cluster://${new URL(requireRedisUrl()).host}`,
    code: 'redis_url_not_a_cluster',
    fix: /use redis:\/\/host:port/,
  },
])('a proxy given $form', ({ redisUrl, code, fix }) => {
  it('logs it once with the fix, refuses limited calls with 503, and loses no usage event', async () => {
    const proxy = await spawnProxy(env(redisUrl));
    proxies.push(proxy);
    const em = world.orm.em.fork();
    const limited = await seedApiKey(em, { organizationId: world.organizationId, projectId: world.projectId, userId: world.userId, name: 'limited' });
    await em.nativeUpdate(ApiKey, limited.key.id, { rpmLimit: 100 });
    const answers = [await call(proxy.url, world.secret), await call(proxy.url, limited.secret)];
    expect(answers.map((a) => [a.status, a.code])).toEqual([
      [200, null],
      [503, 'limits_unavailable'],
    ]);
    await expect
      .poll(
        async () => (await world.db.query('select count(*)::int as n from request_logs where id = any($1::uuid[])', [answers.map((a) => a.id)])).rows[0].n,
        {
          timeout: 10_000,
        },
      )
      .toBe(2);
    const lines = logLines(proxy, code);
    expect(lines, proxy.output()).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 50, code, msg: expect.stringMatching(fix) });
  });
});

describe('REDIS_URL in the proxy configuration', () => {
  const load = (REDIS_URL: string) => loadProxyConfig({ DATABASE_URL: 'postgres://localhost/tollgate', REDIS_URL });
  it('takes the cluster form, and refuses one naming a database with the reason', () => {
    expect(load('redis+cluster://10.0.0.1:7000,10.0.0.2:7001')).toMatchObject({ redisUrl: 'redis+cluster://10.0.0.1:7000,10.0.0.2:7001', limitStore: 'redis' });
    expect(() => load('redis+cluster://10.0.0.1:7000/2')).toThrow(/^Invalid proxy configuration: REDIS_URL .*a cluster has one database \(no \/db\)/);
  });
});
