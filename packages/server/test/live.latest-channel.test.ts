import { describe, expect, it, vi } from 'vitest';
import { LatestChannel } from '../src/modules/live/latest-channel';

/**
 * The latest-value buffer behind every subscription: what graphql-ws has not
 * taken is merged, never queued; an error comes after what is pending; and
 * however it ends, the hub hears of it once.
 */
const sum = (older: number, newer: number) => older + newer;
const settled = async <T>(promise: Promise<T>) => {
  let state: 'pending' | 'resolved' | 'rejected' = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return state;
};

describe('LatestChannel', () => {
  it('merges what is pushed while nobody reads into one value: the newest by default, or by its merge', async () => {
    const newest = new LatestChannel<string>(() => undefined);
    for (const v of ['a', 'b', 'c']) newest.push(v);
    expect(await newest.next()).toEqual({ value: 'c', done: false });

    const summed = new LatestChannel<number>(() => undefined, sum);
    for (let i = 1; i <= 1_000; i++) summed.push(i);
    expect(await summed.next()).toEqual({ value: 500_500, done: false });
    // Nothing else was kept: the next read waits for the next push.
    const next = summed.next();
    expect(await settled(next)).toBe('pending');
    summed.push(7);
    expect(await next).toEqual({ value: 7, done: false });
  });

  it('hands a push straight to a waiting reader, without merging it into anything', async () => {
    const merge = vi.fn(sum);
    const channel = new LatestChannel<number>(() => undefined, merge);
    const first = channel.next();
    channel.push(1);
    channel.push(2);
    expect(await first).toEqual({ value: 1, done: false });
    expect(await channel.next()).toEqual({ value: 2, done: false });
    expect(merge).not.toHaveBeenCalled();
  });

  it('fails after the pending value: the reader gets it first, then the error, then the end; onClose once', async () => {
    const onClose = vi.fn();
    const channel = new LatestChannel<number>(onClose, sum);
    channel.push(1);
    channel.push(2);
    const error = new Error('access changed');
    channel.fail(error);
    channel.push(3); // after the failure: dropped
    channel.fail(new Error('a second failure')); // the first one stands
    expect(onClose).not.toHaveBeenCalled();
    expect(channel.isClosed).toBe(false);
    expect(await channel.next()).toEqual({ value: 1 + 2, done: false });
    await expect(channel.next()).rejects.toBe(error);
    expect(channel.isClosed).toBe(true);
    expect(await channel.next()).toEqual({ value: undefined, done: true });
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('fails a waiting reader at once', async () => {
    const onClose = vi.fn();
    const channel = new LatestChannel<number>(onClose);
    const waiting = channel.next();
    const error = new Error('session ended');
    channel.fail(error);
    await expect(waiting).rejects.toBe(error);
    expect(onClose).toHaveBeenCalledOnce();
    expect(await channel.next()).toEqual({ value: undefined, done: true });
  });

  it('return() closes: a waiting reader ends, pending values are dropped, later pushes ignored, onClose once', async () => {
    const onClose = vi.fn();
    const channel = new LatestChannel<number>(onClose);
    const waiting = channel.next();
    expect(await channel.return()).toEqual({ value: undefined, done: true });
    expect(await waiting).toEqual({ value: undefined, done: true });
    channel.push(1);
    channel.fail(new Error('too late'));
    expect(await channel.next()).toEqual({ value: undefined, done: true });
    await channel.return();
    await expect(channel.throw(new Error('thrown'))).rejects.toThrow('thrown');
    expect(channel.isClosed).toBe(true);
    expect(onClose).toHaveBeenCalledOnce();

    const dropped = new LatestChannel<number>(() => undefined);
    dropped.push(1);
    await dropped.return();
    expect(await dropped.next()).toEqual({ value: undefined, done: true });
  });

  it('calls onClose once however it ends: return, throw, or a failure read, in any order', async () => {
    const endings: Array<(c: LatestChannel<number>) => Promise<unknown>> = [
      (c) => c.return(),
      (c) => c.throw(new Error('x')).catch(() => undefined),
      (c) => (c.fail(new Error('y')), c.next().catch(() => undefined)),
    ];
    for (const first of endings) {
      for (const second of endings) {
        const onClose = vi.fn();
        const channel = new LatestChannel<number>(onClose);
        await first(channel);
        await second(channel);
        await channel.return();
        expect(onClose).toHaveBeenCalledOnce();
      }
    }
  });

  it('is its own async iterator: for await ends on return()', async () => {
    const channel = new LatestChannel<number>(() => undefined);
    const seen: number[] = [];
    const loop = (async () => {
      for await (const v of channel) {
        seen.push(v);
        if (seen.length === 2) break; // break calls return()
      }
    })();
    channel.push(1);
    await new Promise((resolve) => setImmediate(resolve));
    channel.push(2);
    await loop;
    expect(seen).toEqual([1, 2]);
    expect(channel.isClosed).toBe(true);
  });
});
