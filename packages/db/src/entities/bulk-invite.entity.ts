import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import type { BulkInviteReportRecord } from '@tollgate/domain';
import { BaseEntity } from './base';
import { Organization } from './organization.entity';
import { User } from './user.entity';

/** The report of one CSV upload. Invite links are not kept: they are shown once, in the upload's answer. */
@Entity({ tableName: 'bulk_invites' })
export class BulkInvite extends BaseEntity {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade', index: true })
  organization!: Ref<Organization>;

  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'set null' })
  createdBy?: Ref<User> | null;

  @Property({ type: 'string', length: 16 })
  status!: 'COMPLETED';

  @Property({ type: 'integer' })
  totalCount!: number;

  @Property({ type: 'integer' })
  successCount!: number;

  @Property({ type: 'integer' })
  failureCount!: number;

  @Property({ type: 'json' })
  records!: BulkInviteReportRecord[];
}
