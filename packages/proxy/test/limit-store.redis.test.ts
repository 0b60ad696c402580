import { createRedisClient, type RedisClient } from '@tollgate/db';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { Socket } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { Counter } from '../src/limits/limit-store';
import { packDoubles, WINDOW_ARGS } from '../src/limits/redis/codec';
import { corkForThisTurn } from '../src/limits/redis/cork';
import { SCRIPTS } from '../src/limits/redis/scripts';
import { RedisLimitStore } from '../src/limits/redis-store';
import { ENTRY_FIELD, STREAM_REGISTRY, streamKeyOf } from '../src/usage/usage-stream';
import { limitStoreContract } from './support/limit-store-contract';
import { forgetOrganization, keysOf, REDIS_TOPOLOGIES, requireRedisUrl } from './support/redis-url';

/** A reserve's reply: its numbers, packed as little-endian doubles. */
const unpackDoubles = (reply: unknown) => Array.from({ length: (reply as Buffer).length / 8 }, (_, i) => (reply as Buffer).readDoubleLE(8 * i));

const url = requireRedisUrl();
const clusterUrl = requireRedisUrl('cluster');
const T0 = Date.UTC(2026, 10, 22, 10, 0, 0);
const rolling = (key: string, window: 'minute' | 'hour', amount = 1n): Counter => ({ key, window, limit: null, amount });

const dropGroup = forgetOrganization;

/**
 * Counts the writes of every TCP socket to the Redis under test as the socket hands them to the
 * OS (net.Socket's _write, or _writev for several buffered ones), with the number of chunks each
 * carried: what leaves the process, whatever ioredis and corking do above it.
 */
function watchRedisWrites(target: string) {
  const ports = new Set(
    target
      .slice(target.indexOf('//') + 2)
      .split(',')
      .map((host) => Number(new URL(`redis://${host}`).port || 6379)),
  );
  const writes: number[] = [];
  const toRedis = (socket: Socket) => ports.has(socket.remotePort!);
  const proto = Socket.prototype as unknown as { _write: (...a: unknown[]) => void; _writev: (chunks: unknown[], cb: unknown) => void };
  const [write, writev] = [proto._write, proto._writev];
  vi.spyOn(proto, '_write').mockImplementation(function (this: Socket, ...args: unknown[]) {
    if (toRedis(this)) writes.push(1);
    return write.apply(this, args);
  });
  vi.spyOn(proto, '_writev').mockImplementation(function (this: Socket, chunks: unknown[], cb: unknown) {
    if (toRedis(this)) writes.push(chunks.length);
    return writev.call(this, chunks, cb);
  });
  return writes;
}

describe('Redis adapter (an unreachable Redis fails this suite)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reaches Redis', async () => {
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
    await redis.connect();
    expect(await redis.ping()).toBe('PONG');
    redis.disconnect();
  });

  it("keeps the heads of a window's counters in one hash, and sweeps out a counter no call uses any more", async () => {
    const [store, admin] = [new RedisLimitStore(url), new Redis(url)];
    await store.ready();
    const g = randomUUID();
    try {
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
      await dropGroup(admin, g);
      admin.disconnect();
      await store.close();
    }
  });

  it.each(REDIS_TOPOLOGIES)('sends the reserves and settles of one event-loop turn in one socket write (corkForThisTurn; %s)', async (topology) => {
    // The store's connections are the only ones to Redis writing while the writes are counted (admin connects in finally).
    const target = requireRedisUrl(topology);
    const [store, admin] = [new RedisLimitStore(target), createRedisClient(target, { lazyConnect: true })];
    await store.ready();
    const g = randomUUID();
    try {
      const counters = [rolling('a', 'minute', 5n), rolling('b', 'hour', 5n)];
      // Both scripts loaded first (EVAL on a Redis that lacks them), so each call below sends one EVALSHA.
      const warmUp = await store.reserve(g, counters, T0);
      if (warmUp.kind !== 'admitted') throw new Error(warmUp.kind);
      await store.settle(warmUp.reservation, [5n, 4n]);
      const writes = watchRedisWrites(target);
      const outcomes = await Promise.all(Array.from({ length: 20 }, () => store.reserve(g, counters, T0)));
      expect(writes).toEqual([20]); // one write of 20 reserves, not 20 writes
      writes.length = 0;
      await Promise.all(outcomes.map((o) => (o.kind === 'admitted' ? store.settle(o.reservation, [1n, 1n]) : Promise.reject(new Error(o.kind)))));
      expect(writes).toEqual([20]);
      vi.restoreAllMocks();
      expect(await store.reserve(g, [{ ...counters[0]!, amount: 0n }], T0)).toMatchObject({ usage: [25n] });
    } finally {
      await dropGroup(admin, g);
      admin.disconnect();
      await store.close();
    }
  });

  it("corkForThisTurn holds a turn's writes for one write after its I/O, and corks a reconnected client's new socket", async () => {
    const socket = () => {
      const writes: number[] = [];
      const stream = new Writable({ write: (_c, _e, done) => (writes.push(1), done()), writev: (chunks, done) => (writes.push(chunks.length), done()) });
      return { stream, writes };
    };
    const [first, second] = [socket(), socket()];
    const client: { stream?: Writable } = {};
    corkForThisTurn(client); // no socket yet: nothing to do
    client.stream = first.stream;
    for (let i = 0; i < 5; i++) {
      corkForThisTurn(client);
      client.stream.write('x');
    }
    expect(first.writes).toEqual([]);
    client.stream = second.stream; // reconnected within the turn
    for (let i = 0; i < 3; i++) {
      corkForThisTurn(client);
      client.stream.write('y');
    }
    await new Promise(setImmediate);
    expect([first.writes, second.writes]).toEqual([[5], [3]]);
    for (let i = 0; i < 2; i++) {
      corkForThisTurn(client);
      client.stream.write('z');
    }
    await new Promise(setImmediate);
    expect(second.writes).toEqual([3, 2]);
  });

  it('runs its scripts by EVAL when Redis has forgotten them (a restart, SCRIPT FLUSH), settle and append included', async () => {
    const [store, admin] = [new RedisLimitStore(url), new Redis(url)];
    await store.ready();
    const g = randomUUID();
    const counters = [rolling('a', 'minute', 5n), rolling('b', 'hour', 5n)];
    try {
      await admin.script('FLUSH');
      const first = await store.reserve(g, counters, T0);
      if (first.kind !== 'admitted') throw new Error(first.kind);
      expect(first.usage).toEqual([0n, 0n]);
      await admin.script('FLUSH');
      await store.settleAndAppend(first.reservation, [3n, 4n], '{"entry":1}');
      expect(await store.reserve(g, counters, T0)).toMatchObject({ kind: 'admitted', usage: [3n, 4n] });
      expect((await admin.xrange(streamKeyOf(g), '-', '+')).map(([, fields]) => fields)).toEqual([[ENTRY_FIELD, '{"entry":1}']]);
    } finally {
      await admin.srem(STREAM_REGISTRY, streamKeyOf(g));
      await dropGroup(admin, g);
      admin.disconnect();
      await store.close();
    }
  });

  it("takes a window's buckets per span from its arguments (reserve.lua holds no bucket count)", async () => {
    const admin = new Redis(url);
    const g = randomUUID();
    const [head, buckets] = [`tg:{${g}}:m`, `tg:{${g}}:m:x`];
    // One head hash, one counter (no limit, amount 1), reserved in `bucket`: a window of 3 buckets before the current one.
    const reserve = async (bucket: number) => {
      const args = [head, buckets, packDoubles([0, 1, bucket, 3, 3, 1, 1, Infinity, 1]), 'x|'];
      return unpackDoubles(
        await admin.callBuffer('evalsha', SCRIPTS.reserve.sha, 2, ...args).catch(async (err: Error) => {
          if (!err.message.includes('NOSCRIPT')) throw err;
          return admin.callBuffer('eval', SCRIPTS.reserve.lua, 2, ...args);
        }),
      );
    };
    try {
      expect(WINDOW_ARGS).toEqual({ minute: { bucketsPerSpan: 60, spanSeconds: 60 }, hour: { bucketsPerSpan: 60, spanSeconds: 3600 } });
      expect(await reserve(100)).toEqual([0, 0]);
      expect(await reserve(101)).toEqual([0, 1]);
      expect(await reserve(102)).toEqual([0, 2]);
      expect(await reserve(103)).toEqual([0, 3]); // 100 to 103 counted
      expect(await reserve(104)).toEqual([0, 3]); // 100 left: 101 to 104
      expect(await reserve(110)).toEqual([0, 0]); // all a span before
    } finally {
      await dropGroup(admin, g);
      admin.disconnect();
    }
  });
});

/**
 * The Redis bookkeeping after the randomised calls: each head (`<counter key>|`: base, sum, newest,
 * newestAmount, four little-endian doubles) with `sum` the sum of its buckets >= base, its bucket
 * hash's fields from base - bucketsPerSpan to newest (excluded), newest at most two spans before the
 * hash's last sweep `t`, `t` within a span of the newest bucket; and every rolling key expiring.
 */
async function checkRollingHashes(admin: RedisClient, group: string) {
  for (const key of await keysOf(admin, `tg:{${group}}:*`)) {
    if (key.includes('@') || key.endsWith('}:w')) continue; // a period hash, the wallet
    if ((await admin.ttl(key)) <= 0) throw new Error(`${key}: no TTL`);
    const window = key.slice(key.indexOf('}:') + 2);
    if (window === 'm' || window === 'h') await checkHeads(admin, key, WINDOW_ARGS[window === 'm' ? 'minute' : 'hour'].bucketsPerSpan);
  }
}

async function checkHeads(admin: RedisClient, key: string, span: number) {
  const h = await admin.hgetallBuffer(key);
  const lastSweep = Number(h.t?.toString());
  let newestOfAll = -Infinity;
  for (const [field, value] of Object.entries(h)) {
    if (field === 't') continue;
    if (!field.endsWith('|')) throw new Error(`${key}: a field ${field} that is no head`);
    const counter = field.slice(0, -1);
    const [base, sum, newest, newestAmount] = [0, 8, 16, 24].map((o) => value.readDoubleLE(o)) as [number, number, number, number];
    newestOfAll = Math.max(newestOfAll, newest);
    if (newest < lastSweep - 2 * span) throw new Error(`${key}: ${counter}'s newest bucket ${newest} was due for the sweep at ${lastSweep}`);
    let total = newest >= base ? newestAmount : 0;
    for (const [name, amount] of Object.entries(await admin.hgetall(`${key}:${counter}`))) {
      const bucket = Number(name);
      if (bucket >= newest) throw new Error(`${key}: ${counter} has a bucket field ${bucket} at or after its newest bucket ${newest}`);
      if (bucket < base - span) throw new Error(`${key}: ${counter}'s bucket ${bucket} left a span before base ${base}`);
      if (bucket >= base) total += Number(amount);
    }
    if (total !== sum) throw new Error(`${key}: ${counter}'s sum ${sum}, but the buckets >= base add up to ${total}`);
  }
  if (!(lastSweep > newestOfAll - span)) throw new Error(`${key}: last swept at ${lastSweep}, a span before its newest bucket ${newestOfAll}`);
}

for (const topology of REDIS_TOPOLOGIES) {
  const target = requireRedisUrl(topology);
  const admin = createRedisClient(target, { lazyConnect: true });
  afterAll(() => admin.disconnect());
  limitStoreContract(
    `redis (${topology})`,
    async () => {
      const store = new RedisLimitStore(target);
      await store.ready();
      return store;
    },
    {
      inspect: (group) => checkRollingHashes(admin, group),
      forget: (group) => dropGroup(admin, group),
    },
  );
}

describe('Redis adapter on a Redis Cluster', () => {
  it('is refused a script whose keys are in two slots (CROSSSLOT): the contract above proves each call keeps to one', async () => {
    const admin = createRedisClient(clusterUrl, {});
    const [a, b] = [randomUUID(), randomUUID()];
    try {
      // A reserve of one counter whose head hash and bucket hash carry different hash tags.
      const args = [packDoubles([0, 1, 100, 3, 3, 1, 1, Infinity, 1]), 'x|'];
      await expect(admin.eval(SCRIPTS.reserve.lua, 2, `tg:{${a}}:m`, `tg:{${b}}:m:x`, ...args)).rejects.toThrow(/CROSSSLOT/);
      expect(unpackDoubles(await admin.callBuffer('eval', SCRIPTS.reserve.lua, 2, `tg:{${a}}:m`, `tg:{${a}}:m:x`, ...args))).toEqual([0, 0]);
    } finally {
      await dropGroup(admin, a);
      admin.disconnect();
    }
  });
});
