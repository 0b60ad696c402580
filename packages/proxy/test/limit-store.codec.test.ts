import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Counter } from '../src/limits/limit-store';
import {
  decodeCompareAndAddReply,
  decodeReserveReply,
  decodeSeedReply,
  decodeSettleReply,
  encodeCompareAndAdd,
  encodeReserve,
  encodeSeed,
  encodeSettle,
  limitNumber,
  packDoubles,
  type CounterAddresses,
} from '../src/limits/redis/codec';
import { SCRIPTS } from '../src/limits/redis/scripts';

/*
 * The Redis scripts' argument encoders and reply decoders, without Redis: the layouts the .lua
 * files' headers describe. (The contract and randomised suites run them against the scripts.)
 */

const day = (key: string, limit: bigint | null, amount: bigint): Counter => ({ key, window: 'day', periodId: '2026-11-22', limit, amount });
const month = (key: string, limit: bigint | null, amount: bigint): Counter => ({ key, window: 'month', periodId: '2026-11-01', limit, amount });
const minute = (key: string, limit: bigint | null, amount: bigint): Counter => ({ key, window: 'minute', limit, amount });
const hour = (key: string, limit: bigint | null, amount: bigint): Counter => ({ key, window: 'hour', limit, amount });

/** Addresses as the store makes them (see RedisLimitStore.reserve): period hash + counter key, or head hash + head field + bucket hash + bucket. */
function addresses(counters: Counter[]): CounterAddresses {
  const at: CounterAddresses = { keys: [], fields: [], windows: [], bucketKeys: [], buckets: [] };
  for (const c of counters) {
    if (c.window === 'minute' || c.window === 'hour') {
      const w = c.window === 'minute' ? 'm' : 'h';
      at.keys.push(`tg:{g}:${w}`);
      at.fields.push(`${c.key}|`);
      at.windows.push(c.window);
      at.bucketKeys.push(`tg:{g}:${w}:${c.key}`);
      at.buckets.push(c.window === 'minute' ? 29000000 : 483333);
    } else {
      at.keys.push(`tg:{g}:${c.window === 'day' ? 'd' : 'M'}@${c.periodId}`);
      at.fields.push(c.key);
      at.windows.push(null);
      at.bucketKeys.push('');
      at.buckets.push(0);
    }
  }
  return at;
}

/** A script's arguments as it reads them: the numbers (ARGV[1], unpacked as struct.unpack does), then the strings. */
function readArgs(args: Array<string | Buffer>): { numbers: number[]; strings: string[] } {
  const [packed, ...strings] = args;
  if (!Buffer.isBuffer(packed) || packed.length % 8 || strings.some((s) => typeof s !== 'string')) throw new Error('not numbers, then strings');
  return { numbers: Array.from({ length: packed.length / 8 }, (_, i) => packed.readDoubleLE(8 * i)), strings: strings as string[] };
}

describe('the scripts', () => {
  it('are read from their .lua files, each sent by the SHA-1 of its text', () => {
    for (const [name, file] of [
      ['reserve', 'reserve'],
      ['settle', 'settle'],
      ['seed', 'seed'],
      ['compareAndAdd', 'compare-and-add'],
    ] as const) {
      const lua = readFileSync(new URL(`../src/limits/redis/lua/${file}.lua`, import.meta.url), 'utf8');
      expect(SCRIPTS[name].lua).toBe(lua);
      expect(SCRIPTS[name].sha).toBe(createHash('sha1').update(lua).digest('hex'));
    }
  });
});

describe('encodeReserve', () => {
  // In call order: two period hashes (one counter twice), two head hashes (one counter twice).
  const counters = [
    minute('rm', 100n, 1n),
    day('td', 5000n, 40n),
    hour('rh', null, 1n),
    month('tM', null, 40n),
    day('rd', 10n, 1n),
    minute('tm', 900n, 40n),
    minute('rm', 100n, 1n),
    day('td', 5000n, 2n),
  ];

  it('groups counters by hash, the way reserve.lua reads them, and numbers the rolling ones over the head hashes', () => {
    const { keys, args, order } = encodeReserve(counters, addresses(counters));
    expect(keys).toEqual([
      'tg:{g}:d@2026-11-22',
      'tg:{g}:M@2026-11-01', // period hashes
      'tg:{g}:m',
      'tg:{g}:h', // head hashes
      'tg:{g}:m:rm',
      'tg:{g}:m:tm',
      'tg:{g}:h:rh', // bucket hashes, in counter number order (rm once)
    ]);
    const { numbers, strings } = readArgs(args);
    expect(numbers).toEqual([
      2,
      2,
      3,
      5000,
      10,
      5000,
      40,
      1,
      2, // day: counters, limits, amounts
      1,
      Infinity,
      40, // month: no limit
      29000000,
      60,
      60,
      2, // minute heads: newest bucket, buckets per span, span in s, counters
      483333,
      60,
      3600,
      1, // hour heads
      1,
      100,
      1, // rm: counter 1
      3,
      Infinity,
      1, // rh: counter 3 (the hour hash's first, after the minute hash's two)
      2,
      900,
      40, // tm
      1,
      100,
      1, // rm again
    ]);
    // Fields: the day's, the month's, the minute heads', the hour heads'.
    expect(strings).toEqual(['td', 'rd', 'td', 'tM', 'rm|', 'tm|', 'rh|']);
    // Script order: period counters by hash, then rolling ones in call order.
    expect(order).toEqual([1, 4, 7, 3, 0, 2, 5, 6]);
  });

  it('writes no limit as +Infinity, which nothing exceeds, and every other as its value', () => {
    expect([limitNumber(null), limitNumber(0n), limitNumber(-5n), limitNumber(10n ** 15n)]).toEqual([Infinity, 0, -5, 1e15]);
  });

  it('packs numbers as little-endian doubles, exact up to 2^53', () => {
    const blob = packDoubles([0, -2445, 2 ** 53, Infinity]);
    expect(blob.toString('hex')).toBe('0000000000000000' + '00000000001aa3c0' + '0000000000004043' + '000000000000f07f');
  });
});

describe('decodeReserveReply', () => {
  const order = [1, 4, 7, 3, 0, 2, 5, 6];
  /** The reply as reserve.lua packs it. */
  const decode = (numbers: number[]) => decodeReserveReply(packDoubles(numbers), order);

  it('puts usage back in counter order', () => {
    expect(decode([0, 10, 11, 12, 13, 14, 15, 16, 17])).toEqual({ kind: 'admitted', usage: [14n, 10n, 15n, 13n, 11n, 16n, 17n, 12n] });
  });

  it('names the refusing counter by its index in the call', () => {
    expect(decode([1, 6, 10, 11, 12, 13, 14, 15, 16, 17])).toEqual({
      kind: 'refused',
      index: 5,
      usage: [14n, 10n, 15n, 13n, 11n, 16n, 17n, 12n],
    });
  });

  it('answers missing counters by index, ascending', () => {
    expect(decode([2, 2, 0])).toEqual({ kind: 'missing', indices: [1, 7] });
  });

  it('refuses a reply of any other shape', () => {
    const malformed = [null, 'OK', [0, 10, 11, 12, 13, 14, 15, 16, 17], Buffer.alloc(0), Buffer.alloc(12)];
    const misshapen = [
      [3],
      [0, 1, 2],
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      [1, 8, 0, 0, 0, 0, 0, 0, 0, 0],
      [2],
      [2, -1],
      [0, 1.5, 0, 0, 0, 0, 0, 0, 0],
      [0, NaN, 0, 0, 0, 0, 0, 0, 0],
    ];
    for (const reply of [...malformed, ...misshapen.map(packDoubles)]) {
      expect(() => decodeReserveReply(reply, order), String(reply)).toThrow(/reserve script: unexpected reply/);
    }
  });
});

describe('encodeSettle', () => {
  const counters = [minute('rm', 100n, 1n), day('td', 5000n, 40n), hour('th', null, 40n), day('rd', 10n, 1n), minute('tm', 900n, 40n), day('td', 5000n, 2n)];
  const at = addresses(counters);

  it('sends only the counters whose amount changed, a field twice once with the deltas summed', () => {
    const { keys, args } = encodeSettle(at, [0n, -30n, -25n, 0n, -38n, 1n])!;
    expect(keys).toEqual(['tg:{g}:d@2026-11-22', 'tg:{g}:h', 'tg:{g}:m', 'tg:{g}:h:th', 'tg:{g}:m:tm']);
    expect(readArgs(args)).toEqual({
      numbers: [
        1,
        1,
        -29, // one period hash: td's two deltas as one
        2,
        60,
        1,
        483333,
        -25,
        60,
        1,
        29000000,
        -38, // head hashes: buckets per span, counters, buckets, deltas
      ],
      strings: ['td', 'th|', 'tm|'],
    });
  });

  it('appends the entry after the fields, and its stream after the keys', () => {
    const { keys, args } = encodeSettle(at, [0n, 0n, 0n, 0n, 0n, 0n], { stream: 'tg:{g}:events', field: 'u1', value: '{}' })!;
    expect(keys).toEqual(['tg:{g}:events']);
    expect(readArgs(args)).toEqual({ numbers: [0, 0], strings: ['u1', '{}'] });
  });

  it('sends nothing when no amount changed', () => {
    expect(encodeSettle(at, [0n, 0n, 0n, 0n, 0n, 0n])).toBeNull();
  });
});

describe('seed and compare-and-add', () => {
  it('encode as seed.lua and compare-and-add.lua read them', () => {
    expect(
      encodeSeed('tg:{g}:w', 0, [
        ['w', -500n],
        ['wf', 0n],
      ]),
    ).toEqual({ keys: ['tg:{g}:w'], args: ['0', 'w', '-500', 'wf', '0'] });
    expect(() => encodeSeed('tg:{g}:w', 0, [])).toThrow(RangeError);
    expect(() => encodeSeed('tg:{g}:w', -1, [['w', 1n]])).toThrow(RangeError);
    expect(encodeCompareAndAdd('tg:{g}:w', { field: 'wq', expected: 4n, next: 6n }, { field: 'w', delta: -250n })).toEqual({
      keys: ['tg:{g}:w'],
      args: ['wq', '4', '6', 'w', '-250'],
    });
  });

  it('decode 1 and 0, and nothing else', () => {
    expect([decodeSeedReply(1), decodeSeedReply(0), decodeCompareAndAddReply(1), decodeCompareAndAddReply(0)]).toEqual([true, false, true, false]);
    for (const reply of [null, 2, '1', [1]]) {
      expect(() => decodeCompareAndAddReply(reply)).toThrow(/compare-and-add script: unexpected reply/);
      expect(() => decodeSeedReply(reply)).toThrow(/seed script: unexpected reply/);
    }
    expect(decodeSettleReply(0)).toBeUndefined();
    expect(() => decodeSettleReply(1)).toThrow(/settle script/);
  });
});
