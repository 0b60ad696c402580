import { appendMoneyIn } from '@tollgate/db';
import { chargeFor, WalletRecordType } from '@tollgate/domain';
import fc from 'fast-check';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, it } from 'vitest';
import type { LimitStore } from '../src/limits/limit-store';
import { Limiter, type Hold } from '../src/limits/limiter';
import { MemoryLimitStore } from '../src/limits/memory-store';
import { RedisLimitStore } from '../src/limits/redis-store';
import { UsageRecorder } from '../src/usage/recorder';
import { requireRedisUrl } from './support/redis-url';
import { usageEvent } from './support/usage-event';
import { startProxyWorld } from './support/proxy-harness';

/**
 * The wallet's rules over random histories, on the production path: the
 * Limiter on each LimitStore reserves and settles, the recorder writes the
 * Consume records to PostgreSQL (appendConsumes), money comes in through
 * appendMoneyIn and reaches the store as a notification would make it. After
 * every step, for each of five wallets: the balance is the sum of its records,
 * the records are chained without a gap, frozen is the open reservations,
 * available never goes below zero, and available + frozen is the balance.
 * LEDGER_PROPERTY_RUNS histories per store (default 150, a few seconds; 10,000 for a long run).
 */
const RUNS = Number(process.env.LEDGER_PROPERTY_RUNS ?? 150);
const WALLETS = 5;
const silent = { info() {}, warn() {}, error() {}, debug() {} } as never;

const world = await startProxyWorld();
const pool = new pg.Pool({ connectionString: world.databaseUrl, max: 4 });
afterAll(() => pool.end());

type Op =
  | { kind: 'recharge'; wallet: number; amount: bigint }
  | { kind: 'reserve'; wallet: number; amount: bigint }
  | { kind: 'settle'; pick: number; actual: bigint }
  | { kind: 'refund'; wallet: number; pick: number }
  | { kind: 'void'; pick: number };

const money = (max: number) => fc.bigInt({ min: 1n, max: BigInt(max) });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('recharge' as const), wallet: fc.nat(WALLETS - 1), amount: money(5_000_000) }),
  fc.record({ kind: fc.constant('reserve' as const), wallet: fc.nat(WALLETS - 1), amount: money(3_000_000) }),
  fc.record({ kind: fc.constant('settle' as const), pick: fc.nat(), actual: fc.bigInt({ min: 0n, max: 4_000_000n }) }),
  fc.record({ kind: fc.constant('refund' as const), wallet: fc.nat(WALLETS - 1), pick: fc.nat() }),
  fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }),
);

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** Five fresh prepaid organizations. */
async function wallets(): Promise<string[]> {
  const ids = Array.from({ length: WALLETS }, () => randomUUID());
  await pool.query(`insert into organizations (id, name, display_name) select id, 'ledger-' || id, 'L' from unnest($1::uuid[]) as id`, [ids]);
  await pool.query('insert into wallets (organization_id) select unnest($1::uuid[])', [ids]);
  return ids;
}

/** Each wallet's balance, the sum of its records, and the first record (if any) that breaks the chain. */
async function ledgerOf(ids: string[]) {
  const { rows } = await pool.query<{ id: string; balance: string; total: string; breaks: string | null }>(
    `select w.organization_id as id, w.balance::text, coalesce((select sum(amount) from wallet_records r where r.organization_id = w.organization_id), 0)::text as total,
            (select min(seq)::text from (
               select seq, amount, previous_balance, current_balance, row_number() over (order by seq) as n,
                      lag(current_balance, 1, 0::bigint) over (order by seq) as before
                 from wallet_records r where r.organization_id = w.organization_id) c
              where seq <> n or previous_balance <> before or previous_balance + amount <> current_balance) as breaks
       from wallets w where w.organization_id = any($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { balance: BigInt(r.balance), total: BigInt(r.total), breaks: r.breaks }]));
}

function ledgerProperty(name: string, makeStore: () => LimitStore) {
  describe(`the wallet ledger on the ${name} store`, () => {
    const store = makeStore();
    const limiter = new Limiter(store, pool, { failOpenRateLimits: false }, silent);
    const recorder = new UsageRecorder(pool, { durability: 'strict', flushMs: 5, bufferMax: 100_000 }, silent);
    const em = world.orm.em.fork();
    afterAll(async () => {
      await limiter.wallets.close();
      await store.close();
    });

    const credit = async (organizationId: string, type: 'RECHARGE' | 'REFUND', amount: bigint) => {
      await em.fork().transactional((tx) => appendMoneyIn(tx, { organizationId, type, amount, description: type }));
      await limiter.wallets.moneyIn(organizationId);
    };
    const record = (organizationId: string, charge: bigint, status: number) =>
      recorder.record(usageEvent({ organizationId, projectId: world.projectId, apiKeyId: world.keyId, charge, status, inputTokens: 1, outputTokens: 1 }));

    it(`keeps every wallet's invariants after every step of ${RUNS} random histories`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), async (ops) => {
          const ids = await wallets();
          const open: Array<{ wallet: number; hold: Hold }> = [];
          const consumed: Array<{ wallet: number; amount: bigint }> = [];
          for (const o of ops) {
            if (o.kind === 'recharge') await credit(ids[o.wallet]!, WalletRecordType.RECHARGE, o.amount);
            else if (o.kind === 'reserve') {
              const admission = await limiter.admit({
                organizationId: ids[o.wallet]!,
                rules: [],
                amounts: { requests: 1n, tokens: 0n, money: o.amount },
                nowMs: Date.now(),
                wallet: true,
              });
              check(admission.kind !== 'unavailable', 'the store was unavailable');
              if (admission.kind === 'admitted') open.push({ wallet: o.wallet, hold: admission.hold! });
            } else if (o.kind === 'settle' || o.kind === 'void') {
              if (!open.length) continue;
              const [{ wallet, hold }] = open.splice(o.pick % open.length, 1) as [{ wallet: number; hold: Hold }];
              const charge = o.kind === 'void' ? 0n : chargeFor(hold.reservedMoney, o.actual);
              await limiter.settle(hold, { requests: 1n, tokens: 0n, money: o.kind === 'void' ? 0n : o.actual }, charge);
              await record(ids[wallet]!, charge, o.kind === 'void' ? 502 : 200);
              if (charge > 0n) consumed.push({ wallet, amount: charge });
            } else {
              const mine = consumed.filter((c) => c.wallet === o.wallet);
              if (!mine.length) continue;
              const c = mine[o.pick % mine.length]!;
              consumed.splice(consumed.indexOf(c), 1);
              await credit(ids[o.wallet]!, WalletRecordType.REFUND, c.amount);
            }
            const ledger = await ledgerOf(ids);
            for (let w = 0; w < WALLETS; w++) {
              const { balance, total, breaks } = ledger.get(ids[w]!)!;
              check(balance === total, `wallet ${w}: balance ${balance} is not the sum of its records ${total}`);
              check(breaks === null, `wallet ${w}: record ${breaks} breaks the chain`);
              const reserved = open.filter((r) => r.wallet === w).reduce((sum, r) => sum + r.hold.reservedMoney, 0n);
              const state = await limiter.wallets.state(ids[w]!);
              if (!state) {
                check(reserved === 0n, `wallet ${w}: reservations without counters`);
                continue;
              }
              check(state.frozen === reserved, `wallet ${w}: frozen ${state.frozen} is not the open reservations ${reserved}`);
              check(state.available >= 0n, `wallet ${w}: available ${state.available} below zero`);
              check(
                state.available + state.frozen === balance,
                `wallet ${w}: available ${state.available} + frozen ${state.frozen} is not the balance ${balance}`,
              );
            }
          }
        }),
        { numRuns: RUNS },
      );
    }, 600_000);
  });
}

ledgerProperty('memory', () => new MemoryLimitStore());
ledgerProperty('Redis', () => new RedisLimitStore(Object.assign(new URL(requireRedisUrl()), { pathname: '/3' }).toString()));
