import { Entity, Property, Unique } from '@mikro-orm/core';
import type { Opt } from '@mikro-orm/core';
import { BaseEntity } from './base';

@Entity({ tableName: 'users' })
export class User extends BaseEntity {
  /** Stored normalized (trimmed, lower case); unique. */
  @Property({ type: 'string', length: 254 })
  @Unique()
  email!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  /** argon2id; never leaves the db layer. */
  @Property({ type: 'string', length: 255, lazy: true, hidden: true })
  passwordHash!: string;

  @Property({ type: 'boolean', default: false })
  isOperator: Opt<boolean> = false;

  /** E.164, for SMS alerts; used only once verified. */
  @Property({ type: 'string', length: 16, nullable: true })
  mobileNumber?: string | null;

  @Property({ type: 'datetime', nullable: true })
  mobileVerifiedAt?: Date | null;

  /** The pending verification code's hash and expiry. */
  @Property({ type: 'string', length: 64, nullable: true, hidden: true })
  mobileCodeHash?: string | null;

  @Property({ type: 'datetime', nullable: true })
  mobileCodeExpiresAt?: Date | null;
}
