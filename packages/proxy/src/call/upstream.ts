import type { IncomingHttpHeaders } from 'node:http';
import { errors as undiciErrors, type Dispatcher } from 'undici';
import type { ModelRoute } from '../catalog';

/** The start of the upstream's answer. */
export interface UpstreamHead {
  statusCode: number;
  headers: IncomingHttpHeaders;
}

/**
 * One call to a model's upstream on undici's dispatch API: `head` resolves with the answer's
 * status and headers, then the body goes to one reader (`readAll`, `relay` or `discard`) chunk by
 * chunk as undici parses it; chunks that arrive before the reader does are held for it.
 * `pool.request` would wrap every answer in a Readable stream and an async resource that are read
 * once and dropped: about 8 µs of CPU a call more (see docs/benchmarks.md).
 */
export class UpstreamCall implements Dispatcher.DispatchHandler {
  readonly head: Promise<UpstreamHead>;
  private started!: (head: UpstreamHead) => void;
  private failedToStart!: (err: Error) => void;
  private controller: Dispatcher.DispatchController | null = null;
  private abortReason: Error | null = null;
  private headSeen = false;
  private held: Buffer[] = [];
  private reader: ((chunk: Buffer) => void) | null = null;
  /** The body's outcome: open, ended, or the error it failed with; and the reader's promise of it. */
  private outcome: 'open' | 'ended' | Error = 'open';
  private ended: { resolve: () => void; reject: (err: Error) => void } | null = null;

  constructor() {
    this.head = new Promise((resolve, reject) => {
      this.started = resolve;
      this.failedToStart = reject;
    });
  }

  /** Cancels the call (the client went away): what is pending fails with undici's RequestAbortedError. */
  abort(): void {
    this.abortReason ??= new undiciErrors.RequestAbortedError();
    this.controller?.abort(this.abortReason);
  }

  /** The whole body, as one buffer. */
  readAll(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    return this.read((chunk) => {
      chunks.push(chunk);
      size += chunk.length;
    }).then(() => (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
  }

  /** Hands every chunk to `onChunk`; resolves at the body's end. `onChunk` answering false pauses the upstream until `resume`. */
  relay(onChunk: (chunk: Buffer) => boolean): Promise<void> {
    return this.read((chunk) => {
      if (!onChunk(chunk)) this.controller?.pause();
    });
  }

  resume(): void {
    this.controller?.resume();
  }

  /** Reads the body to its end and drops it, so the connection is reused. */
  discard(): Promise<void> {
    return this.read(() => undefined);
  }

  private read(reader: (chunk: Buffer) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.ended = { resolve, reject };
      this.reader = reader;
      const held = this.held;
      this.held = [];
      for (const chunk of held) this.deliver(chunk);
      if (this.outcome === 'ended') resolve();
      else if (this.outcome !== 'open') reject(this.outcome);
    });
  }

  private deliver(chunk: Buffer): void {
    try {
      this.reader!(chunk);
    } catch (err) {
      this.fail(err as Error); // the reader's failure ends the call, as the upstream's would
    }
  }

  private fail(err: Error): void {
    if (this.outcome instanceof Error) return;
    if (this.outcome === 'open') this.controller?.abort(err);
    this.outcome = err;
    this.ended?.reject(err);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.abortReason) controller.abort(this.abortReason);
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    if (statusCode < 200) return; // 1xx: informational, the answer is still to come
    this.headSeen = true;
    this.started({ statusCode, headers });
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.reader) this.deliver(chunk);
    else this.held.push(chunk);
  }

  onResponseEnd(): void {
    if (this.outcome !== 'open') return;
    this.outcome = 'ended';
    this.ended?.resolve();
  }

  onResponseError(_controller: Dispatcher.DispatchController | null, err: Error): void {
    if (this.headSeen) this.fail(err);
    else this.failedToStart(err);
  }
}

/** Sends a call's body to its model's upstream. */
export function sendUpstream(route: ModelRoute, path: string, payload: Buffer): UpstreamCall {
  const { upstream } = route;
  const call = new UpstreamCall();
  upstream.pool.dispatch(
    {
      path: upstream.basePath + path,
      method: 'POST',
      headers: upstream.authorization ? { 'content-type': 'application/json', authorization: upstream.authorization } : JSON_ONLY,
      body: payload,
    },
    call,
  );
  return call;
}

const JSON_ONLY = { 'content-type': 'application/json' };

/** Whether an upstream failure was a timeout (504) rather than a refusal or a broken connection (502). */
export const isTimeout = (err: unknown): boolean =>
  err instanceof undiciErrors.ConnectTimeoutError || err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError;
