import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import type { Opt } from '@mikro-orm/core';
import { VerificationStatus } from '@tollgate/domain';
import { BaseEntity } from './base';
import { Organization } from './organization.entity';
import { User } from './user.entity';

/** A request to verify an organization's company details; the operator approves or rejects it. */
@Entity({ tableName: 'organization_verifications' })
export class OrganizationVerification extends BaseEntity {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade', index: true })
  organization!: Ref<Organization>;

  @Property({ type: 'string', length: 200 }) companyName!: string;
  @Property({ type: 'string', length: 100 }) registrationNumber!: string;
  @Property({ type: 'string', length: 100 }) contactName!: string;
  @Property({ type: 'string', length: 254 }) contactEmail!: string;
  @Property({ type: 'string', length: 2 }) country!: string;

  @Enum({ items: () => VerificationStatus, nativeEnumName: 'verification_status', default: VerificationStatus.PENDING })
  status: Opt<VerificationStatus> = VerificationStatus.PENDING;

  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'set null' })
  submittedBy?: Ref<User> | null;

  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'set null' })
  reviewedBy?: Ref<User> | null;

  @Property({ type: 'datetime', nullable: true })
  reviewedAt?: Date | null;

  @Property({ type: 'string', length: 1000, nullable: true })
  rejectionReason?: string | null;
}
