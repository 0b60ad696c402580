-- Before an UPDATE, DELETE or TRUNCATE of wallet_records: the ledger is append-only.
create or replace function tollgate_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', TG_TABLE_NAME using errcode = 'insufficient_privilege';
end $$;
