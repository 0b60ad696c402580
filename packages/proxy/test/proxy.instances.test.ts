import { ApiKey, seedApiKey } from '@tollgate/db';
import { startInvalidationBridge } from '@tollgate/db';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { spawnProxy, type ProxyProcess } from './support/processes';
import { startProxyWorld } from './support/proxy-harness';
import { requireRedisUrl } from './support/redis-url';

const world = await startProxyWorld();
const silent = { info() {}, warn() {}, error() {}, debug() {} } as never;

const status = async (proxy: ProxyProcess, secret: string) =>
  (await fetch(`${proxy.url}/v1/models`, { headers: { authorization: `Bearer ${secret}` } })).status;

/** Revokes a fresh key and answers how long until every proxy refuses it. */
async function revocationDelayMs(proxies: ProxyProcess[]): Promise<number> {
  const { secret, key } = await seedApiKey(world.orm.em.fork(), {
    organizationId: world.organizationId,
    projectId: world.projectId,
    userId: world.userId,
    name: 'two-instances',
  });
  for (const proxy of proxies) expect(await status(proxy, secret)).toBe(200);
  const revokedAt = Date.now();
  await world.orm.em.fork().nativeUpdate(ApiKey, key.id, { revokedAt: new Date() });
  for (const proxy of proxies) {
    while ((await status(proxy, secret)) !== 401) {
      if (Date.now() - revokedAt > 5_000) throw new Error('revocation never reached a proxy');
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  return Date.now() - revokedAt;
}

// REDIS_URL empty: the PostgreSQL path, even when the run has Redis.
const env = () => ({ DATABASE_URL: world.databaseUrl, CREDENTIAL_KEY: world.credentialKey, REDIS_URL: '' });

describe('two proxy processes', () => {
  it('both refuse a revoked key within a second (PostgreSQL LISTEN/NOTIFY)', async () => {
    const proxies = await Promise.all([spawnProxy(env()), spawnProxy(env())]);
    expect(await revocationDelayMs(proxies)).toBeLessThan(1_000);
  }, 60_000);

  describe('with Redis', () => {
    it('both refuse a revoked key within a second (Redis pub/sub)', async () => {
      const redisUrl = requireRedisUrl();
      // Set but unreachable is a failure, never a skip.
      const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
      await redis.connect();
      expect(await redis.ping()).toBe('PONG');
      redis.disconnect();
      const bridge = await startInvalidationBridge(world.databaseUrl, redisUrl, silent);
      try {
        const proxies = await Promise.all([spawnProxy({ ...env(), REDIS_URL: redisUrl }), spawnProxy({ ...env(), REDIS_URL: redisUrl })]);
        expect(await revocationDelayMs(proxies)).toBeLessThan(1_000);
      } finally {
        await bridge.close();
      }
    }, 60_000);
  });
});
