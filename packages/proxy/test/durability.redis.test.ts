import { createRedisClient, Organization, Project, seedApiKey, writeUsageBatch, type RedisClient, type UsageEvent } from '@tollgate/db';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Counter, Reservation } from '../src/limits/limit-store';
import { RedisLimitStore } from '../src/limits/redis-store';
import { UsageStreamRecorder } from '../src/usage/stream-recorder';
import { CONSUMER_GROUP, deadLetterKeyOf, encodeUsageEntry, STREAM_REGISTRY, streamKeyOf } from '../src/usage/usage-stream';
import { spawnProxy, type ProxyProcess } from './support/processes';
import { startProxyWorld } from './support/proxy-harness';
import { keysOf, REDIS_TOPOLOGIES, requireRedisUrl, type RedisTopology } from './support/redis-url';
import { stopProxies } from './support/stop-proxies';
import { startTcpRelay } from './support/tcp-relay';
import { usageEvent } from './support/usage-event';

/*
 * Redis mode's promise (README "Usage durability"): nothing a proxy answered is lost when it is
 * killed. The settle script appends the call's event to its organization's stream in the same
 * step as the settle, and the proxies' consumer group writes the streams to PostgreSQL, each
 * entry once however often it is delivered.
 */

const world = await startProxyWorld();
/** By topology: the Redis's URL, a client for looking at it, and a limit store on it (the script and recorder cases run on both). */
const redisOf = new Map<RedisTopology, { redisUrl: string; admin: RedisClient; store: RedisLimitStore }>();
for (const topology of REDIS_TOPOLOGIES) {
  const redisUrl = requireRedisUrl(topology);
  const store = new RedisLimitStore(redisUrl);
  await store.ready();
  redisOf.set(topology, { redisUrl, admin: createRedisClient(redisUrl, {}), store });
}
afterAll(async () => {
  for (const { admin, store } of redisOf.values()) {
    admin.disconnect();
    await store.close();
  }
});
// The proxy-process cases: one server.
const { redisUrl, admin } = redisOf.get('single')!;

/** A logger that keeps what it is told. */
function memoryLogger() {
  const lines: Array<{ level: string; msg: string; fields: Record<string, unknown> }> = [];
  const at = (level: string) => (fields: Record<string, unknown>, msg: string) => void lines.push({ level, msg, fields });
  return { lines, logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } as never };
}

/** A fresh organization with a project and key (its own stream), prepaid with $100 if asked. */
async function tenant(prepaid = false) {
  const em = world.orm.em.fork();
  const organization = em.create(Organization, { name: `durable-${randomUUID().slice(0, 8)}`, displayName: 'durable', grantedGroups: ['general'] });
  const project = em.create(Project, { organization, name: 'p' });
  await em.flush();
  const { key, secret } = await seedApiKey(em, { organizationId: organization.id, projectId: project.id, userId: world.userId });
  if (prepaid) {
    await world.db.query('insert into wallets (organization_id) values ($1)', [organization.id]);
    await world.db.query(
      `insert into wallet_records (id, organization_id, type, amount, description) values (gen_random_uuid(), $1, 'RECHARGE', 100000000, 'test credit')`,
      [organization.id],
    );
  }
  const event = (extra: Partial<UsageEvent> = {}) =>
    usageEvent({ organizationId: organization.id, projectId: project.id, apiKeyId: key.id, charge: 1_234n, ...extra });
  return { organizationId: organization.id, projectId: project.id, keyId: key.id, secret, stream: streamKeyOf(organization.id), event };
}

async function until(check: () => Promise<boolean>, what: string, ms = 15_000) {
  for (const deadline = Date.now() + ms; !(await check());) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Entries delivered and not acknowledged, per consumer. */
async function pendingByConsumer(stream: string, admin: RedisClient = redisOf.get('single')!.admin): Promise<Map<string, number>> {
  const [, , , consumers] = (await admin.xpending(stream, CONSUMER_GROUP)) as [number, string, string, Array<[string, string]> | null];
  return new Map((consumers ?? []).map(([name, n]) => [name, Number(n)]));
}

const count = async (sql: string, params: unknown[]) => (await world.db.query<{ n: number }>(sql, params)).rows[0]!.n;

for (const topology of REDIS_TOPOLOGIES) {
  const { redisUrl, admin, store } = redisOf.get(topology)!;

  describe(`the settle script appends the call’s usage event: both or neither (${topology})`, () => {
    const rolling = (key: string, window: 'minute' | 'hour', amount: bigint): Counter => ({ key, window, limit: 1_000n, amount });

    /** A reservation in a new group: a minute and an hour counter, 10 each. */
    async function reserved() {
      const group = randomUUID();
      const outcome = await store.reserve(group, [rolling('rm', 'minute', 10n), rolling('th', 'hour', 10n)], Date.now());
      if (outcome.kind !== 'admitted') throw new Error(outcome.kind);
      return { group, reservation: outcome.reservation as Reservation, stream: streamKeyOf(group) };
    }

    /** Every counter of the group, as Redis holds it (the stream left out). */
    async function counters(group: string) {
      const keys = (await keysOf(admin, `tg:{${group}}:*`)).filter((k) => !k.endsWith(':events')).sort();
      return Promise.all(keys.map(async (k) => [k, await admin.dumpBuffer(k)] as const));
    }

    it('settles the counters and appends one entry in the same step', async () => {
      const { group, reservation, stream } = await reserved();
      const before = await counters(group);
      await store.settleAndAppend(reservation, [3n, 4n], 'first');
      expect(await counters(group)).not.toEqual(before);
      const entries = await admin.xrange(stream, '-', '+');
      expect(entries.map(([, fields]) => fields)).toEqual([['u1', 'first']]);
      // Registered for every proxy's sweep, with the recorders' group reading from the stream's start.
      expect(await admin.sismember('tg:usage-streams', stream)).toBe(1);
      expect(((await admin.xinfo('GROUPS', stream)) as unknown[][]).map((g) => g[1])).toEqual([CONSUMER_GROUP]);
    });

    it('settles nothing when the entry cannot be appended', async () => {
      const { group, reservation, stream } = await reserved();
      await store.settleAndAppend(reservation, [10n, 10n], 'registers the stream'); // no amount changes
      const second = await store.reserve(group, [rolling('rm', 'minute', 10n), rolling('th', 'hour', 10n)], Date.now());
      if (second.kind !== 'admitted') throw new Error(second.kind);
      // The stream replaced by a string: XADD fails (as it does on a Redis out of memory).
      await admin.del(stream);
      await admin.set(stream, 'not a stream');
      const before = await counters(group);
      await expect(store.settleAndAppend(second.reservation, [1n, 2n], 'lost')).rejects.toThrow(/WRONGTYPE/);
      expect(await counters(group)).toEqual(before);
      await admin.del(stream);
    });

    it('appends nothing when a counter cannot be settled', async () => {
      const { group, reservation, stream } = await reserved();
      await store.settleAndAppend(reservation, [10n, 10n], 'registers the stream');
      const second = await store.reserve(group, [rolling('rm', 'minute', 10n), rolling('th', 'hour', 10n)], Date.now());
      if (second.kind !== 'admitted') throw new Error(second.kind);
      // The hour heads replaced by a string: the settle's read of them fails, after the minute heads were read.
      await admin.del(`tg:{${group}}:h`);
      await admin.set(`tg:{${group}}:h`, 'not a hash');
      const before = await counters(group);
      await expect(store.settleAndAppend(second.reservation, [1n, 2n], 'half settled')).rejects.toThrow(/WRONGTYPE/);
      expect(await counters(group)).toEqual(before);
      expect((await admin.xrange(stream, '-', '+')).map(([, f]) => f[1])).toEqual(['registers the stream']);
    });
  });

  describe(`the recorders (${topology})`, () => {
    // One at a time: each test's recorder is the only one sweeping.
    let current: UsageStreamRecorder | null = null;
    afterEach(async () => {
      await current?.close();
      current = null;
    });
    const recorder = (logger: never, consumer: string) =>
      (current = new UsageStreamRecorder(redisUrl, world.db, { flushMs: 20, sweepEveryMs: 100, claimIdleMs: 300, consumer }, logger));
    const written = async (t: Awaited<ReturnType<typeof tenant>>, requestId: string) => ({
      logs: await count('select count(*)::int as n from request_logs where id = $1', [requestId]),
      consumes: await count(`select count(*)::int as n from wallet_records where request_log_id = $1 and type = 'CONSUME'`, [requestId]),
      hourly: await count('select coalesce(sum(requests), 0)::int as n from usage_hourly where api_key_id = $1', [t.keyId]),
      balance: (await world.db.query('select balance::text from wallets where organization_id = $1', [t.organizationId])).rows[0]?.balance as string,
    });

    it('write an entry once when it is delivered again: one a dead consumer wrote but did not acknowledge', async () => {
      const t = await tenant(true);
      const event = t.event();
      await store.append(t.organizationId, encodeUsageEntry(event));
      // A consumer reads the entry, commits its batch, and dies before XACK.
      await admin.xreadgroup('GROUP', CONSUMER_GROUP, 'dead', 'COUNT', 10, 'STREAMS', t.stream, '>');
      await writeUsageBatch(world.db, [event]);
      expect(await pendingByConsumer(t.stream, admin)).toEqual(new Map([['dead', 1]]));
      const { lines, logger } = memoryLogger();
      recorder(logger, 'survivor');
      await until(async () => (await admin.xlen(t.stream)) === 0, 'the entry claimed, acknowledged and deleted');
      expect(await pendingByConsumer(t.stream, admin)).toEqual(new Map());
      expect(lines.some((l) => l.msg.startsWith('claimed usage events') && l.fields.claimed === 1)).toBe(true);
      expect(await written(t, event.requestId)).toEqual({ logs: 1, consumes: 1, hourly: 1, balance: String(100_000_000n - 1_234n) });
    });

    it('write an entry a dead consumer read but never wrote, and one nobody read', async () => {
      const t = await tenant(true);
      const [readByTheDead, unread] = [t.event(), t.event()];
      await store.append(t.organizationId, encodeUsageEntry(readByTheDead));
      await admin.xreadgroup('GROUP', CONSUMER_GROUP, 'dead', 'COUNT', 10, 'STREAMS', t.stream, '>');
      await store.append(t.organizationId, encodeUsageEntry(unread));
      recorder(memoryLogger().logger, 'sweeper');
      await until(async () => (await admin.xlen(t.stream)) === 0, 'both entries written');
      for (const e of [readByTheDead, unread]) expect(await count('select count(*)::int as n from request_logs where id = $1', [e.requestId])).toBe(1);
      expect(await written(t, unread.requestId)).toMatchObject({ hourly: 2, balance: String(100_000_000n - 2n * 1_234n) });
    });

    it('keep events in the stream while PostgreSQL is unreachable, and write them, a batch at a time, when it returns', async () => {
      const t = await tenant(true);
      const relay = await startTcpRelay({ host: new URL(world.databaseUrl).hostname, port: Number(new URL(world.databaseUrl).port) });
      const viaRelay = new URL(world.databaseUrl);
      viaRelay.port = String(relay.port);
      const pool = new pg.Pool({ connectionString: viaRelay.toString(), max: 2 });
      pool.on('error', () => undefined);
      afterAll(async () => {
        await pool.end();
        await relay.close();
      });
      relay.down();
      // All 35 are in the stream before the recorder starts, so its first read finds a whole batch however slowly
      // they were appended (an earlier read, of what was there so far, took fewer).
      const events = Array.from({ length: 35 }, () => t.event());
      for (const e of events) await store.append(t.organizationId, encodeUsageEntry(e));
      const r = (current = new UsageStreamRecorder(
        redisUrl,
        pool,
        { flushMs: 20, sweepEveryMs: 100, claimIdleMs: 60_000, batch: 10, consumer: 'outage' },
        memoryLogger().logger,
      ));
      r.appended(t.organizationId);
      // The first read may come late on a loaded machine (a cluster client connects to every node first), so wait
      // for it; then give it many flush intervals to read more, which it must not.
      const heldByTheRecorder = async () => (await pendingByConsumer(t.stream, admin)).get('outage') ?? 0;
      await until(async () => (await heldByTheRecorder()) > 0, 'the first batch read');
      await new Promise((res) => setTimeout(res, 500));
      // Read one batch, could not write it, read nothing more: the rest wait in Redis, unread.
      expect(await admin.xlen(t.stream)).toBe(35);
      expect(await pendingByConsumer(t.stream, admin)).toEqual(new Map([['outage', 10]]));
      relay.up();
      await until(async () => (await admin.xlen(t.stream)) === 0, 'all 35 written once PostgreSQL is back');
      const ids = events.map((e) => e.requestId);
      expect(await count('select count(*)::int as n from request_logs where id = any($1::uuid[])', [ids])).toBe(35);
      expect(await count(`select count(*)::int as n from wallet_records where request_log_id = any($1::uuid[])`, [ids])).toBe(35);
    });

    it('write the event they appended as they hold it, and decode the entries of others', async () => {
      const t = await tenant();
      const [mine, theirs] = [t.event({ latencyMs: 11 }), t.event({ latencyMs: 22 })];
      const entry = encodeUsageEntry(mine);
      await store.append(t.organizationId, entry);
      await store.append(t.organizationId, encodeUsageEntry(theirs));
      const r = recorder(memoryLogger().logger, 'own');
      // What this process holds for its entry is what it writes: here told apart from the entry by its latency.
      r.appended(t.organizationId, { entry, event: { ...mine, latencyMs: 33 } });
      await until(async () => (await admin.xlen(t.stream)) === 0, 'both written');
      const latency = async (id: string) => (await world.db.query('select latency_ms from request_logs where id = $1', [id])).rows[0]?.latency_ms;
      expect([await latency(mine.requestId), await latency(theirs.requestId)]).toEqual([33, 22]);
    });

    it('copy what they cannot write to the dead-letter stream, log it once, and write the rest', async () => {
      const t = await tenant();
      const good = [t.event(), t.event()];
      // PostgreSQL refuses a NUL in jsonb: the batch is halved until that event is alone.
      const refused = t.event({ content: { request: 'a\u0000b' } });
      await store.append(t.organizationId, encodeUsageEntry(good[0]!));
      await admin.xadd(t.stream, '*', 'v0', 'an older format'); // another version's entry
      await admin.xadd(t.stream, '*', 'u1', '{"requestId": "not a usage event"'); // damaged
      await store.append(t.organizationId, encodeUsageEntry(refused));
      await store.append(t.organizationId, encodeUsageEntry(good[1]!));
      const { lines, logger } = memoryLogger();
      const r = recorder(logger, 'prompt');
      r.appended(t.organizationId);
      await until(async () => (await admin.xlen(t.stream)) === 0, 'every entry written or set aside');
      for (const e of good) expect(await count('select count(*)::int as n from request_logs where id = $1', [e.requestId])).toBe(1);
      expect(await count('select count(*)::int as n from request_logs where id = $1', [refused.requestId])).toBe(0);
      const dead = await admin.xrange(deadLetterKeyOf(t.stream), '-', '+');
      expect(dead).toHaveLength(3);
      const fields = dead.map(([, f]) => Object.fromEntries(Array.from({ length: f.length / 2 }, (_, i) => [f[2 * i], f[2 * i + 1]])));
      expect(fields.map((f) => [f.source, typeof f.id, f.v0 ?? f.u1?.slice(0, 14)])).toEqual([
        [t.stream, 'string', 'an older format'],
        [t.stream, 'string', '{"requestId": '],
        [t.stream, 'string', encodeUsageEntry(refused).slice(0, 14)],
      ]);
      expect(fields[2]!.reason).toMatch(/PostgreSQL refused it/);
      // Another unreadable entry later: kept the same way, not logged again.
      await admin.xadd(t.stream, '*', 'v0', 'later');
      r.appended(t.organizationId);
      await until(async () => (await admin.xlen(deadLetterKeyOf(t.stream))) === 4, 'the later one set aside');
      const logged = lines.filter((l) => l.level === 'error' && l.fields.stream === t.stream);
      expect(logged).toHaveLength(1);
      expect(logged[0]!.msg).toMatch(/copied to .*:events:dead/);
      await admin.del(deadLetterKeyOf(t.stream));
    });
  });
}

describe('a recorder whose read fails', () => {
  it('reads again by itself, though PostgreSQL is down too (its sweep looks streams up there first)', async () => {
    const t = await tenant(true);
    // Another deployment's stream in the registry: a sweep must ask PostgreSQL whose it is before reading anything.
    const foreign = streamKeyOf(randomUUID());
    await admin.sadd(STREAM_REGISTRY, foreign);
    const relayTo = async (url: string) => {
      const relay = await startTcpRelay({ host: new URL(url).hostname, port: Number(new URL(url).port) });
      const via = new URL(url);
      via.port = String(relay.port);
      return { relay, url: via.toString() };
    };
    const [database, redis] = [await relayTo(world.databaseUrl), await relayTo(redisUrl)];
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    pool.on('error', () => undefined);
    database.relay.down();
    redis.relay.down(); // the recorder's first read fails: its Redis is unreachable
    await redisOf.get('single')!.store.append(t.organizationId, encodeUsageEntry(t.event()));
    const { lines, logger } = memoryLogger();
    const r = new UsageStreamRecorder(redis.url, pool, { flushMs: 20, sweepEveryMs: 100, claimIdleMs: 60_000, consumer: 'retrying' }, logger);
    try {
      r.appended(t.organizationId);
      await until(async () => lines.some((l) => l.msg.includes('usage stream read failed')), 'the first read failed');
      redis.relay.up();
      // No append follows, and every sweep fails on PostgreSQL: only the recorder's own retry reads the entry.
      await until(async () => (await pendingByConsumer(t.stream)).get('retrying') === 1, 'the entry read once Redis answers');
    } finally {
      await r.close();
      await pool.end();
      await Promise.all([database.relay.close(), redis.relay.close(), admin.srem(STREAM_REGISTRY, foreign)]);
    }
  });
});

describe('a Redis-mode proxy', () => {
  it('answers a call only once Redis has its event', async () => {
    const t = await tenant(true);
    const relay = await startTcpRelay({ host: new URL(redisUrl).hostname, port: Number(new URL(redisUrl).port) });
    afterAll(() => relay.close());
    const { proxy, url } = await world.startProxy({ REDIS_URL: `redis://127.0.0.1:${relay.port}`, LIMIT_STORE: 'redis' });
    const call = (content: string) =>
      fetch(`${url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'mock-small', messages: [{ role: 'user', content }], max_tokens: 8 }),
      });
    expect((await call('first: seeds the wallet, registers the stream')).status).toBe(200);
    // Reserved, then the upstream takes 400 ms; Redis goes silent meanwhile and comes back at 900 ms.
    const started = Date.now();
    const answer = call('[[latency:400]] hold on').then(async (res) => ({ res, at: Date.now() - started, id: res.headers.get('x-request-id')! }));
    await new Promise((r) => setTimeout(r, 150));
    relay.stall();
    await new Promise((r) => setTimeout(r, 750));
    relay.resume();
    const { res, at, id } = await answer;
    expect(res.status).toBe(200);
    expect(at).toBeGreaterThanOrEqual(900);
    await until(async () => (await count('select count(*)::int as n from request_logs where id = $1', [id])) === 1, 'the call written');
    await proxy.close(); // the only recorders of this database from here on are the next test's proxies
  });
});

describe('a Redis-mode proxy stopped with SIGTERM under load', () => {
  it('writes every answered call before it exits: nothing is left in the stream', async () => {
    const t = await tenant(true);
    // Streams read 5 s after an append, not 100 ms: what the stream holds at SIGTERM is the drain's to write.
    const proxy = await spawnProxy({
      CREDENTIAL_KEY: world.credentialKey,
      DATABASE_URL: world.databaseUrl,
      REDIS_URL: redisUrl,
      LIMIT_STORE: 'redis',
      USAGE_FLUSH_MS: '5000',
    });
    const answered: string[] = [];
    let stopped = false;
    const loops = Array.from({ length: 8 }, async () => {
      while (!stopped) {
        const res = await fetch(`${proxy.url}/v1/chat/completions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${t.secret}`, 'content-type': 'application/json' },
          body: JSON.stringify({ model: 'mock-small', messages: [{ role: 'user', content: 'drain me' }], max_tokens: 8 }),
        }).catch(() => null);
        if (res?.ok) answered.push(res.headers.get('x-request-id')!);
        else if (res) await res.arrayBuffer();
        else break;
      }
    });
    await until(async () => answered.length >= 60, '60 answers');
    proxy.child.kill('SIGTERM');
    expect(await proxy.exited, proxy.output()).toBe(0);
    stopped = true;
    await Promise.all(loops);
    // No other proxy reads this database's streams: the drain wrote them all.
    expect(await count('select count(*)::int as n from request_logs where id = any($1::uuid[])', [answered])).toBe(answered.length);
    expect(await admin.xlen(t.stream)).toBe(0);
  }, 60_000);
});

describe('two Redis-mode proxies under load, one killed mid-run', () => {
  it('write every answered call once: the survivor claims what the dead one left pending', async () => {
    const t = await tenant(true);
    // The proxy to be killed reaches PostgreSQL through a relay, stalled just before the kill: it dies holding a batch it read.
    const relay = await startTcpRelay({ host: new URL(world.databaseUrl).hostname, port: Number(new URL(world.databaseUrl).port) });
    afterAll(() => relay.close());
    const viaRelay = new URL(world.databaseUrl);
    viaRelay.port = String(relay.port);
    const env = { CREDENTIAL_KEY: world.credentialKey, REDIS_URL: redisUrl, LIMIT_STORE: 'redis', LOG_LEVEL: 'warn' };
    const [doomed, survivor] = await Promise.all([
      spawnProxy({ ...env, DATABASE_URL: viaRelay.toString() }),
      spawnProxy({ ...env, DATABASE_URL: world.databaseUrl }),
    ]);
    afterAll(() => stopProxies([survivor]));

    const answered: string[] = [];
    let stop = false;
    const call = async (proxy: ProxyProcess) => {
      try {
        const res = await fetch(`${proxy.url}/v1/chat/completions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${t.secret}`, 'content-type': 'application/json' },
          body: JSON.stringify({ model: 'mock-small', messages: [{ role: 'user', content: 'count me once' }], max_tokens: 8 }),
        });
        const body = (await res.json()) as { choices?: unknown };
        if (res.ok && body.choices) answered.push(res.headers.get('x-request-id')!);
      } catch {
        // the killed proxy's calls in flight: never answered
      }
    };
    const loops = [doomed, survivor].flatMap((proxy) =>
      Array.from({ length: 6 }, async () => {
        while (!stop && !(proxy === doomed && doomed.child.signalCode !== null)) await call(proxy);
      }),
    );
    await until(async () => answered.length >= 150, '150 answers');
    relay.stall();
    await new Promise((r) => setTimeout(r, 400));
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    // The dead proxy's consumer holds entries it read and never acknowledged.
    const consumers = ((await admin.xinfo('CONSUMERS', t.stream, CONSUMER_GROUP)) as unknown[][]).map((c) => String(c[1]));
    const dead = consumers.find((name) => name.includes(`-${doomed.child.pid}-`))!;
    expect(dead, consumers.join(', ')).toBeDefined();
    const heldByTheDead = (await pendingByConsumer(t.stream)).get(dead) ?? 0;
    expect(heldByTheDead, 'the killed proxy held a batch it had read').toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 500)); // the survivor goes on answering
    stop = true;
    await Promise.all(loops);
    const total = answered.length;
    expect(total).toBeGreaterThan(150);

    await until(
      async () => (await count('select count(*)::int as n from request_logs where id = any($1::uuid[])', [answered])) === total,
      'every answered call in the request log',
      20_000,
    );
    // The survivor takes them over once idle for 5 s (the answered calls may all be written before: the dead one's
    // pending entries can be ones it wrote but did not acknowledge, or calls it never answered), and nothing is left.
    await until(
      async () => /claimed usage events another consumer read but did not acknowledge/.test(survivor.output()),
      "the survivor claiming the dead one's entries",
      20_000,
    );
    await until(async () => (await admin.xlen(t.stream)) === 0, 'the stream emptied');
    expect((await pendingByConsumer(t.stream)).get(dead)).toBeUndefined();

    // One request-log row and one Consume record per answer; the rollups count each call once.
    const rows = (await world.db.query('select id, status from request_logs where organization_id = $1', [t.organizationId])).rows;
    const ids = new Set(rows.map((r) => r.id as string));
    expect(ids.size).toBe(rows.length);
    expect(answered.every((id) => ids.has(id))).toBe(true);
    expect(new Set(answered).size).toBe(total);
    const consumes = (await world.db.query(`select request_log_id from wallet_records where organization_id = $1 and type = 'CONSUME'`, [t.organizationId]))
      .rows;
    expect(new Set(consumes.map((c) => c.request_log_id)).size).toBe(consumes.length);
    expect(consumes.length).toBe(rows.filter((r) => r.status === 200).length);
    expect(await count('select sum(requests)::int as n from usage_hourly where organization_id = $1', [t.organizationId])).toBe(rows.length);
    // The ledger: the balance is the sum of its records, and what Redis's wallet counters say the balance is.
    const ledger = (await world.db.query('select sum(amount)::text as sum from wallet_records where organization_id = $1', [t.organizationId])).rows[0]
      .sum as string;
    const balance = (await world.db.query('select balance::text from wallets where organization_id = $1', [t.organizationId])).rows[0].balance as string;
    expect(balance).toBe(ledger);
    const [spent, frozen] = (await admin.hmget(`tg:{${t.organizationId}}:w`, 'w', 'wf')).map((v) => BigInt(v!));
    // A killed call in flight leaves its reservation frozen: balance = available (-spent) + frozen.
    expect(String(-spent! + frozen!)).toBe(balance);
  }, 120_000);
});
