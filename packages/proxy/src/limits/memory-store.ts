import { bucketOf, countedBuckets, type RollingWindow } from '@tollgate/domain';
import { isFixed, type Counter, type LimitStore, type Reservation, type ReserveOutcome } from './limit-store';

/**
 * Counters in this process: exact for one proxy. Each reserve runs in one
 * synchronous step, so it is atomic without locks.
 */
export class MemoryLimitStore implements LimitStore {
  private readonly rolling = new Map<string, Map<number, bigint>>();
  private readonly fixed = new Map<string, { value: bigint; expiresAtMs: number }>();
  private calls = 0;

  async reserve(group: string, counters: Counter[], nowMs: number): Promise<ReserveOutcome> {
    if (++this.calls % 10_000 === 0) this.sweep(nowMs);
    const missing = counters.flatMap((c, i) => (isFixed(c.window) && !this.fixed.has(fixedKey(group, c)) ? [i] : []));
    if (missing.length) return { kind: 'missing', indices: missing };
    const usage = counters.map((c) => this.usage(group, c, nowMs));
    const refused = counters.findIndex((c, i) => c.limit !== null && usage[i]! + c.amount > c.limit);
    if (refused >= 0) return { kind: 'refused', index: refused, usage };
    const reservation: Reservation = { group, counters: [] };
    for (const c of counters) {
      if (isFixed(c.window)) {
        this.fixed.get(fixedKey(group, c))!.value += c.amount;
        reservation.counters.push({ key: c.key, window: c.window, periodId: c.periodId, amount: c.amount });
      } else {
        const bucket = bucketOf(c.window as RollingWindow, nowMs);
        const buckets = this.bucketsOf(group, c.key);
        buckets.set(bucket, (buckets.get(bucket) ?? 0n) + c.amount);
        reservation.counters.push({ key: c.key, window: c.window, bucket, amount: c.amount });
      }
    }
    return { kind: 'admitted', reservation, usage };
  }

  async settle(reservation: Reservation, actual: bigint[]): Promise<void> {
    reservation.counters.forEach((c, i) => {
      const delta = actual[i]! - c.amount;
      if (delta === 0n) return;
      if (c.periodId !== undefined) {
        const entry = this.fixed.get(`${reservation.group}|${c.key}|${c.periodId}`);
        if (entry) entry.value += delta;
      } else {
        const buckets = this.bucketsOf(reservation.group, c.key);
        buckets.set(c.bucket!, (buckets.get(c.bucket!) ?? 0n) + delta);
      }
    });
  }

  async seed(group: string, counter: Counter, value: bigint): Promise<void> {
    const key = fixedKey(group, counter);
    if (!this.fixed.has(key)) this.fixed.set(key, { value, expiresAtMs: counter.expiresAtMs ?? Number.MAX_SAFE_INTEGER });
  }

  async close(): Promise<void> {}

  /** Drops what the store may forget: fixed counters of past periods, whole rolling counters gone quiet. */
  private sweep(nowMs: number) {
    for (const [key, entry] of this.fixed) if (entry.expiresAtMs < nowMs) this.fixed.delete(key);
    for (const [key, buckets] of this.rolling) {
      const window = key.endsWith(':hour') ? 'hour' : 'minute';
      const { forgetBefore } = countedBuckets(window, nowMs);
      for (const bucket of buckets.keys()) if (bucket < forgetBefore) buckets.delete(bucket);
      if (!buckets.size) this.rolling.delete(key);
    }
  }

  private usage(group: string, c: Counter, nowMs: number): bigint {
    if (isFixed(c.window)) return this.fixed.get(fixedKey(group, c))!.value;
    const { first, forgetBefore } = countedBuckets(c.window as RollingWindow, nowMs);
    let sum = 0n;
    const buckets = this.rolling.get(`${group}|${c.key}`);
    if (!buckets) return 0n;
    for (const [bucket, value] of buckets) {
      if (bucket >= first) sum += value;
      else if (bucket < forgetBefore) buckets.delete(bucket);
    }
    return sum;
  }

  private bucketsOf(group: string, key: string) {
    let buckets = this.rolling.get(`${group}|${key}`);
    if (!buckets) this.rolling.set(`${group}|${key}`, (buckets = new Map()));
    return buckets;
  }
}

const fixedKey = (group: string, c: Counter) => `${group}|${c.key}|${c.periodId}`;
