import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * Hourly totals at the finest grain (organization, project, key, member,
 * model); any coarser view sums them. Upserted with each batch of events.
 */
@Entity({ tableName: 'usage_hourly' })
@Index({
  name: 'usage_hourly_grain',
  expression:
    'create unique index "usage_hourly_grain" on "usage_hourly" ("hour", "organization_id", "project_id", "api_key_id", "user_id", "model") nulls not distinct',
})
@Index({ properties: ['organizationId', 'hour'] })
@Index({ properties: ['projectId', 'hour'] })
export class UsageHourly {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'datetime' }) hour!: Date;
  @Property({ type: 'uuid' }) organizationId!: string;
  @Property({ type: 'uuid' }) projectId!: string;
  @Property({ type: 'uuid' }) apiKeyId!: string;
  @Property({ type: 'uuid', nullable: true }) userId?: string | null;
  @Property({ type: 'string', length: 100 }) model!: string;
  @Property({ type: 'integer' }) requests!: number;
  @Property({ type: 'integer' }) errors!: number;
  /** Calls forwarded upstream (past every check): what request limits count, and rebuild from. */
  @Property({ type: 'integer', default: 0 }) forwarded!: number;
  @Property({ type: new BigIntType('bigint') }) inputTokens!: bigint;
  @Property({ type: new BigIntType('bigint'), default: 0 }) cachedInputTokens!: bigint;
  @Property({ type: new BigIntType('bigint') }) outputTokens!: bigint;
  @Property({ type: new BigIntType('bigint'), default: 0 }) reasoningTokens!: bigint;
  @Property({ type: new BigIntType('bigint') }) cost!: bigint;
}
