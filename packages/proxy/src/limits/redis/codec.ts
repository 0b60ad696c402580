import { ROLLING, type RollingWindow } from '@tollgate/domain';
import type { Counter, ReserveOutcome } from '../limit-store';

/*
 * The scripts' arguments and replies, typed: each encoder lays out a script's KEYS and ARGV as its
 * .lua file's header says, each decoder reads its reply. A change of a script's arguments changes
 * its .lua file, its encoder and codec.test.ts together.
 *
 * Hot path: reserve and settle take their numbers as one argument of little-endian doubles (a
 * script parsing ~60 decimal strings spent more on strtod than on its commands), and reserve
 * answers in the same form. Both are planned once per shape of call (ReservePlan, SettlePlan):
 * a call only fills its own numbers in.
 */

/** A script's KEYS and ARGV. */
export interface ScriptArgs {
  keys: string[];
  args: Array<string | Buffer>;
}

/**
 * A call's counters as the scripts address them, one entry per counter in counter order (the
 * store's reservation holds these, so a settle addresses the very fields its reserve added to).
 */
export interface CounterAddresses {
  /** Its hash: a period's (day, month, wallet) or a rolling window's head hash. */
  keys: string[];
  /** Its field in that hash: the counter key (period counters) or its head field (rolling). */
  fields: string[];
  /** Rolling counters: the window, their bucket hash and the bucket reserved in. Period counters: null, "", 0. */
  windows: Array<RollingWindow | null>;
  bucketKeys: string[];
  buckets: number[];
}

/** What the scripts are told of a rolling window: how many buckets a span has (counted besides the current one), and the span in seconds (TTLs). */
export interface WindowArgs {
  bucketsPerSpan: number;
  spanSeconds: number;
}

export const WINDOW_ARGS: Readonly<Record<RollingWindow, WindowArgs>> = {
  minute: windowArgs('minute'),
  hour: windowArgs('hour'),
};

function windowArgs(window: RollingWindow): WindowArgs {
  const { spanMs, bucketMs } = ROLLING[window];
  return { bucketsPerSpan: spanMs / bucketMs, spanSeconds: spanMs / 1000 };
}

/** Small counts as strings, made once. */
const COUNTS = Array.from({ length: 64 }, (_, i) => String(i));
export const countArg = (n: number): string => COUNTS[n] ?? String(n);

/** A limit as the scripts take it: a double (the scripts' arithmetic is Lua's), +Infinity for none, which nothing exceeds. */
export const limitNumber = (limit: bigint | null): number => (limit === null ? Infinity : Number(limit));

/** Numbers as the scripts' first argument: little-endian doubles, unpacked by struct.unpack in one step. */
export function packDoubles(values: readonly number[]): Buffer {
  const blob = Buffer.allocUnsafe(8 * values.length);
  for (let i = 0; i < values.length; i++) blob.writeDoubleLE(values[i]!, 8 * i);
  return blob;
}

/** A reserve's arguments, and the script order of its counters (script position → counter index) to read the reply with. */
export interface ReserveArgs extends ScriptArgs {
  order: number[];
}

/**
 * A reserve's arguments for every call with the same counters at the same addresses, worked out
 * once (the store keeps one per shape of call): KEYS, the fields after the numbers, the script
 * order, and the numbers with each call's own still to fill in (reserveNumbers): every counter's
 * limit and amount (at limitAt and amountAt, by counter) and every head hash's newest bucket (at
 * bucketAt, the bucket of counter bucketFrom).
 */
export interface ReservePlan {
  keys: string[];
  fields: string[];
  order: number[];
  numbers: number[];
  limitAt: number[];
  amountAt: number[];
  bucketAt: number[];
  bucketFrom: number[];
}

/** encodeReserve in two steps: the plan of a call's shape, then its numbers. */
export function encodeReserve(counters: readonly Counter[], at: CounterAddresses): ReserveArgs {
  const plan = planReserve(counters, at);
  return { keys: plan.keys, args: [reserveNumbers(plan, counters, at.buckets), ...plan.fields], order: plan.order };
}

/** A call's numbers for reserve.lua (ARGV[1]): the plan's, with the call's limits, amounts and buckets. */
export function reserveNumbers(plan: ReservePlan, counters: readonly Counter[], buckets: readonly number[]): Buffer {
  const numbers = plan.numbers.slice();
  for (let i = 0; i < counters.length; i++) {
    const c = counters[i]!;
    numbers[plan.limitAt[i]!] = limitNumber(c.limit);
    numbers[plan.amountAt[i]!] = Number(c.amount);
  }
  for (let h = 0; h < plan.bucketAt.length; h++) numbers[plan.bucketAt[h]!] = buckets[plan.bucketFrom[h]!]!;
  return packDoubles(numbers);
}

/**
 * reserve.lua's KEYS and ARGV for a call's counters: period counters grouped by hash, rolling
 * counters by head hash (a counter twice in the call has one head and bucket hash, and is checked
 * and reserved twice). A head hash's newest bucket is the one its counters reserve in (`buckets`).
 */
export function planReserve(counters: readonly Counter[], at: CounterAddresses): ReservePlan {
  const n = counters.length;
  const periodKeys: string[] = [];
  const periodMembers: number[][] = [];
  const headKeys: string[] = [];
  const headFields: string[][] = [];
  const headBucketKeys: string[][] = [];
  const headWindows: RollingWindow[] = [];
  const bucketFrom: number[] = [];
  /** Per rolling counter: its head hash, and its place among that hash's heads. */
  const headOf = new Array<number>(n);
  const placeOf = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const key = at.keys[i]!;
    const window = at.windows[i]!;
    if (window === null) {
      const p = periodKeys.indexOf(key);
      if (p >= 0) periodMembers[p]!.push(i);
      else {
        periodKeys.push(key);
        periodMembers.push([i]);
      }
      continue;
    }
    let h = headKeys.indexOf(key);
    if (h < 0) {
      h = headKeys.push(key) - 1;
      headFields.push([]);
      headBucketKeys.push([]);
      headWindows.push(window);
      bucketFrom.push(i);
    }
    const fields = headFields[h]!;
    let x = fields.indexOf(at.fields[i]!);
    if (x < 0) {
      x = fields.push(at.fields[i]!) - 1;
      headBucketKeys[h]!.push(at.bucketKeys[i]!);
    }
    headOf[i] = h;
    placeOf[i] = x;
  }
  const order: number[] = [];
  const fields: string[] = [];
  const limitAt = new Array<number>(n);
  const amountAt = new Array<number>(n);
  const bucketAt: number[] = [];
  const numbers: number[] = [periodKeys.length, headKeys.length];
  for (const members of periodMembers) {
    numbers.push(members.length);
    for (const i of members) {
      fields.push(at.fields[i]!);
      limitAt[i] = numbers.push(0) - 1;
    }
    for (const i of members) {
      amountAt[i] = numbers.push(0) - 1;
      order.push(i);
    }
  }
  // Rolling counters are numbered over the head hashes, 1 on: the second hash's after the first's.
  const firstNumber = new Array<number>(headKeys.length);
  for (let h = 0, number = 1; h < headKeys.length; h++) {
    const heads = headFields[h]!;
    const { bucketsPerSpan, spanSeconds } = WINDOW_ARGS[headWindows[h]!];
    bucketAt.push(numbers.push(0) - 1);
    numbers.push(bucketsPerSpan, spanSeconds, heads.length);
    for (const field of heads) fields.push(field);
    firstNumber[h] = number;
    number += heads.length;
  }
  for (let i = 0; i < n; i++) {
    if (at.windows[i] === null) continue;
    numbers.push(firstNumber[headOf[i]!]! + placeOf[i]!);
    limitAt[i] = numbers.push(0) - 1;
    amountAt[i] = numbers.push(0) - 1;
    order.push(i);
  }
  const keys = periodKeys;
  for (const key of headKeys) keys.push(key);
  for (const bucketKeys of headBucketKeys) for (const key of bucketKeys) keys.push(key);
  return { keys, fields, order, numbers, limitAt, amountAt, bucketAt, bucketFrom };
}

/** A reserve's outcome without its reservation (the store adds that). */
export type ReserveReply = { kind: 'admitted'; usage: bigint[] } | Exclude<ReserveOutcome, { kind: 'admitted' }>;

const ADMITTED = 0;
const REFUSED = 1;
const MISSING = 2;

/** reserve.lua's reply (its numbers, packed as doubles), in counter order (`order` from encodeReserve); throws on a reply of any other shape. */
export function decodeReserveReply(packed: unknown, order: readonly number[]): ReserveReply {
  const n = order.length;
  if (!Buffer.isBuffer(packed) || packed.length === 0 || packed.length % 8) throw badReply('reserve', packed);
  const reply = new Array<number>(packed.length / 8);
  for (let j = 0; j < reply.length; j++) reply[j] = packed.readDoubleLE(8 * j);
  if (!reply.every(Number.isSafeInteger)) throw badReply('reserve', reply);
  const position = (p: number) => {
    if (p < 0 || p >= n) throw badReply('reserve', reply);
    return order[p]!;
  };
  const status = reply[0];
  if (status === MISSING) {
    if (reply.length < 2) throw badReply('reserve', reply);
    const indices = new Array<number>(reply.length - 1);
    for (let j = 1; j < reply.length; j++) indices[j - 1] = position(reply[j]!);
    return { kind: 'missing', indices: indices.sort((x, y) => x - y) };
  }
  const from = status === REFUSED ? 2 : 1;
  if ((status !== ADMITTED && status !== REFUSED) || reply.length !== from + n) throw badReply('reserve', reply);
  const usage = new Array<bigint>(n);
  for (let p = 0; p < n; p++) usage[order[p]!] = BigInt(reply[from + p]!);
  return status === REFUSED ? { kind: 'refused', index: position(reply[1]!), usage } : { kind: 'admitted', usage };
}

/** A usage event for settle.lua to append to its organization's stream: XADD <stream> * <field> <value>. */
export interface StreamEntry {
  stream: string;
  field: string;
  value: string;
}

/**
 * settle.lua's KEYS and ARGV: the counters whose amount changed (`deltas`, in counter order), by
 * hash; the same field twice in a hash (a counter twice in the call) once, with the deltas summed;
 * and `entry`, if any, to append in the same step. null when no amount changed and there is no
 * entry (no settle is sent).
 */
export function encodeSettle(at: CounterAddresses, deltas: readonly bigint[], entry?: StreamEntry): ScriptArgs | null {
  const plan = planSettle(
    at,
    deltas.map((d) => d !== 0n),
    entry?.stream ?? null,
  );
  if (!plan) return null;
  const args: Array<string | Buffer> = [settleNumbers(plan, deltas, at.buckets), ...plan.fields];
  if (entry) args.push(entry.field, entry.value);
  return { keys: plan.keys, args };
}

/**
 * A settle's arguments for every call of one shape (see ReservePlan) whose changed counters are
 * the same, worked out once: KEYS (with `stream`, if any, last), the fields after the numbers, and
 * the numbers with each call's own still to fill in: by counter, where its delta is added (sumAt,
 * -1 when unchanged) and where its bucket goes (bucketAt, -1 for none). null when nothing changed
 * and there is no stream.
 */
export interface SettlePlan {
  keys: string[];
  fields: string[];
  numbers: number[];
  sumAt: number[];
  bucketAt: number[];
}

export function planSettle(at: Omit<CounterAddresses, 'buckets'>, changed: readonly boolean[], stream: string | null): SettlePlan | null {
  const n = changed.length;
  const periodKeys: string[] = [];
  const periodMembers: number[][] = [];
  const headKeys: string[] = [];
  const headMembers: number[][] = [];
  /** Per changed counter: the member it is sent as (itself, or the counter with its field in its hash). */
  const memberOf = new Array<number>(n).fill(-1);
  const join = (keys: string[], members: number[][], i: number) => {
    const h = keys.indexOf(at.keys[i]!);
    if (h < 0) return void (keys.push(at.keys[i]!), members.push([i]), (memberOf[i] = i));
    for (const m of members[h]!) if (at.fields[m] === at.fields[i]) return void (memberOf[i] = m);
    members[h]!.push(i);
    memberOf[i] = i;
  };
  for (let i = 0; i < n; i++) {
    if (!changed[i]) continue;
    if (at.windows[i] === null) join(periodKeys, periodMembers, i);
    else join(headKeys, headMembers, i);
  }
  if (!periodKeys.length && !headKeys.length && stream === null) return null;
  const keys = [...periodKeys, ...headKeys];
  const fields: string[] = [];
  const slotOf = new Array<number>(n).fill(-1);
  const bucketAt = new Array<number>(n).fill(-1);
  const numbers: number[] = [periodKeys.length];
  for (const members of periodMembers) {
    numbers.push(members.length);
    for (const i of members) {
      fields.push(at.fields[i]!);
      slotOf[i] = numbers.push(0) - 1;
    }
  }
  numbers.push(headKeys.length);
  for (const members of headMembers) {
    numbers.push(WINDOW_ARGS[at.windows[members[0]!]!].bucketsPerSpan, members.length);
    for (const i of members) {
      fields.push(at.fields[i]!);
      keys.push(at.bucketKeys[i]!);
      bucketAt[i] = numbers.push(0) - 1;
    }
    for (const i of members) slotOf[i] = numbers.push(0) - 1;
  }
  if (stream !== null) keys.push(stream);
  return { keys, fields, numbers, sumAt: memberOf.map((m) => (m < 0 ? -1 : slotOf[m]!)), bucketAt };
}

/** A call's numbers for settle.lua (ARGV[1]): the plan's, with the call's deltas (summed per field) and buckets. */
export function settleNumbers(plan: SettlePlan, deltas: readonly bigint[], buckets: readonly number[]): Buffer {
  const numbers = plan.numbers.slice();
  for (let i = 0; i < deltas.length; i++) {
    const sum = plan.sumAt[i]!;
    if (sum >= 0) numbers[sum] = numbers[sum]! + Number(deltas[i]!);
    if (plan.bucketAt[i]! >= 0) numbers[plan.bucketAt[i]!] = buckets[i]!;
  }
  return packDoubles(numbers);
}

/** seed.lua's KEYS and ARGV: `values` as field, value pairs, the first one the guard (set unless held); ttlSeconds 0: no expiry. */
export function encodeSeed(periodKey: string, ttlSeconds: number, values: ReadonlyArray<readonly [field: string, value: bigint]>): ScriptArgs {
  if (!values.length) throw new RangeError('seed: no field to set');
  if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds < 0) throw new RangeError(`seed: bad TTL ${ttlSeconds}`);
  const args = [String(ttlSeconds)];
  for (const [field, value] of values) args.push(field, value.toString());
  return { keys: [periodKey], args };
}

/** compare-and-add.lua's KEYS and ARGV. */
export function encodeCompareAndAdd(
  periodKey: string,
  guard: { field: string; expected: bigint; next: bigint },
  add: { field: string; delta: bigint },
): ScriptArgs {
  return { keys: [periodKey], args: [guard.field, guard.expected.toString(), guard.next.toString(), add.field, add.delta.toString()] };
}

/** seed.lua's reply: whether it set the counters (false: held already). */
export const decodeSeedReply = (reply: unknown): boolean => decodeFlag('seed', reply);

/** compare-and-add.lua's reply: whether it moved the guard and added. */
export const decodeCompareAndAddReply = (reply: unknown): boolean => decodeFlag('compare-and-add', reply);

/** settle.lua's reply: 0. */
export function decodeSettleReply(reply: unknown): void {
  if (reply !== 0) throw badReply('settle', reply);
}

function decodeFlag(script: string, reply: unknown): boolean {
  if (reply !== 0 && reply !== 1) throw badReply(script, reply);
  return reply === 1;
}

function badReply(script: string, reply: unknown): Error {
  return new Error(`${script} script: unexpected reply ${JSON.stringify(reply)?.slice(0, 200)}`);
}
