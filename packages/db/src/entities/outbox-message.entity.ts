import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import type { Opt } from '@mikro-orm/core';
import { BaseEntity } from './base';

export const OutboxStatus = { PENDING: 'PENDING', SENT: 'SENT', LOGGED: 'LOGGED', FAILED: 'FAILED' } as const;
export type OutboxStatus = (typeof OutboxStatus)[keyof typeof OutboxStatus];

/**
 * Every mail is first written here, in the transaction that caused it, then
 * delivered by the outbox dispatcher: a committed change never loses its
 * mail and a rolled-back one never sends any. Without SMTP the outbox is the
 * delivery channel operators read; with SMTP the body is erased once sent.
 */
@Entity({ tableName: 'outbox_messages' })
@Index({ properties: ['status', 'nextAttemptAt'] })
export class OutboxMessage extends BaseEntity {
  @Property({ type: 'string', length: 254 })
  to!: string;

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
