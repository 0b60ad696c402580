import { Entity, Enum, ManyToOne, Unique, type Ref } from '@mikro-orm/core';
import { ProjectRole } from '@tollgate/domain';
import { BaseEntity } from './base';
import { Project } from './project.entity';
import { User } from './user.entity';

@Entity({ tableName: 'project_members' })
@Unique({ properties: ['project', 'user'] })
export class ProjectMember extends BaseEntity {
  @ManyToOne({ entity: () => Project, ref: true, deleteRule: 'cascade' })
  project!: Ref<Project>;

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'cascade', index: true })
  user!: Ref<User>;

  @Enum({ items: () => ProjectRole, nativeEnumName: 'project_role' })
  role!: ProjectRole;
}
