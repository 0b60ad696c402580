import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import type { Opt } from '@mikro-orm/core';
import { InvitationStatus, OrgRole, ProjectRole } from '@tollgate/domain';
import { BaseEntity } from './base';
import { Organization } from './organization.entity';
import { Project } from './project.entity';
import { User } from './user.entity';

/** A personal invitation sent by email; its link token is stored hashed. */
@Entity({ tableName: 'invitations' })
// One pending invitation per address and organization, even under concurrent invites.
@Index({
  name: 'invitations_one_pending',
  expression: `create unique index "invitations_one_pending" on "invitations" ("organization_id", "email") where "status" = 'PENDING'`,
})
export class Invitation extends BaseEntity {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Property({ type: 'string', length: 254 })
  email!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Enum({ items: () => OrgRole, nativeEnumName: 'org_role' })
  role!: OrgRole;

  /** Joined to this project on acceptance, when set. */
  @ManyToOne({ entity: () => Project, ref: true, nullable: true, deleteRule: 'set null' })
  project?: Ref<Project> | null;

  @Enum({ items: () => ProjectRole, nativeEnumName: 'project_role', nullable: true })
  projectRole?: ProjectRole | null;

  @Property({ type: 'string', length: 64, hidden: true })
  @Unique()
  tokenHash!: string;

  @Enum({ items: () => InvitationStatus, nativeEnumName: 'invitation_status', default: InvitationStatus.PENDING })
  status: Opt<InvitationStatus> = InvitationStatus.PENDING;

  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'set null' })
  invitedBy?: Ref<User> | null;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  acceptedAt?: Date | null;

  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'set null' })
  acceptedBy?: Ref<User> | null;

  /** The bulk upload that created it, if any. */
  @Property({ type: 'uuid', nullable: true })
  bulkInviteId?: string | null;
}
