import { countedBuckets, type RollingWindow } from '@tollgate/domain';
import { Redis } from 'ioredis';
import { isFixed, type Counter, type LimitStore, type Reservation, type ReserveOutcome } from './limit-store';

/*
 * One script per step, so a call costs two round trips: reserve, settle.
 * Rolling counters are hashes of bucket → amount; fixed ones plain integers
 * that expire after their period. Keys carry the organization as hash tag,
 * so every key of a call is in one slot (Redis Cluster).
 *
 * reserve ARGV, 6 per counter: kind ("m" minute | "h" hour | "f" fixed), limit ("" = none), amount,
 * and for rolling ones the first counted bucket, the bucket to add to, and the
 * bucket before which others are dropped. Replies {0, usage...} admitted,
 * {1, index, usage...} refused, {2, indices...} missing.
 */
const RESERVE = `
local n, W = #KEYS, 6
local usage, missing = {}, {}
for i = 1, n do
  local a = (i - 1) * W
  if ARGV[a + 1] == 'f' then
    local v = redis.call('GET', KEYS[i])
    if v == false then missing[#missing + 1] = i - 1 else usage[i] = tonumber(v) end
  else
    -- Every bucket from the first counted one on, later ones included (see countedBuckets).
    local first, forget = tonumber(ARGV[a + 4]), tonumber(ARGV[a + 6])
    local sum, all = 0, redis.call('HGETALL', KEYS[i])
    for j = 1, #all, 2 do
      local bucket = tonumber(all[j])
      if bucket >= first then sum = sum + tonumber(all[j + 1])
      elseif bucket < forget then redis.call('HDEL', KEYS[i], all[j]) end
    end
    usage[i] = sum
  end
end
if #missing > 0 then
  local reply = {2}
  for _, m in ipairs(missing) do reply[#reply + 1] = m end
  return reply
end
for i = 1, n do
  local a = (i - 1) * W
  if ARGV[a + 2] ~= '' and usage[i] + tonumber(ARGV[a + 3]) > tonumber(ARGV[a + 2]) then
    local reply = {1, i - 1}
    for j = 1, n do reply[#reply + 1] = usage[j] end
    return reply
  end
end
for i = 1, n do
  local a = (i - 1) * W
  if ARGV[a + 1] == 'f' then
    redis.call('INCRBY', KEYS[i], ARGV[a + 3])
  else
    redis.call('HINCRBY', KEYS[i], ARGV[a + 5], ARGV[a + 3])
    -- Idle for two spans: nothing in it counts any more.
    redis.call('EXPIRE', KEYS[i], ARGV[a + 1] == 'm' and 120 or 7200)
  end
end
local reply = {0}
for j = 1, n do reply[#reply + 1] = usage[j] end
return reply
`;

/* settle ARGV, 2 per counter: field (bucket) or "" for fixed, delta. Fixed counters flushed meanwhile are left to their rebuild. */
const SETTLE = `
for i = 1, #KEYS do
  local field, delta = ARGV[(i - 1) * 2 + 1], tonumber(ARGV[(i - 1) * 2 + 2])
  if delta ~= 0 then
    if field == '' then
      if redis.call('EXISTS', KEYS[i]) == 1 then redis.call('INCRBY', KEYS[i], delta) end
    else
      redis.call('HINCRBY', KEYS[i], field, delta)
    end
  end
end
return 0
`;

type ScriptedRedis = Redis & {
  tgReserve(numKeys: number, ...args: Array<string | number>): Promise<number[]>;
  tgSettle(numKeys: number, ...args: Array<string | number>): Promise<number>;
};

/** Longest a limit check (or settle, or seed) waits on Redis before the store counts as unavailable. */
const COMMAND_TIMEOUT_MS = 2_000;

export class RedisLimitStore implements LimitStore {
  private readonly redis: ScriptedRedis;

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
    }) as ScriptedRedis;
    redis.on('error', () => undefined); // surfaced by the failing call, and retried by the client
    redis.defineCommand('tgReserve', { lua: RESERVE });
    redis.defineCommand('tgSettle', { lua: SETTLE });
    this.redis = redis;
  }

  async ready(): Promise<void> {
    if (this.redis.status !== 'ready') await new Promise<void>((resolve, reject) => {
      this.redis.once('ready', resolve);
      this.redis.once('end', () => reject(new Error('Redis connection ended')));
    });
  }

  private key(group: string, c: { key: string; periodId?: string }) {
    return `tg:{${group}}:${c.key}${c.periodId ? `:${c.periodId}` : ''}`;
  }

  async reserve(group: string, counters: Counter[], nowMs: number): Promise<ReserveOutcome> {
    const keys = counters.map((c) => this.key(group, c));
    const args: Array<string | number> = [];
    const buckets: Array<number | undefined> = [];
    for (const c of counters) {
      const limit = c.limit === null ? '' : c.limit.toString();
      if (isFixed(c.window)) {
        args.push('f', limit, c.amount.toString(), '', '', '');
        buckets.push(undefined);
      } else {
        const { first, last, forgetBefore } = countedBuckets(c.window as RollingWindow, nowMs);
        args.push(c.window === 'minute' ? 'm' : 'h', limit, c.amount.toString(), first, last, forgetBefore);
        buckets.push(last);
      }
    }
    const reply = await this.redis.tgReserve(keys.length, ...keys, ...args);
    const [status, ...rest] = reply;
    if (status === 2) return { kind: 'missing', indices: rest };
    if (status === 1) return { kind: 'refused', index: rest[0]!, usage: rest.slice(1).map(BigInt) };
    const reservation: Reservation = {
      group,
      counters: counters.map((c, i) => ({ key: c.key, window: c.window, periodId: c.periodId, bucket: buckets[i], amount: c.amount })),
    };
    return { kind: 'admitted', reservation, usage: rest.map(BigInt) };
  }

  async settle(reservation: Reservation, actual: bigint[]): Promise<void> {
    const keys = reservation.counters.map((c) => this.key(reservation.group, c));
    const args = reservation.counters.flatMap((c, i) => [c.bucket === undefined ? '' : String(c.bucket), (actual[i]! - c.amount).toString()]);
    await this.redis.tgSettle(keys.length, ...keys, ...args);
  }

  async seed(group: string, counter: Counter, value: bigint): Promise<void> {
    const ttl = Math.max(60, Math.ceil(((counter.expiresAtMs ?? Date.now() + 86_400_000) - Date.now()) / 1000));
    await this.redis.set(this.key(group, counter), value.toString(), 'EX', ttl, 'NX');
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

