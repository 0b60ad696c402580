import { Entity, Index, Property } from '@mikro-orm/core';
import { BaseEntity } from './base';

/**
 * One administrative change: who, what, on which object, before/after, when, from where.
 * Plain ids rather than foreign keys: the trail outlives what it describes.
 */
@Entity({ tableName: 'audit_events' })
@Index({ properties: ['organizationId', 'createdAt'] })
export class AuditEvent extends BaseEntity {
  @Property({ type: 'uuid', nullable: true })
  organizationId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  projectId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  actorUserId?: string | null;

  /** Set when the actor used an API token rather than a session. */
  @Property({ type: 'uuid', nullable: true })
  actorTokenId?: string | null;

  @Property({ type: 'string', length: 64 })
  action!: string;

  @Property({ type: 'string', length: 32 })
  targetType!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  targetId?: string | null;

  @Property({ type: 'json', nullable: true })
  before?: Record<string, unknown> | null;

  @Property({ type: 'json', nullable: true })
  after?: Record<string, unknown> | null;

  @Property({ type: 'string', length: 64, nullable: true })
  ip?: string | null;
}
