import { DomainError, ErrorCode, invalid } from '../errors/error-code';

/**
 * The wallet's ledger: every change of balance is a record, records are
 * never changed or removed, and each starts where the one before ended
 * (previousBalance + amount = currentBalance). Amounts are signed micro-units:
 * money in is positive, a Consume negative.
 */
export const WalletRecordType = {
  RECHARGE: 'RECHARGE',
  CONSUME: 'CONSUME',
  REFUND: 'REFUND',
  ADJUSTMENT: 'ADJUSTMENT',
} as const;
export type WalletRecordType = (typeof WalletRecordType)[keyof typeof WalletRecordType];

/** Records that bring money in: the proxies learn of them from the ledger (see applyMoneyIn in the proxy). */
export const MONEY_IN_TYPES: readonly WalletRecordType[] = [WalletRecordType.RECHARGE, WalletRecordType.REFUND, WalletRecordType.ADJUSTMENT];

export interface ChainedRecord {
  type: WalletRecordType;
  amount: bigint;
  previousBalance: bigint;
  currentBalance: bigint;
}

/** The sign each record type's amount must have; an Adjustment may go either way but not below zero. */
export function assertRecordAmount(type: WalletRecordType, amount: bigint, balance: bigint): void {
  if (amount === 0n) throw invalid('amount', 'must not be zero');
  if (type === WalletRecordType.CONSUME ? amount > 0n : type !== WalletRecordType.ADJUSTMENT && amount < 0n) {
    throw invalid('amount', type === WalletRecordType.CONSUME ? 'a Consume takes money out: it must be negative' : 'must be positive');
  }
  if (type !== WalletRecordType.CONSUME && balance + amount < 0n) throw invalid('amount', 'would take the balance below zero');
}

/** The next record of a chain. */
export function chainRecord(balance: bigint, type: WalletRecordType, amount: bigint): ChainedRecord {
  assertRecordAmount(type, amount, balance);
  return { type, amount, previousBalance: balance, currentBalance: balance + amount };
}

/**
 * What a call pays: its actual cost, but never more than it reserved. The
 * reservation is the most the platform admitted it for (prompt plus
 * max_tokens at the model's prices), so an upstream that ignores max_tokens
 * cannot push a wallet below zero.
 */
export const chargeFor = (reserved: bigint, actual: bigint): bigint => (actual < reserved ? (actual > 0n ? actual : 0n) : reserved);

/**
 * A wallet's live state for admission: what may still be reserved
 * (balance − frozen), what is frozen by calls in flight. Pure, so the memory
 * store, the Redis script and the property test share one definition.
 */
export interface WalletState {
  available: bigint;
  frozen: bigint;
}

export function reserveFrom(wallet: WalletState, amount: bigint): WalletState | null {
  if (amount < 0n) throw new DomainError(ErrorCode.VALIDATION, 'a reservation cannot be negative');
  return wallet.available >= amount ? { available: wallet.available - amount, frozen: wallet.frozen + amount } : null;
}

/** Ends a reservation: the charge leaves, the rest of it is available again. */
export function settleIn(wallet: WalletState, reserved: bigint, charged: bigint): WalletState {
  return { available: wallet.available + reserved - charged, frozen: wallet.frozen - reserved };
}
