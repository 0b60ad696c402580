import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyTooLarge, eachChunk, PrematureClose, readBody } from '../src/body';

/** A real server whose handler hands the request to `read` and reports what it resolved or rejected with. */
async function serve(read: (req: IncomingMessage) => Promise<Buffer>) {
  const outcomes: Array<Promise<Buffer | Error>> = [];
  const server = createServer((req, res) => {
    const outcome = read(req).catch((err: Error) => err);
    outcomes.push(outcome);
    void outcome.then(() => res.writeHead(204).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { port: (server.address() as AddressInfo).port, outcomes };
}
const servers: Array<ReturnType<typeof createServer>> = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

/** Sends `parts` as a chunked body (no Content-Length), or stops after them without ending when `abort`. */
function send(port: number, parts: string[], abort = false) {
  const req = request({ port, host: '127.0.0.1', method: 'POST', headers: { 'transfer-encoding': 'chunked' } });
  req.on('error', () => undefined);
  for (const part of parts) req.write(part);
  if (abort) setTimeout(() => req.destroy(), 50);
  else req.end();
}

const until = async <T>(list: T[]) => {
  while (!list.length) await new Promise((r) => setTimeout(r, 5));
  return list[0]!;
};

describe('request and upstream bodies', () => {
  it('reads a chunked body whole', async () => {
    const { port, outcomes } = await serve((req) => readBody(req, 1024));
    send(port, ['{"a":', '1}']);
    expect(String(await until(outcomes).then((o) => o))).toBe('{"a":1}');
  });

  it('refuses a chunked body past the limit without Content-Length', async () => {
    const { port, outcomes } = await serve((req) => readBody(req, 10));
    send(port, ['0123456789', 'abc']);
    expect(await until(outcomes).then((o) => o)).toBeInstanceOf(BodyTooLarge);
  });

  it('rejects when the client goes away before the end, rather than waiting for ever', async () => {
    const { port, outcomes } = await serve((req) => readBody(req, 1024));
    send(port, ['{"a":'], true);
    const outcome = await until(outcomes).then((o) => o);
    expect(outcome).toBeInstanceOf(Error);
    expect(outcome).not.toBeInstanceOf(BodyTooLarge);
  });

  it('hands chunks over in order, and stops at an error', async () => {
    const stream = new PassThrough();
    const seen: string[] = [];
    const done = eachChunk(stream, (chunk) => seen.push(String(chunk)));
    stream.write('a');
    stream.write('b');
    stream.destroy(new Error('upstream broke off'));
    await expect(done).rejects.toThrow('upstream broke off');
    expect(seen).toEqual(['a', 'b']);
    const closed = new PassThrough();
    const cut = eachChunk(closed, () => undefined);
    closed.destroy(); // closed without an error and without an end
    await expect(cut).rejects.toThrow(PrematureClose);
  });
});
