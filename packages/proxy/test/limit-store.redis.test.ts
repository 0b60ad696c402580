import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { RedisLimitStore } from '../src/limits/redis-store';
import { limitStoreContract } from './support/limit-store-contract';

const url = process.env.REDIS_URL;

describe.runIf(url)('Redis adapter (REDIS_URL is set: an unreachable Redis fails this suite)', () => {
  it('reaches Redis', async () => {
    const redis = new Redis(url!, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
    await redis.connect();
    expect(await redis.ping()).toBe('PONG');
    redis.disconnect();
  });
});

if (url) {
  limitStoreContract('redis', async () => {
    const store = new RedisLimitStore(url);
    await store.ready();
    return store;
  });
}
