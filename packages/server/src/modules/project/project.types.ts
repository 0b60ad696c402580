import { DateTimeResolver } from 'graphql-scalars';
import { PROJECT_ACTIONS } from '@tollgate/domain';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { permissionEnum } from '../../graphql/can';
import { ProjectEnvironment, ProjectRole, ProjectStatus } from '../../graphql/enums';
import { MoneyScalar } from '../../graphql/scalars';

/** The project-level actions of the permission matrix, as a closed set the SPA is typed against. */
export const ProjectPermission = permissionEnum(PROJECT_ACTIONS);
registerEnumType(ProjectPermission, {
  name: 'ProjectPermission',
  description: 'A project-level action of the permission matrix (project.keys.manageAll is KEYS_MANAGE_ALL).',
});

/**
 * Every org member sees a project's name and status; the other fields answer
 * null unless the caller may view the project (member, owner or org admin).
 */
@ObjectType('Project')
export class ProjectType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => ProjectStatus) status!: ProjectStatus;
  @Field(() => ProjectEnvironment) environment!: ProjectEnvironment;
  @Field(() => DateTimeResolver) createdAt!: Date;
  // organizationId, description, ownership facts, members and viewer are field resolvers
}

@ObjectType('ProjectMember')
export class ProjectMemberType {
  @Field(() => ID) id!: string;
  @Field(() => ProjectRole) role!: ProjectRole;
  @Field(() => DateTimeResolver) createdAt!: Date;
}

@ObjectType('ProjectViewer')
export class ProjectViewerType {
  @Field(() => ProjectRole, { nullable: true, description: 'Effective role: org admins act as OWNER.' }) role?: ProjectRole | null;
  @Field(() => [String], {
    description: 'Project-level actions of the permission matrix the caller holds.',
    deprecationReason: 'Use Project.viewerPermissions, typed.',
  })
  permissions!: string[];
}

@InputType()
export class CreateProjectInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => ProjectEnvironment, { nullable: true }) environment?: ProjectEnvironment;
  @Field(() => String, { nullable: true }) primaryWorkload?: string;
  @Field(() => MoneyScalar, { nullable: true, description: 'Expected monthly spend.' }) expectedMonthlySpend?: bigint;
  @Field(() => String, { nullable: true, description: 'Email of whom to call when this project misbehaves.' }) escalationContact?: string;
}

@InputType()
export class UpdateProjectInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => ProjectEnvironment, { nullable: true }) environment?: ProjectEnvironment;
  @Field(() => String, { nullable: true }) primaryWorkload?: string | null;
  @Field(() => MoneyScalar, { nullable: true }) expectedMonthlySpend?: bigint | null;
  @Field(() => String, { nullable: true }) escalationContact?: string | null;
}
