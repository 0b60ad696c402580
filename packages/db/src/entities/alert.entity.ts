import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { Opt } from '@mikro-orm/core';
import { AlertKind, AlertPeriod } from '@tollgate/domain';
import { BaseEntity } from './base';

/**
 * What an organization (BALANCE, organization QUOTA) or a project
 * (CONSUMPTION, QUOTA) watches, and where a crossing goes. One rule per
 * scope, kind and period (CONSUMPTION has a DAY and a MONTH rule).
 * `thresholds` are micro-units for BALANCE and CONSUMPTION, percent for QUOTA.
 */
@Entity({ tableName: 'alert_rules' })
// Unique per (organization, project, kind, period), nulls not distinct: an index the migration writes by hand.
export class AlertRule extends BaseEntity {
  @Property({ type: 'uuid' }) organizationId!: string;
  @Property({ type: 'uuid', nullable: true }) projectId?: string | null;
  @Enum({ items: () => AlertKind, nativeEnumName: 'alert_kind' }) kind!: AlertKind;
  @Enum({ items: () => AlertPeriod, nativeEnumName: 'alert_period', nullable: true }) period?: AlertPeriod | null;
  @Property({ type: 'bigint[]', default: '{}' }) thresholds: Opt<string[]> = [];
  @Property({ type: 'boolean', default: true }) emailEnabled: Opt<boolean> = true;
  @Property({ type: 'boolean', default: false }) smsEnabled: Opt<boolean> = false;
  @Property({ type: 'uuid', nullable: true }) webhookEndpointId?: string | null;
  @Property({ type: 'text', nullable: true }) messageTemplate?: string | null;
  /** BALANCE: at most this many alerts per UTC day (further crossings are recorded, not sent). */
  @Property({ type: 'integer', nullable: true }) maxDailyAlerts?: number | null;
  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() }) updatedAt: Opt<Date> = new Date();
}

/** A fired alert: the history, and what its deliveries carry. Resolved when the balance rises above it again or its period ends. */
@Entity({ tableName: 'alerts' })
@Index({ properties: ['organizationId', 'firedAt'] })
export class Alert extends BaseEntity {
  @Property({ type: 'uuid' }) organizationId!: string;
  @Property({ type: 'uuid', nullable: true }) projectId?: string | null;
  @Property({ type: 'uuid', nullable: true }) ruleId?: string | null;
  @Enum({ items: () => AlertKind, nativeEnumName: 'alert_kind' }) kind!: AlertKind;
  @Enum({ items: () => AlertPeriod, nativeEnumName: 'alert_period', nullable: true }) period?: AlertPeriod | null;
  /** The period's key (its first day, YYYY-MM-DD); empty for BALANCE. */
  @Property({ type: 'text', default: '' }) periodKey: Opt<string> = '';
  /** When the period ends (resolvedAt then); null for BALANCE. */
  @Property({ type: 'datetime', nullable: true }) periodEnd?: Date | null;
  /** For QUOTA: the limit reached (dailyBudget, monthlyRequests, …). */
  @Property({ type: 'text', nullable: true }) metric?: string | null;
  @Property({ type: 'bigint' }) threshold!: string;
  /** The figure at the crossing: balance, spend or use. */
  @Property({ type: 'bigint' }) value!: string;
  /** QUOTA: the limit the share is of. */
  @Property({ type: 'bigint', nullable: true }) limitValue?: string | null;
  @Property({ type: 'text' }) message!: string;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) firedAt: Opt<Date> = new Date();
  @Property({ type: 'datetime', nullable: true }) resolvedAt?: Date | null;
  /** Over maxDailyAlerts: recorded, not sent. */
  @Property({ type: 'boolean', default: false }) suppressed: Opt<boolean> = false;
  /** Sent by "send a test". */
  @Property({ type: 'boolean', default: false }) test: Opt<boolean> = false;
}

/** That a rule's threshold fired in a period (BALANCE: '' until re-armed): the unique row that makes "once" hold across proxies. */
@Entity({ tableName: 'alert_states' })
export class AlertState {
  @PrimaryKey({ type: 'uuid' }) ruleId!: string;
  @PrimaryKey({ type: 'bigint' }) threshold!: string;
  @PrimaryKey({ type: 'text' }) periodKey!: string;
  @PrimaryKey({ type: 'text', default: '' }) metric: Opt<string> = '';
  @Property({ type: 'uuid' }) alertId!: string;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) firedAt: Opt<Date> = new Date();
}

/**
 * A watched figure's running value in a period (a project's spend today, its
 * requests this quota month…), moved by each usage batch under its row lock:
 * the batch learns before and after exactly, even with several proxies.
 * Started from the rollups the first time a period is seen.
 */
@Entity({ tableName: 'alert_counters' })
export class AlertCounter {
  @PrimaryKey({ type: 'uuid' }) ruleId!: string;
  @PrimaryKey({ type: 'text' }) periodKey!: string;
  @PrimaryKey({ type: 'text' }) metric!: string;
  @Property({ type: 'bigint' }) value!: string;
}

/**
 * Where webhooks go. The secret (whsec_…, Standard Webhooks) and the custom
 * header values are encrypted at rest with CREDENTIAL_KEY and never answered
 * back; while a rotation overlaps, the previous secret signs too.
 */
@Entity({ tableName: 'webhook_endpoints' })
export class WebhookEndpoint extends BaseEntity {
  @Property({ type: 'uuid' }) organizationId!: string;
  @Property({ type: 'uuid', nullable: true }) projectId?: string | null;
  @Property({ type: 'text' }) url!: string;
  @Property({ type: 'string', length: 200, default: '' }) description: Opt<string> = '';
  /** Encrypted JSON: [{name, value}]. */
  @Property({ type: 'text', nullable: true, hidden: true }) customHeaders?: string | null;
  /** Names only, for answers. */
  @Property({ type: 'text[]', default: '{}' }) customHeaderNames: Opt<string[]> = [];
  @Property({ type: 'text', hidden: true }) secret!: string;
  @Property({ type: 'text', nullable: true, hidden: true }) previousSecret?: string | null;
  @Property({ type: 'datetime', nullable: true }) previousSecretExpiresAt?: Date | null;
  /** The first failed attempt of the current run of failures; null after a success. */
  @Property({ type: 'datetime', nullable: true }) failingSince?: Date | null;
  @Property({ type: 'datetime', nullable: true }) disabledAt?: Date | null;
}

/** One delivery attempt of an outbox message: the delivery log. */
@Entity({ tableName: 'outbox_attempts' })
@Index({ properties: ['messageId', 'at'] })
export class OutboxAttempt extends BaseEntity {
  @Property({ type: 'uuid' }) messageId!: string;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) at: Opt<Date> = new Date();
  @Property({ type: 'integer', nullable: true }) statusCode?: number | null;
  @Property({ type: 'integer' }) latencyMs!: number;
  @Property({ type: 'text', nullable: true }) error?: string | null;
}
