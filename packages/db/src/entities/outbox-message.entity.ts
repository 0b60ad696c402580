import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import type { Opt } from '@mikro-orm/core';
import { BaseEntity } from './base';

export const OutboxStatus = { PENDING: 'PENDING', SENT: 'SENT', LOGGED: 'LOGGED', FAILED: 'FAILED' } as const;
export type OutboxStatus = (typeof OutboxStatus)[keyof typeof OutboxStatus];

export const OutboxChannel = { EMAIL: 'EMAIL', WEBHOOK: 'WEBHOOK', SMS: 'SMS' } as const;
export type OutboxChannel = (typeof OutboxChannel)[keyof typeof OutboxChannel];

/**
 * Every mail is first written here, in the transaction that caused it, then
 * delivered by the outbox dispatcher: a committed change never loses its
 * mail and a rolled-back one never sends any. Without SMTP the outbox is the
 * delivery channel operators read; with SMTP the body is erased once sent.
 */
@Entity({ tableName: 'outbox_messages' })
@Index({ properties: ['status', 'nextAttemptAt'] })
export class OutboxMessage extends BaseEntity {
  @Enum({ items: () => OutboxChannel, nativeEnumName: 'outbox_channel', default: OutboxChannel.EMAIL })
  channel: Opt<OutboxChannel> = OutboxChannel.EMAIL;

  /** An email address, a mobile number (SMS), or the endpoint's URL when it was queued (WEBHOOK). */
  @Property({ type: 'string', length: 2000 })
  to!: string;

  /** The alert it tells of, if any (the alert history links its deliveries). */
  @Property({ type: 'uuid', nullable: true })
  alertId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  organizationId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  webhookEndpointId?: string | null;

  /** WEBHOOK: the JSON body, the same on every attempt, as is its webhook-id (this row's id). */
  @Property({ type: 'jsonb', nullable: true })
  payload?: Record<string, unknown> | null;

  @Property({ type: 'string', length: 300 })
  subject!: string;

  @Property({ type: 'text', nullable: true })
  text?: string | null;

  @Enum({ items: () => OutboxStatus, nativeEnumName: 'outbox_status', default: OutboxStatus.PENDING })
  status: Opt<OutboxStatus> = OutboxStatus.PENDING;

  @Property({ type: 'integer', default: 0 })
  attempts: Opt<number> = 0;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  nextAttemptAt: Opt<Date> = new Date();

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;
}
