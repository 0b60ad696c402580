import { createRedisClient, redisReady, type RedisClient, type RedisClientLogger } from '@tollgate/db';
import { countedBuckets } from '@tollgate/domain';
import { Cluster, type Command } from 'ioredis';
import { CONSUMER_GROUP, ENTRY_FIELD, STREAM_REGISTRY } from '../usage/usage-stream';
import { isFixed, type Counter, type LimitStore, type Reservation, type ReserveOutcome, type UsageJournal } from './limit-store';
import {
  countArg,
  decodeCompareAndAddReply,
  decodeReserveReply,
  decodeSeedReply,
  decodeSettleReply,
  encodeCompareAndAdd,
  planReserve,
  reserveNumbers,
  encodeSeed,
  planSettle,
  settleNumbers,
  type CounterAddresses,
  type ReservePlan,
  type SettlePlan,
  type ScriptArgs,
} from './redis/codec';
import { corkForThisTurn } from './redis/cork';
import { FlatCommand, frameArgs, FramedCommand, frameCommand, type CommandFrame } from './redis/flat-command';
import { SCRIPTS, type Script } from './redis/scripts';

/*
 * One script per step, so a call costs two round trips: reserve, settle (none
 * when no amount changes). The scripts are in ./redis/lua, one .lua file each,
 * with their arguments and replies in their headers; ./redis/codec.ts encodes
 * the arguments and decodes the replies. Every key carries the organization as
 * hash tag, so all keys of a call are in one slot (Redis Cluster).
 *
 * Rolling counters: the heads of a group's counters of one window share a
 * hash, `tg:{<group>}:m` (minute) or `tg:{<group>}:h` (hour), a field per
 * counter, `<counter key>|`: four little-endian doubles (struct.pack '<dddd'),
 * base, sum (of every bucket >= base, later ones included, see
 * countedBuckets), and newest, newestAmount (the newest bucket and its amount).
 * A check reads a window's heads with one HMGET (the caller names the fields)
 * and writes them back with one HSET, with no number of theirs parsed or
 * printed: in a script such conversions (strtod, printf), and field names
 * made per value, cost more than the commands. A counter's other buckets are
 * in its own hash, `tg:{<group>}:m:<counter key>` (or `h:`), bucket → amount,
 * only ever from base - 60 (the buckets per span) to newest (excluded), a
 * compact listpack (one hash for every counter's buckets would be a hashtable,
 * several times the memory). They are touched when the newest bucket changes
 * (at most once a second for a minute, once a minute for an hour): the old
 * newest one is stored, and base moves up to the caller's first counted bucket
 * (the buckets leaving are subtracted from sum, those a span before it
 * deleted). A caller whose clock runs behind adds the buckets between its
 * first one and base, and reserves in its own bucket (unless it is a span
 * before base: dropped already, as a settle into it is).
 *
 * Expiry: a head hash lives two spans from the last change of newest bucket
 * of any of its counters; a bucket hash three from the last bucket stored in
 * it, so it outlives the head's need of it by a span (clock skew). A counter
 * whose newest bucket is a span before its first counts nothing any more: it
 * starts over (sum 0, its bucket hash deleted unread). One no call uses any
 * more (a deleted key or project) is swept: the head hash's field `t` holds
 * the bucket of its last sweep, and a reserve a span later deletes the heads,
 * but its own, whose newest bucket is two spans before its first (as a
 * counter's own TTL would); their bucket hashes expire. A counter without a
 * head is new: a bucket hash left from before is deleted.
 *
 * Fixed counters: one hash per window and period, `tg:{<group>}:d@<period>`
 * (day) or `M@<period>` (month), a field per counter (its key), expiring a
 * day after the period: one HMGET reads all of a period's counters of a call.
 * The wallet's counters are in `tg:{<group>}:w`, which never expires.
 *
 * Usage stream: `tg:{<group>}:events` (see ../usage/usage-stream.ts), in the group's slot, so the
 * settle script appends a call's event in the same step as its settle. Before its first append a
 * process makes the stream's consumer group and registers the stream (`tg:usage-streams`, another
 * slot, hence not in the script): once per group and process, one round trip.
 *
 * The scripts read each period and head hash once (HMGET), work out the new
 * values and write each once (HSET), rather than a command per field, and the
 * arguments come grouped the way the scripts use them: on this scale Redis's
 * time goes on the script's own steps (each command called, each Lua table
 * and string made, each number parsed or printed) and on scanning large
 * hashes, not on the commands themselves. The arithmetic is Lua's (doubles),
 * as the checks always were: exact up to 2^53 (9e15, e.g. $9 billion in
 * micro-dollars; a head's doubles hold the same); Redis writes such numbers
 * as integers.
 */

/** Longest a limit check (or settle, or seed) waits on Redis before the store counts as unavailable. */
const COMMAND_TIMEOUT_MS = 2_000;

/** Where each counter of the call is (see CounterAddresses), and the amount reserved in it. */
interface RedisReservation extends Reservation, CounterAddresses {
  shape: Shape;
  amounts: bigint[];
}

/** A reserve's shape (see shapeOf): the counters' addresses but the buckets, the script's plan, and the frame of its EVALSHA. */
interface Shape {
  /** Its settles, by the counters they change and whether they append (see settleWith). */
  settles: Map<number, SettleShape | null>;
  counterKeys: string[];
  periodIds: Array<string | undefined>;
  at: Omit<CounterAddresses, 'buckets'>;
  plan: ReservePlan;
  frame: CommandFrame;
}

/** A settle's plan and the frame of its EVALSHA. */
interface SettleShape {
  plan: SettlePlan;
  frame: CommandFrame;
}

/** Redis key names of one group, made once (the same string objects for every call). */
interface Names {
  /** The rolling counters' head hashes, one per window, and by counter key its head field and bucket hash. */
  minute: string;
  hour: string;
  rolling: Map<string, { head: string; buckets: string }>;
  day: Map<string, string>;
  month: Map<string, string>;
  /** The wallet's hash (it has one period, forever). */
  wallet: string;
  /** The group's usage stream. */
  events: string;
  /** The shapes of its last calls, the latest first. */
  recentShapes: Shape[];
}

/** Shapes a group's calls are matched against before the signature is made: an organization's keys and projects at once, mostly. */
const RECENT_SHAPES = 8;

/** settle.lua's EVALSHA for a plan, its entry (field, then the call's value) last when it appends one. */
function settleFrame(plan: SettlePlan, appends: boolean): CommandFrame {
  const head = [SCRIPTS.settle.sha, countArg(plan.keys.length), ...plan.keys];
  return frameCommand('evalsha', head, 8 * plan.numbers.length, appends ? [...plan.fields, ENTRY_FIELD] : plan.fields, appends);
}

function fits(shape: Shape, counters: readonly Counter[]): boolean {
  if (shape.counterKeys.length !== counters.length) return false;
  for (let i = 0; i < counters.length; i++) if (counters[i]!.key !== shape.counterKeys[i] || counters[i]!.periodId !== shape.periodIds[i]) return false;
  return true;
}

export class RedisLimitStore implements LimitStore, UsageJournal {
  private readonly redis: RedisClient;
  private readonly names = new Map<string, Names>();
  private readonly shapes = new Map<string, Shape>();
  /** Groups whose stream this process registered (group made, stream in the registry), and those being registered. */
  private readonly registered = new Set<string>();
  private readonly registering = new Map<string, Promise<void>>();

  constructor(url: string, logger?: RedisClientLogger) {
    const redis = createRedisClient(
      url,
      {
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        lazyConnect: false,
        // A Redis that goes silent (a partition drops packets, no FIN or RST), or a connection cut while a
        // command is in flight (ioredis keeps such commands for the next connection and never fails them),
        // would otherwise hold the call until Redis is back: fail it instead, so it is refused (503) or, for
        // rate limits set to fail open, admitted.
        commandTimeout: COMMAND_TIMEOUT_MS,
        // ...and never replay such a command on the next connection: its caller has its answer already, and a
        // replayed reserve would charge a call that was refused.
        autoResendUnfulfilledCommands: false,
      },
      logger,
    );
    redis.on('error', () => undefined); // surfaced by the failing call, and retried by the client
    this.redis = redis;
  }

  ready(): Promise<void> {
    return redisReady(this.redis);
  }

  /** Runs a script: EVALSHA, then EVAL if Redis does not have it (ioredis's defineCommand, with the arguments flat: see FlatCommand). */
  private async run(script: Script, { keys, args }: ScriptArgs): Promise<unknown> {
    const argv = new Array<string | Buffer>(2 + keys.length + args.length);
    argv[0] = script.sha;
    argv[1] = countArg(keys.length);
    for (let i = 0; i < keys.length; i++) argv[2 + i] = keys[i]!;
    for (let i = 0, at = 2 + keys.length; i < args.length; i++) argv[at + i] = args[i]!;
    try {
      return await this.send('evalsha', argv);
    } catch (err) {
      if (!(err as Error).message?.includes('NOSCRIPT')) throw err;
      argv[0] = script.lua;
      return this.send('eval', argv);
    }
  }

  /** A planned script call (its frame: see frameCommand): EVALSHA, then EVAL with the same arguments if Redis does not have the script. */
  private async runFramed(script: Script, frame: CommandFrame, numbers: Buffer, last = ''): Promise<unknown> {
    try {
      return await this.sendCommand(new FramedCommand(frame, numbers, last));
    } catch (err) {
      if (!(err as Error).message?.includes('NOSCRIPT')) throw err;
      const argv = frameArgs(frame, numbers, last);
      argv[0] = script.lua;
      return this.sendCommand(new FlatCommand('eval', argv, null));
    }
  }

  private send(name: string, argv: Array<string | Buffer>): Promise<unknown> {
    return this.sendCommand(new FlatCommand(name, argv));
  }

  private sendCommand(command: Command): Promise<unknown> {
    // A cluster writes each command to its slot's primary: every primary's socket is corked alike.
    if (this.redis instanceof Cluster) for (const node of this.redis.nodes('master')) corkForThisTurn(node);
    else corkForThisTurn(this.redis);
    return this.redis.sendCommand(command) as Promise<unknown>;
  }

  private namesOf(group: string): Names {
    let names = this.names.get(group);
    if (!names) {
      if (this.names.size >= 10_000) this.names.clear();
      const prefix = `tg:{${group}}:`;
      names = {
        minute: flat(`${prefix}m`),
        hour: flat(`${prefix}h`),
        rolling: new Map(),
        day: new Map(),
        month: new Map(),
        wallet: flat(`${prefix}w`),
        events: flat(`${prefix}events`),
        recentShapes: [],
      };
      this.names.set(group, names);
    }
    return names;
  }

  /** The counter's Redis key: its window's head hash (rolling; see rollingOf), or its period's (fixed; the field is the counter key). */
  private keyOf(group: string, names: Names, c: Counter): string {
    if (c.window === 'minute') return names.minute;
    if (c.window === 'hour') return names.hour;
    if (c.window === 'wallet') return names.wallet;
    const periods = c.window === 'day' ? names.day : names.month;
    let key = periods.get(c.periodId!);
    if (key === undefined) {
      if (periods.size >= 16) periods.clear();
      periods.set(c.periodId!, (key = flat(`tg:{${group}}:${c.window === 'day' ? 'd' : 'M'}@${c.periodId}`)));
    }
    return key;
  }

  /** A rolling counter's field in its head hash, and its bucket hash (see the top of this file). */
  private rollingOf(group: string, names: Names, c: Counter): { head: string; buckets: string } {
    let found = names.rolling.get(c.key);
    if (found === undefined) {
      if (names.rolling.size >= 10_000) names.rolling.clear();
      found = { head: flat(`${c.key}|`), buckets: flat(`tg:{${group}}:${c.window === 'minute' ? 'm' : 'h'}:${c.key}`) };
      names.rolling.set(c.key, found);
    }
    return found;
  }

  async reserve(group: string, counters: Counter[], nowMs: number): Promise<ReserveOutcome> {
    const shape = this.shapeOf(group, counters);
    const n = counters.length;
    const minuteBucket = countedBuckets('minute', nowMs).last;
    const hourBucket = countedBuckets('hour', nowMs).last;
    const buckets = new Array<number>(n);
    const amounts = new Array<bigint>(n);
    for (let i = 0; i < n; i++) {
      const window = shape.at.windows[i];
      buckets[i] = window === null ? 0 : window === 'minute' ? minuteBucket : hourBucket;
      amounts[i] = counters[i]!.amount;
    }
    const reservation: RedisReservation = { group, shape, ...shape.at, buckets, amounts };
    const numbers = reserveNumbers(shape.plan, counters, buckets);
    const outcome = decodeReserveReply(await this.runFramed(SCRIPTS.reserve, shape.frame, numbers), shape.plan.order);
    return outcome.kind === 'admitted' ? { kind: 'admitted', reservation, usage: outcome.usage } : outcome;
  }

  /**
   * The reserve of every call with these counters in this group, worked out once: where each
   * counter is (every call's reservation shares these arrays), the script's plan and its command's
   * frame. Known by the group and each counter's key and period: the group's last few shapes are
   * matched by those strings (the limiter's own objects, so mostly compared by identity), the
   * others looked up by a signature made of them.
   */
  private shapeOf(group: string, counters: readonly Counter[]): Shape {
    const names = this.namesOf(group);
    for (const shape of names.recentShapes) if (fits(shape, counters)) return shape;
    let signature = group;
    for (const c of counters) signature += `|${c.key.length}:${c.key}@${c.periodId ?? ''}`;
    let shape = this.shapes.get(signature);
    if (shape === undefined) {
      if (this.shapes.size >= 10_000) this.shapes.clear();
      shape = this.planShape(group, counters);
      this.shapes.set(signature, shape);
    }
    if (names.recentShapes.unshift(shape) > RECENT_SHAPES) names.recentShapes.pop();
    return shape;
  }

  private planShape(group: string, counters: readonly Counter[]): Shape {
    const names = this.namesOf(group);
    const n = counters.length;
    const at: Shape['at'] = { keys: new Array(n), fields: new Array(n), windows: new Array(n), bucketKeys: new Array(n) };
    for (let i = 0; i < n; i++) {
      const c = counters[i]!;
      at.keys[i] = this.keyOf(group, names, c);
      if (isFixed(c.window)) {
        at.fields[i] = c.key;
        at.windows[i] = null;
        at.bucketKeys[i] = '';
      } else {
        const { head, buckets } = this.rollingOf(group, names, c);
        at.fields[i] = head;
        at.windows[i] = c.window === 'minute' ? 'minute' : 'hour';
        at.bucketKeys[i] = buckets;
      }
    }
    const plan = planReserve(counters, { ...at, buckets: new Array<number>(n).fill(0) });
    const frame = frameCommand('evalsha', [SCRIPTS.reserve.sha, countArg(plan.keys.length), ...plan.keys], 8 * plan.numbers.length, plan.fields);
    return { settles: new Map(), counterKeys: counters.map((c) => c.key), periodIds: counters.map((c) => c.periodId), at, plan, frame };
  }

  settle(reservation: Reservation, actual: bigint[]): Promise<void> {
    return this.settleWith(reservation, actual, null);
  }

  async settleAndAppend(reservation: Reservation, actual: bigint[], entry: string): Promise<void> {
    const names = this.namesOf(reservation.group);
    if (!this.registered.has(reservation.group)) await this.register(reservation.group, names.events);
    await this.settleWith(reservation, actual, names.events, entry);
  }

  async append(group: string, entry: string): Promise<void> {
    const names = this.namesOf(group);
    if (!this.registered.has(group)) await this.register(group, names.events);
    await this.send('xadd', [names.events, '*', ENTRY_FIELD, entry]);
  }

  private async settleWith(reservation: Reservation, actual: bigint[], stream: string | null, entry = ''): Promise<void> {
    const r = reservation as RedisReservation;
    const n = r.amounts.length;
    const deltas = new Array<bigint>(n);
    let changes = stream === null ? 0 : 1; // bit 0: the entry; bit i + 1: counter i changed
    for (let i = 0; i < n; i++) if ((deltas[i] = actual[i]! - r.amounts[i]!) !== 0n) changes += 2 ** (i + 1);
    const settle = this.settleShapeOf(r.shape, changes, deltas, stream);
    if (!settle) return;
    decodeSettleReply(await this.runFramed(SCRIPTS.settle, settle.frame, settleNumbers(settle.plan, deltas, r.buckets), entry));
  }

  /** The settle of a shape's calls that change the same counters (`changes`, a bit each) and append or not: planned once; null when nothing is sent. */
  private settleShapeOf(shape: Shape, changes: number, deltas: bigint[], stream: string | null): SettleShape | null {
    let settle = shape.settles.get(changes);
    if (settle === undefined) {
      const plan = planSettle(
        shape.at,
        deltas.map((d) => d !== 0n),
        stream,
      );
      settle = plan && { plan, frame: settleFrame(plan, stream !== null) };
      if (shape.settles.size >= 64) shape.settles.clear();
      if (Number.isSafeInteger(changes)) shape.settles.set(changes, settle);
    }
    return settle;
  }

  /** The group's consumer group (reading from the stream's start: nothing appended before it is missed), then the registry entry; one round trip. */
  private register(group: string, stream: string): Promise<void> {
    let registering = this.registering.get(group);
    if (!registering) {
      const created = this.send('xgroup', ['CREATE', stream, CONSUMER_GROUP, '0', 'MKSTREAM']).catch((err: Error) => {
        if (!err.message.includes('BUSYGROUP')) throw err;
      });
      registering = Promise.all([created, this.send('sadd', [STREAM_REGISTRY, stream])])
        .then(() => {
          if (this.registered.size >= 100_000) this.registered.clear();
          this.registered.add(group);
        })
        .finally(() => this.registering.delete(group));
      this.registering.set(group, registering);
    }
    return registering;
  }

  async seed(group: string, counter: Counter, value: bigint, withCounters: Array<[Counter, bigint]> = []): Promise<void> {
    // Wallet counters never expire (money must not be forgotten); limits' a day after their period.
    const ttl = counter.window === 'wallet' ? 0 : Math.max(60, Math.ceil(((counter.expiresAtMs ?? Date.now() + 86_400_000) - Date.now()) / 1000));
    const values: Array<[string, bigint]> = [[counter.key, value]];
    for (const [c, v] of withCounters) values.push([c.key, v]);
    decodeSeedReply(await this.run(SCRIPTS.seed, encodeSeed(this.keyOf(group, this.namesOf(group), counter), ttl, values)));
  }

  async read(group: string, counters: Counter[]): Promise<Array<bigint | null>> {
    const names = this.namesOf(group);
    return Promise.all(
      counters.map(async (c) => {
        const value = (await this.send('hget', [this.keyOf(group, names, c), c.key])) as string | null;
        return value === null ? null : BigInt(value);
      }),
    );
  }

  async compareAndAdd(group: string, guard: Counter, expected: bigint, next: bigint, counter: Counter, delta: bigint): Promise<boolean> {
    const key = this.keyOf(group, this.namesOf(group), guard);
    const call = encodeCompareAndAdd(key, { field: guard.key, expected, next }, { field: counter.key, delta });
    return decodeCompareAndAddReply(await this.run(SCRIPTS.compareAndAdd, call));
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

/** A flat (not concatenated) copy of a string: hashed and written without flattening it again on every use. */
function flat(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}
