import type { Socket } from 'node:net';
import WebSocket from 'ws';

/** A graphql-transport-ws message as it goes over the wire. */
export interface WireMessage {
  type: string;
  id?: string;
  payload?: any;
}

/**
 * One graphql-transport-ws connection spoken by hand, for what the graphql-ws
 * client would never do: stop reading its socket, drop the TCP connection
 * without a close frame, unsubscribe before the first message, never send
 * connection_init. Session cookie and Origin in `headers`, or a Bearer token
 * in `connectionParams`.
 */
export class RawSocket {
  readonly inbox: WireMessage[] = [];
  /** How the server closed the connection, once it did. */
  closed: { code: number; reason: string } | null = null;
  private readonly waiters = new Set<() => void>();
  private ids = 0;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.inbox.push(JSON.parse(String(data)) as WireMessage);
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      this.wake();
    });
    ws.on('error', () => undefined);
  }

  /** Opens the socket; with `init` (the default) sends connection_init and waits for the ack. */
  static async open(url: string, headers: Record<string, string>, options: { init?: boolean; connectionParams?: Record<string, unknown> } = {}) {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers });
    const socket = new RawSocket(ws);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    if (options.init !== false) {
      socket.send({ type: 'connection_init', payload: options.connectionParams });
      await socket.next((m) => m.type === 'connection_ack');
    }
    return socket;
  }

  /** The TCP socket under the WebSocket: pause() it and the server's writes back up. */
  get tcp(): Socket {
    return (this.ws as unknown as { _socket: Socket })._socket;
  }

  send(message: WireMessage): void {
    this.ws.send(JSON.stringify(message));
  }

  /** Starts an operation; answers its id. */
  subscribe(query: string, variables?: Record<string, unknown>): string {
    const id = String(++this.ids);
    this.send({ id, type: 'subscribe', payload: { query, variables } });
    return id;
  }

  complete(id: string): void {
    this.send({ id, type: 'complete' });
  }

  /** Waits for a message that satisfies `match` and takes it out of the inbox. */
  async next(match: (m: WireMessage) => boolean, timeoutMs = 10_000): Promise<WireMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.inbox.findIndex(match);
      if (found >= 0) return this.inbox.splice(found, 1)[0]!;
      if (this.closed) throw new Error(`closed (${this.closed.code} ${this.closed.reason}) without such a message: ${JSON.stringify(this.inbox)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no such message in ${timeoutMs} ms: ${JSON.stringify(this.inbox).slice(0, 2_000)}`);
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, left);
        this.waiters.add(done);
      });
    }
  }

  /** Waits until the server closes the connection; answers its close code and reason. */
  async waitClosed(timeoutMs = 10_000): Promise<{ code: number; reason: string }> {
    await this.next(() => false, timeoutMs).catch(() => undefined);
    if (!this.closed) throw new Error(`still open after ${timeoutMs} ms`);
    return this.closed;
  }

  /** Drops the TCP connection: no complete, no close frame. */
  terminate(): void {
    this.ws.terminate();
  }

  close(): void {
    this.ws.close();
  }

  private wake() {
    for (const w of [...this.waiters]) w();
  }
}
