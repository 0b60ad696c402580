-- Before a wallet row is updated: its balance and sequence change only through records (the chain
-- trigger, or appendConsumes), never by a plain UPDATE.
create or replace function tollgate_wallet_balance_guard() returns trigger language plpgsql as $$
begin
  if (new.balance, new.last_seq) is distinct from (old.balance, old.last_seq) and coalesce(current_setting('tollgate.ledger', true), '') not in ('on', 'batch') then
    raise exception 'a wallet balance changes only through its records' using errcode = 'insufficient_privilege';
  end if;
  return new;
end $$;
