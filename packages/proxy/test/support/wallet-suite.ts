import { startInvalidationBridge } from '@tollgate/db';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnProxy } from './processes';
import { startProxyWorld } from './proxy-harness';
import { requireRedisUrl, type RedisTopology } from './redis-url';
import { stopProxies } from './stop-proxies';

/** $0.01 a call: output priced at $2,000 per million tokens (2,000,000,000 micros), input free, max_tokens 5 (the mock stops there). */
const CENT = 10_000n;
const OUTPUT_PRICE = 2_000_000_000n;
const silent = { info() {}, warn() {}, error() {}, debug() {} } as never;

interface Answer {
  status: number;
  code: string | null;
  type: string | null;
}

/**
 * A prepaid wallet enforced by the proxy: memory (one in-process proxy) or
 * Redis (two proxy processes sharing it, as a deployment runs them; one server, or a cluster).
 */
export function walletThroughTheProxy(adapter: 'memory' | 'redis', topology: RedisTopology = 'single') {
  describe(`prepaid wallet through the proxy (${adapter === 'redis' ? `redis, ${topology}` : adapter})`, async () => {
    const world = await startProxyWorld();
    const org = world.organizationId;
    await world.db.query(
      `update models set input_price_per_million = 0, cached_input_price_per_million = null, output_price_per_million = $1 where name = 'mock-small'`,
      [OUTPUT_PRICE.toString()],
    );
    await world.db.query('insert into wallets (organization_id) values ($1)', [org]);
    const credit = (amount: bigint, reference: string) =>
      world.db.query(
        `insert into wallet_records (id, organization_id, type, amount, reference, description) values (gen_random_uuid(), $1, 'RECHARGE', $2, $3, 'test credit')`,
        [org, amount.toString(), reference],
      );

    let urls: string[];
    if (adapter === 'memory') {
      urls = [(await world.startProxy({ LIMIT_STORE: 'memory', REDIS_URL: '' })).url];
    } else {
      const redisUrl = requireRedisUrl(topology);
      // Redis mode hears of changes over pub/sub, fed by the server's bridge from PostgreSQL.
      const bridge = await startInvalidationBridge(world.databaseUrl, redisUrl, silent);
      const env = { DATABASE_URL: world.databaseUrl, CREDENTIAL_KEY: world.credentialKey, REDIS_URL: redisUrl, LIMIT_STORE: 'redis' };
      const proxies = await Promise.all([spawnProxy(env), spawnProxy(env)]);
      urls = proxies.map((p) => p.url);
      afterAll(async () => {
        await stopProxies(proxies);
        await bridge.close();
      });
    }

    const call = async (i: number, content = 'charge me please, this reply runs longer than five tokens'): Promise<Answer> => {
      const res = await fetch(`${urls[i % urls.length]}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${world.secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'mock-small', messages: [{ role: 'user', content }], max_tokens: 5 }),
      });
      const body = (await res.json()) as { error?: { code: string; type: string }; usage?: { completion_tokens: number } };
      if (res.status === 200) expect(body.usage?.completion_tokens).toBe(5);
      return { status: res.status, code: body.error?.code ?? null, type: body.error?.type ?? null };
    };
    const wallet = async () => {
      const { rows } = await world.db.query('select balance::text, frozen_amount::text, is_active from wallets where organization_id = $1', [org]);
      return { balance: BigInt(rows[0].balance), frozen: BigInt(rows[0].frozen_amount), isActive: rows[0].is_active as boolean };
    };
    const consumes = async () =>
      (await world.db.query(`select count(*)::int as n from wallet_records where organization_id = $1 and type = 'CONSUME'`, [org])).rows[0].n as number;
    /** Polls until `check` holds (the recorder writes Consumes in batches; frozen amounts are written every 250 ms). */
    const eventually = async <T>(read: () => Promise<T>, check: (value: T) => boolean, ms = 5_000): Promise<T> => {
      const deadline = Date.now() + ms;
      for (;;) {
        const value = await read();
        if (check(value) || Date.now() > deadline) return value;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const admittedAfterCredit = async (expected: number) => {
      // Money in reaches the proxies through the ledger's notice: wait until a call is admitted again.
      const first = await eventually(
        () => call(0),
        (a) => a.status === 200,
        2_000,
      );
      expect(first.status).toBe(200);
      const rest = await Promise.all(Array.from({ length: 20 }, (_, i) => call(i)));
      return 1 + rest.filter((a) => a.status === 200).length === expected;
    };

    it('admits exactly 500 of 1,000 concurrent $0.01 calls against $5.00, leaving 0.00 and 500 Consume records', async () => {
      await credit(500n * CENT, 'five-dollars');
      const answers = await Promise.all(Array.from({ length: 1000 }, (_, i) => call(i)));
      expect(answers.filter((a) => a.status === 200)).toHaveLength(500);
      const refused = answers.filter((a) => a.status !== 200);
      expect(refused).toHaveLength(500);
      for (const a of refused) expect(a).toEqual({ status: 429, type: 'insufficient_quota', code: 'wallet_insufficient_funds' });
      expect(await eventually(consumes, (n) => n >= 500)).toBe(500);
      expect(await eventually(wallet, (w) => w.frozen === 0n)).toEqual({ balance: 0n, frozen: 0n, isActive: true });
      // The ledger chains: each record starts where the one before ended, and the balance is their sum.
      const { rows } = await world.db.query(
        `select type, amount::text, previous_balance::text, current_balance::text, request_log_id from wallet_records where organization_id = $1 order by seq`,
        [org],
      );
      let balance = 0n;
      for (const r of rows) {
        expect(BigInt(r.previous_balance)).toBe(balance);
        balance += BigInt(r.amount);
        expect(BigInt(r.current_balance)).toBe(balance);
        if (r.type === 'CONSUME') expect([BigInt(r.amount), r.request_log_id !== null]).toEqual([-CENT, true]);
      }
      expect(balance).toBe(0n);
      const next = await call(0);
      expect(next).toMatchObject({ status: 429, code: 'wallet_insufficient_funds' });
    }, 120_000);

    it('takes money in once: a $0.05 credit admits exactly five more calls', async () => {
      await credit(5n * CENT, 'five-cents');
      expect(await admittedAfterCredit(5)).toBe(true);
      expect(await eventually(wallet, (w) => w.balance === 0n && w.frozen === 0n)).toMatchObject({ balance: 0n, frozen: 0n });
    }, 30_000);

    it('shows calls in flight as frozen, and charges nothing for a call the upstream failed', async () => {
      await credit(10n * CENT, 'ten-cents');
      await eventually(
        () => call(0),
        (a) => a.status === 200,
        2_000,
      ); // the credit has arrived (one cent spent)
      const slow = Array.from({ length: 3 }, (_, i) => call(i, 'hold on [[latency:1500]] a while longer please'));
      const during = await eventually(wallet, (w) => w.frozen === 3n * CENT, 1_200);
      expect(during.frozen).toBe(3n * CENT);
      expect((await Promise.all(slow)).map((a) => a.status)).toEqual([200, 200, 200]);
      const failed = await call(1, 'break [[fail:500]]');
      expect(failed.status).toBe(502);
      // Six cents left: the failed call cost nothing.
      const after = await eventually(wallet, (w) => w.frozen === 0n && w.balance === 6n * CENT);
      expect(after).toMatchObject({ balance: 6n * CENT, frozen: 0n });
      const { rows } = await world.db.query(
        `select count(*)::int as n from wallet_records r join request_logs l on l.id = r.request_log_id where l.status >= 500 and r.organization_id = $1`,
        [org],
      );
      expect(rows[0].n).toBe(0);
    }, 30_000);

    it('refuses every call while the wallet is inactive, and admits again once it is active', async () => {
      await world.db.query('update wallets set is_active = false where organization_id = $1', [org]);
      expect(
        await eventually(
          () => call(0),
          (a) => a.code === 'wallet_inactive',
          2_000,
        ),
      ).toEqual({ status: 429, type: 'insufficient_quota', code: 'wallet_inactive' });
      if (urls.length > 1) expect(await call(1)).toMatchObject({ status: 429, code: 'wallet_inactive' });
      await world.db.query('update wallets set is_active = true where organization_id = $1', [org]);
      expect(
        await eventually(
          () => call(0),
          (a) => a.status === 200,
          2_000,
        ),
      ).toMatchObject({ status: 200 });
    }, 30_000);
  });
}
