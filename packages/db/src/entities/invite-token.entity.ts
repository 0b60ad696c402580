import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import type { Opt } from '@mikro-orm/core';
import { BaseEntity } from './base';
import { Organization } from './organization.entity';
import { User } from './user.entity';

/** A shareable join link with a usage cap; stored hashed, shown once. */
@Entity({ tableName: 'invite_tokens' })
export class InviteToken extends BaseEntity {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade', index: true })
  organization!: Ref<Organization>;

  @Property({ type: 'string', length: 200, default: '' })
  description: Opt<string> = '';

  @Property({ type: 'string', length: 64, hidden: true })
  @Unique()
  tokenHash!: string;

  /** The first characters of the token, to recognise it in a list. */
  @Property({ type: 'string', length: 16 })
  prefix!: string;

  /** Null: no cap. The database never lets usageCount pass it (a conditional UPDATE). */
  @Property({ type: 'integer', nullable: true })
  maxUsageCount?: number | null;

  @Property({ type: 'integer', default: 0 })
  usageCount: Opt<number> = 0;

  @Property({ type: 'datetime', nullable: true })
  expiresAt?: Date | null;

  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'set null' })
  createdBy?: Ref<User> | null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}
