import { Migration } from '@mikro-orm/migrations';

export class Migration20261123161013 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "wallet_record_type" as enum ('RECHARGE', 'CONSUME', 'REFUND', 'ADJUSTMENT');`);
    this.addSql(
      `create table "redemption_batches" ("id" uuid not null, "amount" bigint not null, "count" int not null, "expires_at" timestamptz not null, "description" text not null default '', "created_by_id" uuid null, "created_at" timestamptz not null default now(), constraint "redemption_batches_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "redemption_codes" ("id" uuid not null, "batch_id" uuid not null, "code_hash" varchar(64) not null, "last_four" varchar(4) not null, "redeemed_at" timestamptz null, "redeemed_by_organization_id" uuid null, "redeemed_by_user_id" uuid null, constraint "redemption_codes_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "redemption_codes" add constraint "redemption_codes_code_hash_unique" unique ("code_hash");`);

    this.addSql(
      `create table "wallets" ("organization_id" uuid not null, "balance" bigint not null default 0, "frozen_amount" bigint not null default 0, "currency" varchar(3) not null default 'USD', "is_active" boolean not null default true, "last_seq" bigint not null default 0, "created_at" timestamptz not null default now(), constraint "wallets_pkey" primary key ("organization_id"));`,
    );

    this.addSql(
      `create table "wallet_records" ("id" uuid not null, "organization_id" uuid not null, "seq" bigint not null default 0, "type" "wallet_record_type" not null, "amount" bigint not null, "previous_balance" bigint not null default 0, "current_balance" bigint not null default 0, "description" text not null default '', "reference" varchar(200) null, "request_log_id" uuid null, "created_at" timestamptz not null default now(), constraint "wallet_records_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "wallet_records_organization_id_created_at_index" on "wallet_records" ("organization_id", "created_at");`);
    this.addSql(`alter table "wallet_records" add constraint "wallet_records_organization_id_seq_unique" unique ("organization_id", "seq");`);

    this.addSql(
      `alter table "redemption_codes" add constraint "redemption_codes_batch_id_foreign" foreign key ("batch_id") references "redemption_batches" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "wallets" add constraint "wallets_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on update cascade on delete cascade;`,
    );

    // Credits are idempotent per reference: the same reference twice writes one record.
    this.addSql(
      `create unique index "wallet_records_recharge_reference_unique" on "wallet_records" ("organization_id", "reference") where "type" = 'RECHARGE' and "reference" is not null;`,
    );

    // The ledger: each record takes the next sequence number and chains onto the wallet's balance, which
    // moves only here (the wallet row lock orders records of one wallet in commit order).
    this.addSql(`create or replace function tollgate_wallet_record_chain() returns trigger language plpgsql as $$
declare w wallets%rowtype;
begin
  perform set_config('tollgate.ledger', 'on', true);
  update wallets set balance = balance + new.amount, last_seq = last_seq + 1 where organization_id = new.organization_id returning * into w;
  perform set_config('tollgate.ledger', 'off', true);
  if not found then raise exception 'organization % has no wallet', new.organization_id using errcode = 'foreign_key_violation'; end if;
  new.seq := w.last_seq;
  new.previous_balance := w.balance - new.amount;
  new.current_balance := w.balance;
  return new;
end $$;`);
    this.addSql(`create trigger "wallet_records_chain" before insert on "wallet_records" for each row execute function tollgate_wallet_record_chain();`);

    // Records are never changed or removed.
    this.addSql(`create or replace function tollgate_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', TG_TABLE_NAME using errcode = 'insufficient_privilege';
end $$;`);
    this.addSql(
      `create trigger "wallet_records_append_only" before update or delete on "wallet_records" for each row execute function tollgate_refuse_change();`,
    );
    this.addSql(
      `create trigger "wallet_records_no_truncate" before truncate on "wallet_records" for each statement execute function tollgate_refuse_change();`,
    );

    // A balance changes only through a record.
    this.addSql(`create or replace function tollgate_wallet_balance_guard() returns trigger language plpgsql as $$
begin
  if (new.balance, new.last_seq) is distinct from (old.balance, old.last_seq) and current_setting('tollgate.ledger', true) is distinct from 'on' then
    raise exception 'a wallet balance changes only through its records' using errcode = 'insufficient_privilege';
  end if;
  return new;
end $$;`);
    this.addSql(`create trigger "wallets_balance_guard" before update on "wallets" for each row execute function tollgate_wallet_balance_guard();`);

    // Proxies hear of a wallet opened, (de)activated or removed as a change of its organization (keys reload),
    // and of money coming in (not of Consumes, which they wrote themselves).
    this.addSql(`create or replace function tollgate_notify_wallet() returns trigger language plpgsql as $$
begin
  perform pg_notify('tollgate_invalidation', json_build_object('table', case when TG_TABLE_NAME = 'wallets' then 'organizations' else 'wallet_records' end,
    'id', coalesce(new.organization_id, old.organization_id))::text);
  return null;
end $$;`);
    this.addSql(
      `create trigger "wallets_invalidation" after insert or delete or update of is_active on "wallets" for each row execute function tollgate_notify_wallet();`,
    );
    this.addSql(
      `create trigger "wallet_records_money_in" after insert on "wallet_records" for each row when (new.type <> 'CONSUME') execute function tollgate_notify_wallet();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists tollgate_wallet_record_chain, tollgate_refuse_change, tollgate_wallet_balance_guard, tollgate_notify_wallet cascade;`);
    this.addSql(`alter table "redemption_codes" drop constraint "redemption_codes_batch_id_foreign";`);

    this.addSql(`drop table if exists "redemption_batches" cascade;`);

    this.addSql(`drop table if exists "redemption_codes" cascade;`);

    this.addSql(`drop table if exists "wallets" cascade;`);

    this.addSql(`drop table if exists "wallet_records" cascade;`);

    this.addSql(`drop type "wallet_record_type";`);
  }
}
