import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Counter, LimitStore } from '../../src/limits/limit-store';

const T0 = Date.UTC(2026, 10, 22, 10, 0, 0);
const rolling = (key: string, limit: bigint | null, amount = 1n, window: 'minute' | 'hour' = 'minute'): Counter => ({ key: `${key}:${window}`, window, limit, amount });
const wallet = (key: string, limit: bigint | null, amount = 0n): Counter => ({ key, window: 'wallet', periodId: 'w', limit, amount });
const daily = (key: string, limit: bigint | null, amount = 1n): Counter => ({ key: `${key}:day`, window: 'day', periodId: '2026-11-22', expiresAtMs: T0 + 86_400_000, limit, amount });

/** The behaviour every LimitStore adapter must show; run once per adapter. */
export function limitStoreContract(name: string, make: () => Promise<LimitStore>) {
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
      expect(await store.reserve(g, [{ ...tokens, amount: 0n }, { ...minute, amount: 0n }], T0 + 1000)).toMatchObject({ usage: [30n, 30n] });
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
      await store.seed(g, spent, -500n, [[frozen, 0n], [ledger, 7n]]);
      // A second seed (another proxy's older snapshot) changes nothing, not even the counters seeded with it.
      await store.seed(g, spent, -100n, [[frozen, 0n], [ledger, 3n]]);
      expect(await store.read(g, [spent, frozen, ledger])).toEqual([-500n, 0n, 7n]);
      expect(await store.reserve(g, [{ ...spent, amount: 500n }, { ...frozen, amount: 500n }], T0)).toMatchObject({ kind: 'admitted', usage: [-500n, 0n] });
      expect(await store.reserve(g, [{ ...spent, amount: 1n }, { ...frozen, amount: 1n }], T0)).toMatchObject({ kind: 'refused', index: 0, usage: [0n, 500n] });
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
  });
}
