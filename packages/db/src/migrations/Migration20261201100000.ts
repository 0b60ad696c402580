import { Migration } from '@mikro-orm/migrations';

const ROLLUP_COLUMNS = `"organization_id" uuid not null, "project_id" uuid not null, "api_key_id" uuid not null, "user_id" uuid null, "model" varchar(100) not null,
  "status" smallint not null, "requests" int not null, "errors" int not null, "input_tokens" bigint not null, "cached_input_tokens" bigint not null,
  "output_tokens" bigint not null, "reasoning_tokens" bigint not null, "cost" bigint not null`;

/** What the backfill sums, from the request logs (the rollups' source of truth). */
const SUMS = `count(*), count(*) filter (where status >= 400), sum(input_tokens), sum(cached_input_tokens), sum(output_tokens), sum(reasoning_tokens), sum(cost)`;

/**
 * Usage analytics: quarter-hour and minute rollups with the HTTP status as a
 * dimension (see usage-rollup.entity.ts for why these grains), backfilled from
 * the request logs (minutes only for the days they are kept), and the
 * organization's time zone. usage_hourly stays as it is: the limits rebuild
 * their day and month counters from it (UTC windows, where hours are exact).
 */
export class Migration20261201100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "organizations" add column "time_zone" varchar(64) not null default 'UTC';`);

    this.addSql(`create table "usage_quarter_hour" ("id" bigserial primary key, "bucket" timestamptz not null, ${ROLLUP_COLUMNS});`);
    this.addSql(
      `create unique index "usage_quarter_hour_grain" on "usage_quarter_hour" ("organization_id", "bucket", "project_id", "api_key_id", "user_id", "model", "status") nulls not distinct;`,
    );
    this.addSql(`create index "usage_quarter_hour_project" on "usage_quarter_hour" ("project_id", "bucket");`);

    this.addSql(`create table "usage_minute" ("id" bigserial primary key, "minute" timestamptz not null, ${ROLLUP_COLUMNS});`);
    this.addSql(
      `create unique index "usage_minute_grain" on "usage_minute" ("organization_id", "minute", "project_id", "api_key_id", "user_id", "model", "status") nulls not distinct;`,
    );
    this.addSql(`create index "usage_minute_project" on "usage_minute" ("project_id", "minute");`);
    this.addSql(`create index "usage_minute_age" on "usage_minute" using brin ("minute");`);

    const dims = 'organization_id, project_id, api_key_id, user_id, model, status';
    this.addSql(`insert into "usage_quarter_hour" (bucket, ${dims}, requests, errors, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost)
      select date_bin('15 minutes', time, timestamptz '2000-01-01 00:00:00+00'), ${dims}, ${SUMS} from request_logs group by 1, ${dims};`);
    this.addSql(`insert into "usage_minute" (minute, ${dims}, requests, errors, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost)
      select date_trunc('minute', time, 'UTC'), ${dims}, ${SUMS} from request_logs where time >= now() - interval '8 days' group by 1, ${dims};`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "usage_minute";`);
    this.addSql(`drop table if exists "usage_quarter_hour";`);
    this.addSql(`alter table "organizations" drop column "time_zone";`);
  }
}
