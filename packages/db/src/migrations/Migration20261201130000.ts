import { Migration } from '@mikro-orm/migrations';
import { rebuildUsageDaily } from '../metering/usage-daily';

const ROLLUP_COLUMNS = `"organization_id" uuid not null, "project_id" uuid not null, "api_key_id" uuid not null, "user_id" uuid null, "model" varchar(100) not null,
  "status" smallint not null, "requests" int not null, "errors" int not null, "input_tokens" bigint not null, "cached_input_tokens" bigint not null,
  "output_tokens" bigint not null, "reasoning_tokens" bigint not null, "cost" bigint not null`;

/**
 * The daily rollup in each organization's time zone (usage_daily; usage-rollup.entity.ts and
 * metering/usage-daily.ts), backfilled per organization from its quarter hours in its zone, as a zone change
 * rebuilds it. Statements run in order through `execute` (not `addSql`, which would run after the backfill).
 */
export class Migration20261201130000 extends Migration {
  override async up(): Promise<void> {
    await this.execute(
      `create table "usage_daily" ("id" bigserial primary key, "day" date not null, "day_start" timestamptz not null, "day_end" timestamptz not null,
        "time_zone" varchar(64) not null, ${ROLLUP_COLUMNS});`,
    );
    await this.execute(
      `create unique index "usage_daily_grain" on "usage_daily" ("organization_id", "day", "project_id", "api_key_id", "user_id", "model", "status") nulls not distinct;`,
    );
    await this.execute(`create index "usage_daily_project" on "usage_daily" ("project_id", "day");`);
    const organizations = (await this.execute(`select id, time_zone from organizations order by id`)) as Array<{ id: string; time_zone: string }>;
    for (const o of organizations) await rebuildUsageDaily((sql, params) => this.execute(sql, params), o.id, o.time_zone);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "usage_daily";`);
  }
}
