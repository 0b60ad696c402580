import { BigIntType, Collection, Entity, Enum, ManyToOne, OneToMany, Property, Unique, type Ref } from '@mikro-orm/core';
import type { Opt } from '@mikro-orm/core';
import { ProjectEnvironment, ProjectStatus } from '@tollgate/domain';
import { BaseEntity } from './base';
import { Organization, type StoredLimits } from './organization.entity';
import { ProjectMember } from './project-member.entity';

@Entity({ tableName: 'projects' })
@Unique({ properties: ['organization', 'name'] })
export class Project extends BaseEntity {
  @ManyToOne({ entity: () => Organization, ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Property({ type: 'string', length: 48 })
  name!: string;

  @Property({ type: 'text', default: '' })
  description: Opt<string> = '';

  @Enum({ items: () => ProjectStatus, nativeEnumName: 'project_status', default: ProjectStatus.ACTIVE })
  status: Opt<ProjectStatus> = ProjectStatus.ACTIVE;

  @Enum({ items: () => ProjectEnvironment, nativeEnumName: 'project_environment', default: ProjectEnvironment.DEVELOPMENT })
  environment: Opt<ProjectEnvironment> = ProjectEnvironment.DEVELOPMENT;

  /** Ownership facts the seeds recommend documenting before launch. */
  @Property({ type: 'string', length: 200, nullable: true })
  primaryWorkload?: string | null;

  /** Expected monthly spend in micro-units. */
  @Property({ type: new BigIntType('bigint'), nullable: true })
  expectedMonthlySpend?: bigint | null;

  @Property({ type: 'string', length: 254, nullable: true })
  escalationContact?: string | null;

  @Property({ type: 'datetime', nullable: true })
  archivedAt?: Date | null;

  /** The project's quota as asked (see ProjectQuota in domain); money as micro-unit strings. */
  @Property({ type: 'json', default: '{}' })
  quota: Opt<StoredLimits> = {};

  /** Narrows the organization's model access; null inherits all of it. */
  @Property({ type: 'text[]', nullable: true })
  allowedModels?: string[] | null;

  @Property({ type: 'text[]', nullable: true })
  allowedGroups?: string[] | null;

  @OneToMany({ entity: () => ProjectMember, mappedBy: 'project' })
  members = new Collection<ProjectMember>(this);
}
