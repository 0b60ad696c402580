import { invalid } from '../errors/error-code';

/**
 * The wallet's ledger: every change of balance is a record, records are
 * never changed or removed, and each starts where the one before ended
 * (previousBalance + amount = currentBalance). Amounts are signed micro-units:
 * money in is positive, a Consume negative. The chain itself is kept by
 * PostgreSQL (packages/db/src/ledger); the rules here are what callers check
 * first.
 */
export const WalletRecordType = {
  RECHARGE: 'RECHARGE',
  CONSUME: 'CONSUME',
  REFUND: 'REFUND',
  ADJUSTMENT: 'ADJUSTMENT',
} as const;
export type WalletRecordType = (typeof WalletRecordType)[keyof typeof WalletRecordType];

/** The sign each record type's amount must have; an Adjustment may go either way but not below zero. */
export function assertRecordAmount(type: WalletRecordType, amount: bigint, balance: bigint): void {
  if (amount === 0n) throw invalid('amount', 'must not be zero');
  if (type === WalletRecordType.CONSUME ? amount > 0n : type !== WalletRecordType.ADJUSTMENT && amount < 0n) {
    throw invalid('amount', type === WalletRecordType.CONSUME ? 'a Consume takes money out: it must be negative' : 'must be positive');
  }
  if (type !== WalletRecordType.CONSUME && balance + amount < 0n) throw invalid('amount', 'would take the balance below zero');
}

/**
 * What a call pays: its actual cost, but never more than it reserved. The
 * reservation is the most the platform admitted it for (prompt plus
 * max_tokens at the model's prices), so an upstream that ignores max_tokens
 * cannot push a wallet below zero.
 */
export const chargeFor = (reserved: bigint, actual: bigint): bigint => (actual < reserved ? (actual > 0n ? actual : 0n) : reserved);
