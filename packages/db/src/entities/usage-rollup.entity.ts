import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The analytics rollups, at the finest grain (organization, project, key,
 * member, model, HTTP status), upserted with each batch of usage events in the
 * statement that writes the request logs (packages/db/src/metering/usage-batch.ts).
 *
 * Quarter hours: every UTC offset in use is a multiple of 15 minutes
 * (Asia/Kolkata +05:30, Asia/Kathmandu +05:45, Australia/Eucla +08:45), so
 * day and month windows are exact sums of them in every zone; hourly rollups
 * (usage_hourly, which the limits rebuild from) are not. Minutes: for minute
 * windows (at most 2 days, at most 7 days back) and for the still-open quarter
 * hour; the recorder prunes them after MINUTE_ROLLUP_RETENTION_MS. Days
 * (UsageDaily and two narrower ones, below): in each organization's own zone,
 * for the whole days of day and month windows and of totals.
 */
abstract class RollupFigures {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' }) organizationId!: string;
  @Property({ type: 'uuid' }) projectId!: string;
  /** The HTTP status the proxy answered. */
  @Property({ type: 'smallint' }) status!: number;
  @Property({ type: 'integer' }) requests!: number;
  @Property({ type: 'integer' }) errors!: number;
  @Property({ type: new BigIntType('bigint') }) inputTokens!: bigint;
  @Property({ type: new BigIntType('bigint') }) cachedInputTokens!: bigint;
  @Property({ type: new BigIntType('bigint') }) outputTokens!: bigint;
  @Property({ type: new BigIntType('bigint') }) reasoningTokens!: bigint;
  /** Micro-units. */
  @Property({ type: new BigIntType('bigint') }) cost!: bigint;
}

abstract class UsageRollup extends RollupFigures {
  @Property({ type: 'uuid' }) apiKeyId!: string;
  @Property({ type: 'uuid', nullable: true }) userId?: string | null;
  @Property({ type: 'string', length: 100 }) model!: string;
}

@Entity({ tableName: 'usage_quarter_hour' })
@Index({
  name: 'usage_quarter_hour_grain',
  expression:
    'create unique index "usage_quarter_hour_grain" on "usage_quarter_hour" ("organization_id", "bucket", "project_id", "api_key_id", "user_id", "model", "status") nulls not distinct',
})
@Index({ name: 'usage_quarter_hour_project', properties: ['projectId', 'bucket'] })
export class UsageQuarterHour extends UsageRollup {
  /** The quarter hour's start (UTC, on :00, :15, :30 or :45). */
  @Property({ type: 'datetime' }) bucket!: Date;
}

@Entity({ tableName: 'usage_minute' })
@Index({
  name: 'usage_minute_grain',
  expression:
    'create unique index "usage_minute_grain" on "usage_minute" ("organization_id", "minute", "project_id", "api_key_id", "user_id", "model", "status") nulls not distinct',
})
@Index({ name: 'usage_minute_project', properties: ['projectId', 'minute'] })
@Index({ name: 'usage_minute_age', expression: 'create index "usage_minute_age" on "usage_minute" using brin ("minute")' })
export class UsageMinute extends UsageRollup {
  @Property({ type: 'datetime' }) minute!: Date;
}

/** The time columns of the daily rollups: a day of the organization's zone. */
abstract class DayRollup extends RollupFigures {
  /** The calendar date in `timeZone`. */
  @Property({ type: 'date' }) day!: string;
  /** The day's first instant and the next day's (23 or 25 hours apart on DST days), as the domain's DAY windows have them. */
  @Property({ type: 'datetime' }) dayStart!: Date;
  @Property({ type: 'datetime' }) dayEnd!: Date;
  /** The IANA zone the day is in: the organization's when the row was written. */
  @Property({ type: 'string', length: 64 }) timeZone!: string;
}

const SUMS = '"requests", "errors", "input_tokens", "cached_input_tokens", "output_tokens", "reasoning_tokens", "cost"';

/**
 * Days in the organization's own time zone (usage_daily): what day and month windows and totals read for the whole
 * days of their range, about 24 times fewer rows than hours. Written with each batch like the others, in the zone the
 * batch found under its lock on the organization (usage-batch.ts); when the zone changes, setOrganizationTimeZone
 * rebuilds the organization's days from the quarter hours in the same transaction (rebuildUsageDaily), exact
 * because every offset is a multiple of 15 minutes. So all of an organization's rows have its current zone. The grain
 * index includes the day's start and the sums: a range of days is an index-only scan.
 */
@Entity({ tableName: 'usage_daily' })
@Index({
  name: 'usage_daily_grain',
  expression: `create unique index "usage_daily_grain" on "usage_daily" ("organization_id", "day", "project_id", "api_key_id", "user_id", "model", "status") include ("day_start", ${SUMS}) nulls not distinct`,
})
@Index({ name: 'usage_daily_project', properties: ['projectId', 'day'] })
export class UsageDaily extends DayRollup {
  @Property({ type: 'uuid' }) apiKeyId!: string;
  @Property({ type: 'uuid', nullable: true }) userId?: string | null;
  @Property({ type: 'string', length: 100 }) model!: string;
}

/**
 * The same days without the model (usage_daily_key: 1,300 rows a day for the largest benchmark organization where
 * usage_daily has 9,400), for queries that neither group nor filter by it: totals, projects, keys, members, statuses.
 */
@Entity({ tableName: 'usage_daily_key' })
@Index({
  name: 'usage_daily_key_grain',
  expression: `create unique index "usage_daily_key_grain" on "usage_daily_key" ("organization_id", "day", "project_id", "api_key_id", "user_id", "status") include ("day_start", ${SUMS}) nulls not distinct`,
})
export class UsageDailyKey extends DayRollup {
  @Property({ type: 'uuid' }) apiKeyId!: string;
  @Property({ type: 'uuid', nullable: true }) userId?: string | null;
}

/** The same days without the key and member (usage_daily_model: 3,800 rows a day there), for models by project. */
@Entity({ tableName: 'usage_daily_model' })
@Index({
  name: 'usage_daily_model_grain',
  expression: `create unique index "usage_daily_model_grain" on "usage_daily_model" ("organization_id", "day", "project_id", "model", "status") include ("day_start", ${SUMS}) nulls not distinct`,
})
export class UsageDailyModel extends DayRollup {
  @Property({ type: 'string', length: 100 }) model!: string;
}
