import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainRecord, chargeFor, normaliseRedemptionCode, reserveFrom, settleIn, walletRecordsCsv, WalletRecordType, type WalletState } from '../src';

describe('wallet records CSV', () => {
  it('neutralises every cell a spreadsheet would evaluate, keeps our numbers numbers, and quotes per RFC 4180', () => {
    const base = { createdAt: new Date(Date.UTC(2026, 10, 23)), type: WalletRecordType.CONSUME, amount: -10_000n, previousBalance: 10_000n, currentBalance: 0n, reference: null, requestLogId: null };
    const descriptions = ['=1+1', '+1', '-1+1', '@A1', '\tx', '\rx', 'a,"b"\nc'];
    const csv = walletRecordsCsv(descriptions.map((description) => ({ ...base, description })));
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.description)).toEqual(["'=1+1", "'+1", "'-1+1", "'@A1", "'\tx", "'\rx", 'a,"b"\nc']);
    expect(rows[0]).toMatchObject({ amount: '-0.01', previousBalance: '0.01', currentBalance: '0.00', createdAt: '2026-11-23T00:00:00.000Z' });
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('redemption codes', () => {
  it('read case-insensitively, with or without dashes; anything else is refused', () => {
    expect(normaliseRedemptionCode(' tgr-abcd-efgh-jkmn-pqrs ')).toBe('TGR-ABCD-EFGH-JKMN-PQRS');
    expect(normaliseRedemptionCode('ABCDEFGHJKMNPQRS')).toBe('TGR-ABCD-EFGH-JKMN-PQRS');
    for (const bad of ['TGR-ABCD-EFGH-JKMN-PQR0', 'TGR-ABCD', '', 'TGR-ABCD-EFGH-JKMN-PQRS-2222']) expect(() => normaliseRedemptionCode(bad)).toThrow(/not a redemption code/);
  });
});

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

type Op =
  | { kind: 'recharge'; org: number; amount: bigint }
  | { kind: 'reserve'; org: number; amount: bigint }
  | { kind: 'settle'; pick: number; actual: bigint }
  | { kind: 'refund'; org: number; pick: number }
  | { kind: 'void'; pick: number };

const money = (max: number) => fc.bigInt({ min: 1n, max: BigInt(max) });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('recharge' as const), org: fc.nat(4), amount: money(5_000_000) }),
  fc.record({ kind: fc.constant('reserve' as const), org: fc.nat(4), amount: money(3_000_000) }),
  fc.record({ kind: fc.constant('settle' as const), pick: fc.nat(), actual: fc.bigInt({ min: 0n, max: 4_000_000n }) }),
  fc.record({ kind: fc.constant('refund' as const), org: fc.nat(4), pick: fc.nat() }),
  fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }),
);

/**
 * The ledger's rules over random histories: five wallets, money coming in,
 * calls reserving, settling (charged at most what they reserved), refunded
 * after the fact, or voided (the upstream failed: nothing charged).
 */
describe('wallet ledger property', () => {
  it('keeps balance = sum of records, each record chained, frozen = open reservations, available >= 0, after every step of 10,000 histories', () => {
    fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
      const wallets = Array.from({ length: 5 }, () => ({ state: { available: 0n, frozen: 0n } as WalletState, balance: 0n, records: [] as ReturnType<typeof chainRecord>[] }));
      const open: Array<{ org: number; amount: bigint }> = [];
      const consumes: Array<{ org: number; amount: bigint }> = [];
      const write = (org: number, type: WalletRecordType, amount: bigint) => {
        const w = wallets[org]!;
        const record = chainRecord(w.balance, type, amount);
        w.records.push(record);
        w.balance = record.currentBalance;
      };
      for (const o of ops) {
        if (o.kind === 'recharge') {
          write(o.org, WalletRecordType.RECHARGE, o.amount);
          wallets[o.org]!.state = { ...wallets[o.org]!.state, available: wallets[o.org]!.state.available + o.amount };
        } else if (o.kind === 'reserve') {
          const next = reserveFrom(wallets[o.org]!.state, o.amount);
          if (next) (wallets[o.org]!.state = next), open.push({ org: o.org, amount: o.amount });
        } else if (o.kind === 'settle' || o.kind === 'void') {
          if (!open.length) continue;
          const [r] = open.splice(o.pick % open.length, 1);
          const charged = o.kind === 'void' ? 0n : chargeFor(r!.amount, o.actual);
          wallets[r!.org]!.state = settleIn(wallets[r!.org]!.state, r!.amount, charged);
          if (charged > 0n) write(r!.org, WalletRecordType.CONSUME, -charged), consumes.push({ org: r!.org, amount: charged });
        } else {
          const mine = consumes.filter((c) => c.org === o.org);
          if (!mine.length) continue;
          const c = mine[o.pick % mine.length]!;
          consumes.splice(consumes.indexOf(c), 1);
          write(o.org, WalletRecordType.REFUND, c.amount);
          wallets[o.org]!.state = { ...wallets[o.org]!.state, available: wallets[o.org]!.state.available + c.amount };
        }
        // Plain checks (fast-check reports the failing history): expect() in this loop would dominate the run.
        wallets.forEach((w, org) => {
          check(w.balance === w.records.reduce((sum, r) => sum + r.amount, 0n), `wallet ${org}: balance is not the sum of its records`);
          w.records.forEach((r, i) => {
            check(r.previousBalance + r.amount === r.currentBalance, `wallet ${org}: record ${i} does not add up`);
            check(r.previousBalance === (i === 0 ? 0n : w.records[i - 1]!.currentBalance), `wallet ${org}: record ${i} breaks the chain`);
          });
          check(w.state.frozen === open.filter((r) => r.org === org).reduce((sum, r) => sum + r.amount, 0n), `wallet ${org}: frozen is not the open reservations`);
          check(w.state.available >= 0n, `wallet ${org}: available below zero`);
          check(w.state.available + w.state.frozen === w.balance, `wallet ${org}: available + frozen is not the balance`);
        });
      }
    }), { numRuns: 10_000 });
  });
});
