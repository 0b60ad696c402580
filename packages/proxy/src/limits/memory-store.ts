import { countedBuckets, type RollingWindow } from '@tollgate/domain';
import { isFixed, type Counter, type LimitStore, type Reservation, type ReserveOutcome } from './limit-store';

/**
 * A rolling counter: amounts by bucket, and the running total of every bucket
 * from `base` on (later ones included), so a check costs no walk over the
 * buckets. `base` follows the latest first counted bucket any caller asked
 * for; a caller whose clock runs behind adds the few buckets between its own
 * first one and `base`. Buckets a span before `base` are dropped as it moves.
 */
class Rolling {
  readonly buckets = new Map<number, bigint>();
  /** Sum of every bucket >= base. */
  sum = 0n;

  constructor(
    readonly window: RollingWindow,
    public base: number,
    readonly span: number,
  ) {}

  /** The total of every bucket >= first (see countedBuckets). */
  usage(first: number): bigint {
    if (first > this.base) this.advance(first);
    if (first === this.base) return this.sum;
    let usage = this.sum;
    const { buckets, base } = this;
    if (base - first <= buckets.size) {
      for (let j = first; j < base; j++) usage += buckets.get(j) ?? 0n;
    } else {
      for (const [j, v] of buckets) if (j >= first && j < base) usage += v;
    }
    return usage;
  }

  add(bucket: number, amount: bigint) {
    const { buckets } = this;
    buckets.set(bucket, (buckets.get(bucket) ?? 0n) + amount);
    if (bucket >= this.base) this.sum += amount;
  }

  /** A settled difference; not into a bucket dropped already (a span before base), which no caller counts any more. */
  adjust(bucket: number, delta: bigint) {
    if (bucket >= this.base - this.span) this.add(bucket, delta);
  }

  /** Moves base forward to first: buckets before it leave the total, those before first - span the map. */
  advance(first: number) {
    const { buckets, base, span } = this;
    const forget = first - span;
    if (first - base <= buckets.size) {
      for (let j = base; j < first; j++) {
        const v = buckets.get(j);
        if (v !== undefined) this.sum -= v;
      }
      for (let j = base - span; j < forget; j++) buckets.delete(j);
    } else {
      for (const [j, v] of buckets) {
        if (j >= base && j < first) this.sum -= v;
        if (j < forget) buckets.delete(j);
      }
    }
    this.base = first;
  }

  /** Drops stragglers (buckets a caller far behind added under base - span). */
  dropBefore(forget: number) {
    for (const j of this.buckets.keys()) if (j < forget) this.buckets.delete(j);
  }
}

/** A fixed counter for one period; a counter's periods are chained newest first (a caller late at a period's turn still finds its own). */
interface Fixed {
  periodId: string;
  value: bigint;
  expiresAtMs: number;
  older: Fixed | null;
}

interface Group {
  rolling: Map<string, Rolling>;
  fixed: Map<string, Fixed>;
}

interface MemoryReservation extends Reservation {
  entries: Array<Rolling | Fixed>;
  /** The bucket reserved in, for rolling counters; -1 for fixed ones. */
  buckets: number[];
  amounts: bigint[];
}

const findPeriod = (head: Fixed | undefined, periodId: string | undefined): Fixed | undefined => {
  for (let e = head; e; e = e.older ?? undefined) if (e.periodId === periodId) return e;
  return undefined;
};

/**
 * Counters in this process: exact for one proxy. Each reserve runs in one
 * synchronous step, so it is atomic without locks. Counters are kept by
 * group, then by counter key (the limiter's reused strings): one lookup per
 * counter per reserve, none per settle (the reservation holds the entries).
 */
export class MemoryLimitStore implements LimitStore {
  private readonly groups = new Map<string, Group>();
  private calls = 0;

  async reserve(group: string, counters: Counter[], nowMs: number): Promise<ReserveOutcome> {
    if (++this.calls % 10_000 === 0) this.sweep(nowMs);
    const g = this.groupOf(group);
    const n = counters.length;
    const entries = new Array<Rolling | Fixed>(n);
    const buckets = new Array<number>(n);
    const usage = new Array<bigint>(n);
    let missing: number[] | null = null;
    let minute: ReturnType<typeof countedBuckets> | undefined;
    let hour: ReturnType<typeof countedBuckets> | undefined;
    for (let i = 0; i < n; i++) {
      const c = counters[i]!;
      if (isFixed(c.window)) {
        const entry = findPeriod(g.fixed.get(c.key), c.periodId);
        if (!entry) (missing ??= []).push(i);
        else {
          entries[i] = entry;
          usage[i] = entry.value;
          buckets[i] = -1;
        }
      } else {
        const window = c.window as RollingWindow;
        const counted = window === 'minute' ? (minute ??= countedBuckets('minute', nowMs)) : (hour ??= countedBuckets('hour', nowMs));
        let entry = g.rolling.get(c.key);
        if (!entry) g.rolling.set(c.key, (entry = new Rolling(window, counted.first, counted.last - counted.first)));
        entries[i] = entry;
        buckets[i] = counted.last;
        usage[i] = entry.usage(counted.first);
      }
    }
    if (missing) return { kind: 'missing', indices: missing };
    for (let i = 0; i < n; i++) {
      const c = counters[i]!;
      if (c.limit !== null && usage[i]! + c.amount > c.limit) return { kind: 'refused', index: i, usage };
    }
    const amounts = new Array<bigint>(n);
    for (let i = 0; i < n; i++) {
      const amount = (amounts[i] = counters[i]!.amount);
      const entry = entries[i]!;
      if (entry instanceof Rolling) entry.add(buckets[i]!, amount);
      else entry.value += amount;
    }
    const reservation: MemoryReservation = { group, entries, buckets, amounts };
    return { kind: 'admitted', reservation, usage };
  }

  async settle(reservation: Reservation, actual: bigint[]): Promise<void> {
    const { entries, buckets, amounts } = reservation as MemoryReservation;
    for (let i = 0; i < entries.length; i++) {
      const delta = actual[i]! - amounts[i]!;
      if (delta === 0n) continue;
      // An entry swept meanwhile (its period or window long over) takes the delta harmlessly.
      const entry = entries[i]!;
      if (entry instanceof Rolling) entry.adjust(buckets[i]!, delta);
      else entry.value += delta;
    }
  }

  async seed(group: string, counter: Counter, value: bigint, withCounters: Array<[Counter, bigint]> = []): Promise<void> {
    const g = this.groupOf(group);
    if (findPeriod(g.fixed.get(counter.key), counter.periodId)) return;
    for (const [c, v] of [[counter, value] as [Counter, bigint], ...withCounters]) this.insertPeriod(g, c, v);
  }

  async read(group: string, counters: Counter[]): Promise<Array<bigint | null>> {
    const g = this.groups.get(group);
    return counters.map((c) => (g && findPeriod(g.fixed.get(c.key), c.periodId)?.value) ?? null);
  }

  async compareAndAdd(group: string, guard: Counter, expected: bigint, next: bigint, counter: Counter, delta: bigint): Promise<boolean> {
    const g = this.groups.get(group);
    const at = g && findPeriod(g.fixed.get(guard.key), guard.periodId);
    const entry = g && findPeriod(g.fixed.get(counter.key), counter.periodId);
    if (!at || !entry || at.value !== expected) return false;
    at.value = next;
    entry.value += delta;
    return true;
  }

  private groupOf(group: string): Group {
    let g = this.groups.get(group);
    if (!g) this.groups.set(group, (g = { rolling: new Map(), fixed: new Map() }));
    return g;
  }

  /** A counter's period, newest first in its chain (ISO dates sort as strings); the value of one held already stays. */
  private insertPeriod(g: Group, counter: Counter, value: bigint) {
    const head = g.fixed.get(counter.key);
    if (findPeriod(head, counter.periodId)) return;
    const entry: Fixed = { periodId: counter.periodId!, value, expiresAtMs: counter.expiresAtMs ?? Number.MAX_SAFE_INTEGER, older: null };
    if (!head || head.periodId < entry.periodId) {
      entry.older = head ?? null;
      g.fixed.set(counter.key, entry);
      return;
    }
    let at = head;
    while (at.older && at.older.periodId > entry.periodId) at = at.older;
    entry.older = at.older;
    at.older = entry;
  }

  async close(): Promise<void> {}

  /** Drops what the store may forget: fixed counters of past periods, buckets out of reach, whole rolling counters gone quiet. */
  private sweep(nowMs: number) {
    const counted = { minute: countedBuckets('minute', nowMs), hour: countedBuckets('hour', nowMs) };
    for (const [name, g] of this.groups) {
      for (const [key, head] of g.fixed) {
        let kept: Fixed | null = null;
        let tail: Fixed | null = null;
        for (let e: Fixed | null = head; e; e = e.older) {
          if (e.expiresAtMs < nowMs) continue;
          if (tail) tail.older = e;
          else kept = e;
          tail = e;
        }
        if (tail) tail.older = null;
        if (kept) {
          if (kept !== head) g.fixed.set(key, kept);
        } else g.fixed.delete(key);
      }
      for (const [key, entry] of g.rolling) {
        const { first, forgetBefore } = counted[entry.window];
        if (first > entry.base) entry.advance(first);
        entry.dropBefore(forgetBefore);
        if (!entry.buckets.size) g.rolling.delete(key);
      }
      if (!g.fixed.size && !g.rolling.size) this.groups.delete(name);
    }
  }
}
