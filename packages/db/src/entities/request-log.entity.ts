import { BigIntType, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { UsageSource } from '@tollgate/domain';

/**
 * One row per proxied call, written in batches by the proxy (raw SQL, see
 * packages/proxy/src/usage). The id is the request id: writing an event
 * twice is a no-op. No foreign keys: history outlives keys and projects.
 * The table is partitioned by month of `time` (Migration20261201160000,
 * metering/request-log-partitions.ts), so its primary key is (id, time): an
 * event's time never changes, and the ORM keys rows by id alone.
 */
@Entity({ tableName: 'request_logs' })
@Index({ properties: ['projectId', 'time'] })
@Index({ properties: ['organizationId', 'time'] })
@Index({ properties: ['apiKeyId', 'time'] })
export class RequestLog {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'datetime' }) time!: Date;
  @Property({ type: 'uuid' }) organizationId!: string;
  @Property({ type: 'uuid' }) projectId!: string;
  @Property({ type: 'uuid' }) apiKeyId!: string;
  /** The member the key belongs to; null for service-account keys. */
  @Property({ type: 'uuid', nullable: true }) userId?: string | null;
  @Property({ type: 'string', length: 100 }) model!: string;
  /** The HTTP status answered to the client. */
  @Property({ type: 'smallint' }) status!: number;
  /** Input tokens, cached ones included. */
  @Property({ type: 'integer' }) inputTokens!: number;
  @Property({ type: 'integer', default: 0 }) cachedInputTokens!: number;
  /** Output tokens, reasoning ones included. */
  @Property({ type: 'integer' }) outputTokens!: number;
  @Property({ type: 'integer', default: 0 }) reasoningTokens!: number;
  /** Whether the upstream reported the tokens or the tokenizer counted them; null for a call that used none (refused before it went upstream). */
  @Enum({ items: () => UsageSource, nativeEnumName: 'usage_source', nullable: true }) usageSource?: UsageSource | null;
  /** Micro-units. */
  @Property({ type: new BigIntType('bigint') }) cost!: bigint;
  @Property({ type: 'integer' }) latencyMs!: number;
  @Property({ type: 'integer', nullable: true }) upstreamLatencyMs?: number | null;
  @Property({ type: 'boolean' }) stream!: boolean;
  @Property({ type: 'string', length: 64, nullable: true }) errorCode?: string | null;
  /** The Responses API's response id, so `GET /v1/responses/{id}` reaches its upstream for its organization only. */
  @Property({ type: 'string', length: 100, nullable: true }) responseId?: string | null;
  /** Kept only as the organization's audit-content policy allows, and erased after its retention. */
  @Property({ type: 'json', nullable: true }) content?: Record<string, unknown> | null;
}
