import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import type { Opt } from '@mikro-orm/core';
import { BaseEntity } from './base';
import { User } from './user.entity';

/** A long-lived token for BI tools, acting as its user (optionally read-only). Stored hashed. */
@Entity({ tableName: 'api_tokens' })
export class ApiToken extends BaseEntity {
  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 64, hidden: true })
  @Unique()
  tokenHash!: string;

  /** The first characters of the secret, to recognise it in a list. */
  @Property({ type: 'string', length: 16 })
  prefix!: string;

  @Property({ type: 'boolean', default: false })
  readOnly: Opt<boolean> = false;

  @Property({ type: 'datetime', nullable: true })
  expiresAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}
