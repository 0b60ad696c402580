import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from './base';

/** An OpenAI-compatible endpoint models are served from. */
@Entity({ tableName: 'upstreams' })
export class Upstream extends BaseEntity {
  @Property({ type: 'string', length: 100 })
  @Unique()
  name!: string;

  @Property({ type: 'string', length: 500 })
  baseUrl!: string;

  /** AES-256-GCM ciphertext of the credential (key from CREDENTIAL_KEY); never returned. */
  @Property({ type: 'text', nullable: true, hidden: true })
  credentialCiphertext?: string | null;

  @Property({ type: 'datetime', nullable: true })
  updatedAt?: Date | null;
}
