import type { LimitWindow } from '@tollgate/domain';

/**
 * The windows counters live in: a limit's, or `wallet` for a prepaid wallet's
 * counters (fixed, one period that never ends: see wallet.ts).
 */
export type CounterWindow = LimitWindow | 'wallet';

/** One counter a call is checked against and reserved in. */
export interface Counter {
  /**
   * Unique per scope, metric and window within the group, e.g. "pAbC…:td" (see counterKey in
   * limiter.ts). The limiter hands the same string object to every call of a rule, so the stores'
   * map lookups by it reuse its hash.
   */
  key: string;
  window: CounterWindow;
  /** Fixed windows: the period the counter belongs to, and when it may be forgotten. */
  periodId?: string;
  expiresAtMs?: number;
  /** null: counted, never refusing. */
  limit: bigint | null;
  amount: bigint;
}

/**
 * What was reserved where, so settling adjusts the very buckets and periods
 * it added to. Each store keeps its own details in it (the entries or keys,
 * buckets and amounts of the call's counters, in the order of its counters);
 * to anyone else it is opaque.
 */
export interface Reservation {
  readonly group: string;
}

export type ReserveOutcome =
  /** usage: each counter's total before this call. */
  | { kind: 'admitted'; reservation: Reservation; usage: bigint[] }
  | { kind: 'refused'; index: number; usage: bigint[] }
  /** Fixed-window counters the store does not hold (restart, flush): rebuild them, then reserve again. */
  | { kind: 'missing'; indices: number[] };

/**
 * Where counters live: in process (memory) or shared (Redis). `reserve` is
 * all or nothing over every counter of a call: a refusal by any counter
 * leaves no increment behind. `group` is the organization: all of a call's
 * counters share it (one Redis hash slot).
 */
export interface LimitStore {
  reserve(group: string, counters: Counter[], nowMs: number): Promise<ReserveOutcome>;
  /** Replaces each reserved amount with the actual one (`actual` in the order of the reserved counters). */
  settle(reservation: Reservation, actual: bigint[]): Promise<void>;
  /**
   * Sets a fixed counter rebuilt from the database (and with it, atomically, the `with`
   * counters of the same window and period), unless another caller set it first.
   */
  seed(group: string, counter: Counter, value: bigint, withCounters?: Array<[Counter, bigint]>): Promise<void>;
  /** Fixed counters' values (null: not held). */
  read(group: string, counters: Counter[]): Promise<Array<bigint | null>>;
  /**
   * Adds `delta` to `counter` and moves `guard` from `expected` to `next`, both
   * atomically, if `guard` still holds `expected`; false otherwise (changed, or not held).
   */
  compareAndAdd(group: string, guard: Counter, expected: bigint, next: bigint, counter: Counter, delta: bigint): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * A store that also keeps each group's usage stream (Redis, see usage/usage-stream.ts): a call's
 * usage event is appended in the same atomic step as its settle, both or neither, or alone for a
 * call that settles nothing. Both resolve once the store has the entry, and reject when it did
 * not confirm it (it may still have it: events are idempotent by request id).
 */
export interface UsageJournal {
  /** As LimitStore.settle, and `entry` appended to the reservation's group's stream. */
  settleAndAppend(reservation: Reservation, actual: bigint[], entry: string): Promise<void>;
  append(group: string, entry: string): Promise<void>;
}

export const isUsageJournal = (store: LimitStore): store is LimitStore & UsageJournal => 'settleAndAppend' in store;

export const isFixed = (window: CounterWindow) => window !== 'minute' && window !== 'hour';
