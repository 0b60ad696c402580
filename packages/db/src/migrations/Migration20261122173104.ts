import { Migration } from '@mikro-orm/migrations';

export class Migration20261122173104 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "verification_tier" as enum ('DEFAULT', 'ENTERPRISE_VERIFIED');`);
    this.addSql(`create type "project_status" as enum ('ACTIVE', 'ARCHIVED');`);
    this.addSql(`create type "project_environment" as enum ('DEVELOPMENT', 'STAGING', 'PRODUCTION', 'OTHER');`);
    this.addSql(`create type "project_role" as enum ('OWNER', 'MEMBER');`);
    this.addSql(`create type "org_role" as enum ('ADMIN', 'MEMBER');`);
    this.addSql(`create type "member_status" as enum ('ACTIVE', 'SUSPENDED');`);
    this.addSql(
      `create table "audit_events" ("id" uuid not null, "created_at" timestamptz not null default now(), "organization_id" uuid null, "project_id" uuid null, "actor_user_id" uuid null, "actor_token_id" uuid null, "action" varchar(64) not null, "target_type" varchar(32) not null, "target_id" varchar(64) null, "before" jsonb null, "after" jsonb null, "ip" varchar(64) null, constraint "audit_events_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_events_organization_id_created_at_index" on "audit_events" ("organization_id", "created_at");`);

    this.addSql(
      `create table "organizations" ("id" uuid not null, "created_at" timestamptz not null default now(), "name" varchar(48) not null, "display_name" varchar(100) not null, "verification_tier" "verification_tier" not null default 'DEFAULT', "settings" jsonb not null default '{}', constraint "organizations_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "organizations" add constraint "organizations_name_unique" unique ("name");`);

    this.addSql(
      `create table "projects" ("id" uuid not null, "created_at" timestamptz not null default now(), "organization_id" uuid not null, "name" varchar(48) not null, "description" text not null default '', "status" "project_status" not null default 'ACTIVE', "environment" "project_environment" not null default 'DEVELOPMENT', "primary_workload" varchar(200) null, "expected_monthly_spend" bigint null, "escalation_contact" varchar(254) null, "archived_at" timestamptz null, constraint "projects_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "projects" add constraint "projects_organization_id_name_unique" unique ("organization_id", "name");`);

    this.addSql(
      `create table "users" ("id" uuid not null, "created_at" timestamptz not null default now(), "email" varchar(254) not null, "name" varchar(100) not null, "password_hash" varchar(255) not null, "is_operator" boolean not null default false, constraint "users_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(
      `create table "sessions" ("id" uuid not null, "created_at" timestamptz not null default now(), "user_id" uuid not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "ip" varchar(64) null, constraint "sessions_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "sessions" add constraint "sessions_token_hash_unique" unique ("token_hash");`);

    this.addSql(
      `create table "project_members" ("id" uuid not null, "created_at" timestamptz not null default now(), "project_id" uuid not null, "user_id" uuid not null, "role" "project_role" not null, constraint "project_members_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "project_members_user_id_index" on "project_members" ("user_id");`);
    this.addSql(`alter table "project_members" add constraint "project_members_project_id_user_id_unique" unique ("project_id", "user_id");`);

    this.addSql(
      `create table "organization_members" ("id" uuid not null, "created_at" timestamptz not null default now(), "organization_id" uuid not null, "user_id" uuid not null, "role" "org_role" not null, "grants" text[] not null default '{}', "status" "member_status" not null default 'ACTIVE', "joined_at" timestamptz not null default now(), constraint "organization_members_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "organization_members_user_id_index" on "organization_members" ("user_id");`);
    this.addSql(
      `alter table "organization_members" add constraint "organization_members_organization_id_user_id_unique" unique ("organization_id", "user_id");`,
    );

    this.addSql(
      `create table "api_tokens" ("id" uuid not null, "created_at" timestamptz not null default now(), "user_id" uuid not null, "name" varchar(100) not null, "token_hash" varchar(64) not null, "prefix" varchar(16) not null, "read_only" boolean not null default false, "expires_at" timestamptz null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, constraint "api_tokens_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "api_tokens" add constraint "api_tokens_token_hash_unique" unique ("token_hash");`);

    this.addSql(
      `alter table "projects" add constraint "projects_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "project_members" add constraint "project_members_project_id_foreign" foreign key ("project_id") references "projects" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "project_members" add constraint "project_members_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "organization_members" add constraint "organization_members_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "organization_members" add constraint "organization_members_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "api_tokens" add constraint "api_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );
  }
}
