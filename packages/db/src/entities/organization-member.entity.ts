import { Entity, Enum, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import type { Opt } from '@mikro-orm/core';
import { MemberStatus, OrgGrant, OrgRole } from '@tollgate/domain';
import { BaseEntity } from './base';
import { Organization } from './organization.entity';
import { User } from './user.entity';

@Entity({ tableName: 'organization_members' })
@Unique({ properties: ['organization', 'user'] })
export class OrganizationMember extends BaseEntity {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'cascade', index: true })
  user!: Ref<User>;

  @Enum({ items: () => OrgRole, nativeEnumName: 'org_role' })
  role!: OrgRole;

  @Enum({ items: () => OrgGrant, array: true, default: [] })
  grants: Opt<OrgGrant[]> = [];

  @Enum({ items: () => MemberStatus, nativeEnumName: 'member_status', default: MemberStatus.ACTIVE })
  status: Opt<MemberStatus> = MemberStatus.ACTIVE;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  joinedAt: Opt<Date> = new Date();
}
