import type { EntityManager } from '@mikro-orm/postgresql';
import { assertRecordAmount, conflict, WalletRecordType } from '@tollgate/domain';
import { detectLedgerAlerts } from '../alerts/detect';
import { emQueryable } from '../em-queryable';
import { Wallet, WalletRecord } from '../entities';

/** A record that brings money in (or an adjustment either way), as the server writes it. */
export interface MoneyIn {
  organizationId: string;
  type: Exclude<WalletRecordType, 'CONSUME'>;
  amount: bigint;
  /** For a RECHARGE, makes it idempotent: the same reference again writes nothing. */
  reference?: string | null;
  description: string;
}

/**
 * Appends a money-in record inside the caller's transaction: the wallet row
 * (created on first use) is locked first, so one wallet's records are written
 * one at a time and chained by the trigger (sql/wallet-record-chain.sql) in
 * commit order. A RECHARGE whose reference was credited before writes nothing
 * (the same payment) or, with another amount, is a CONFLICT. Balance alerts
 * see the move in the same transaction (a recharge re-arms the thresholds it
 * rises above; a negative adjustment can cross one). Answers whether a record
 * was written.
 */
export async function appendMoneyIn(em: EntityManager, record: MoneyIn): Promise<boolean> {
  await em.execute('insert into wallets (organization_id) values (?) on conflict do nothing', [record.organizationId]);
  await em.execute('select 1 from wallets where organization_id = ? for update', [record.organizationId]);
  const wallet = await em.findOneOrFail(Wallet, { organization: record.organizationId }, { refresh: true });
  if (record.type === WalletRecordType.RECHARGE && record.reference) {
    const earlier = await em.findOne(WalletRecord, { organizationId: record.organizationId, type: WalletRecordType.RECHARGE, reference: record.reference });
    if (earlier) {
      if (earlier.amount !== record.amount) throw conflict('reference', `Reference "${record.reference}" already credited a different amount`);
      return false;
    }
  }
  assertRecordAmount(record.type, record.amount, wallet.balance);
  em.create(WalletRecord, {
    organizationId: record.organizationId,
    type: record.type,
    amount: record.amount,
    reference: record.reference ?? null,
    description: record.description,
  });
  await detectLedgerAlerts(emQueryable(em), record.organizationId, wallet.balance, wallet.balance + record.amount);
  return true;
}
