/**
 * A subscription's event stream that never grows a backlog: while the
 * consumer (graphql-ws, waiting on a slow socket) has not taken the pending
 * value, a new one is merged into it (`merge`: by default the newest wins).
 * It ends by `end()` (done) or `fail(error)` (the next read throws, which
 * graphql-ws answers with an `error` message), and calls `onClose` once,
 * however it ends: the consumer's `return()` on unsubscribe or disconnect too.
 */
export class LatestChannel<T> implements AsyncIterableIterator<T> {
  private pending: { value: T } | null = null;
  private waiting: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void } | null = null;
  private failure: unknown = null;
  private closed = false;

  constructor(
    private readonly onClose: () => void,
    private readonly merge: (older: T, newer: T) => T = (_older, newer) => newer,
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
    this.pending = { value: this.pending ? this.merge(this.pending.value, value) : value };
  }

  /** Ends the stream with an error the consumer receives after any pending value. */
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
    if (this.pending) {
      const { value } = this.pending;
      this.pending = null;
      return Promise.resolve({ value, done: false });
    }
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
    this.pending = null;
    if (this.waiting) {
      this.waiting.resolve({ value: undefined, done: true });
      this.waiting = null;
    }
    this.onClose();
  }
}
