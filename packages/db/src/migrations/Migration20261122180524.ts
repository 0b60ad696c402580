import { Migration } from '@mikro-orm/migrations';

export class Migration20261122180524 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "verification_status" as enum ('PENDING', 'APPROVED', 'REJECTED');`);
    this.addSql(`create type "api_key_owner" as enum ('MEMBER', 'SERVICE_ACCOUNT');`);
    this.addSql(`create type "revocation_reason" as enum ('REVOKED', 'PROJECT_MEMBER_REMOVED', 'ORGANIZATION_MEMBER_REMOVED');`);
    this.addSql(
      `create table "upstreams" ("id" uuid not null, "created_at" timestamptz not null default now(), "name" varchar(100) not null, "base_url" varchar(500) not null, "credential_ciphertext" text null, "updated_at" timestamptz null, constraint "upstreams_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "upstreams" add constraint "upstreams_name_unique" unique ("name");`);

    this.addSql(
      `create table "models" ("id" uuid not null, "created_at" timestamptz not null default now(), "name" varchar(100) not null, "upstream_id" uuid not null, "upstream_model" varchar(200) not null, "input_price_per_million" bigint not null, "output_price_per_million" bigint not null, "context_window" int not null, "default_max_output_tokens" int not null, "groups" text[] not null default '{}', "enabled" boolean not null default true, constraint "models_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "models" add constraint "models_name_unique" unique ("name");`);

    this.addSql(
      `create table "organization_verifications" ("id" uuid not null, "created_at" timestamptz not null default now(), "organization_id" uuid not null, "company_name" varchar(200) not null, "registration_number" varchar(100) not null, "contact_name" varchar(100) not null, "contact_email" varchar(254) not null, "country" varchar(2) not null, "status" "verification_status" not null default 'PENDING', "submitted_by_id" uuid null, "reviewed_by_id" uuid null, "reviewed_at" timestamptz null, "rejection_reason" varchar(1000) null, constraint "organization_verifications_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "organization_verifications_organization_id_index" on "organization_verifications" ("organization_id");`);

    this.addSql(
      `create table "api_keys" ("id" uuid not null, "created_at" timestamptz not null default now(), "project_id" uuid not null, "organization_id" uuid not null, "owner" "api_key_owner" not null default 'MEMBER', "created_by_id" uuid null, "name" varchar(100) not null, "key_hash" varchar(64) not null, "prefix" varchar(16) not null, "last_four" varchar(4) not null, "allowed_models" text[] null, "rpm_limit" int null, "tpm_limit" int null, "daily_budget" bigint null, "expires_at" timestamptz null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, "revocation_reason" "revocation_reason" null, "rotated_from_id" uuid null, "rotation_request_id" varchar(100) null, constraint "api_keys_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "api_keys_project_id_index" on "api_keys" ("project_id");`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_key_hash_unique" unique ("key_hash");`);
    this.addSql(`create index "api_keys_organization_id_created_by_id_index" on "api_keys" ("organization_id", "created_by_id");`);
    this.addSql(
      `alter table "api_keys" add constraint "api_keys_rotated_from_id_rotation_request_id_unique" unique ("rotated_from_id", "rotation_request_id");`,
    );

    this.addSql(
      `alter table "models" add constraint "models_upstream_id_foreign" foreign key ("upstream_id") references "upstreams" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "organization_verifications" add constraint "organization_verifications_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "organization_verifications" add constraint "organization_verifications_submitted_by_id_foreign" foreign key ("submitted_by_id") references "users" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "organization_verifications" add constraint "organization_verifications_reviewed_by_id_foreign" foreign key ("reviewed_by_id") references "users" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "api_keys" add constraint "api_keys_project_id_foreign" foreign key ("project_id") references "projects" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "api_keys" add constraint "api_keys_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "organizations" add column "granted_models" text[] not null default '{}', add column "granted_groups" text[] not null default '{}', add column "cap_overrides" jsonb null;`,
    );

    this.addSql(`alter table "projects" add column "allowed_models" text[] null, add column "allowed_groups" text[] null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "models" drop constraint "models_upstream_id_foreign";`);

    this.addSql(`drop table if exists "upstreams" cascade;`);

    this.addSql(`drop table if exists "models" cascade;`);

    this.addSql(`drop table if exists "organization_verifications" cascade;`);

    this.addSql(`drop table if exists "api_keys" cascade;`);

    this.addSql(`alter table "organizations" drop column "granted_models", drop column "granted_groups", drop column "cap_overrides";`);

    this.addSql(`alter table "projects" drop column "allowed_models", drop column "allowed_groups";`);

    this.addSql(`drop type "verification_status";`);
    this.addSql(`drop type "api_key_owner";`);
    this.addSql(`drop type "revocation_reason";`);
  }
}
