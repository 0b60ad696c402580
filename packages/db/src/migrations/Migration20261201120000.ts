import { Migration } from '@mikro-orm/migrations';
import { ACCESS_ANNOUNCEMENTS, accessTriggersSql } from '../live/protocol';

/**
 * Live dashboards (packages/db/src/live/protocol.ts): each organization's usage
 * sequence, moved by every recorder batch in its own transaction so live deltas
 * are numbered in commit order; and the access triggers that tell the servers
 * whose subscriptions to re-check.
 */
export class Migration20261201120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "usage_sequences" (
      "organization_id" uuid primary key references "organizations" ("id") on delete cascade,
      "seq" bigint not null);`);
    for (const statement of accessTriggersSql()) this.addSql(statement);
  }

  override async down(): Promise<void> {
    for (const table of Object.keys(ACCESS_ANNOUNCEMENTS)) this.addSql(`drop trigger if exists "${table}_access" on "${table}";`);
    this.addSql('drop function if exists tollgate_notify_access();');
    this.addSql('drop table if exists "usage_sequences";');
  }
}
