import { afterAll, describe, expect, it } from 'vitest';
import { spawnProxy } from './support/processes';
import { startProxyWorld } from './support/proxy-harness';
import { startTcpRelay } from './support/tcp-relay';

const world = await startProxyWorld();
const env = (extra: Record<string, string> = {}) => ({ DATABASE_URL: world.databaseUrl, CREDENTIAL_KEY: world.credentialKey, REDIS_URL: '', ...extra });
const body = JSON.stringify({ model: 'mock-small', messages: [{ role: 'user', content: 'count me' }] });

/** One call; answers its request id when a complete 2xx answer arrived, else null. */
async function call(url: string): Promise<string | null> {
  try {
    const res = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.secret}`, 'content-type': 'application/json' },
      body,
    });
    const text = await res.text();
    return res.ok && JSON.parse(text).choices ? res.headers.get('x-request-id') : null;
  } catch {
    return null;
  }
}

/** Calls in `width` parallel loops until `stop()` says so, collecting the ids of the 2xx answers in `answered`. */
async function load(url: string, width: number, stop: () => boolean, answered: string[]): Promise<void> {
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (!stop()) {
        const id = await call(url);
        if (id) answered.push(id);
      }
    }),
  );
}

const recorded = async (ids: string[]) =>
  new Set((await world.db.query('select id from request_logs where id = any($1::uuid[]) and status = 200', [ids])).rows.map((r) => r.id as string));

describe('nothing answered is lost', () => {
  it('drains on SIGTERM under load: the events in the database equal the 2xx answers', async () => {
    const proxy = await spawnProxy(env());
    let stopped = false;
    const answered: string[] = [];
    const answering = load(proxy.url, 16, () => stopped, answered);
    // Under load, mid-flight: calls are being answered when the signal comes.
    await expect.poll(() => answered.length, { timeout: 20_000, interval: 10 }).toBeGreaterThanOrEqual(30);
    proxy.child.kill('SIGTERM');
    expect(await proxy.exited, proxy.output()).toBe(0);
    stopped = true;
    await answering;
    expect((await recorded(answered)).size).toBe(answered.length);
  }, 60_000);

  it('keeps events while PostgreSQL is unreachable and writes them when it returns', async () => {
    const relay = await startTcpRelay({ host: new URL(world.databaseUrl).hostname, port: Number(new URL(world.databaseUrl).port) });
    afterAll(() => relay.close());
    const viaRelay = new URL(world.databaseUrl);
    viaRelay.port = String(relay.port);
    const { url } = await world.startProxy({ DATABASE_URL: viaRelay.toString() });
    const before = [await call(url)];
    relay.down();
    const during: Array<string | null> = [];
    for (let i = 0; i < 20; i++) during.push(await call(url));
    expect(during.every((id) => id !== null)).toBe(true);
    const ready = await fetch(`${url}/ready`);
    expect(((await ready.json()) as { pendingUsageEvents: number }).pendingUsageEvents).toBeGreaterThanOrEqual(20);
    expect((await recorded(during as string[])).size).toBe(0);
    relay.up();
    const all = [...before, ...during] as string[];
    await expect.poll(async () => (await recorded(all)).size, { timeout: 10_000, interval: 100 }).toBe(all.length);
  }, 60_000);

  it('in strict mode, SIGKILL loses no answered call', async () => {
    const proxy = await spawnProxy(env({ USAGE_DURABILITY: 'strict' }));
    const answered: string[] = [];
    let killed = false;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (!killed) {
          const id = await call(proxy.url);
          if (id) answered.push(id);
          if (answered.length >= 60 && !killed) {
            killed = true;
            proxy.child.kill('SIGKILL');
          }
        }
      }),
    );
    await proxy.exited;
    expect(answered.length).toBeGreaterThanOrEqual(60);
    expect((await recorded(answered)).size).toBe(answered.length);
  }, 60_000);
});
