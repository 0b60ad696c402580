import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { assertRecordAmount, chargeFor, normaliseRedemptionCode, walletRecordsCsv, WalletRecordType } from '../src';

describe('wallet records CSV', () => {
  it('neutralises every cell a spreadsheet would evaluate, keeps our numbers numbers, and quotes per RFC 4180', () => {
    const base = {
      createdAt: new Date(Date.UTC(2026, 10, 23)),
      type: WalletRecordType.CONSUME,
      amount: -10_000n,
      previousBalance: 10_000n,
      currentBalance: 0n,
      reference: null,
      requestLogId: null,
    };
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
    for (const bad of ['TGR-ABCD-EFGH-JKMN-PQR0', 'TGR-ABCD', '', 'TGR-ABCD-EFGH-JKMN-PQRS-2222'])
      expect(() => normaliseRedemptionCode(bad)).toThrow(/not a redemption code/);
  });
});

describe('ledger rules', () => {
  it('charges a call its cost, never more than it reserved and never less than nothing', () => {
    expect(chargeFor(100n, 40n)).toBe(40n);
    expect(chargeFor(100n, 250n)).toBe(100n);
    expect(chargeFor(100n, -5n)).toBe(0n);
  });

  it('gives each record type its sign, and money in never takes a balance below zero', () => {
    expect(() => assertRecordAmount(WalletRecordType.RECHARGE, 5n, 0n)).not.toThrow();
    expect(() => assertRecordAmount(WalletRecordType.ADJUSTMENT, -5n, 5n)).not.toThrow();
    expect(() => assertRecordAmount(WalletRecordType.CONSUME, -5n, 0n)).not.toThrow();
    expect(() => assertRecordAmount(WalletRecordType.RECHARGE, -5n, 10n)).toThrow(/must be positive/);
    expect(() => assertRecordAmount(WalletRecordType.CONSUME, 5n, 10n)).toThrow(/must be negative/);
    expect(() => assertRecordAmount(WalletRecordType.ADJUSTMENT, -11n, 10n)).toThrow(/below zero/);
    expect(() => assertRecordAmount(WalletRecordType.REFUND, 0n, 10n)).toThrow(/must not be zero/);
  });
});
