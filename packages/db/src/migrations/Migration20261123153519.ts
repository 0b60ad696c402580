import { Migration } from '@mikro-orm/migrations';
import { BUILT_IN_TEMPLATES } from '@tollgate/domain';

export class Migration20261123153519 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "project_templates" ("id" uuid not null, "created_at" timestamptz not null default now(), "organization_id" uuid null, "name" varchar(80) not null, "description" text not null default '', "category" varchar(20) not null, "tags" text[] not null default '{}', "icon" varchar(500) null, "is_system" boolean not null default false, "is_public" boolean not null default false, "config" jsonb not null, "usage_count" int not null default 0, "created_by_id" uuid null, constraint "project_templates_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "project_templates_organization_id_index" on "project_templates" ("organization_id");`);

    this.addSql(
      `alter table "project_templates" add constraint "project_templates_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "project_templates" add constraint "project_templates_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete set null;`,
    );
    // Shared templates (built-in or the operator's public ones) belong to no organization; private ones to exactly one.
    this.addSql(`alter table "project_templates" add constraint "project_templates_owner_check" check ((is_public or is_system) = (organization_id is null));`);

    for (const t of BUILT_IN_TEMPLATES) {
      const config = { quota: { ...t.quota, enforceQuota: true, customResetDay: 1 }, access: null, apiKeyNames: [] };
      this.addSql(
        this.getKnex().raw(
          `insert into "project_templates" ("id", "name", "description", "category", "is_system", "is_public", "config") values (?, ?, ?, ?, true, true, ?);`,
          [t.id, t.name, t.description, t.category, JSON.stringify(config)],
        ),
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "project_templates" cascade;`);
  }
}
