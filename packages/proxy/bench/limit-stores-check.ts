/**
 * `pnpm exec tsx packages/proxy/bench/limit-stores-check.ts [memory] [redis]`: a randomised check of
 * both LimitStore adapters against a naive reference that keeps every bucket and sums, per
 * check, every bucket >= the caller's first counted one (countedBuckets, windows.ts). Virtual
 * clock with small steps, jumps (minutes, and hours: idle counters) and callers up to 50 s
 * behind or 5 s ahead; counters with and without limits (so refusals too), the same counter
 * twice in a call now and then, missing day and month counters seeded, and settles after up
 * to 200 s (bucket changes, dropped buckets); last, a call with one counter per window three
 * hours on (the others idle, to be swept). Every reserve's outcome and usage must equal the
 * reference's. For Redis it then checks each head of the window's head hashes (`b`, `s`, `c`, `v`):
 * `s` the sum of the buckets >= `b`, bucket hash fields from `b` - 60 to the newest bucket `c`
 * (excluded), `c` at most two spans before the hash's last sweep `t`, `t` within a span of the
 * newest `c`; and that every rolling key expires. Not a benchmark: a check for changes to the
 * stores' bookkeeping (running totals).
 * REDIS_URL, else redis://127.0.0.1:6379; its keys are deleted at the end.
 */
import { countedBuckets, type RollingWindow } from '@tollgate/domain';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { Counter, LimitStore, Reservation } from '../src/limits/limit-store';
import { MemoryLimitStore } from '../src/limits/memory-store';
import { RedisLimitStore } from '../src/limits/redis-store';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const STEPS = Number(process.env.STEPS ?? 6000);
const url = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** The reference: every bucket kept, every check a full sum. */
class Reference {
  rolling = new Map<string, Map<number, bigint>>();
  fixed = new Map<string, bigint>();
  reserve(counters: Counter[], now: number) {
    const missing = counters.flatMap((c, i) => (c.periodId && !this.fixed.has(c.key + c.periodId) ? [i] : []));
    if (missing.length) return { kind: 'missing', indices: missing } as const;
    const usage = counters.map((c) => {
      if (c.periodId) return this.fixed.get(c.key + c.periodId)!;
      const { first } = countedBuckets(c.window as RollingWindow, now);
      let sum = 0n;
      for (const [bucket, value] of this.rolling.get(c.key) ?? []) if (bucket >= first) sum += value;
      return sum;
    });
    const refused = counters.findIndex((c, i) => c.limit !== null && usage[i]! + c.amount > c.limit);
    if (refused >= 0) return { kind: 'refused', index: refused, usage } as const;
    const at = counters.map((c) => {
      if (c.periodId) return (this.fixed.set(c.key + c.periodId, this.fixed.get(c.key + c.periodId)! + c.amount), -1);
      const bucket = countedBuckets(c.window as RollingWindow, now).last;
      const buckets = this.rolling.get(c.key) ?? new Map<number, bigint>();
      this.rolling.set(c.key, buckets);
      buckets.set(bucket, (buckets.get(bucket) ?? 0n) + c.amount);
      return bucket;
    });
    return { kind: 'admitted', usage, at } as const;
  }
  settle(counters: Counter[], at: number[], actual: bigint[]) {
    counters.forEach((c, i) => {
      const delta = actual[i]! - c.amount;
      if (c.periodId) this.fixed.set(c.key + c.periodId, this.fixed.get(c.key + c.periodId)! + delta);
      else {
        // The stores drop a bucket a span before the newest first bucket, and a settle into it; no caller here is that far behind.
        const buckets = this.rolling.get(c.key)!;
        buckets.set(at[i]!, (buckets.get(at[i]!) ?? 0n) + delta);
      }
    });
  }
}

const rnd = (n: number) => Math.floor(Math.random() * n);
const text = (x: unknown) => JSON.stringify(x, (_, v) => (typeof v === 'bigint' ? v.toString() : v));

async function check(name: string, store: LimitStore, round: number, admin: Redis | null) {
  const reference = new Reference();
  const group = randomUUID();
  const T0 = Date.UTC(2026, 10, 22, 10, 0, 0);
  let clock = T0;
  const defs: Array<Omit<Counter, 'amount'>> = [
    { key: 'a:m', window: 'minute', limit: 400n }, { key: 'b:m', window: 'minute', limit: null },
    { key: 'c:h', window: 'hour', limit: 3000n }, { key: 'd:h', window: 'hour', limit: null },
    { key: 'e:d', window: 'day', periodId: '2026-11-22', expiresAtMs: T0 + 2 * 86_400_000, limit: 100_000n },
    { key: 'f:d', window: 'day', periodId: '2026-11-22', expiresAtMs: T0 + 2 * 86_400_000, limit: null },
    { key: 'g:M', window: 'month', periodId: '2026-11-01', expiresAtMs: T0 + 30 * 86_400_000, limit: 10n ** 9n },
  ];
  const pending: Array<{ counters: Counter[]; reservation: Reservation; at: number[]; due: number }> = [];
  let checks = 0;
  let admitted = 0;
  for (let step = 0; step < STEPS; step++) {
    const r = Math.random();
    clock += r < 0.002 ? 3 * 3_600_000 + rnd(9_000_000) : r < 0.01 ? rnd(400_000) : r < 0.05 ? rnd(20_000) : rnd(400);
    const now = clock - (Math.random() < 0.2 ? rnd(50_000) : 0) + (Math.random() < 0.1 ? rnd(5_000) : 0);
    const counters: Counter[] = defs.filter(() => Math.random() < 0.7).map((d) => ({ ...d, amount: BigInt(rnd(20)) }));
    if (!counters.length) continue;
    if (Math.random() < 0.05) counters.push({ ...counters[rnd(counters.length)]!, amount: BigInt(rnd(20)) });
    const expected = reference.reserve(counters, now);
    const got = await store.reserve(group, counters, now);
    if (got.kind === 'missing') {
      if (expected.kind !== 'missing' || text(got.indices) !== text(expected.indices)) throw new Error(`${name}: missing ${text(got)}, expected ${text(expected)}`);
      for (const i of got.indices) {
        const value = BigInt(rnd(1000));
        await store.seed(group, counters[i]!, value);
        const id = counters[i]!.key + counters[i]!.periodId;
        if (!reference.fixed.has(id)) reference.fixed.set(id, value); // seeding never overwrites
      }
      step--;
      continue;
    }
    checks++;
    if (got.kind !== expected.kind || text(got.usage) !== text(expected.usage) || (got.kind === 'refused' && expected.kind === 'refused' && got.index !== expected.index)) {
      throw new Error(`${name}, round ${round}, step ${step}: got ${text(got)}, expected ${text(expected)} (caller ${now - clock} ms off)`);
    }
    if (got.kind === 'admitted' && expected.kind === 'admitted') {
      admitted++;
      pending.push({ counters, reservation: got.reservation, at: expected.at, due: clock + (Math.random() < 0.05 ? rnd(200_000) : rnd(3_000)) });
    }
    for (let i = pending.length - 1; i >= 0; i--) {
      const p = pending[i]!;
      if (p.due > clock) continue;
      pending.splice(i, 1);
      const actual = p.counters.map((c) => (Math.random() < 0.3 ? c.amount : BigInt(rnd(Number(c.amount) + 1))));
      await store.settle(p.reservation, actual);
      reference.settle(p.counters, p.at, actual);
    }
  }
  const before = admin ? await inspect(admin, group) : '';
  // Last, one counter per window three hours on: the sweep must take the others (see checkHeads).
  clock += 3 * 3_600_000;
  const last: Counter[] = [defs[0]!, defs[2]!].map((d) => ({ ...d, amount: 1n }));
  const [expected, got] = [reference.reserve(last, clock), await store.reserve(group, last, clock)];
  if (got.kind !== 'admitted' || text(got.usage) !== text(expected.kind === 'admitted' && expected.usage)) throw new Error(`${name}, round ${round}, last call: got ${text(got)}, expected ${text(expected)}`);
  let hashes = '';
  if (admin) {
    hashes = `${before} after the last call:${await inspect(admin, group)}`;
    const keys = await admin.keys(`tg:{${group}}:*`);
    if (keys.length) await admin.del(...keys);
  }
  console.log(`${name}, round ${round}: ${checks} reserves (${admitted} admitted) as the reference${hashes ? `; rolling hashes consistent (${hashes.trim()})` : ''}`);
}

/** Checks a group's rolling keys (see checkHeads), and that each expires. */
async function inspect(admin: Redis, group: string): Promise<string> {
  let found = '';
  for (const key of await admin.keys(`tg:{${group}}:*`)) {
    if (key.includes('@')) continue; // a period hash
    if ((await admin.ttl(key)) <= 0) throw new Error(`${key}: no TTL`);
    const window = key.slice(key.indexOf('}:') + 2);
    if (window === 'm' || window === 'h') found += ` ${window}: ${await checkHeads(admin, key, await admin.hgetallBuffer(key))};`;
  }
  return found;
}

/** Checks a head hash: heads `<counter key>|` (four little-endian doubles b, s, c, v) and `t`, each with its bucket hash `<key>:<counter key>`. */
async function checkHeads(admin: Redis, key: string, h: Record<string, Buffer>): Promise<string> {
  const t = Number(h.t?.toString());
  let newest = -Infinity;
  let buckets = 0;
  for (const [field, value] of Object.entries(h)) {
    if (field === 't') continue;
    if (!field.endsWith('|')) throw new Error(`${key}: a field ${field} that is no head`);
    const counter = field.slice(0, -1);
    const [b, s, c, v] = [0, 8, 16, 24].map((o) => value.readDoubleLE(o)) as [number, number, number, number];
    newest = Math.max(newest, c);
    if (c < t - 120) throw new Error(`${key}: ${counter}'s newest bucket ${c} was due for the sweep at ${t}`);
    let sum = c >= b ? v : 0;
    const fields = await admin.hgetall(`${key}:${counter}`);
    buckets += Object.keys(fields).length;
    for (const [name, amount] of Object.entries(fields)) {
      const bucket = Number(name);
      if (bucket >= c) throw new Error(`${key}: ${counter} has a bucket field ${bucket} at or after its newest bucket ${c}`);
      if (bucket < b - 60) throw new Error(`${key}: ${counter}'s bucket ${bucket} left a span before b ${b}`);
      if (bucket >= b) sum += Number(amount);
    }
    if (sum !== s) throw new Error(`${key}: ${counter}'s s ${s}, but the buckets >= b sum to ${sum}`);
  }
  if (!(t > newest - 60)) throw new Error(`${key}: last swept at ${t}, a span before its newest bucket ${newest}`);
  return `${Object.keys(h).length - 1} heads, ${buckets} buckets`;
}

const which = process.argv.slice(2);
for (let round = 0; round < ROUNDS; round++) {
  if (!which.length || which.includes('memory')) await check('memory', new MemoryLimitStore(), round, null);
  if (!which.length || which.includes('redis')) {
    const store = new RedisLimitStore(url);
    await store.ready();
    const admin = new Redis(url);
    try {
      await check('redis', store, round, admin);
    } finally {
      admin.disconnect();
      await store.close();
    }
  }
}
