/** How a subscription's channel holds what its consumer has not taken yet. */
export interface ChannelBuffer<T> {
  put(value: T): void;
  take(): { value: T } | null;
  clear(): void;
}

/** At most one value waiting: a new one is merged into it (by default the newest wins), so no backlog grows. */
export function latestValue<T>(merge: (older: T, newer: T) => T = (_older, newer) => newer): ChannelBuffer<T> {
  let pending: { value: T } | null = null;
  return {
    put: (value) => void (pending = { value: pending ? merge(pending.value, value) : value }),
    take: () => {
      const taken = pending;
      pending = null;
      return taken;
    },
    clear: () => void (pending = null),
  };
}

/** Every value in order, at most `max` waiting (past it the oldest go). */
export function boundedQueue<T>(max: number): ChannelBuffer<T> {
  const queue: T[] = [];
  return {
    put: (value) => {
      queue.push(value);
      if (queue.length > max) queue.shift();
    },
    take: () => (queue.length ? { value: queue.shift()! } : null),
    clear: () => void (queue.length = 0),
  };
}

/**
 * A subscription's event stream, fed by the live hub and read by graphql-ws
 * (which waits on a slow socket before reading on): what the consumer has not
 * taken waits in its buffer. It ends by `fail(error)` (the next read throws,
 * after anything waiting, which graphql-ws answers with an `error` message) or
 * the consumer's `return()` (unsubscribe, disconnect), and calls `onClose`
 * once however it ends.
 */
export class SubscriptionChannel<T> implements AsyncIterableIterator<T> {
  private waiting: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void } | null = null;
  private failure: unknown = null;
  private closed = false;

  constructor(
    private readonly onClose: () => void,
    private readonly buffer: ChannelBuffer<T>,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  push(value: T): void {
    if (this.closed || this.failure) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
      return;
    }
    this.buffer.put(value);
  }

  /** Ends the stream with an error the consumer receives after anything waiting. */
  fail(error: unknown): void {
    if (this.closed || this.failure) return;
    this.failure = error;
    if (this.waiting) {
      const { reject } = this.waiting;
      this.waiting = null;
      this.close();
      reject(error);
    }
  }

  next(): Promise<IteratorResult<T>> {
    const taken = this.buffer.take();
    if (taken) return Promise.resolve({ value: taken.value, done: false });
    // Ended (the error delivered too): done, as an async generator answers once it has thrown.
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    if (this.failure) {
      const error = this.failure;
      this.close();
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    this.close();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private close() {
    if (this.closed) return;
    this.closed = true;
    this.buffer.clear();
    if (this.waiting) {
      this.waiting.resolve({ value: undefined, done: true });
      this.waiting = null;
    }
    this.onClose();
  }
}

/** The dashboards' channel: never a backlog, a slow subscriber gets the newest state (`merge` adds up deltas). */
export class LatestChannel<T> extends SubscriptionChannel<T> {
  constructor(onClose: () => void, merge?: (older: T, newer: T) => T) {
    super(onClose, latestValue(merge));
  }
}
