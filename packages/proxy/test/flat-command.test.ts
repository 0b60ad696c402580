import { Command } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { encodeCommand, FlatCommand, FramedCommand, frameCommand } from '../src/limits/redis/flat-command';

/** What ioredis itself writes for the command (its constructor flattens the arguments and finds the buffers). */
const asIoredisWrites = (name: string, argv: Array<string | Buffer>) => Buffer.from(new Command(name, argv).toWritable({}));

describe('encodeCommand', () => {
  const numbers = Buffer.from([0, 0, 0, 0, 0, 0, 0xf0, 0x7f, 0x0d, 0x0a, 0x24]); // bytes that look like RESP and are not UTF-8
  const cases: Array<[string, Array<string | Buffer>]> = [
    ['evalsha', ['sha', '2', 'tg:{g}:d@2026-12-01', 'tg:{g}:m', numbers, 'o:rd', 'prix café ☕', '']],
    ['evalsha', ['sha', '0', numbers, numbers, Buffer.alloc(0), 'u1', '{"a":"ü"}']],
    ['xadd', ['tg:{g}:events', '*', 'u1', '{"model":"gpt-4o — ☃"}']],
    ['ping', []],
  ];

  it('writes the very bytes ioredis writes, strings as UTF-8 around the buffers', () => {
    for (const [name, argv] of cases) expect(Buffer.from(encodeCommand(name, argv)), name).toEqual(asIoredisWrites(name, argv));
  });

  it('is a string when no argument is a buffer, and a FlatCommand keeps its arguments for the cluster slot', () => {
    expect(typeof encodeCommand('xadd', ['k', '*', 'f', 'v'])).toBe('string');
    const command = new FlatCommand('evalsha', ['sha', '1', 'tg:{g}:m', numbers]);
    expect(command.getKeys()).toEqual(['tg:{g}:m']);
    expect(Buffer.from(command.toWritable())).toEqual(asIoredisWrites('evalsha', ['sha', '1', 'tg:{g}:m', numbers]));
  });

  it('frames a command once and writes each call of it as ioredis would, its own buffer in the frame', () => {
    const frame = frameCommand('evalsha', ['sha', '2', 'tg:{g}:d@2026-12-01', 'tg:{g}:m'], numbers.length, ['o:rd', 'prix café ☕', '']);
    for (const call of [numbers, Buffer.from(numbers).reverse()]) {
      const command = new FramedCommand(frame, call);
      expect(command.getKeys()).toEqual(['tg:{g}:d@2026-12-01', 'tg:{g}:m']);
      expect(Buffer.from(command.toWritable())).toEqual(
        asIoredisWrites('evalsha', ['sha', '2', 'tg:{g}:d@2026-12-01', 'tg:{g}:m', call, 'o:rd', 'prix café ☕', '']),
      );
    }
  });

  it('frames a last string after the fields when asked: a usage entry', () => {
    const frame = frameCommand('evalsha', ['sha', '1', 'tg:{g}:events'], numbers.length, ['o:rd', 'u1'], true);
    for (const entry of ['{}', '{"model":"gpt-4o — ☃"}']) {
      const command = new FramedCommand(frame, numbers, entry);
      expect(command.getKeys()).toEqual(['tg:{g}:events']);
      expect(Buffer.from(command.toWritable())).toEqual(asIoredisWrites('evalsha', ['sha', '1', 'tg:{g}:events', numbers, 'o:rd', 'u1', entry]));
    }
  });
});
