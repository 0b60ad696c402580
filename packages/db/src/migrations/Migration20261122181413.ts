import { Migration } from '@mikro-orm/migrations';

export class Migration20261122181413 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "audit_content_policy" as enum ('NONE', 'METADATA', 'FULL');`);
    this.addSql(
      `create table "request_logs" ("id" uuid not null, "time" timestamptz not null, "organization_id" uuid not null, "project_id" uuid not null, "api_key_id" uuid not null, "user_id" uuid null, "model" varchar(100) not null, "status" smallint not null, "input_tokens" int not null, "output_tokens" int not null, "cost" bigint not null, "latency_ms" int not null, "upstream_latency_ms" int null, "stream" boolean not null, "error_code" varchar(64) null, "content" jsonb null, constraint "request_logs_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "request_logs_api_key_id_time_index" on "request_logs" ("api_key_id", "time");`);
    this.addSql(`create index "request_logs_organization_id_time_index" on "request_logs" ("organization_id", "time");`);
    this.addSql(`create index "request_logs_project_id_time_index" on "request_logs" ("project_id", "time");`);

    this.addSql(
      `create table "usage_hourly" ("id" uuid not null, "hour" timestamptz not null, "organization_id" uuid not null, "project_id" uuid not null, "api_key_id" uuid not null, "user_id" uuid null, "model" varchar(100) not null, "requests" int not null, "errors" int not null, "input_tokens" bigint not null, "output_tokens" bigint not null, "cost" bigint not null, constraint "usage_hourly_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "usage_hourly_project_id_hour_index" on "usage_hourly" ("project_id", "hour");`);
    this.addSql(`create index "usage_hourly_organization_id_hour_index" on "usage_hourly" ("organization_id", "hour");`);
    this.addSql(
      `create unique index "usage_hourly_grain" on "usage_hourly" ("hour", "organization_id", "project_id", "api_key_id", "user_id", "model") nulls not distinct;`,
    );

    this.addSql(
      `alter table "organizations" add column "audit_content_policy" "audit_content_policy" not null default 'NONE', add column "audit_content_retention_days" int not null default 30;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "request_logs" cascade;`);

    this.addSql(`drop table if exists "usage_hourly" cascade;`);

    this.addSql(`alter table "organizations" drop column "audit_content_policy", drop column "audit_content_retention_days";`);

    this.addSql(`drop type "audit_content_policy";`);
  }
}
