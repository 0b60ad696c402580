import { Migration } from '@mikro-orm/migrations';

export class Migration20261122190341 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "usage_hourly" add column "forwarded" int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "usage_hourly" drop column "forwarded";`);
  }
}
