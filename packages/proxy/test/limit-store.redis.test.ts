import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Counter } from '../src/limits/limit-store';
import { RedisLimitStore } from '../src/limits/redis-store';
import { limitStoreContract } from './support/limit-store-contract';
import { requireRedisUrl } from './support/redis-url';

const url = requireRedisUrl();

describe('Redis adapter (an unreachable Redis fails this suite)', () => {
  it('reaches Redis', async () => {
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
    await redis.connect();
    expect(await redis.ping()).toBe('PONG');
    redis.disconnect();
  });

  it('keeps the heads of a window\'s counters in one hash, and sweeps out a counter no call uses any more', async () => {
    const [store, admin] = [new RedisLimitStore(url), new Redis(url)];
    await store.ready();
    const g = randomUUID();
    try {
      const T0 = Date.UTC(2026, 10, 22, 10, 0, 0);
      const rolling = (key: string, window: 'minute' | 'hour'): Counter => ({ key, window, limit: null, amount: 1n });
      await store.reserve(g, [rolling('busy', 'minute'), rolling('gone', 'minute'), rolling('hourly', 'hour')], T0);
      await store.reserve(g, [rolling('busy', 'minute'), rolling('gone', 'minute')], T0 + 1000);
      // The newest bucket is in the head: a bucket hash once a counter has an older one.
      expect((await admin.keys(`tg:{${g}}:*`)).sort()).toEqual([`tg:{${g}}:h`, `tg:{${g}}:m`, `tg:{${g}}:m:busy`, `tg:{${g}}:m:gone`]);
      // Three minutes of calls without "gone": its head is swept (a sweep a span, two spans idle), its buckets expire.
      for (let s = 2; s <= 180; s++) await store.reserve(g, [rolling('busy', 'minute')], T0 + s * 1000);
      expect((await admin.hkeys(`tg:{${g}}:m`)).sort()).toEqual(['busy|', 't']);
      expect(await admin.ttl(`tg:{${g}}:m:gone`)).toBeGreaterThan(0);
      // busy's buckets from b - 60 to the newest (excluded).
      expect(await admin.hlen(`tg:{${g}}:m:busy`)).toBe(120);
    } finally {
      const keys = await admin.keys(`tg:{${g}}:*`);
      if (keys.length) await admin.del(...keys);
      admin.disconnect();
      await store.close();
    }
  });
});

if (url) {
  limitStoreContract('redis', async () => {
    const store = new RedisLimitStore(url);
    await store.ready();
    return store;
  });
}
