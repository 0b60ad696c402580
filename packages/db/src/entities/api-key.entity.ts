import { BigIntType, Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import type { Opt } from '@mikro-orm/core';
import { ApiKeyOwner, RevocationReason } from '@tollgate/domain';
import { BaseEntity } from './base';
import { Project } from './project.entity';
import { User } from './user.entity';

/**
 * A proxy key (`sk-tg-…`). Only its SHA-256, its first characters and its
 * last four are stored; the secret exists in the creation answer alone.
 */
@Entity({ tableName: 'api_keys' })
@Unique({ properties: ['rotatedFromId', 'rotationRequestId'] })
@Index({ properties: ['organizationId', 'createdBy'] })
export class ApiKey extends BaseEntity {
  @ManyToOne({ entity: () => Project, ref: true, deleteRule: 'cascade', index: true })
  project!: Ref<Project>;

  /** Denormalized for cascades and for the proxy's single-row lookup. */
  @Property({ type: 'uuid' })
  organizationId!: string;

  @Enum({ items: () => ApiKeyOwner, nativeEnumName: 'api_key_owner', default: ApiKeyOwner.MEMBER })
  owner: Opt<ApiKeyOwner> = ApiKeyOwner.MEMBER;

  /** Who created it; for a MEMBER key also whom it belongs to. */
  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'set null' })
  createdBy?: Ref<User> | null;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 64, hidden: true })
  @Unique()
  keyHash!: string;

  @Property({ type: 'string', length: 16 })
  prefix!: string;

  @Property({ type: 'string', length: 4 })
  lastFour!: string;

  /** Narrows the project's models; null inherits them. */
  @Property({ type: 'text[]', nullable: true })
  allowedModels?: string[] | null;

  @Property({ type: 'integer', nullable: true })
  rpmLimit?: number | null;

  @Property({ type: 'integer', nullable: true })
  tpmLimit?: number | null;

  /** Micro-units per UTC day. */
  @Property({ type: new BigIntType('bigint'), nullable: true })
  dailyBudget?: bigint | null;

  @Property({ type: 'datetime', nullable: true })
  expiresAt?: Date | null;

  /** Written by the proxy at most once a minute. */
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  @Enum({ items: () => RevocationReason, nativeEnumName: 'revocation_reason', nullable: true })
  revocationReason?: RevocationReason | null;

  /** The key this one replaced, and the caller's request id, so a retried rotation mints one secret. */
  @Property({ type: 'uuid', nullable: true })
  rotatedFromId?: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  rotationRequestId?: string | null;
}
