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
 * Rolling counters: the heads of a group's counters of one window share a
 * hash, `tg:{<group>}:m` (minute) or `tg:{<group>}:h` (hour), a field per
 * counter, `<counter key>|`: four little-endian doubles (struct.pack '<dddd'),
 * `b`, `s`, the sum of every bucket >= `b` (later ones included, see
 * countedBuckets), and `c`, `v`, the newest bucket and its amount. A check
 * reads a window's heads with one HMGET (the caller names the fields) and
 * writes them back with one HSET, with no number of theirs parsed or
 * printed: in a script such conversions (strtod, printf), and field names
 * made per value, cost more than the commands. A counter's other buckets are
 * in its own hash, `tg:{<group>}:m:<counter key>` (or `h:`), bucket → amount,
 * only ever from `b` - 60 to `c` (excluded), a compact listpack (one hash for
 * every counter's buckets would be a hashtable, several times the memory).
 * They are touched when the newest bucket changes (at most once a second for
 * a minute, once a minute for an hour): the old newest one is stored, and
 * `b` moves up to the caller's first counted bucket (the buckets leaving are
 * subtracted from `s`, those a span before it deleted). A caller whose clock
 * runs behind adds the buckets between its first one and `b`, and reserves
 * in its own bucket (unless it is a span before `b`: dropped already, as a
 * settle into it is).
 *
 * Expiry: a head hash lives two spans from the last change of newest bucket
 * of any of its counters; a bucket hash three from the last bucket stored in
 * it, so it outlives the head's need of it by a span (clock skew). A counter
 * whose newest bucket is a span before its first counts nothing any more: it
 * starts over (`s` 0, its bucket hash deleted unread). One no call uses any
 * more (a deleted key or project) is swept: the head hash's field `t` holds
 * the bucket of its last sweep, and a reserve a span later deletes the heads,
 * but its own, whose newest bucket is two spans before its first (as a
 * counter's own TTL would); their bucket hashes expire. A counter without a
 * head is new: a bucket hash left from before is deleted.
 *
 * Fixed counters: one hash per window and period, `tg:{<group>}:d@<period>`
 * (day) or `M@<period>` (month), a field per counter (its key), expiring a
 * day after the period: one HMGET reads all of a period's counters of a call.
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
 *
 * reserve: KEYS: the F period hashes, the W head hashes, then the R rolling
 * counters' bucket hashes (each once, in counter number order). ARGV: the
 * last (current) minute and hour buckets, F, W; per period hash: its number
 * of counters c, their c fields, c limits ("" = none) and c amounts; per head
 * hash: its window ("m" or "h"), its number of counters n and their n head
 * fields (each once; the counters numbered 1 to R over the head hashes); then
 * per rolling counter in the call: its number, limit and amount. Counters are
 * numbered in that order ("script order"): replies {0, usage...} admitted,
 * {1, index, usage...} refused, {2, indices...} missing (0-based).
 */
const RESERVE = `
local lastM, lastH, F, W = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local usage, amounts, u, missing = {}, {}, 0, nil
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

-- The sum of the buckets lo <= j < hi: the newest (c) is v, the others are in K, from b - 60 to c.
local function between(K, lo, hi, b, c, cur)
  local total = 0
  if c >= lo and c < hi then total = cur end
  if lo < b - 60 then lo = b - 60 end
  if hi > c then hi = c end
  if lo >= hi then return total end
  local names = {}
  for j = lo, hi - 1 do names[#names + 1] = j end
  local values = redis.call('HMGET', K, unpack(names))
  for j = 1, #values do if values[j] then total = total + tonumber(values[j]) end end
  return total
end

-- Per head hash w: its bucket, span (s), counters' numbers and head fields (ARGV[hf[w] + r]), t.
-- Per counter r: its head hash, head, whether b moved, usage.
local lasts, spans, from, upto, hf, ts = {}, {}, {}, {}, {}, {}
local ws, bs, ss, cs, vs, moved, use = {}, {}, {}, {}, {}, {}, {}
local R, B = 0, F + W -- KEYS[B + r]: counter r's bucket hash
for w = 1, W do
  local m = ARGV[a] == 'm'
  local last, n = m and lastM or lastH, tonumber(ARGV[a + 1])
  local first = last - 60
  local v = redis.call('HMGET', KEYS[F + w], 't', unpack(ARGV, a + 2, a + 1 + n))
  lasts[w], spans[w], from[w], upto[w], hf[w], ts[w] = last, m and 60 or 3600, R + 1, R + n, a + 1 - R, tonumber(v[1]) or false
  for x = 1, n do
    local r = R + x
    local K, b, s, c, cur = KEYS[B + r]
    if v[x + 1] then b, s, c, cur = struct.unpack('<dddd', v[x + 1]) end
    if not b then
      -- New (or swept): buckets left from before are nobody's.
      redis.call('DEL', K)
    elseif c < first - 60 then
      -- Every bucket is a span before first: dropped, unread.
      redis.call('DEL', K)
      b, s, moved[r] = first, 0, true
    elseif first > b then
      s = s - between(K, b, first, b, c, cur)
      local old = {}
      for j = b - 60, math.min(first - 60, c) - 1 do old[#old + 1] = j end
      if #old > 0 then redis.call('HDEL', K, unpack(old)) end
      b, moved[r] = first, true
    end
    local total = 0
    if b then
      total = s
      -- Behind the callers ahead: their buckets count too (see countedBuckets).
      if first < b then total = total + between(K, first, b, b, c, cur) end
    end
    ws[r], bs[r], ss[r], cs[r], vs[r], use[r] = w, b or false, s or 0, c or false, cur or 0, total
  end
  R = R + n
  a = a + 2 + n
end
local entries = a

-- Head hash w's fields to write: its counters' heads (all, or those whose b moved).
local function heads(w, all)
  local fields = {}
  for r = from[w], upto[w] do
    if all or moved[r] then fields[#fields + 1] = ARGV[hf[w] + r]; fields[#fields + 1] = struct.pack('<dddd', bs[r], ss[r], cs[r], vs[r]) end
  end
  return fields
end
for x = entries, #ARGV, 3 do
  u = u + 1
  usage[u] = use[tonumber(ARGV[x])]
end

local function refuse(index)
  -- Nothing reserved; only a moved b is kept (the buckets it dropped are gone).
  for w = 1, W do
    local fields = heads(w, false)
    if #fields > 0 then redis.call('HSET', KEYS[F + w], unpack(fields)) end
  end
  return {1, index - 1, unpack(usage)}
end
u, a = 0, 5
for j = 1, F do
  local c = tonumber(ARGV[a])
  for x = 1, c do
    u = u + 1
    local limit, amount = ARGV[a + c + x], tonumber(ARGV[a + 2 * c + x])
    amounts[u] = amount
    if limit ~= '' and usage[u] + amount > tonumber(limit) then return refuse(u) end
  end
  a = a + 1 + 3 * c
end
for x = entries, #ARGV, 3 do
  u = u + 1
  local limit, amount = ARGV[x + 1], tonumber(ARGV[x + 2])
  amounts[u] = amount
  if limit ~= '' and usage[u] + amount > tonumber(limit) then return refuse(u) end
end

u, a = 0, 5
for j = 1, F do
  local c = tonumber(ARGV[a])
  local values, fields = {}, {}
  for x = 1, c do
    local field = ARGV[a + x]
    local before = values[field]
    if not before then before = usage[u + x]; fields[#fields + 1] = field; fields[#fields + 1] = false end
    values[field] = before + amounts[u + x]
  end
  for i = 1, #fields, 2 do fields[i + 1] = values[fields[i]] end
  redis.call('HSET', KEYS[j], unpack(fields))
  u = u + c
  a = a + 1 + 3 * c
end
local renew = {}
for x = entries, #ARGV, 3 do
  u = u + 1
  local r, amount = tonumber(ARGV[x]), amounts[u]
  local w, K = ws[r], KEYS[B + r]
  local last = lasts[w]
  if not bs[r] then bs[r], ss[r], moved[r] = last - 60, 0, true end
  local c = cs[r]
  if c and last > c and c >= bs[r] - 60 then
    -- A newer bucket: the newest one so far joins the others (unless it is a span before b: dropped).
    redis.call('HSET', K, c, vs[r])
    redis.call('EXPIRE', K, 3 * spans[w])
  end
  if not c or last > c then cs[r], vs[r], c, renew[w] = last, 0, last, true end
  if last == c then
    vs[r] = vs[r] + amount
  elseif last >= bs[r] - 60 then
    redis.call('HINCRBY', K, last, ARGV[x + 2])
    redis.call('EXPIRE', K, 3 * spans[w])
  end
  if last >= bs[r] then ss[r] = ss[r] + amount end
end

-- Deletes the heads of H, but those in keep, whose newest bucket is before oldest (their bucket hashes expire).
local function sweep(H, keep, oldest)
  local idle, cursor = {}, '0'
  repeat
    local page = redis.call('HSCAN', H, cursor, 'MATCH', '*|', 'COUNT', 1000)
    cursor = page[1]
    local found = page[2]
    for j = 1, #found, 2 do
      local _, _, c = struct.unpack('<dddd', found[j + 1])
      if c < oldest and not keep[found[j]] then idle[#idle + 1] = found[j] end
    end
  until cursor == '0'
  for j = 1, #idle, 1000 do redis.call('HDEL', H, unpack(idle, j, math.min(j + 999, #idle))) end
end

for w = 1, W do
  local H, last, t = KEYS[F + w], lasts[w], ts[w]
  local fields = heads(w, true)
  if not t or last >= t + 60 then
    if t then
      local keep = {}
      for i = 1, #fields, 2 do keep[fields[i]] = true end
      sweep(H, keep, last - 120)
    end
    fields[#fields + 1] = 't'; fields[#fields + 1] = last
  end
  redis.call('HSET', H, unpack(fields))
  -- A new newest bucket: the window's heads live on for two spans from it.
  if renew[w] then redis.call('EXPIRE', H, 2 * spans[w]) end
end
return {0, unpack(usage)}
`;

/*
 * settle: KEYS: the F period hashes, the W head hashes of the rolling counters
 * whose amount changed, then those counters' bucket hashes. ARGV: F; per
 * period hash: its number of fields c, the c fields and their c deltas; W;
 * per head hash: its number of counters n, their n head fields, n buckets
 * and n deltas. What vanished meanwhile (expired, flushed, swept) is left
 * alone: a fixed counter is left to its rebuild, and a rolling one took the
 * reserved bucket with it (so did the deletion of buckets a span before b).
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
local W = tonumber(ARGV[a])
a = a + 1
local k = F + W
for w = F + 1, F + W do
  local n = tonumber(ARGV[a])
  local v = redis.call('HMGET', KEYS[w], unpack(ARGV, a + 1, a + n))
  local set = {}
  for x = 1, n do
    k = k + 1
    if v[x] then
      local b, s, c, cur = struct.unpack('<dddd', v[x])
      local at, delta = ARGV[a + n + x], tonumber(ARGV[a + 2 * n + x])
      local bucket = tonumber(at)
      local counted = bucket == c
      if counted then
        cur = cur + delta
      elseif bucket >= b - 60 then
        local old = redis.call('HGET', KEYS[k], at)
        if old then redis.call('HSET', KEYS[k], at, tonumber(old) + delta); counted = true end
      end
      if counted then
        if bucket >= b then s = s + delta end
        set[#set + 1] = ARGV[a + x]; set[#set + 1] = struct.pack('<dddd', b, s, c, cur)
      end
    end
  end
  if #set > 0 then redis.call('HSET', KEYS[w], unpack(set)) end
  a = a + 1 + 3 * n
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
  /**
   * Per counter, in counter order: its Redis key (its period's hash, or its window's head hash), its
   * field (fixed: its key; rolling: its head), its bucket and bucket hash (rolling; "" fixed), whether
   * fixed, the amount reserved.
   */
  keys: string[];
  names: string[];
  at: string[];
  buckets: string[];
  fixed: boolean[];
  amounts: bigint[];
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
}

/** Hashes of a settle, each with the indices of its counters. */
interface Hashes {
  keys: string[];
  members: number[][];
}

/** Adds counter i to its hash's members; the same counter twice (one field) gets the deltas summed. */
function join(hashes: Hashes, { keys, names }: RedisReservation, deltas: bigint[], i: number) {
  const h = hashes.keys.indexOf(keys[i]!);
  if (h < 0) return void (hashes.keys.push(keys[i]!), hashes.members.push([i]));
  const members = hashes.members[h]!;
  for (const m of members) if (names[m] === names[i]) return void (deltas[m] = deltas[m]! + deltas[i]!);
  members.push(i);
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
      const prefix = `tg:{${group}}:`;
      names = { minute: flat(`${prefix}m`), hour: flat(`${prefix}h`), rolling: new Map(), day: new Map(), month: new Map(), wallet: flat(`${prefix}w`) };
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

  /** A rolling counter's field in its head hash, and its bucket hash (see RESERVE). */
  private rollingOf(group: string, names: Names, c: Counter): { head: string; buckets: string } {
    let found = names.rolling.get(c.key);
    if (found === undefined) {
      if (names.rolling.size >= 10_000) names.rolling.clear();
      found = { head: flat(`${c.key}|`), buckets: flat(`tg:{${group}}:${c.window === 'minute' ? 'm' : 'h'}:${c.key}`) };
      names.rolling.set(c.key, found);
    }
    return found;
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
    const reservation: RedisReservation = { group, keys: new Array(n), names: new Array(n), at: new Array(n), buckets: new Array(n), fixed: new Array(n), amounts: new Array(n) };
    // Period hashes (each with its counters' indices), and head hashes (each with its counters' heads and bucket hashes, each once).
    const periodKeys: string[] = [];
    const periodMembers: number[][] = [];
    const headKeys: string[] = [];
    const headMembers: string[][] = [];
    const bucketKeys: string[][] = [];
    const windowOf = new Array<number>(n);
    const memberOf = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const c = counters[i]!;
      const key = (reservation.keys[i] = this.keyOf(group, names, c));
      reservation.amounts[i] = c.amount;
      if ((reservation.fixed[i] = isFixed(c.window))) {
        reservation.names[i] = c.key;
        reservation.at[i] = reservation.buckets[i] = '';
        const p = periodKeys.indexOf(key);
        if (p < 0) (periodKeys.push(key), periodMembers.push([i]));
        else periodMembers[p]!.push(i);
      } else {
        const { head, buckets } = this.rollingOf(group, names, c);
        reservation.names[i] = head;
        reservation.buckets[i] = buckets;
        reservation.at[i] = c.window === 'minute' ? minuteField : hourField;
        let w = headKeys.indexOf(key);
        if (w < 0) (w = headKeys.push(key) - 1), headMembers.push([]), bucketKeys.push([]);
        const members = headMembers[w]!;
        let x = members.indexOf(head);
        if (x < 0) (x = members.push(head) - 1), bucketKeys[w]!.push(buckets);
        (windowOf[i] = w), (memberOf[i] = x);
      }
    }
    const F = periodKeys.length;
    const order: number[] = []; // script order → counter index
    const args: string[] = [minuteField, hourField, count(F), count(headKeys.length)];
    for (const members of periodMembers) {
      args.push(count(members.length));
      for (const i of members) args.push(counters[i]!.key);
      for (const i of members) args.push(this.limitOf(counters[i]!.limit));
      for (const i of members) (args.push(counters[i]!.amount.toString()), order.push(i));
    }
    for (let w = 0; w < headKeys.length; w++) {
      const members = headMembers[w]!;
      args.push(headKeys[w] === names.minute ? 'm' : 'h', count(members.length));
      for (const head of members) args.push(head);
    }
    // Counters are numbered over the head hashes: the second's after the first's.
    const offset = headMembers[0]?.length ?? 0;
    for (let i = 0; i < n; i++) {
      if (reservation.fixed[i]) continue;
      const c = counters[i]!;
      args.push(count((windowOf[i] === 0 ? 0 : offset) + memberOf[i]! + 1), this.limitOf(c.limit), c.amount.toString());
      order.push(i);
    }
    for (const key of headKeys) periodKeys.push(key);
    for (const keys of bucketKeys) for (const key of keys) periodKeys.push(key);
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
    const r = reservation as RedisReservation;
    const { names, at, buckets, fixed, amounts } = r;
    const n = names.length;
    const deltas = new Array<bigint>(n);
    // Period hashes, then head hashes, each with its counters whose amount changed.
    const periods: Hashes = { keys: [], members: [] };
    const heads: Hashes = { keys: [], members: [] };
    for (let i = 0; i < n; i++) {
      if ((deltas[i] = actual[i]! - amounts[i]!) !== 0n) join(fixed[i] ? periods : heads, r, deltas, i);
    }
    if (!periods.keys.length && !heads.keys.length) return;
    const keys = [...periods.keys, ...heads.keys];
    const args: string[] = [count(periods.keys.length)];
    for (const members of periods.members) {
      args.push(count(members.length));
      for (const i of members) args.push(names[i]!);
      for (const i of members) args.push(deltas[i]!.toString());
    }
    args.push(count(heads.keys.length));
    for (const members of heads.members) {
      args.push(count(members.length));
      for (const i of members) (args.push(names[i]!), keys.push(buckets[i]!));
      for (const i of members) args.push(at[i]!);
      for (const i of members) args.push(deltas[i]!.toString());
    }
    await this.run(SCRIPTS.settle, keys, args);
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
