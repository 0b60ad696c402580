/**
 * `pnpm exec tsx packages/proxy/bench/limiter-bench.ts [memory] [redis]`: Limiter.admit + settle in a loop,
 * no HTTP, with the proxy bench's 18 rules (organization 7, project 8, key 3), all far above what the
 * run uses. A steadier figure than `pnpm bench:proxy` on a shared machine.
 *
 * The clock is virtual: a warm-up first walks 2 h 10 min of it (100 ms a call), so every rolling
 * counter holds as many buckets as it ever does (121 one-second buckets for a minute, 121 one-minute
 * ones for an hour); the timed runs then step 5 ms a call (the 200 calls/s of a busy key).
 *
 * memory: sequential calls, best and median of RUNS runs, µs per admit + settle.
 * redis (REDIS_URL, else redis://127.0.0.1:6379): CONCURRENCY calls in flight, as under the proxy
 * bench's 64 connections; this process's CPU per call (process.cpuUsage), Redis's CPU per call
 * (INFO cpu, the whole server: other clients inflate it), the time Redis spent in the scripts
 * per call (INFO commandstats) and calls/s; then c=1 latency, and the keys the counters took.
 *
 * LIMITS_DIR (a path relative to this file) runs another copy of src/limits instead, e.g. the
 * previous version for a before/after in one sitting:
 *   mkdir packages/proxy/bench/_before && git archive HEAD packages/proxy/src/limits | tar -x --strip-components=4 -C packages/proxy/bench/_before
 *   LIMITS_DIR=./_before pnpm exec tsx packages/proxy/bench/limiter-bench.ts
 * (the whole folder: the Redis store loads its scripts from redis/lua beside it).
 */
import { Redis } from 'ioredis';
import type { LimitStore } from '../src/limits/limit-store';
import { ACTUAL as actual, benchRules, noDatabase as db, quietLogger as logger, RESERVED as reserved, START } from './limiter-fixture';

const dir = process.env.LIMITS_DIR ?? '../src/limits';
const { Limiter } = (await import(`${dir}/limiter.ts`)) as typeof import('../src/limits/limiter');
const { MemoryLimitStore } = (await import(`${dir}/memory-store.ts`)) as typeof import('../src/limits/memory-store');
const { RedisLimitStore } = (await import(`${dir}/redis-store.ts`)) as typeof import('../src/limits/redis-store');
type Limiter = InstanceType<typeof Limiter>;

const RUNS = Number(process.env.RUNS ?? 7);
const CALLS = Number(process.env.CALLS ?? 20_000);
const REDIS_CALLS = Number(process.env.REDIS_CALLS ?? 10_000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 64);
const { ids, rules } = benchRules();
let clock = START;

async function call(limiter: Limiter, stepMs: number) {
  const now = (clock += stepMs);
  const admission = await limiter.admit({ organizationId: ids.organizationId, rules, amounts: reserved, nowMs: now, wallet: false });
  if (admission.kind !== 'admitted') throw new Error(`not admitted: ${JSON.stringify(admission, (_, v) => (typeof v === 'bigint' ? v.toString() : v))}`);
  await limiter.settle(admission.hold!, actual, 0n);
}

async function warmUp(limiter: Limiter, concurrency: number) {
  const end = clock + 130 * 60_000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (clock < end) await call(limiter, 100);
    }),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function memory() {
  const limiter = new Limiter(new MemoryLimitStore(), db, { failOpenRateLimits: false }, logger);
  await warmUp(limiter, 1);
  const perCall: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    for (let i = 0; i < CALLS; i++) await call(limiter, 5);
    perCall.push(((performance.now() - t0) * 1000) / CALLS);
  }
  console.log(
    `memory: admit+settle, 18 rules: best ${Math.min(...perCall).toFixed(1)} µs, median ${median(perCall).toFixed(1)} µs per call (${RUNS} × ${CALLS} calls)`,
  );
}

async function redisCpu(redis: Redis) {
  const info = await redis.info('cpu');
  return ['used_cpu_user', 'used_cpu_sys'].reduce((t, f) => t + Number(new RegExp(`^${f}:([\\d.]+)`, 'm').exec(info)?.[1]), 0);
}

/** Microseconds Redis spent running scripts (evalsha + eval), from INFO commandstats: the time inside the scripts, without I/O. */
async function scriptUsec(redis: Redis) {
  const info = await redis.info('commandstats');
  return [...info.matchAll(/^cmdstat_(?:evalsha|eval):calls=\d+,usec=(\d+)/gm)].reduce((t, m) => t + Number(m[1]), 0);
}

async function redis() {
  const url = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const store = new RedisLimitStore(url);
  await store.ready();
  const admin = new Redis(url);
  const limiter = new Limiter(store as LimitStore, db, { failOpenRateLimits: false }, logger);
  try {
    await warmUp(limiter, CONCURRENCY);
    const rows: Array<{ cpu: number; redisCpu: number; script: number; rate: number }> = [];
    for (let run = 0; run < Math.min(RUNS, 5); run++) {
      const [s0, c0, r0, t0] = [await scriptUsec(admin), process.cpuUsage(), await redisCpu(admin), performance.now()];
      let left = REDIS_CALLS;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (left-- > 0) await call(limiter, 5);
        }),
      );
      const elapsed = performance.now() - t0;
      const c = process.cpuUsage(c0);
      const r1 = await redisCpu(admin);
      const s1 = await scriptUsec(admin);
      rows.push({
        cpu: (c.user + c.system) / REDIS_CALLS,
        redisCpu: ((r1 - r0) * 1e6) / REDIS_CALLS,
        script: (s1 - s0) / REDIS_CALLS,
        rate: REDIS_CALLS / (elapsed / 1000),
      });
    }
    const best = (f: (r: (typeof rows)[number]) => number, max = false) => (max ? Math.max : Math.min)(...rows.map(f));
    console.log(
      `redis, c=${CONCURRENCY}: proxy CPU best ${best((r) => r.cpu).toFixed(0)} µs (median ${median(rows.map((r) => r.cpu)).toFixed(0)}), ` +
        `Redis CPU best ${best((r) => r.redisCpu).toFixed(0)} µs (median ${median(rows.map((r) => r.redisCpu)).toFixed(0)}), ` +
        `in scripts best ${best((r) => r.script).toFixed(0)} µs (median ${median(rows.map((r) => r.script)).toFixed(0)}) per call; ` +
        `best ${best((r) => r.rate, true).toFixed(0)} calls/s (median ${median(rows.map((r) => r.rate)).toFixed(0)})`,
    );
    const lat: number[] = [];
    for (let i = 0; i < 2_000; i++) {
      const t0 = performance.now();
      await call(limiter, 5);
      lat.push((performance.now() - t0) * 1000);
    }
    console.log(`redis, c=1: admit+settle median ${median(lat).toFixed(0)} µs per call (2,000 calls)`);
    const keys = await admin.keys(`tg:{${ids.organizationId}}:*`);
    const sizes = await Promise.all(keys.map(async (k) => ((await admin.type(k)) === 'hash' ? `${k.length}ch/${await admin.hlen(k)}f` : `${k.length}ch`)));
    console.log(`redis: ${keys.length} keys (${sizes.join(' ')})`);
    if (keys.length) await admin.del(...keys);
  } finally {
    admin.disconnect();
    await store.close();
  }
}

const which = process.argv.slice(2);
if (!which.length || which.includes('memory')) await memory();
if (!which.length || which.includes('redis')) await redis();
