import { Migration } from '@mikro-orm/migrations';

export class Migration20261122190008 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "organizations" add column "limits" jsonb not null default '{}';`);

    this.addSql(`alter table "projects" add column "quota" jsonb not null default '{}';`);

    // Limit changes reach the proxies like every other cached column (see Migration20261122181500).
    this.addSql(`drop trigger "organizations_invalidation" on "organizations";`);
    this.addSql(
      `create trigger "organizations_invalidation" after delete or update of granted_models, granted_groups, audit_content_policy, audit_content_retention_days, limits on "organizations" for each row execute function tollgate_notify_invalidation();`,
    );
    this.addSql(`drop trigger "projects_invalidation" on "projects";`);
    this.addSql(
      `create trigger "projects_invalidation" after delete or update of status, allowed_models, allowed_groups, quota on "projects" for each row execute function tollgate_notify_invalidation();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "organizations" drop column "limits";`);

    this.addSql(`alter table "projects" drop column "quota";`);
  }
}
