import { countedBuckets } from '@tollgate/domain';
import { Command, Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { isFixed, type Counter, type LimitStore, type Reservation, type ReserveOutcome } from './limit-store';

/*
 * One script per step, so a call costs two round trips: reserve, settle (none
 * when no amount changes). Every key carries the organization as hash tag, so
 * all keys of a call are in one slot (Redis Cluster).
 *
 * Rolling counter: one hash, `tg:{<group>}:<counter key>`. Its first fields
 * (made with it, so a hash stored as a listpack finds them without a scan)
 * are a running total and the newest bucket: `s`, the sum of every bucket >=
 * `b` (later ones included, see countedBuckets), and `c`, `v`: the newest
 * bucket and its amount; the other buckets follow as bucket → amount. A check
 * reads those four fields, whatever the number of buckets, and writes `s` and
 * `v` back. The buckets are touched when the newest bucket changes (at most
 * once a second for a minute, once a minute for an hour): the old newest one
 * is stored, `b` moves up to the caller's first counted bucket (the buckets
 * leaving are subtracted from `s`, those a span before it deleted), and the
 * TTL (two spans) is renewed. A caller whose clock runs behind adds the
 * buckets between its first one and `b`, and reserves in its own bucket.
 *
 * Fixed counters: one hash per window and period, `tg:{<group>}:d@<period>`
 * (day) or `M@<period>` (month), a field per counter (its key), expiring a
 * day after the period: one HMGET reads all of a period's counters of a call.
 *
 * The scripts read each key once (HMGET), work out the new values and write
 * each key once (HSET), rather than a command per field, and the arguments
 * come grouped the way the scripts use them: on this scale Redis's time goes
 * on the script's own steps (each command called, each Lua table and string
 * made) and on scanning large hashes, not on the commands themselves. The
 * arithmetic is Lua's (doubles), as the checks always were: exact up to 2^53
 * (9e15, e.g. $9 billion in micro-dollars); Redis writes such numbers as
 * integers.
 *
 * reserve: KEYS: the F period hashes, then the R rolling counters' hashes
 * (each once). ARGV: the last (current) minute
 * and hour buckets, F, R; per period hash: its number of counters c, their c
 * fields, c limits ("" = none) and c amounts; the R rolling counters' windows
 * ("m" or "h"); then per rolling counter in the call: its number (1 to R),
 * limit and amount. Counters are numbered in that order ("script order"):
 * replies {0, usage...} admitted, {1, index, usage...} refused, {2,
 * indices...} missing (0-based).
 */
const RESERVE = `
local lastM, lastH, F, R = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local usage, u, missing = {}, 0, nil
local a = 5
for j = 1, F do
  local c = tonumber(ARGV[a])
  local v = redis.call('HMGET', KEYS[j], unpack(ARGV, a + 1, a + c))
  for x = 1, c do
    u = u + 1
    if v[x] then usage[u] = tonumber(v[x]) else missing = missing or {}; missing[#missing + 1] = u - 1 end
  end
  a = a + 1 + 3 * c
end
if missing then return {2, unpack(missing)} end

-- The sum of the buckets lo <= j < hi: the newest (c) is v, the others are fields.
local function between(H, lo, hi, c, cur)
  local total = 0
  if c and c >= lo and c < hi then total = cur end
  if hi - lo <= 120 then
    local names = {}
    for j = lo, hi - 1 do if j ~= c then names[#names + 1] = j end end
    if #names == 0 then return total end
    local values = redis.call('HMGET', H, unpack(names))
    for j = 1, #values do if values[j] then total = total + tonumber(values[j]) end end
  else
    local all = redis.call('HGETALL', H)
    for j = 1, #all, 2 do
      local bucket = tonumber(all[j])
      if bucket and bucket >= lo and bucket < hi then total = total + tonumber(all[j + 1]) end
    end
  end
  return total
end

local kinds = a
local bs, ss, cs, vs, moved, use = {}, {}, {}, {}, {}, {}
for r = 1, R do
  local H = KEYS[F + r]
  local last = ARGV[kinds + r - 1] == 'm' and lastM or lastH
  local first = last - 60
  local v = redis.call('HMGET', H, 'b', 's', 'c', 'v')
  local b, s, c, cur = tonumber(v[1]), tonumber(v[2]) or 0, tonumber(v[3]) or false, tonumber(v[4]) or 0
  if not b then
    -- New (or its head gone): whatever buckets are left are nobody's any more.
    if redis.call('EXISTS', H) == 1 then redis.call('DEL', H) end
  elseif first > b then
    s = s - between(H, b, first, c, cur)
    local old = {}
    if first - b <= 120 then
      for j = b - 60, first - 61 do old[#old + 1] = j end
    else
      local names = redis.call('HKEYS', H)
      for j = 1, #names do
        local bucket = tonumber(names[j])
        if bucket and bucket < first - 60 then old[#old + 1] = names[j] end
      end
    end
    if #old > 0 then redis.call('HDEL', H, unpack(old)) end
    b, moved[r] = first, true
  end
  local total = 0
  if b then
    total = s
    -- Behind the callers ahead: their buckets count too (see countedBuckets).
    if first < b then total = total + between(H, first, b, c, cur) end
  end
  bs[r], ss[r], cs[r], vs[r], use[r] = b or false, s, c, cur, total
end
local entries = kinds + R
for x = entries, #ARGV, 3 do
  u = u + 1
  usage[u] = use[tonumber(ARGV[x])]
end

local function refuse(index)
  -- Nothing reserved; only a moved b is kept (the buckets it dropped are gone).
  for r = 1, R do
    if moved[r] then redis.call('HSET', KEYS[F + r], 'b', bs[r], 's', ss[r]) end
  end
  return {1, index - 1, unpack(usage)}
end
u, a = 0, 5
for j = 1, F do
  local c = tonumber(ARGV[a])
  for x = 1, c do
    u = u + 1
    local limit = ARGV[a + c + x]
    if limit ~= '' and usage[u] + tonumber(ARGV[a + 2 * c + x]) > tonumber(limit) then return refuse(u) end
  end
  a = a + 1 + 3 * c
end
for x = entries, #ARGV, 3 do
  u = u + 1
  local limit = ARGV[x + 1]
  if limit ~= '' and usage[u] + tonumber(ARGV[x + 2]) > tonumber(limit) then return refuse(u) end
end

u, a = 0, 5
for j = 1, F do
  local c = tonumber(ARGV[a])
  local values, set = {}, {}
  for x = 1, c do
    local field = ARGV[a + x]
    local before = values[field]
    if not before then before = usage[u + x]; set[#set + 1] = field; set[#set + 1] = false end
    values[field] = before + tonumber(ARGV[a + 2 * c + x])
  end
  for i = 1, #set, 2 do set[i + 1] = values[set[i]] end
  redis.call('HSET', KEYS[j], unpack(set))
  u = u + c
  a = a + 1 + 3 * c
end
local renew = {}
for x = entries, #ARGV, 3 do
  local r, amount = tonumber(ARGV[x]), tonumber(ARGV[x + 2])
  local m = ARGV[kinds + r - 1] == 'm'
  local last = m and lastM or lastH
  local H = KEYS[F + r]
  if not bs[r] then bs[r], ss[r], moved[r] = last - 60, 0, true end
  local c = cs[r]
  if c and last > c and c >= bs[r] - 60 then
    -- A newer bucket: the newest one so far becomes a field like the others (unless it is a span before b: dropped).
    redis.call('HSET', H, c, vs[r])
  end
  if not c or last > c then
    cs[r], vs[r], c, renew[r] = last, 0, last, m and 120 or 7200
  end
  if last == c then
    vs[r] = vs[r] + amount
  else
    redis.call('HINCRBY', H, last, amount)
  end
  if last >= bs[r] then ss[r] = ss[r] + amount end
end
for r = 1, R do
  local H = KEYS[F + r]
  if renew[r] or moved[r] then redis.call('HSET', H, 'b', bs[r], 's', ss[r], 'c', cs[r], 'v', vs[r])
  elseif cs[r] then redis.call('HSET', H, 's', ss[r], 'v', vs[r]) end
  -- A new newest bucket: the counter lives on for two spans from it.
  if renew[r] then redis.call('EXPIRE', H, renew[r]) end
end
return {0, unpack(usage)}
`;

/*
 * settle: KEYS: the F period hashes, then the hash of each rolling counter
 * whose amount changed. ARGV: F; per period hash: its number of
 * fields c, the c fields and their c deltas; then per rolling counter its
 * bucket and delta. What vanished meanwhile (expired, flushed) is left alone:
 * a fixed counter is left to its rebuild, and a rolling one took the reserved
 * bucket with it (so did the deletion of buckets a span before b).
 */
const SETTLE = `
local F = tonumber(ARGV[1])
local a = 2
for j = 1, F do
  local c = tonumber(ARGV[a])
  local v = redis.call('HMGET', KEYS[j], unpack(ARGV, a + 1, a + c))
  local set = {}
  for x = 1, c do
    if v[x] then set[#set + 1] = ARGV[a + x]; set[#set + 1] = tonumber(v[x]) + tonumber(ARGV[a + c + x]) end
  end
  if #set > 0 then redis.call('HSET', KEYS[j], unpack(set)) end
  a = a + 1 + 2 * c
end
local k = F
for x = a, #ARGV, 2 do
  k = k + 1
  local H = KEYS[k]
  local bucket, delta = tonumber(ARGV[x]), tonumber(ARGV[x + 1])
  local v = redis.call('HMGET', H, 'b', 's', 'c', 'v')
  local b, s, c = tonumber(v[1]), tonumber(v[2]), tonumber(v[3])
  if b and bucket == c then
    redis.call('HSET', H, 'v', tonumber(v[4]) + delta, 's', bucket >= b and s + delta or s)
  elseif b and bucket >= b - 60 then
    local old = redis.call('HGET', H, bucket)
    if old then
      redis.call('HSET', H, bucket, tonumber(old) + delta)
      if bucket >= b then redis.call('HSET', H, 's', s + delta) end
    end
  end
end
return 0
`;

/*
 * seed: KEYS[1] the period hash; ARGV the TTL in seconds (set with the hash's first field; 0: none),
 * then field, value pairs: the first is set unless held, and the others only with it.
 */
const SEED = `
if redis.call('HSETNX', KEYS[1], ARGV[2], ARGV[3]) == 0 then return 0 end
if #ARGV > 3 then redis.call('HSET', KEYS[1], unpack(ARGV, 4)) end
if ARGV[1] ~= '0' and redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return 1
`;

/* compare and add: KEYS[1] the period hash; ARGV the guard field, its expected and next values, the field to add to, the delta. */
const COMPARE_AND_ADD = `
local v = redis.call('HMGET', KEYS[1], ARGV[1], ARGV[4])
if v[1] ~= ARGV[2] or not v[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3], ARGV[4], tonumber(v[2]) + tonumber(ARGV[5]))
return 1
`;

/** A Lua script, sent as EVALSHA (as EVAL when Redis answers NOSCRIPT: once per Redis process, or after SCRIPT FLUSH). */
class Script {
  readonly sha: string;

  constructor(readonly lua: string) {
    this.sha = createHash('sha1').update(lua).digest('hex');
  }
}

const SCRIPTS = { reserve: new Script(RESERVE), settle: new Script(SETTLE), seed: new Script(SEED), compareAndAdd: new Script(COMPARE_AND_ADD) };

/** Longest a limit check (or settle, or seed) waits on Redis before the store counts as unavailable. */
const COMMAND_TIMEOUT_MS = 2_000;

interface RedisReservation extends Reservation {
  /** Per counter, in counter order: its Redis key, its field (fixed) or bucket (rolling), whether fixed, the amount reserved. */
  keys: string[];
  at: string[];
  fixed: boolean[];
  amounts: bigint[];
}

/** Redis key names of one group, made once (the same string objects for every call). */
interface Names {
  rolling: Map<string, string>;
  day: Map<string, string>;
  month: Map<string, string>;
  /** The wallet's hash (it has one period, forever). */
  wallet: string;
}

/** Small counts as strings, made once. */
const COUNTS = Array.from({ length: 64 }, (_, i) => String(i));
const count = (n: number) => COUNTS[n] ?? String(n);

export class RedisLimitStore implements LimitStore {
  private readonly redis: Redis;
  private readonly names = new Map<string, Names>();
  /** Limit → its decimal string, for the limits in use (bigint → string once, not per call). */
  private readonly limits = new Map<bigint, string>();
  /** The connection's socket while it is corked (see batch). */
  private corked: Writable | null = null;

  constructor(url: string) {
    const redis = new Redis(url, {
      maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false,
      // A Redis that goes silent (a partition drops packets, no FIN or RST), or a connection cut while a
      // command is in flight (ioredis keeps such commands for the next connection and never fails them),
      // would otherwise hold the call until Redis is back: fail it instead, so it is refused (503) or, for
      // rate limits set to fail open, admitted.
      commandTimeout: COMMAND_TIMEOUT_MS,
      // ...and never replay such a command on the next connection: its caller has its answer already, and a
      // replayed reserve would charge a call that was refused.
      autoResendUnfulfilledCommands: false,
    });
    redis.on('error', () => undefined); // surfaced by the failing call, and retried by the client
    this.redis = redis;
  }

  async ready(): Promise<void> {
    if (this.redis.status !== 'ready') await new Promise<void>((resolve, reject) => {
      this.redis.once('ready', resolve);
      this.redis.once('end', () => reject(new Error('Redis connection ended')));
    });
  }

  /**
   * Runs a script: EVALSHA, then EVAL if Redis does not have it. Like ioredis's own script
   * commands (defineCommand), but the arguments go in as one ready array: ioredis flattens the
   * arguments of every command it builds (Array.prototype.flat), which for the 80-odd arguments
   * of a reserve took as long as everything else the store does in the process.
   */
  private async run(script: Script, keys: string[], args: string[]): Promise<unknown> {
    const argv = new Array<string>(2 + keys.length + args.length);
    argv[0] = script.sha;
    argv[1] = count(keys.length);
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

  private send(name: string, argv: string[]): Promise<unknown> {
    const command = new Command(name, [], { replyEncoding: 'utf8' });
    command.args = argv; // already flat: the constructor's flattening skipped
    this.batch();
    return this.redis.sendCommand(command) as Promise<unknown>;
  }

  /**
   * Holds this turn of the event loop's commands (every call's reserve or settle sent while the
   * turn's I/O is handled) in the socket and writes them together once that I/O is done
   * (setImmediate, which runs right after it): one write for many calls instead of one each, and
   * fewer reads for Redis. Each call still sends one reserve and at most one settle; only the
   * socket writes are shared.
   */
  private batch() {
    const stream = (this.redis as unknown as { stream?: Writable }).stream;
    if (!stream || stream === this.corked) return;
    stream.cork();
    this.corked = stream;
    setImmediate(() => {
      if (this.corked === stream) this.corked = null;
      stream.uncork();
    });
  }

  private namesOf(group: string): Names {
    let names = this.names.get(group);
    if (!names) {
      if (this.names.size >= 10_000) this.names.clear();
      this.names.set(group, (names = { rolling: new Map(), day: new Map(), month: new Map(), wallet: flat(`tg:{${group}}:w`) }));
    }
    return names;
  }

  /** The counter's Redis key: its own hash (rolling), or its period's (fixed; the field is the counter key). */
  private keyOf(group: string, names: Names, c: Counter): string {
    if (!isFixed(c.window)) {
      let key = names.rolling.get(c.key);
      if (key === undefined) {
        if (names.rolling.size >= 10_000) names.rolling.clear();
        names.rolling.set(c.key, (key = flat(`tg:{${group}}:${c.key}`)));
      }
      return key;
    }
    if (c.window === 'wallet') return names.wallet;
    const periods = c.window === 'day' ? names.day : names.month;
    let key = periods.get(c.periodId!);
    if (key === undefined) {
      if (periods.size >= 16) periods.clear();
      periods.set(c.periodId!, (key = flat(`tg:{${group}}:${c.window === 'day' ? 'd' : 'M'}@${c.periodId}`)));
    }
    return key;
  }

  private limitOf(limit: bigint | null): string {
    if (limit === null) return '';
    let text = this.limits.get(limit);
    if (text === undefined) {
      if (this.limits.size >= 10_000) this.limits.clear();
      this.limits.set(limit, (text = limit.toString()));
    }
    return text;
  }

  async reserve(group: string, counters: Counter[], nowMs: number): Promise<ReserveOutcome> {
    const names = this.namesOf(group);
    const n = counters.length;
    const minuteField = String(countedBuckets('minute', nowMs).last);
    const hourField = String(countedBuckets('hour', nowMs).last);
    const reservation: RedisReservation = { group, keys: new Array(n), at: new Array(n), fixed: new Array(n), amounts: new Array(n) };
    // Period hashes (each with its counters' indices), and rolling hashes (each once).
    const periodKeys: string[] = [];
    const periodMembers: number[][] = [];
    const rollingKeys: string[] = [];
    const rollingWindows: string[] = [];
    const rollingOf = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const c = counters[i]!;
      const key = (reservation.keys[i] = this.keyOf(group, names, c));
      reservation.amounts[i] = c.amount;
      if ((reservation.fixed[i] = isFixed(c.window))) {
        reservation.at[i] = c.key;
        const p = periodKeys.indexOf(key);
        if (p < 0) (periodKeys.push(key), periodMembers.push([i]));
        else periodMembers[p]!.push(i);
      } else {
        const minute = c.window === 'minute';
        reservation.at[i] = minute ? minuteField : hourField;
        let r = rollingKeys.indexOf(key);
        if (r < 0) (r = rollingKeys.push(key) - 1), rollingWindows.push(minute ? 'm' : 'h');
        rollingOf[i] = r;
      }
    }
    const F = periodKeys.length;
    const order: number[] = []; // script order → counter index
    const args: string[] = [minuteField, hourField, count(F), count(rollingKeys.length)];
    for (const members of periodMembers) {
      args.push(count(members.length));
      for (const i of members) args.push(counters[i]!.key);
      for (const i of members) args.push(this.limitOf(counters[i]!.limit));
      for (const i of members) (args.push(counters[i]!.amount.toString()), order.push(i));
    }
    for (const w of rollingWindows) args.push(w);
    for (let i = 0; i < n; i++) {
      if (reservation.fixed[i]) continue;
      const c = counters[i]!;
      args.push(count(rollingOf[i]! + 1), this.limitOf(c.limit), c.amount.toString());
      order.push(i);
    }
    for (const key of rollingKeys) periodKeys.push(key);
    const reply = (await this.run(SCRIPTS.reserve, periodKeys, args)) as number[];
    const status = reply[0];
    if (status === 2) {
      const indices = new Array<number>(reply.length - 1);
      for (let j = 1; j < reply.length; j++) indices[j - 1] = order[reply[j]!]!;
      return { kind: 'missing', indices: indices.sort((x, y) => x - y) };
    }
    const usage = new Array<bigint>(n);
    const from = status === 1 ? 2 : 1;
    for (let p = 0; p < n; p++) usage[order[p]!] = BigInt(reply[from + p]!);
    if (status === 1) return { kind: 'refused', index: order[reply[1]!]!, usage };
    return { kind: 'admitted', reservation, usage };
  }

  async settle(reservation: Reservation, actual: bigint[]): Promise<void> {
    const { keys: counterKeys, at, fixed, amounts } = reservation as RedisReservation;
    const n = counterKeys.length;
    const deltas = new Array<bigint>(n);
    const periodKeys: string[] = [];
    const periodMembers: number[][] = [];
    let rolling = 0;
    for (let i = 0; i < n; i++) {
      const delta = (deltas[i] = actual[i]! - amounts[i]!);
      if (delta === 0n) continue;
      if (!fixed[i]) {
        rolling++;
        continue;
      }
      const p = periodKeys.indexOf(counterKeys[i]!);
      if (p < 0) (periodKeys.push(counterKeys[i]!), periodMembers.push([i]));
      else {
        // The same counter twice: one field, the deltas summed.
        const members = periodMembers[p]!;
        const same = members.find((m) => at[m] === at[i]);
        if (same === undefined) members.push(i);
        else deltas[same] = deltas[same]! + delta;
      }
    }
    if (!periodKeys.length && !rolling) return;
    const args: string[] = [count(periodKeys.length)];
    for (const members of periodMembers) {
      args.push(count(members.length));
      for (const i of members) args.push(at[i]!);
      for (const i of members) args.push(deltas[i]!.toString());
    }
    for (let i = 0; i < n; i++) {
      if (fixed[i] || deltas[i] === 0n) continue;
      periodKeys.push(counterKeys[i]!);
      args.push(at[i]!, deltas[i]!.toString());
    }
    await this.run(SCRIPTS.settle, periodKeys, args);
  }

  async seed(group: string, counter: Counter, value: bigint, withCounters: Array<[Counter, bigint]> = []): Promise<void> {
    // Wallet counters never expire (money must not be forgotten); limits' a day after their period.
    const ttl = counter.window === 'wallet' ? 0 : Math.max(60, Math.ceil(((counter.expiresAtMs ?? Date.now() + 86_400_000) - Date.now()) / 1000));
    const args = [String(ttl), counter.key, value.toString()];
    for (const [c, v] of withCounters) args.push(c.key, v.toString());
    await this.run(SCRIPTS.seed, [this.keyOf(group, this.namesOf(group), counter)], args);
  }

  async read(group: string, counters: Counter[]): Promise<Array<bigint | null>> {
    const names = this.namesOf(group);
    return Promise.all(counters.map(async (c) => {
      const value = (await this.send('hget', [this.keyOf(group, names, c), c.key])) as string | null;
      return value === null ? null : BigInt(value);
    }));
  }

  async compareAndAdd(group: string, guard: Counter, expected: bigint, next: bigint, counter: Counter, delta: bigint): Promise<boolean> {
    const key = this.keyOf(group, this.namesOf(group), guard);
    const done = await this.run(SCRIPTS.compareAndAdd, [key], [guard.key, expected.toString(), next.toString(), counter.key, delta.toString()]);
    return done === 1;
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

/** A flat (not concatenated) copy of a string: hashed and written without flattening it again on every use. */
function flat(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}
