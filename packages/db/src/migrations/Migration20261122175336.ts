import { Migration } from '@mikro-orm/migrations';

export class Migration20261122175336 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "outbox_status" as enum ('PENDING', 'SENT', 'LOGGED', 'FAILED');`);
    this.addSql(`create type "invitation_status" as enum ('PENDING', 'ACCEPTED', 'REVOKED', 'EXPIRED');`);
    this.addSql(
      `create table "outbox_messages" ("id" uuid not null, "created_at" timestamptz not null default now(), "to" varchar(254) not null, "subject" varchar(300) not null, "text" text null, "status" "outbox_status" not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null default now(), "last_error" text null, "sent_at" timestamptz null, constraint "outbox_messages_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "outbox_messages_status_next_attempt_at_index" on "outbox_messages" ("status", "next_attempt_at");`);

    this.addSql(
      `create table "invite_tokens" ("id" uuid not null, "created_at" timestamptz not null default now(), "organization_id" uuid not null, "description" varchar(200) not null default '', "token_hash" varchar(64) not null, "prefix" varchar(16) not null, "max_usage_count" int null, "usage_count" int not null default 0, "expires_at" timestamptz null, "created_by_id" uuid null, "revoked_at" timestamptz null, constraint "invite_tokens_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "invite_tokens_organization_id_index" on "invite_tokens" ("organization_id");`);
    this.addSql(`alter table "invite_tokens" add constraint "invite_tokens_token_hash_unique" unique ("token_hash");`);

    this.addSql(
      `create table "invitations" ("id" uuid not null, "created_at" timestamptz not null default now(), "organization_id" uuid not null, "email" varchar(254) not null, "name" varchar(100) not null, "role" "org_role" not null, "project_id" uuid null, "project_role" "project_role" null, "token_hash" varchar(64) not null, "status" "invitation_status" not null default 'PENDING', "invited_by_id" uuid null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "accepted_by_id" uuid null, "bulk_invite_id" uuid null, constraint "invitations_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "invitations" add constraint "invitations_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create unique index "invitations_one_pending" on "invitations" ("organization_id", "email") where "status" = 'PENDING';`);

    this.addSql(
      `create table "bulk_invites" ("id" uuid not null, "created_at" timestamptz not null default now(), "organization_id" uuid not null, "created_by_id" uuid null, "status" varchar(16) not null, "total_count" int not null, "success_count" int not null, "failure_count" int not null, "records" jsonb not null, constraint "bulk_invites_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "bulk_invites_organization_id_index" on "bulk_invites" ("organization_id");`);

    this.addSql(
      `alter table "invite_tokens" add constraint "invite_tokens_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "invite_tokens" add constraint "invite_tokens_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "invitations" add constraint "invitations_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "invitations" add constraint "invitations_project_id_foreign" foreign key ("project_id") references "projects" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "invitations" add constraint "invitations_invited_by_id_foreign" foreign key ("invited_by_id") references "users" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "invitations" add constraint "invitations_accepted_by_id_foreign" foreign key ("accepted_by_id") references "users" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "bulk_invites" add constraint "bulk_invites_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "bulk_invites" add constraint "bulk_invites_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "outbox_messages" cascade;`);

    this.addSql(`drop table if exists "invite_tokens" cascade;`);

    this.addSql(`drop table if exists "invitations" cascade;`);

    this.addSql(`drop table if exists "bulk_invites" cascade;`);

    this.addSql(`drop type "outbox_status";`);
    this.addSql(`drop type "invitation_status";`);
  }
}
