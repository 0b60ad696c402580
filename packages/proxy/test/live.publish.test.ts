import { LIVE_CHANNEL, parseLiveMessage, type UsageDelta, type WalletState } from '@tollgate/db';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startProxyWorld } from './support/proxy-harness';

/**
 * What a proxy tells the servers for live dashboards in the default mode
 * (NOTIFY): after each recorder batch, the organization's delta numbered in
 * its usage sequence, summing exactly what the request log holds; and each
 * prepaid wallet's state as the limit store sees it.
 */
const world = await startProxyWorld();
await world.db.query('insert into wallets (organization_id) values ($1)', [world.organizationId]);
await world.db.query(
  `insert into wallet_records (id, organization_id, type, amount, reference, description) values (gen_random_uuid(), $1, 'RECHARGE', 5000000, 'five', 'test credit')`,
  [world.organizationId],
);
const { url } = await world.startProxy({ LIMIT_STORE: 'memory', REDIS_URL: '' });
const listener = new pg.Client({ connectionString: world.databaseUrl });
await listener.connect();
await listener.query(`listen ${LIVE_CHANNEL}`);
const heard: Array<UsageDelta | WalletState> = [];
listener.on('notification', (n) => {
  const message = parseLiveMessage(n.payload);
  if (message) heard.push(message);
});
afterAll(() => listener.end());

const chat = (content: string) =>
  fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${world.secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'mock-small', messages: [{ role: 'user', content }], max_tokens: 8 }),
  }).then((r) => (expect(r.status).toBe(200), r.json()));

async function until(check: () => boolean | Promise<boolean>, ms = 5_000) {
  for (const deadline = Date.now() + ms; !(await check());) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${JSON.stringify(heard)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('live messages from the proxy', () => {
  it('publishes numbered usage deltas that sum to the request log, and the wallet as the store holds it', async () => {
    for (let round = 0; round < 3; round++) await Promise.all(Array.from({ length: 4 }, (_, i) => chat(`round ${round} call ${i}`)));
    const usage = () => heard.filter((m): m is UsageDelta => m.kind === 'usage');
    await until(() => usage().reduce((n, d) => n + d.rows.reduce((k, r) => k + r[3], 0), 0) === 12);

    const deltas = usage();
    expect(deltas.every((d) => d.organizationId === world.organizationId && d.part[0] === 1 && d.part[1] === 1)).toBe(true);
    expect(deltas.map((d) => d.seq)).toEqual(deltas.map((_, i) => i + 1));
    const { rows } = await world.db.query<{ input: string; output: string; cost: string }>(
      'select sum(input_tokens)::text as input, sum(output_tokens)::text as output, sum(cost)::text as cost from request_logs',
    );
    const sum = (i: number) => deltas.flatMap((d) => d.rows).reduce((total, r) => total + BigInt(r[i] as number | string), 0n);
    expect([sum(5), sum(7), sum(9)].map(String)).toEqual([rows[0]!.input, rows[0]!.output, rows[0]!.cost]);
    expect(deltas.flatMap((d) => d.rows).every((r) => r[0] === world.projectId && r[1] === 'mock-small' && r[2] % 60_000 === 0)).toBe(true);

    // The wallet: 5.00 less what was charged, nothing frozen once every call settled.
    const charged = BigInt(rows[0]!.cost);
    expect(charged).toBeGreaterThan(0n);
    await until(() => heard.some((m) => m.kind === 'wallet' && m.frozen === '0' && BigInt(m.balance) === 5_000_000n - charged));
    const last = heard.filter((m): m is WalletState => m.kind === 'wallet').at(-1)!;
    expect(last).toMatchObject({ organizationId: world.organizationId, available: String(5_000_000n - charged) });
  });
});
