import { ApiKey, Organization, Project, seedApiKey } from '@tollgate/db';
import { countTokens, promptTokens } from '@tollgate/domain/tokens';
import { createRedisClient, primariesOf, redisReady } from '@tollgate/db';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { startProxyWorld } from './proxy-harness';
import { monitorRedis } from './redis-monitor';
import { forgetOrganization, requireRedisUrl, type RedisTopology } from './redis-url';

/** Limits enforced through the proxy; run for the memory store and for Redis (one server, and a cluster). */
export function limitsThroughTheProxy(adapter: 'memory' | 'redis', topology: RedisTopology = 'single') {
  describe(`limits through the proxy (${adapter === 'redis' ? `redis, ${topology}` : adapter})`, async () => {
    const redisUrl = adapter === 'redis' ? requireRedisUrl(topology) : '';
    const env: Record<string, string> = adapter === 'redis' ? { LIMIT_STORE: 'redis', REDIS_URL: redisUrl } : { LIMIT_STORE: 'memory' };
    const world = await startProxyWorld();
    let { url, proxy } = await world.startProxy(env);
    const em = () => world.orm.em.fork();
    const body = (content = 'limit me', extra: Record<string, unknown> = {}) =>
      JSON.stringify({ model: 'mock-small', messages: [{ role: 'user', content }], max_tokens: 50, ...extra });
    const call = (secret = world.secret, content?: string) =>
      fetch(`${url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: body(content),
      });
    const newKey = async (limits: Partial<Pick<ApiKey, 'rpmLimit' | 'tpmLimit' | 'dailyBudget'>> = {}) => {
      const { key, secret } = await seedApiKey(em(), {
        organizationId: world.organizationId,
        projectId: world.projectId,
        userId: world.userId,
        name: 'limited',
      });
      if (Object.keys(limits).length) await em().nativeUpdate(ApiKey, key.id, limits);
      return { key, secret };
    };
    /** Waits past the next midnight UTC if it is less than `ms` away. */
    const clearOfMidnight = async (ms: number) => {
      const untilMidnight = 86_400_000 - (Date.now() % 86_400_000);
      if (untilMidnight < ms) await new Promise((r) => setTimeout(r, untilMidnight + 1_000));
    };
    /** Applies a quota and waits for the proxies' caches to hear of it. */
    const setQuota = async (quota: Record<string, unknown>) => {
      await em().nativeUpdate(Project, world.projectId, { quota: quota as never });
      await new Promise((r) => setTimeout(r, 300));
    };

    it("refuses past a key's per-minute limit in OpenAI's shape, with Retry-After and x-ratelimit headers", async () => {
      const { secret } = await newKey({ rpmLimit: 3 });
      const client = new OpenAI({ apiKey: secret, baseURL: `${url}/v1`, maxRetries: 0 });
      for (let i = 0; i < 3; i++) {
        const { response } = await client.chat.completions
          .create({ model: 'mock-small', messages: [{ role: 'user', content: 'hi' }], max_tokens: 20 })
          .withResponse();
        expect(response.headers.get('x-ratelimit-limit-requests')).toBe('3');
        expect(response.headers.get('x-ratelimit-remaining-requests')).toBe(String(2 - i));
        expect(response.headers.get('x-ratelimit-reset-requests')).toMatch(/^\d+s$/);
      }
      const refused = await client.chat.completions
        .create({ model: 'mock-small', messages: [{ role: 'user', content: 'hi' }], max_tokens: 20 })
        .catch((e) => e);
      expect(refused).toBeInstanceOf(OpenAI.RateLimitError);
      expect(refused).toMatchObject({ status: 429, type: 'rate_limit_exceeded', code: 'key_per_minute_request_limit' });
      expect(refused.message).toMatch(/Key per-minute requests limit of 3 reached/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    });

    it('reserves output for every prompt of a completions batch and counts token-id prompts', async () => {
      const { secret } = await newKey({ tpmLimit: 100_000 });
      const complete = (prompt: unknown) =>
        fetch(`${url}/v1/completions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
          body: JSON.stringify({ model: 'mock-small', prompt, max_tokens: 100, n: 2 }),
        });
      const texts = await complete(['one', 'two', 'three']);
      expect(texts.status).toBe(200);
      // Remaining after this call's reservation: prompt tokens plus 100 per choice, 2 choices for each of 3 prompts.
      expect(Number(texts.headers.get('x-ratelimit-remaining-tokens'))).toBe(100_000 - (countTokens('one\ntwo\nthree') + 600));
      const firstUsed = ((await texts.json()) as { usage: { total_tokens: number } }).usage.total_tokens;
      const ids = await complete([
        [1, 2, 3],
        [4, 5],
      ]);
      await ids.arrayBuffer();
      expect(
        promptTokens({
          prompt: [
            [1, 2, 3],
            [4, 5],
          ],
        }),
      ).toBe(5);
      // This one reserves 5 prompt tokens and 2 × 2 × 100 on top of the first call (settled to what it used, or not yet).
      const remaining = Number(ids.headers.get('x-ratelimit-remaining-tokens'));
      expect(remaining).toBeLessThanOrEqual(100_000 - firstUsed - 405);
      expect(remaining).toBeGreaterThanOrEqual(100_000 - (countTokens('one\ntwo\nthree') + 600) - 405);
    });

    it('admits at most 100 of 1,000 concurrent calls against a daily limit of 100 while the upstream holds each reply 2 s', async () => {
      // Calls on both sides of midnight UTC count against two days (100 each): start clear of it.
      await clearOfMidnight(15_000);
      await setQuota({ dailyRequestLimit: 100 });
      try {
        const { secret } = await newKey();
        const statuses = await Promise.all(
          Array.from({ length: 1000 }, () => call(secret, 'slow [[latency:2000]]').then(async (r) => (await r.arrayBuffer(), r.status))),
        );
        const admitted = statuses.filter((s) => s === 200).length;
        // The project's earlier calls today count too: together they reach the limit and never pass it.
        // Calls count against request quotas when they went upstream, whatever the upstream answered.
        const earlier = Number(
          (
            await world.db.query(
              `select coalesce(sum(forwarded), 0) as count from usage_hourly where project_id = $1 and hour >= date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' and api_key_id <> (select id from api_keys where key_hash = encode(sha256($2::bytea), 'hex'))`,
              [world.projectId, secret],
            )
          ).rows[0].count,
        );
        expect(admitted + earlier).toBe(100);
        expect(statuses.filter((s) => s === 429).length).toBe(1000 - admitted);
        const refused = (await (await call(secret)).json()) as { error: { type: string; code: string } };
        expect(refused.error).toMatchObject({ type: 'insufficient_quota', code: 'project_daily_request_limit' });
      } finally {
        await setQuota({});
      }
    }, 60_000);

    it('keeps 50 concurrent first calls of a new key within its limits', async () => {
      const { secret } = await newKey({ rpmLimit: 10 });
      const statuses = await Promise.all(Array.from({ length: 50 }, () => call(secret).then(async (r) => (await r.arrayBuffer(), r.status))));
      expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    });

    it('tracks without refusing when the project turns enforcement off', async () => {
      await setQuota({ dailyRequestLimit: 1, enforceQuota: false });
      const { secret } = await newKey();
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await call(secret)).status);
      expect(statuses).toEqual([200, 200, 200]);
      await setQuota({});
    });

    it('rebuilds day counters from the usage rollups after a restart or a flush, and admits nothing beyond the daily limit', async () => {
      const { key, secret } = await newKey();
      await em().nativeUpdate(Organization, world.organizationId, { limits: {} });
      await setQuota({ dailyRequestLimit: 1_000_000 });
      // A per-key daily budget: the same rebuild path (money), exercised with a tight value.
      await em().nativeUpdate(ApiKey, key.id, { dailyBudget: 60n });
      await new Promise((r) => setTimeout(r, 300));
      const admitted: number[] = [];
      for (let i = 0; i < 20; i++) admitted.push((await call(secret)).status);
      const before = admitted.filter((s) => s === 200).length;
      expect(before).toBeGreaterThan(0);
      expect(admitted).toContain(429);
      // Let the usage events land, then lose every counter.
      await expect
        .poll(async () => Number((await world.db.query('select count(*) from request_logs where api_key_id = $1', [key.id])).rows[0].count), { timeout: 5000 })
        .toBe(20);
      await new Promise((r) => setTimeout(r, 300));
      if (adapter === 'memory') {
        await proxy.close();
        ({ url, proxy } = await world.startProxy(env));
      } else {
        // Every counter of the organization (they all carry its hash tag), as a flush or a restarted Redis loses them.
        const redis = createRedisClient(redisUrl, {});
        await forgetOrganization(redis, world.organizationId);
        redis.disconnect();
      }
      const after = (await call(secret)).status;
      expect(after).toBe(429);
      await setQuota({});
    });

    if (adapter === 'redis') {
      it('lets two proxies on one Redis admit one limit, not two, in at most two Redis round trips per call', async () => {
        const second = await world.startProxy(env);
        const { secret } = await newKey({ rpmLimit: 20, tpmLimit: 1_000_000, dailyBudget: 10_000_000n });
        await em().nativeUpdate(Organization, world.organizationId, {
          limits: { rpm: 100_000, tpd: 100_000_000, dailyBudget: '100000000', monthlyBudget: '100000000' },
        });
        await setQuota({
          dailyRequestLimit: 100_000,
          dailyTokenLimit: 100_000_000,
          monthlyRequestLimit: 1_000_000,
          tokensPerMinuteLimit: 10_000_000,
          dailyBudget: '50000000',
        });
        const callVia = (proxyUrl: string) =>
          fetch(`${proxyUrl}/v1/chat/completions`, {
            method: 'POST',
            headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
            body: body(),
          }).then(async (r) => (await r.arrayBuffer(), r.status));
        // One call through each proxy first: the day and month counters get rebuilt (a once-a-period cost).
        expect([await callVia(url), await callVia(second.url)]).toEqual([200, 200]);
        await new Promise((r) => setTimeout(r, 200));
        // Redis's own record of what it was asked for this organization (every key carries it as hash tag).
        // MONITOR rather than INFO commandstats, which other suites using Redis at the same time would inflate; on every primary of a cluster.
        const admin = createRedisClient(redisUrl, {});
        await redisReady(admin);
        const asked: string[] = [];
        const monitors = await Promise.all(
          primariesOf(admin).map((node) =>
            monitorRedis(node.options.host!, node.options.port!, ({ source, name, line }) => {
              if (source !== 'lua' && line.includes(`{${world.organizationId}}`)) asked.push(name);
            }),
          ),
        );
        await new Promise((r) => setTimeout(r, 100));
        const statuses = await Promise.all(Array.from({ length: 60 }, (_, i) => callVia(i % 2 ? url : second.url)));
        await new Promise((r) => setTimeout(r, 300));
        for (const monitor of monitors) monitor.stop();
        admin.disconnect();
        const admitted = statuses.filter((s) => s === 200).length;
        expect(admitted).toBe(18);
        // Each call: one script to check and reserve; then an admitted one a second to settle and append its usage event, a
        // refused one a plain XADD of its event. Nothing else: the recorders read the stream on connections of their own.
        const recorders = new Set(['xreadgroup', 'xautoclaim', 'xack', 'xdel', 'xinfo']);
        const callers = asked.filter((c) => !recorders.has(c));
        expect(callers.filter((c) => c !== 'evalsha' && c !== 'eval' && c !== 'xadd')).toEqual([]);
        expect(callers.filter((c) => c !== 'xadd')).toHaveLength(60 + admitted);
        expect(callers.filter((c) => c === 'xadd')).toHaveLength(60 - admitted);
        await em().nativeUpdate(Organization, world.organizationId, { limits: {} });
        await setQuota({});
      }, 60_000);
    }
  });
}
