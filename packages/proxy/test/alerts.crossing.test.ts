import { startInvalidationBridge } from '@tollgate/db';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnProxy } from './support/processes';
import { startProxyWorld } from './support/proxy-harness';
import { requireRedisUrl } from './support/redis-url';
import { stopProxies } from './support/stop-proxies';

/** $0.001 a call: output at $200 per million tokens, input free, max_tokens 5 (the mock stops there). */
const OUTPUT_PRICE = 200_000_000n;
const silent = { info() {}, warn() {}, error() {}, debug() {} } as never;

/**
 * A balance alert fires exactly once when 1,000 concurrent calls take a
 * wallet across its threshold, through one proxy (memory) and through two
 * proxy processes sharing Redis.
 */
describe.each(['memory', 'redis'] as const)('a balance alert crossed by 1,000 concurrent calls (%s)', async (adapter) => {
  const world = await startProxyWorld();
  const org = world.organizationId;
  await world.db.query(
    `update models set input_price_per_million = 0, cached_input_price_per_million = null, output_price_per_million = $1 where name = 'mock-small'`,
    [OUTPUT_PRICE.toString()],
  );
  await world.db.query('insert into wallets (organization_id) values ($1)', [org]);
  await world.db.query(
    `insert into wallet_records (id, organization_id, type, amount, reference, description) values (gen_random_uuid(), $1, 'RECHARGE', 5500000, 'start', 'test credit')`,
    [org],
  );

  let urls: string[];
  if (adapter === 'memory') {
    urls = [(await world.startProxy({ LIMIT_STORE: 'memory', REDIS_URL: '' })).url];
  } else {
    const redisUrl = requireRedisUrl();
    const bridge = await startInvalidationBridge(world.databaseUrl, redisUrl, silent);
    const env = { DATABASE_URL: world.databaseUrl, CREDENTIAL_KEY: world.credentialKey, REDIS_URL: redisUrl, LIMIT_STORE: 'redis' };
    const proxies = await Promise.all([spawnProxy(env), spawnProxy(env)]);
    urls = proxies.map((p) => p.url);
    afterAll(async () => {
      await stopProxies(proxies);
      await bridge.close();
    });
  }

  const call = (i: number) =>
    fetch(`${urls[i % urls.length]}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'mock-small', messages: [{ role: 'user', content: `call ${i} runs past five tokens` }], max_tokens: 5 }),
    }).then((r) => r.status);

  it('fires one alert, with its email deliveries, from 5.50 down to 4.50', async () => {
    const statuses = await Promise.all(Array.from({ length: 1000 }, (_, i) => call(i)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1000);
    const settled = async () =>
      (await world.db.query(`select count(*)::int as n from wallet_records where organization_id = $1 and type = 'CONSUME'`, [org])).rows[0].n;
    for (const deadline = Date.now() + 10_000; (await settled()) < 1000 && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 100));
    const { rows: wallet } = await world.db.query('select balance::text from wallets where organization_id = $1', [org]);
    expect(wallet[0].balance).toBe('4500000');
    const { rows: alerts } = await world.db.query(
      `select id, threshold::text, value::text, suppressed from alerts where organization_id = $1 and kind = 'BALANCE'`,
      [org],
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ threshold: '5000000', suppressed: false });
    expect(BigInt(alerts[0].value)).toBeLessThan(5_000_000n);
    const { rows: mail } = await world.db.query(`select channel, "to" from outbox_messages where alert_id = $1`, [alerts[0].id]);
    expect(mail).toEqual([{ channel: 'EMAIL', to: expect.stringContaining('@example.test') }]);
  });
});
