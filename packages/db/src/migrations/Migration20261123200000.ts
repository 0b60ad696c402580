import { Migration } from '@mikro-orm/migrations';

/**
 * The proxies' Consume records are chained a batch at a time: the recorder locks each wallet once
 * per batch, moves its balance and sequence once by the batch's total, and writes the records with
 * their sequence numbers and balances worked out in the same statement (under the setting
 * tollgate.ledger = 'batch', which lets that update through the balance guard and the records past
 * the per-record chain). Before, every record updated its wallet row itself: one row version and two
 * trigger calls per proxied call.
 */
export class Migration20261123200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(chainFunction(`if current_setting('tollgate.ledger', true) = 'batch' then return new; end if;`));
    this.addSql(guardFunction(`coalesce(current_setting('tollgate.ledger', true), '') not in ('on', 'batch')`));
  }

  override async down(): Promise<void> {
    this.addSql(chainFunction(''));
    this.addSql(guardFunction(`current_setting('tollgate.ledger', true) is distinct from 'on'`));
  }
}

/** Each record takes the wallet's next sequence number and moves its balance (see Migration20261123161013); `first` runs before that. */
const chainFunction = (first: string) => `create or replace function tollgate_wallet_record_chain() returns trigger language plpgsql as $$
declare w wallets%rowtype;
begin
  ${first}
  perform set_config('tollgate.ledger', 'on', true);
  update wallets set balance = balance + new.amount, last_seq = last_seq + 1 where organization_id = new.organization_id returning * into w;
  perform set_config('tollgate.ledger', 'off', true);
  if not found then raise exception 'organization % has no wallet', new.organization_id using errcode = 'foreign_key_violation'; end if;
  new.seq := w.last_seq;
  new.previous_balance := w.balance - new.amount;
  new.current_balance := w.balance;
  return new;
end $$;`;

/** A balance changes only through a record: refused when `outsideLedger` holds. */
const guardFunction = (outsideLedger: string) => `create or replace function tollgate_wallet_balance_guard() returns trigger language plpgsql as $$
begin
  if (new.balance, new.last_seq) is distinct from (old.balance, old.last_seq) and ${outsideLedger} then
    raise exception 'a wallet balance changes only through its records' using errcode = 'insufficient_privilege';
  end if;
  return new;
end $$;`;
