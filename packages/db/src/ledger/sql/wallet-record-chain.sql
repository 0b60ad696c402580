-- Before a wallet record is inserted: it takes its wallet's next sequence number and chains onto the
-- balance, which moves only here (the wallet row lock orders one wallet's records in commit order).
-- The proxies' Consume records are chained a batch at a time by appendConsumes (consumes.ts), which sets
-- tollgate.ledger = 'batch' and numbers the records itself.
create or replace function tollgate_wallet_record_chain() returns trigger language plpgsql as $$
declare w wallets%rowtype;
begin
  if current_setting('tollgate.ledger', true) = 'batch' then return new; end if;
  perform set_config('tollgate.ledger', 'on', true);
  update wallets set balance = balance + new.amount, last_seq = last_seq + 1 where organization_id = new.organization_id returning * into w;
  perform set_config('tollgate.ledger', 'off', true);
  if not found then raise exception 'organization % has no wallet', new.organization_id using errcode = 'foreign_key_violation'; end if;
  new.seq := w.last_seq;
  new.previous_balance := w.balance - new.amount;
  new.current_balance := w.balance;
  return new;
end $$;
