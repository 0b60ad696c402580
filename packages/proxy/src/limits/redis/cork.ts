import type { Writable } from 'node:stream';

/** The sockets corked by corkForThisTurn, until their setImmediate. */
const corked = new WeakSet<Writable>();

/**
 * Holds this turn of the event loop's writes to the client's socket (every call's reserve or
 * settle sent while the turn's I/O is handled) and writes them together once that I/O is done
 * (setImmediate runs right after it): one write for many calls instead of one each, and fewer
 * reads for Redis. Call it before each command is sent; each call still sends its own commands,
 * only the socket writes are shared. After a reconnect the new socket is corked as the old one
 * was. `client` is an ioredis client (its `stream` is not in its types); nothing happens while it
 * has no socket.
 */
export function corkForThisTurn(client: object): void {
  const stream = (client as { stream?: Writable }).stream;
  if (!stream || corked.has(stream)) return;
  stream.cork();
  corked.add(stream);
  setImmediate(() => {
    corked.delete(stream);
    stream.uncork();
  });
}
