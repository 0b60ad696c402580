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
}
