import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool, errors } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { UpstreamCall } from '../src/call/upstream';

/** A real upstream that answers every request with `answer`, and an undici pool to it. */
async function upstream(answer: (res: ServerResponse) => void) {
  const server = createServer((req, res) => req.resume().on('end', () => answer(res)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const pool = new Pool(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  cleanups.push(async () => (await pool.destroy(), server.closeAllConnections(), server.close()));
  return (call: UpstreamCall) => pool.dispatch({ path: '/chat/completions', method: 'POST', body: '{}' }, call);
}
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PARTS = Array.from({ length: 20 }, (_, i) => `part ${i};`);

describe('a call to the upstream', () => {
  it('answers the head, then the whole body, chunks that came before the read included', async () => {
    const send = await upstream((res) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      for (const part of PARTS) res.write(part);
      res.end();
    });
    const call = new UpstreamCall();
    send(call);
    const head = await call.head;
    expect(head).toMatchObject({ statusCode: 201, headers: { 'content-type': 'application/json' } });
    await tick(50); // the body is in by now, held for the reader
    expect(String(await call.readAll())).toBe(PARTS.join(''));
  });

  it('pauses the upstream while the reader cannot keep up, and goes on when resumed', async () => {
    const send = await upstream((res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      let i = 0;
      const next = () => (i < PARTS.length ? res.write(PARTS[i++], () => setImmediate(next)) : res.end());
      next();
    });
    const call = new UpstreamCall();
    send(call);
    await call.head;
    const seen: string[] = [];
    let full = true;
    const done = call.relay((chunk) => {
      seen.push(String(chunk));
      return !full;
    });
    await tick(150);
    const whilePaused = seen.length; // what had arrived before the pause took hold
    await tick(150);
    expect(seen).toHaveLength(whilePaused);
    expect(whilePaused).toBeLessThan(PARTS.length);
    full = false;
    call.resume();
    await done;
    expect(seen.join('')).toBe(PARTS.join(''));
  });

  it("fails the head when aborted before the upstream answers, and the body when the reader's callback throws", async () => {
    const send = await upstream((res) => setTimeout(() => res.writeHead(200).end('late'), 200));
    const early = new UpstreamCall();
    send(early);
    early.abort();
    await expect(early.head).rejects.toBeInstanceOf(errors.RequestAbortedError);

    const sendNow = await upstream((res) => res.writeHead(200).end('now'));
    const broken = new UpstreamCall();
    sendNow(broken);
    await broken.head;
    await expect(
      broken.relay(() => {
        throw new Error('relay failed');
      }),
    ).rejects.toThrow('relay failed');
  });
});
