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
 * hour; the recorder prunes them after MINUTE_ROLLUP_RETENTION_MS.
 */
abstract class UsageRollup {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' }) organizationId!: string;
  @Property({ type: 'uuid' }) projectId!: string;
  @Property({ type: 'uuid' }) apiKeyId!: string;
  @Property({ type: 'uuid', nullable: true }) userId?: string | null;
  @Property({ type: 'string', length: 100 }) model!: string;
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
