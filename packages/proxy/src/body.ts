import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';

export class BodyTooLarge extends Error {}

/** A stream that closed before its end (the peer went away). */
export class PrematureClose extends Error {
  constructor() {
    super('the stream closed before its end');
  }
}

/**
 * Hands every chunk of `stream` to `onChunk` as it arrives; resolves at its end, rejects on its
 * error or a close before the end. Plain events rather than `for await`: the async iterator
 * costs about 5 µs more per body on the hot path (a promise per chunk, end-of-stream tracking).
 * `onChunk` throwing stops the reading (the stream is destroyed) and rejects with what it threw.
 */
export function eachChunk(stream: Readable, onChunk: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (err?: Error) => {
      if (settled) return;
      settled = true;
      stream.off('data', data);
      if (err) reject(err);
      else resolve();
    };
    const data = (chunk: Buffer) => {
      try {
        onChunk(chunk);
      } catch (err) {
        settle(err as Error);
        stream.destroy();
      }
    };
    stream.on('data', data);
    stream.once('end', () => settle());
    stream.once('error', (err) => settle(err));
    // A stream closes after its end too (autoDestroy): make the error (a stack capture) only when it is one.
    stream.once('close', () => {
      if (!settled) settle(new PrematureClose());
    });
  });
}

/** Reads the request body, refusing (early, by Content-Length when given) past `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  await eachChunk(req, (chunk) => {
    size += chunk.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk);
  });
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}
