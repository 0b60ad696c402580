import { Organization, Project, seedApiKey } from '@tollgate/db';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageRecorder, type UsageEvent } from '../src/usage/recorder';
import { startProxyWorld } from './support/proxy-harness';
import { usageEvent } from './support/usage-event';

const silent = { info() {}, warn() {}, error() {}, debug() {} } as never;

/**
 * The recorder chains Consume records a batch at a time: each wallet locked
 * once per batch, its balance and sequence moved by the batch's total. Several
 * proxies' recorders and the API's credits write to the same wallets at once.
 */
describe('Consume records written by concurrent recorders', async () => {
  const world = await startProxyWorld();
  const em = world.orm.em.fork();
  const tenants = [{ organizationId: world.organizationId, projectId: world.projectId, keyId: world.keyId }];
  for (const name of ['second', 'unfunded']) {
    const organization = em.create(Organization, { name: `${name}-${randomUUID().slice(0, 8)}`, displayName: name });
    const project = em.create(Project, { organization, name: 'p' });
    await em.flush();
    const { key } = await seedApiKey(em, { organizationId: organization.id, projectId: project.id, userId: world.userId });
    tenants.push({ organizationId: organization.id, projectId: project.id, keyId: key.id });
  }
  const [first, second, unfunded] = tenants as [(typeof tenants)[0], (typeof tenants)[0], (typeof tenants)[0]];
  const prepaid = [first, second];
  for (const t of prepaid) await world.db.query('insert into wallets (organization_id) values ($1)', [t.organizationId]);
  const credit = (organizationId: string, amount: bigint) =>
    world.db.query(`insert into wallet_records (id, organization_id, type, amount, description) values (gen_random_uuid(), $1, 'RECHARGE', $2, 'credit')`, [
      organizationId,
      amount.toString(),
    ]);

  const pools = Array.from({ length: 4 }, () => new pg.Pool({ connectionString: world.databaseUrl, max: 2 }));
  afterAll(() => Promise.all(pools.map((p) => p.end())));
  const recorders = pools.map((pool) => new UsageRecorder(pool, { durability: 'strict', flushMs: 5, bufferMax: 100_000 }, silent));

  const event = (tenant: (typeof tenants)[0], charge: bigint) =>
    usageEvent({ organizationId: tenant.organizationId, projectId: tenant.projectId, apiKeyId: tenant.keyId, charge });

  it('keeps every wallet chained, record by record, with its balance the sum of its records', async () => {
    for (const t of prepaid) await credit(t.organizationId, 1_000_000_000n);
    const events: UsageEvent[] = [];
    for (let i = 0; i < 1_200; i++) events.push(event(tenants[i % 3]!, BigInt(1 + (i % 7) * 1_000)));
    // Four recorders (four proxies) and 40 credits, all at once.
    await Promise.all([
      ...events.map((e, i) => recorders[i % 4]!.record(e)),
      ...Array.from({ length: 40 }, (_, i) => credit(prepaid[i % 2]!.organizationId, 10_000n)),
    ]);
    for (const t of prepaid) {
      const charged = events.filter((e) => e.organizationId === t.organizationId).reduce((s, e) => s + e.charge, 0n);
      const { rows } = await world.db.query(
        `select seq::int, type, amount::text, previous_balance::text, current_balance::text, request_log_id from wallet_records where organization_id = $1 order by seq`,
        [t.organizationId],
      );
      let balance = 0n;
      rows.forEach((r, i) => {
        expect(r.seq).toBe(i + 1);
        expect(BigInt(r.previous_balance)).toBe(balance);
        balance += BigInt(r.amount);
        expect(BigInt(r.current_balance)).toBe(balance);
      });
      const consumes = rows.filter((r) => r.type === 'CONSUME');
      expect(consumes).toHaveLength(400);
      expect(consumes.reduce((s, r) => s - BigInt(r.amount), 0n)).toBe(charged);
      expect(balance).toBe(1_000_000_000n + 20n * 10_000n - charged);
      const wallet = (await world.db.query('select balance::text, last_seq::int from wallets where organization_id = $1', [t.organizationId])).rows[0];
      expect([BigInt(wallet.balance), wallet.last_seq]).toEqual([balance, rows.length]);
      const linked = await world.db.query(
        'select count(*)::int as n from wallet_records r join request_logs l on l.id = r.request_log_id where r.organization_id = $1',
        [t.organizationId],
      );
      expect(linked.rows[0].n).toBe(400);
    }
    // No wallet, no Consume: the organization is not prepaid.
    expect((await world.db.query('select count(*)::int as n from wallet_records where organization_id = $1', [unfunded.organizationId])).rows[0].n).toBe(0);
  }, 60_000);

  it('charges a call once however often its batch is written', async () => {
    const again = event(first, 7n);
    await recorders[0]!.record(again);
    await recorders[1]!.record({ ...again });
    const { rows } = await world.db.query(`select count(*)::int as n from wallet_records r where r.request_log_id = $1`, [again.requestId]);
    expect(rows[0].n).toBe(1);
  });

  it('still refuses a balance changed outside the ledger', async () => {
    await expect(world.db.query('update wallets set balance = balance + 1 where organization_id = $1', [first.organizationId])).rejects.toThrow(
      /only through its records/,
    );
  });
});
