import { Project, seedApiKey } from '@tollgate/db';
import { startInvalidationBridge } from '@tollgate/db';
import { Redis } from 'ioredis';
import OpenAI from 'openai';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { spawnProxy, type ProxyProcess } from './support/processes';
import { startProxyWorld } from './support/proxy-harness';
import { requireRedisUrl } from './support/redis-url';
import { stopProxies } from './support/stop-proxies';
import { startTcpRelay } from './support/tcp-relay';

/*
 * Limits when things change or break: a limit set or lifted in the database
 * reaches every proxy within a second (PostgreSQL LISTEN/NOTIFY, or Redis
 * pub/sub fed by the server's bridge), and a shared limit store (Redis) that
 * goes away refuses what must not go unchecked, admits what may, and comes
 * back by itself.
 *
 * The Redis cases always run (REDIS_URL, or the Redis the test run starts);
 * a missing or unreachable Redis fails them, never a skip.
 */

const world = await startProxyWorld();
const redisUrl = requireRedisUrl();
const silent = { info() {}, warn() {}, error() {}, debug() {} } as never;
const POLL_MS = 20;
const PER_MINUTE_CODE = 'project_per_minute_request_limit';

interface Answer {
  status: number;
  /** x-ratelimit-limit-requests: present once a request limit applies to the call. */
  requestLimit: string | null;
  error: { message: string; type: string; code: string; param: unknown } | null;
}

async function chat(url: string, secret: string): Promise<Answer> {
  const res = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'mock-small', messages: [{ role: 'user', content: 'recover' }], max_tokens: 20 }),
    // A call that never answers fails the test rather than hanging it.
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  const error = res.status >= 400 ? ((JSON.parse(text) as { error: Answer['error'] }).error ?? null) : null;
  return { status: res.status, requestLimit: res.headers.get('x-ratelimit-limit-requests'), error };
}

/** Calls every ~20 ms until `done` holds: the answer that did, and the ms from `since` to it. */
async function pollUntil(call: () => Promise<Answer>, done: (a: Answer) => boolean, since: number, what: string, deadlineMs = 10_000) {
  for (;;) {
    const answer = await call();
    const ms = Date.now() - since;
    if (done(answer)) return { answer, ms };
    if (ms > deadlineMs) throw new Error(`${what}: still ${JSON.stringify(answer)} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

const em = () => world.orm.em.fork();
async function newProject(): Promise<string> {
  const e = em();
  const project = e.create(Project, { organization: world.organizationId, name: `recovery-${randomUUID().slice(0, 8)}` });
  await e.flush();
  return project.id;
}
async function newKey(projectId: string, limits: { rpm_limit?: number; tpm_limit?: number; daily_budget?: bigint } = {}) {
  const { key, secret } = await seedApiKey(em(), { organizationId: world.organizationId, projectId, userId: world.userId, name: 'recovery' });
  for (const [column, value] of Object.entries(limits)) await world.db.query(`update api_keys set ${column} = $2 where id = $1`, [key.id, String(value)]);
  return secret;
}
const setQuota = (projectId: string, quota: Record<string, unknown>) =>
  world.db.query('update projects set quota = $2 where id = $1', [projectId, JSON.stringify(quota)]);

const unavailable = {
  status: 503,
  error: { type: 'server_error', code: 'limits_unavailable', param: null, message: expect.stringMatching(/Limits cannot be checked/) },
};
const isPerMinuteRefusal = (a: Answer) => a.status === 429 && a.error?.code === PER_MINUTE_CODE;

/**
 * Sets a per-minute limit of 2 on a fresh project and lifts it again, and
 * answers how long each proxy took to apply either change. With counters in
 * each process (memory) every proxy admits 2 calls and refuses the 3rd; with
 * shared counters (Redis) the proxies admit 2 together.
 */
async function propagation(proxies: ProxyProcess[], counters: 'per-process' | 'shared') {
  const projectId = await newProject();
  const secret = await newKey(projectId);
  // Every proxy has the key cached, with no limit: what follows must come from invalidation, not a first load.
  for (const proxy of proxies) expect(await chat(proxy.url, secret)).toMatchObject({ status: 200, requestLimit: null });

  // The clock starts with the update: a connection of our own being opened is not propagation.
  await world.db.query('select 1');
  const setAt = Date.now();
  await setQuota(projectId, { requestsPerMinuteLimit: 2 });
  const applied = await Promise.all(
    proxies.map(async (proxy, i) => {
      // In force on this proxy: an admitted call counted against the limit, or a refusal by it.
      const first = await pollUntil(
        () => chat(proxy.url, secret),
        (a) => (a.status === 200 && a.requestLimit === '2') || isPerMinuteRefusal(a),
        setAt,
        `limit set, proxy ${i}`,
      );
      // Then calls until the refusal, each admitted one counted.
      let admitted = 0;
      let answer = first.answer;
      while (answer.status === 200) {
        expect(answer.requestLimit).toBe('2');
        admitted++;
        expect(admitted).toBeLessThanOrEqual(2);
        answer = await chat(proxy.url, secret);
      }
      expect(answer).toMatchObject({ status: 429, error: { type: 'rate_limit_exceeded', code: PER_MINUTE_CODE } });
      expect(answer.error!.message).toMatch(/Project per-minute requests limit of 2 reached/);
      return { ms: first.ms, admitted };
    }),
  );
  if (counters === 'per-process') for (const { admitted } of applied) expect(admitted).toBe(2);
  else expect(applied.reduce((sum, a) => sum + a.admitted, 0)).toBe(2);

  await world.db.query('select 1');
  const liftedAt = Date.now();
  await setQuota(projectId, {});
  const lifted = await Promise.all(
    proxies.map(async (proxy, i) => {
      const { ms } = await pollUntil(
        () => chat(proxy.url, secret),
        (a) => a.status === 200,
        liftedAt,
        `limit lifted, proxy ${i}`,
      );
      // Admitting again, and no longer counting: no limit headers, however many calls.
      for (let n = 0; n < 3; n++) expect(await chat(proxy.url, secret)).toMatchObject({ status: 200, requestLimit: null });
      return ms;
    }),
  );
  return { set: applied.map((a) => a.ms), lifted };
}

/** Set but unreachable is a failure, never a skip. */
async function expectRedisReachable(url: string) {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  try {
    await redis.connect();
    expect(await redis.ping()).toBe('PONG');
  } finally {
    redis.disconnect();
  }
}

// REDIS_URL empty: the PostgreSQL path and per-process counters, even when the run has Redis.
const pgEnv = () => ({ DATABASE_URL: world.databaseUrl, CREDENTIAL_KEY: world.credentialKey, REDIS_URL: '', LIMIT_STORE: 'memory' });

describe('a limit change reaches every proxy within a second', () => {
  it('two proxy processes on PostgreSQL LISTEN/NOTIFY: both refuse the 3rd call, then both admit again once it is lifted', async () => {
    const proxies = await Promise.all([spawnProxy(pgEnv()), spawnProxy(pgEnv())]);
    try {
      const { set, lifted } = await propagation(proxies, 'per-process');
      console.info(`[limits.recovery] PostgreSQL: limit applied after ${set.join(', ')} ms; lifted after ${lifted.join(', ')} ms`);
      for (const ms of [...set, ...lifted]) expect(ms).toBeLessThan(1_000);
    } finally {
      await stopProxies(proxies);
    }
  }, 60_000);

  describe('with Redis (an unreachable Redis fails these)', () => {
    it('two proxy processes on Redis pub/sub and Redis counters: together they admit 2, then both admit again once it is lifted', async () => {
      await expectRedisReachable(redisUrl);
      // Redis mode needs the server's bridge from PostgreSQL's notices to Redis pub/sub.
      const bridge = await startInvalidationBridge(world.databaseUrl, redisUrl, silent);
      try {
        const env = { ...pgEnv(), REDIS_URL: redisUrl, LIMIT_STORE: 'redis' };
        const proxies = await Promise.all([spawnProxy(env), spawnProxy(env)]);
        try {
          const { set, lifted } = await propagation(proxies, 'shared');
          console.info(`[limits.recovery] Redis: limit applied after ${set.join(', ')} ms; lifted after ${lifted.join(', ')} ms`);
          for (const ms of [...set, ...lifted]) expect(ms).toBeLessThan(1_000);
        } finally {
          await stopProxies(proxies);
        }
      } finally {
        await bridge.close();
      }
    }, 60_000);
  });
});

/** REDIS_URL with the relay's port in place of Redis's. */
function through(relay: { port: number }) {
  const url = new URL(redisUrl);
  url.hostname = '127.0.0.1';
  url.port = String(relay.port);
  return url.toString();
}
const redisTarget = () => {
  const url = new URL(redisUrl);
  return { host: url.hostname, port: Number(url.port || 6379) };
};

describe('Redis unreachable (a missing or unreachable Redis fails this suite)', () => {
  it('refuses money-limited calls with 503 limits_unavailable, rate-limited ones unless RATE_LIMITS_FAIL_OPEN, keeps unlimited ones working, and recovers by itself', async () => {
    await expectRedisReachable(redisUrl);
    const relay = await startTcpRelay(redisTarget());
    try {
      const env = { LIMIT_STORE: 'redis', REDIS_URL: through(relay) };
      const closed = await world.startProxy(env);
      const open = await world.startProxy({ ...env, RATE_LIMITS_FAIL_OPEN: 'true' });
      const projectId = await newProject();
      const money = await newKey(projectId, { daily_budget: 1_000_000_000n }); // $1,000 a day: never reached here
      const rate = await newKey(projectId, { rpm_limit: 1_000, tpm_limit: 1_000_000 });
      const unlimited = await newKey(projectId);

      for (const { url } of [closed, open]) for (const secret of [money, rate, unlimited]) expect((await chat(url, secret)).status).toBe(200);

      relay.down();
      // Money is never left unchecked, whatever the setting.
      expect(await chat(closed.url, money)).toMatchObject(unavailable);
      expect(await chat(open.url, money)).toMatchObject(unavailable);
      // Rate limits fail closed by default, open when the operator says so.
      expect(await chat(closed.url, rate)).toMatchObject(unavailable);
      expect(await chat(open.url, rate)).toMatchObject({ status: 200 });
      // Nothing to check: nothing to refuse.
      expect(await chat(closed.url, unlimited)).toMatchObject({ status: 200 });
      expect(await chat(open.url, unlimited)).toMatchObject({ status: 200 });
      // As OpenAI's SDKs read it: a retryable server error with the code.
      const refused = await world
        .openai(money, closed.url)
        .chat.completions.create({ model: 'mock-small', messages: [{ role: 'user', content: 'hi' }], max_tokens: 5 })
        .catch((e) => e);
      expect(refused).toBeInstanceOf(OpenAI.InternalServerError);
      expect(refused).toMatchObject({ status: 503, type: 'server_error', code: 'limits_unavailable' });

      // Redis back: both proxies reconnect by themselves, no restart.
      const restoredAt = Date.now();
      relay.up();
      for (const [name, { url }] of Object.entries({ closed, open })) {
        for (const secret of [money, rate])
          await pollUntil(
            () => chat(url, secret),
            (a) => a.status === 200,
            restoredAt,
            `${name} proxy after Redis came back`,
          );
        for (const secret of [money, rate, unlimited]) expect(await chat(url, secret)).toMatchObject({ status: 200, error: null });
      }
      console.info(`[limits.recovery] Redis restored: both proxies admitting again after ${Date.now() - restoredAt} ms`);
    } finally {
      await relay.close();
    }
  }, 60_000);

  it('answers a call in flight when Redis goes away, and calls while Redis is silent, with 503 rather than holding them, and charges nothing once it is back', async () => {
    await expectRedisReachable(redisUrl);
    // This relay can also go silent: connections stay open, nothing gets through (a partition dropping packets).
    const relay = await startTcpRelay(redisTarget());
    try {
      const env = { LIMIT_STORE: 'redis', REDIS_URL: through(relay) };
      const closed = await world.startProxy(env);
      const open = await world.startProxy({ ...env, RATE_LIMITS_FAIL_OPEN: 'true' });
      const projectId = await newProject();
      const money = await newKey(projectId, { daily_budget: 1_000_000_000n });
      const twoPerMinute = await newKey(projectId, { rpm_limit: 2 });
      const rate = await newKey(projectId, { rpm_limit: 1_000 });
      const unlimited = await newKey(projectId);
      for (const { url } of [closed, open]) for (const secret of [money, rate, unlimited]) expect((await chat(url, secret)).status).toBe(200);
      expect(await chat(closed.url, twoPerMinute)).toMatchObject({ status: 200, requestLimit: '2' });

      // The connection is cut while a limit check is on its way to Redis.
      relay.stall();
      const inFlight = chat(closed.url, twoPerMinute);
      while (!relay.held()) await new Promise((r) => setTimeout(r, 5));
      relay.down();
      expect(await inFlight).toMatchObject(unavailable);
      relay.up();
      const restoredAt = Date.now();
      await pollUntil(
        () => chat(closed.url, money),
        (a) => a.status === 200,
        restoredAt,
        'after the cut',
      );
      // The refused call left nothing behind: the key's second call of the minute is still there, and only it.
      expect(await chat(closed.url, twoPerMinute)).toMatchObject({ status: 200, requestLimit: '2' });
      expect(await chat(closed.url, twoPerMinute)).toMatchObject({ status: 429, error: { code: 'key_per_minute_request_limit' } });

      // Redis goes silent: no error from the network, just no answer.
      relay.stall();
      const [closedMoney, closedRate, openMoney, openRate, closedFree, openFree] = await Promise.all([
        chat(closed.url, money),
        chat(closed.url, rate),
        chat(open.url, money),
        chat(open.url, rate),
        chat(closed.url, unlimited),
        chat(open.url, unlimited),
      ]);
      expect(closedMoney).toMatchObject(unavailable);
      expect(closedRate).toMatchObject(unavailable);
      expect(openMoney).toMatchObject(unavailable);
      expect(openRate).toMatchObject({ status: 200 });
      expect(closedFree).toMatchObject({ status: 200 });
      expect(openFree).toMatchObject({ status: 200 });
      // The network heals: the same connections carry on.
      relay.resume();
      const healedAt = Date.now();
      for (const { url } of [closed, open])
        for (const secret of [money, rate])
          await pollUntil(
            () => chat(url, secret),
            (a) => a.status === 200,
            healedAt,
            'after the silence',
          );
    } finally {
      await relay.close();
    }
  }, 60_000);
});
