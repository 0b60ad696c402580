import { Migration } from '@mikro-orm/migrations';

/**
 * Alerts: rules per organization and project, fired alerts, the unique
 * per-threshold-and-period states that make an alert fire once across
 * proxies, the counters usage batches move, webhook endpoints, and the outbox
 * generalised to email, webhook and SMS with a log of every attempt; users get
 * a verified mobile number for SMS.
 */
export class Migration20261201140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "alert_kind" as enum ('BALANCE', 'CONSUMPTION', 'QUOTA');`);
    this.addSql(`create type "alert_period" as enum ('DAY', 'MONTH');`);
    this.addSql(`create type "outbox_channel" as enum ('EMAIL', 'WEBHOOK', 'SMS');`);
    this.addSql(
      `create table "alerts" ("id" uuid not null, "created_at" timestamptz not null default now(), "organization_id" uuid not null, "project_id" uuid null, "rule_id" uuid null, "kind" "alert_kind" not null, "period" "alert_period" null, "period_key" text not null default '', "period_end" timestamptz null, "metric" text null, "threshold" bigint not null, "value" bigint not null, "limit_value" bigint null, "message" text not null, "fired_at" timestamptz not null default now(), "resolved_at" timestamptz null, "suppressed" boolean not null default false, "test" boolean not null default false, constraint "alerts_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "alerts_organization_id_fired_at_index" on "alerts" ("organization_id", "fired_at");`);

    this.addSql(
      `create table "alert_counters" ("rule_id" uuid not null, "period_key" text not null, "metric" text not null, "value" bigint not null, constraint "alert_counters_pkey" primary key ("rule_id", "period_key", "metric"));`,
    );

    this.addSql(
      `create table "alert_rules" ("id" uuid not null, "created_at" timestamptz not null default now(), "organization_id" uuid not null, "project_id" uuid null, "kind" "alert_kind" not null, "period" "alert_period" null, "thresholds" bigint[] not null default '{}', "email_enabled" boolean not null default true, "sms_enabled" boolean not null default false, "webhook_endpoint_id" uuid null, "message_template" text null, "max_daily_alerts" int null, "updated_at" timestamptz not null default now(), constraint "alert_rules_pkey" primary key ("id"));`,
    );
    // One rule per scope, kind and period; an organization's own rules have no project and BALANCE none of period.
    this.addSql(`create unique index "alert_rules_scope" on "alert_rules" ("organization_id", "project_id", "kind", "period") nulls not distinct;`);
    this.addSql(`create index "alert_rules_project" on "alert_rules" ("project_id") where "project_id" is not null;`);

    this.addSql(
      `create table "alert_states" ("rule_id" uuid not null, "threshold" bigint not null, "period_key" text not null, "metric" text not null default '', "alert_id" uuid not null, "fired_at" timestamptz not null default now(), constraint "alert_states_pkey" primary key ("rule_id", "threshold", "period_key", "metric"));`,
    );

    this.addSql(
      `create table "outbox_attempts" ("id" uuid not null, "created_at" timestamptz not null default now(), "message_id" uuid not null, "at" timestamptz not null default now(), "status_code" int null, "latency_ms" int not null, "error" text null, constraint "outbox_attempts_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "outbox_attempts_message_id_at_index" on "outbox_attempts" ("message_id", "at");`);

    this.addSql(
      `create table "webhook_endpoints" ("id" uuid not null, "created_at" timestamptz not null default now(), "organization_id" uuid not null, "project_id" uuid null, "url" text not null, "description" varchar(200) not null default '', "custom_headers" text null, "custom_header_names" text[] not null default '{}', "secret" text not null, "previous_secret" text null, "previous_secret_expires_at" timestamptz null, "failing_since" timestamptz null, "disabled_at" timestamptz null, constraint "webhook_endpoints_pkey" primary key ("id"));`,
    );

    this.addSql(
      `alter table "outbox_messages" add column "channel" "outbox_channel" not null default 'EMAIL', add column "alert_id" uuid null, add column "organization_id" uuid null, add column "webhook_endpoint_id" uuid null, add column "payload" jsonb null;`,
    );
    this.addSql(`alter table "outbox_messages" alter column "to" type varchar(2000) using ("to"::varchar(2000));`);
    this.addSql(`create index "outbox_messages_alert" on "outbox_messages" ("alert_id") where "alert_id" is not null;`);

    // A wallet starts with a balance alert at 5.00 USD, by email, at most 3 a day.
    this.addSql(`create or replace function tollgate_default_balance_alert() returns trigger language plpgsql as $$
begin
  insert into alert_rules (id, organization_id, kind, thresholds, email_enabled, max_daily_alerts)
  values (gen_random_uuid(), new.organization_id, 'BALANCE', '{5000000}', true, 3) on conflict do nothing;
  return null;
end $$;`);
    this.addSql(`create trigger "wallets_default_balance_alert" after insert on "wallets" for each row execute function tollgate_default_balance_alert();`);
    this.addSql(`insert into alert_rules (id, organization_id, kind, thresholds, email_enabled, max_daily_alerts)
      select gen_random_uuid(), organization_id, 'BALANCE', '{5000000}', true, 3 from wallets on conflict do nothing;`);

    this.addSql(
      `alter table "users" add column "mobile_number" varchar(16) null, add column "mobile_verified_at" timestamptz null, add column "mobile_code_hash" varchar(64) null, add column "mobile_code_expires_at" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger if exists "wallets_default_balance_alert" on "wallets";');
    this.addSql('drop function if exists tollgate_default_balance_alert();');
    this.addSql(`drop table if exists "alerts" cascade;`);

    this.addSql(`drop table if exists "alert_counters" cascade;`);

    this.addSql(`drop table if exists "alert_rules" cascade;`);

    this.addSql(`drop table if exists "alert_states" cascade;`);

    this.addSql(`drop table if exists "outbox_attempts" cascade;`);

    this.addSql(`drop table if exists "webhook_endpoints" cascade;`);

    this.addSql(
      `alter table "outbox_messages" drop column "channel", drop column "alert_id", drop column "organization_id", drop column "webhook_endpoint_id", drop column "payload";`,
    );

    this.addSql(`alter table "outbox_messages" alter column "to" type varchar(254) using ("to"::varchar(254));`);

    this.addSql(
      `alter table "users" drop column "mobile_number", drop column "mobile_verified_at", drop column "mobile_code_hash", drop column "mobile_code_expires_at";`,
    );

    this.addSql(`drop type "alert_kind";`);
    this.addSql(`drop type "alert_period";`);
    this.addSql(`drop type "outbox_channel";`);
  }
}
