import { Migration } from '@mikro-orm/migrations';

/**
 * Provider-exact metering: cached input and reasoning tokens in the request log and the rollups
 * (existing rows keep 0), where a row's usage came from, the Responses API's response id (to route
 * `GET /v1/responses/{id}` for its organization only), and an optional cached-input price that never
 * exceeds the input price (so a reservation priced at the input price stays an upper bound).
 */
export class Migration20261201084156 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "usage_source" as enum ('UPSTREAM', 'ESTIMATED');`);
    this.addSql(
      `alter table "request_logs" add column "cached_input_tokens" int not null default 0, add column "reasoning_tokens" int not null default 0, add column "usage_source" "usage_source" null, add column "response_id" varchar(100) null;`,
    );
    this.addSql(`create index "request_logs_response_id_index" on "request_logs" ("response_id") where "response_id" is not null;`);

    this.addSql(`alter table "models" add column "cached_input_price_per_million" bigint null;`);
    this.addSql(
      `alter table "models" add constraint "models_cached_input_price_check" check ("cached_input_price_per_million" between 0 and "input_price_per_million");`,
    );

    this.addSql(
      `alter table "usage_hourly" add column "cached_input_tokens" bigint not null default 0, add column "reasoning_tokens" bigint not null default 0;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "models" drop constraint "models_cached_input_price_check", drop column "cached_input_price_per_million";`);
    this.addSql(`drop index "request_logs_response_id_index";`);
    this.addSql(
      `alter table "request_logs" drop column "cached_input_tokens", drop column "reasoning_tokens", drop column "usage_source", drop column "response_id";`,
    );
    this.addSql(`alter table "usage_hourly" drop column "cached_input_tokens", drop column "reasoning_tokens";`);
    this.addSql(`drop type "usage_source";`);
  }
}
