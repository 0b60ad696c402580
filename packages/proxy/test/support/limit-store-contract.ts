import { countedBuckets, periodOf, type RollingWindow } from '@tollgate/domain';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Counter, LimitStore, Reservation, ReserveOutcome } from '../../src/limits/limit-store';

const T0 = Date.UTC(2026, 10, 22, 10, 0, 0);
const rolling = (key: string, limit: bigint | null, amount = 1n, window: 'minute' | 'hour' = 'minute'): Counter => ({
  key: `${key}:${window}`,
  window,
  limit,
  amount,
});
const wallet = (key: string, limit: bigint | null, amount = 0n): Counter => ({ key, window: 'wallet', periodId: 'w', limit, amount });
const daily = (key: string, limit: bigint | null, amount = 1n): Counter => ({
  key: `${key}:day`,
  window: 'day',
  periodId: '2026-11-22',
  expiresAtMs: T0 + 86_400_000,
  limit,
  amount,
});

/** What an adapter's suite may add to the randomised comparison with the reference. */
export interface ReferenceHooks {
  /** Checks the adapter's own bookkeeping of a group (throws if inconsistent), run before and after the last call of a round. */
  inspect?: (group: string) => Promise<void>;
  /** Deletes what the adapter keeps of a group, at the end of a round. */
  forget?: (group: string) => Promise<void>;
}

/** The behaviour every LimitStore adapter must show; run once per adapter. */
export function limitStoreContract(name: string, make: () => Promise<LimitStore>, hooks: ReferenceHooks = {}) {
  describe(`LimitStore contract: ${name}`, async () => {
    const store = await make();
    afterAll(() => store.close());
    const group = () => randomUUID();

    it('admits within every limit, refuses past any, and a refusal leaves no increment behind', async () => {
      const g = group();
      const wide = rolling('wide', 10n);
      const narrow = rolling('narrow', 1n);
      const first = await store.reserve(g, [wide, narrow], T0);
      expect(first).toMatchObject({ kind: 'admitted', usage: [0n, 0n] });
      const second = await store.reserve(g, [wide, narrow], T0);
      expect(second).toMatchObject({ kind: 'refused', index: 1, usage: [1n, 1n] });
      const wideOnly = await store.reserve(g, [wide], T0);
      expect(wideOnly).toMatchObject({ kind: 'admitted', usage: [1n] });
    });

    it('reports missing day counters until they are seeded, and seeding never overwrites', async () => {
      const g = group();
      const counter = daily('tokens', 100n, 10n);
      expect(await store.reserve(g, [rolling('r', null), counter], T0)).toEqual({ kind: 'missing', indices: [1] });
      await store.seed(g, counter, 85n);
      await store.seed(g, counter, 0n);
      expect(await store.reserve(g, [counter], T0)).toMatchObject({ kind: 'admitted', usage: [85n] });
      expect(await store.reserve(g, [counter], T0)).toMatchObject({ kind: 'refused', index: 0, usage: [95n] });
    });

    it('settles a reservation to the actual amounts', async () => {
      const g = group();
      const tokens = daily('tokens', 1000n, 400n);
      await store.seed(g, tokens, 0n);
      const minute = rolling('tokens', 1000n, 400n);
      const admitted = await store.reserve(g, [tokens, minute], T0);
      if (admitted.kind !== 'admitted') throw new Error('not admitted');
      await store.settle(admitted.reservation, [30n, 30n]);
      expect(
        await store.reserve(
          g,
          [
            { ...tokens, amount: 0n },
            { ...minute, amount: 0n },
          ],
          T0 + 1000,
        ),
      ).toMatchObject({ usage: [30n, 30n] });
    });

    it('counts but never refuses a counter without a limit', async () => {
      const g = group();
      for (let i = 0; i < 5; i++) expect((await store.reserve(g, [rolling('tracked', null, 7n)], T0)).kind).toBe('admitted');
      expect(await store.reserve(g, [rolling('tracked', null, 0n)], T0)).toMatchObject({ usage: [35n] });
    });

    it('admits exactly the limit from 1,000 concurrent reservations', async () => {
      const g = group();
      const outcomes = await Promise.all(Array.from({ length: 1000 }, () => store.reserve(g, [rolling('burst', 100n)], T0)));
      expect(outcomes.filter((o) => o.kind === 'admitted')).toHaveLength(100);
    });

    it('lets a caller whose clock runs behind see what callers ahead of it reserved', async () => {
      const g = group();
      const ahead = await Promise.all(Array.from({ length: 3 }, () => store.reserve(g, [rolling('skew', 4n)], T0 + 1_500)));
      expect(ahead.every((o) => o.kind === 'admitted')).toBe(true);
      // Another proxy, or a call that waited for a rebuild, reserves with an earlier timestamp.
      expect(await store.reserve(g, [rolling('skew', 4n)], T0 + 900)).toMatchObject({ kind: 'admitted', usage: [3n] });
      expect(await store.reserve(g, [rolling('skew', 4n)], T0 + 800)).toMatchObject({ kind: 'refused', usage: [4n] });
      // A minute later the early one has left the window, the later ones not yet.
      expect(await store.reserve(g, [rolling('skew', 4n, 0n)], T0 + 61_200)).toMatchObject({ usage: [3n] });
    });

    it('seeds counters together or not at all, and reads them back', async () => {
      const g = group();
      const [spent, frozen, ledger] = [wallet('w', 0n), wallet('wf', null), wallet('wq', null)];
      expect(await store.read(g, [spent, ledger])).toEqual([null, null]);
      await store.seed(g, spent, -500n, [
        [frozen, 0n],
        [ledger, 7n],
      ]);
      // A second seed (another proxy's older snapshot) changes nothing, not even the counters seeded with it.
      await store.seed(g, spent, -100n, [
        [frozen, 0n],
        [ledger, 3n],
      ]);
      expect(await store.read(g, [spent, frozen, ledger])).toEqual([-500n, 0n, 7n]);
      expect(
        await store.reserve(
          g,
          [
            { ...spent, amount: 500n },
            { ...frozen, amount: 500n },
          ],
          T0,
        ),
      ).toMatchObject({ kind: 'admitted', usage: [-500n, 0n] });
      expect(
        await store.reserve(
          g,
          [
            { ...spent, amount: 1n },
            { ...frozen, amount: 1n },
          ],
          T0,
        ),
      ).toMatchObject({ kind: 'refused', index: 0, usage: [0n, 500n] });
      expect(await store.read(g, [frozen])).toEqual([500n]);
    });

    it('adds under a guard exactly once, however many callers race with the same expectation', async () => {
      const g = group();
      const [spent, ledger] = [wallet('w', 0n), wallet('wq', null)];
      expect(await store.compareAndAdd(g, ledger, 0n, 1n, spent, -5n)).toBe(false); // nothing held yet
      await store.seed(g, spent, -100n, [[ledger, 4n]]);
      const outcomes = await Promise.all(Array.from({ length: 50 }, () => store.compareAndAdd(g, ledger, 4n, 6n, spent, -250n)));
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      expect(await store.read(g, [spent, ledger])).toEqual([-350n, 6n]);
      expect(await store.compareAndAdd(g, ledger, 4n, 9n, spent, -1n)).toBe(false);
    });

    it('keeps every 60-second span within a per-minute limit through a burst straddling the minute', async () => {
      const g = group();
      const limit = 20n;
      const admitted: number[] = [];
      // Twice the limit just before the minute turns, twice just after, then steady attempts for two minutes.
      const attempts = [
        ...Array.from({ length: 40 }, (_, i) => T0 + 59_000 + i * 20),
        ...Array.from({ length: 40 }, (_, i) => T0 + 60_000 + i * 20),
        ...Array.from({ length: 240 }, (_, i) => T0 + 61_000 + i * 500),
      ];
      for (const at of attempts) if ((await store.reserve(g, [rolling('steady', limit)], at)).kind === 'admitted') admitted.push(at);
      expect(admitted.length).toBeGreaterThan(Number(limit));
      for (const start of admitted) expect(admitted.filter((t) => t >= start && t < start + 60_000).length).toBeLessThanOrEqual(Number(limit));
      for (let start = T0 + 58_000; start < T0 + 200_000; start += 250) {
        expect(admitted.filter((t) => t >= start && t < start + 60_000).length).toBeLessThanOrEqual(Number(limit));
      }
    });

    describe(`answers as a naive reference on random calls (${REFERENCE.rounds} rounds of ${REFERENCE.steps} steps, seed ${REFERENCE.seed}; LIMIT_STORE_CHECK_ROUNDS, _STEPS, _SEED)`, () => {
      for (let round = 0; round < REFERENCE.rounds; round++) {
        it(`round ${round + 1}`, { timeout: Math.max(30_000, REFERENCE.steps * 10) }, async () => {
          await compareWithReference(store, REFERENCE.seed + round, REFERENCE.steps, hooks);
        });
      }
    });
  });
}

/**
 * The randomised comparison's size: CI runs the defaults (a few seconds for Redis); set
 * LIMIT_STORE_CHECK_ROUNDS / _STEPS for a longer run, and LIMIT_STORE_CHECK_SEED to replay a failure
 * (its message names the round's seed).
 */
const REFERENCE = {
  rounds: Number(process.env.LIMIT_STORE_CHECK_ROUNDS ?? 3),
  steps: Number(process.env.LIMIT_STORE_CHECK_STEPS ?? 2_000),
  seed: Number(process.env.LIMIT_STORE_CHECK_SEED ?? Math.floor(Math.random() * 1_000_000)),
};

/** The reference: every bucket kept (until no caller can count it), every check a full sum of the buckets >= the caller's first counted one (countedBuckets). */
class Reference {
  readonly rolling = new Map<string, { window: RollingWindow; buckets: Map<number, bigint> }>();
  readonly fixed = new Map<string, bigint>();

  reserve(counters: Counter[], nowMs: number) {
    const missing = counters.flatMap((c, i) => (c.periodId && !this.fixed.has(fixedId(c)) ? [i] : []));
    if (missing.length) return { kind: 'missing', indices: missing } as const;
    const usage = counters.map((c) => {
      if (c.periodId) return this.fixed.get(fixedId(c))!;
      const { first } = countedBuckets(c.window as RollingWindow, nowMs);
      let sum = 0n;
      for (const [bucket, value] of this.rolling.get(c.key)?.buckets ?? []) if (bucket >= first) sum += value;
      return sum;
    });
    const refused = counters.findIndex((c, i) => c.limit !== null && usage[i]! + c.amount > c.limit);
    if (refused >= 0) return { kind: 'refused', index: refused, usage } as const;
    const at = counters.map((c) => {
      if (c.periodId) return (this.fixed.set(fixedId(c), this.fixed.get(fixedId(c))! + c.amount), -1);
      const window = c.window as RollingWindow;
      const bucket = countedBuckets(window, nowMs).last;
      let counter = this.rolling.get(c.key);
      if (!counter) this.rolling.set(c.key, (counter = { window, buckets: new Map() }));
      counter.buckets.set(bucket, (counter.buckets.get(bucket) ?? 0n) + c.amount);
      return bucket;
    });
    return { kind: 'admitted', usage, at } as const;
  }

  settle(counters: Counter[], at: number[], actual: bigint[]) {
    counters.forEach((c, i) => {
      const delta = actual[i]! - c.amount;
      if (c.periodId) this.fixed.set(fixedId(c), this.fixed.get(fixedId(c))! + delta);
      else {
        // The stores drop a bucket a span before the newest first bucket, and a settle into it: no caller counts it any more.
        const { buckets } = this.rolling.get(c.key)!;
        buckets.set(at[i]!, (buckets.get(at[i]!) ?? 0n) + delta);
      }
    });
  }

  seed(counter: Counter, value: bigint) {
    if (!this.fixed.has(fixedId(counter))) this.fixed.set(fixedId(counter), value); // seeding never overwrites
  }

  /** Drops the buckets no caller at or after `nowMs` counts (only to keep the sums short). */
  forgetBefore(nowMs: number) {
    for (const { window, buckets } of this.rolling.values()) {
      const { first } = countedBuckets(window, nowMs);
      for (const bucket of buckets.keys()) if (bucket < first) buckets.delete(bucket);
    }
  }

  compareAndAdd(guard: Counter, expected: bigint, next: bigint, counter: Counter, delta: bigint): boolean {
    const [held, value] = [this.fixed.get(fixedId(guard)), this.fixed.get(fixedId(counter))];
    if (held !== expected || value === undefined) return false;
    this.fixed.set(fixedId(guard), next);
    this.fixed.set(fixedId(counter), value + delta);
    return true;
  }
}

const fixedId = (c: Counter) => `${c.key}@${c.periodId}`;

/** A seeded PRNG (mulberry32): a failing round replays from its seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const text = (x: unknown) => JSON.stringify(x, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
const outcomeText = (o: ReserveOutcome) => text(o.kind === 'admitted' ? { kind: o.kind, usage: o.usage } : o);

/**
 * One round: a virtual clock with small steps and jumps (minutes, and hours: idle counters), callers
 * up to 50 s behind or 5 s ahead; counters with and without limits (so refusals too), every window,
 * the same counter twice in a call now and then, missing day, month and wallet counters seeded (the
 * clock starts 4 h before a month turns, so days and months turn), settles after up to 200 s (bucket
 * changes, a bucket leaving the window, dropped buckets), reads and guarded adds; last, a call with
 * one counter per rolling window three hours on (the others idle, to be swept). Every outcome must
 * equal the reference's. The clock runs two years ahead of the real one, so the stores' expiry (in
 * real time, from the counters' `expiresAtMs`) keeps every period counter for the whole round.
 */
async function compareWithReference(store: LimitStore, seed: number, steps: number, hooks: ReferenceHooks) {
  const random = prng(seed);
  const rnd = (n: number) => Math.floor(random() * n);
  const reference = new Reference();
  const group = randomUUID();
  let clock = Date.UTC(new Date().getUTCFullYear() + 2, 0, 31, 20, 0, 0);
  let now = clock;
  let step = 0;
  const fail = (what: string, got: string, expected: string) => {
    throw new Error(
      `seed ${seed} (LIMIT_STORE_CHECK_SEED=${seed} LIMIT_STORE_CHECK_ROUNDS=1 replays it), step ${step}, caller ${now - clock} ms off: ${what} ${got}, the reference ${expected}`,
    );
  };
  const defs: Array<Omit<Counter, 'amount'>> = [
    { key: 'a:m', window: 'minute', limit: 400n },
    { key: 'b:m', window: 'minute', limit: null },
    { key: 'c:h', window: 'hour', limit: 3000n },
    { key: 'd:h', window: 'hour', limit: null },
    { key: 'e:d', window: 'day', limit: 100_000n },
    { key: 'f:d', window: 'day', limit: null },
    { key: 'g:M', window: 'month', limit: 10n ** 9n },
    { key: 'h:w', window: 'wallet', periodId: 'w', limit: 10n ** 6n },
  ];
  /** A counter as of the caller's clock: day and month counters of its period, kept a day after it (as the limiter makes them). */
  const counter = (d: Omit<Counter, 'amount'>, amount = 0n): Counter => {
    if (d.window !== 'day' && d.window !== 'month') return { ...d, amount };
    const period = periodOf(d.window, new Date(now));
    return { ...d, periodId: period.id, expiresAtMs: period.end.getTime() + 86_400_000, amount };
  };
  const pending: Array<{ counters: Counter[]; reservation: Reservation; at: number[]; due: number }> = [];
  try {
    for (; step < steps; step++) {
      const r = random();
      clock += r < 0.002 ? 3 * 3_600_000 + rnd(9_000_000) : r < 0.01 ? rnd(400_000) : r < 0.05 ? rnd(20_000) : rnd(400);
      now = clock - (random() < 0.2 ? rnd(50_000) : 0) + (random() < 0.1 ? rnd(5_000) : 0);
      if (step % 100 === 0) reference.forgetBefore(clock - 60_000); // callers run at most 50 s behind
      if (random() < 0.02) {
        // A read, or a guarded add between the two day counters (one hash in Redis).
        const [e, f] = [counter(defs[4]!), counter(defs[5]!)];
        if (random() < 0.5) {
          const [got, expected] = [await store.read(group, [e, f]), [e, f].map((c) => reference.fixed.get(fixedId(c)) ?? null)];
          if (text(got) !== text(expected)) fail('read', text(got), text(expected));
        } else {
          const held = reference.fixed.get(fixedId(e)) ?? 0n;
          const expected = random() < 0.7 ? held : held + 1n;
          const [next, delta] = [held + BigInt(rnd(5)), BigInt(rnd(9) - 4)];
          const got = await store.compareAndAdd(group, e, expected, next, f, delta);
          const want = reference.compareAndAdd(e, expected, next, f, delta);
          if (got !== want) fail('compareAndAdd', String(got), String(want));
        }
        continue;
      }
      const counters = defs.filter(() => random() < 0.7).map((d) => counter(d, BigInt(rnd(20))));
      if (!counters.length) continue;
      if (random() < 0.05) counters.push({ ...counters[rnd(counters.length)]!, amount: BigInt(rnd(20)) });
      const expected = reference.reserve(counters, now);
      const got = await store.reserve(group, counters, now);
      if (got.kind === 'missing') {
        if (expected.kind !== 'missing' || text(got.indices) !== text(expected.indices)) fail('reserve', outcomeText(got), text(expected));
        for (const i of got.indices) {
          const value = BigInt(rnd(1000));
          await store.seed(group, counters[i]!, value);
          reference.seed(counters[i]!, value);
        }
        step--; // a step that only seeded does not count
        continue;
      }
      if (
        got.kind !== expected.kind ||
        text(got.usage) !== text(expected.usage) ||
        (got.kind === 'refused' && expected.kind === 'refused' && got.index !== expected.index)
      ) {
        fail('reserve', outcomeText(got), text({ ...expected, at: undefined }));
      }
      if (got.kind === 'admitted' && expected.kind === 'admitted') {
        // Most settle within 3 s; some as their minute bucket leaves the window (50 to 70 s), some up to 200 s on.
        const r = random();
        const due = clock + (r < 0.05 ? rnd(200_000) : r < 0.15 ? 50_000 + rnd(20_000) : rnd(3_000));
        pending.push({ counters, reservation: got.reservation, at: expected.at, due });
      }
      for (let i = pending.length - 1; i >= 0; i--) {
        const p = pending[i]!;
        if (p.due > clock) continue;
        pending.splice(i, 1);
        const actual = p.counters.map((c) => (random() < 0.3 ? c.amount : BigInt(rnd(Number(c.amount) + 1))));
        await store.settle(p.reservation, actual);
        reference.settle(p.counters, p.at, actual);
      }
    }
    await hooks.inspect?.(group);
    // Last, one counter per rolling window three hours on: the others idle (for a sweep, see inspect).
    now = clock += 3 * 3_600_000;
    const last = [counter(defs[0]!, 1n), counter(defs[2]!, 1n)];
    const [expected, got] = [reference.reserve(last, clock), await store.reserve(group, last, clock)];
    if (got.kind !== 'admitted' || text(got.usage) !== text(expected.kind === 'admitted' && expected.usage))
      fail('the last reserve', outcomeText(got), text(expected));
    await hooks.inspect?.(group);
  } finally {
    await hooks.forget?.(group);
  }
}
