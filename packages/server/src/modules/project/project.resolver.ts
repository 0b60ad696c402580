import { Project, ProjectMember } from '@tollgate/db';
import { effectiveProjectRole, projectPermissionsOf, type ProjectAction } from '@tollgate/domain';
import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { UserType } from '../../auth/auth.types';
import type { Context } from '../../context';
import { Can, VisibleWith } from '../../graphql/can';
import { ProjectRole } from '../../graphql/enums';
import { MoneyScalar } from '../../graphql/scalars';
import * as projects from './project.service';
import { CreateProjectInput, ProjectMemberType, ProjectPermission, ProjectType, ProjectViewerType, UpdateProjectInput } from './project.types';

@Resolver(() => ProjectType)
export class ProjectResolver {
  @Query(() => [ProjectType], { description: "The organization's projects; details only where the caller may view them." })
  @Can('organization.view', { organization: 'organizationId' })
  projects(@Arg('organizationId', () => ID) organizationId: string, @Ctx() ctx: Context) {
    return projects.listProjects(ctx, organizationId);
  }

  @Query(() => ProjectType)
  @Can('project.view', { project: 'id' })
  project(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.em.findOneOrFail(Project, id);
  }

  @Mutation(() => ProjectType)
  @Can('organization.projects.manage', { organization: 'organizationId' })
  createProject(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('input', () => CreateProjectInput) input: CreateProjectInput,
    @Ctx() ctx: Context,
  ) {
    return projects.createProject(ctx, organizationId, input);
  }

  @Mutation(() => ProjectType)
  @Can('project.configure', { project: 'id' })
  updateProject(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateProjectInput) input: UpdateProjectInput, @Ctx() ctx: Context) {
    return projects.updateProject(ctx, id, input);
  }

  @Mutation(() => ProjectType)
  @Can('organization.projects.manage', { project: 'id' })
  archiveProject(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return projects.archiveProject(ctx, id);
  }

  @Mutation(() => Boolean)
  @Can('organization.projects.manage', { project: 'id' })
  deleteProject(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return projects.deleteProject(ctx, id);
  }

  @Mutation(() => ProjectMemberType)
  @Can('project.members.manage', { project: 'projectId' })
  addProjectMember(
    @Arg('projectId', () => ID) projectId: string,
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => ProjectRole) role: ProjectRole,
    @Ctx() ctx: Context,
  ) {
    return projects.addProjectMember(ctx, projectId, userId, role);
  }

  @Mutation(() => ProjectMemberType)
  @Can('project.members.manage', { project: 'projectId' })
  updateProjectMemberRole(
    @Arg('projectId', () => ID) projectId: string,
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => ProjectRole) role: ProjectRole,
    @Ctx() ctx: Context,
  ) {
    return projects.updateProjectMemberRole(ctx, projectId, userId, role);
  }

  @Mutation(() => Boolean)
  @Can('project.members.manage', { project: 'projectId' })
  removeProjectMember(@Arg('projectId', () => ID) projectId: string, @Arg('userId', () => ID) userId: string, @Ctx() ctx: Context) {
    return projects.removeProjectMember(ctx, projectId, userId);
  }

  @FieldResolver(() => ID)
  organizationId(@Root() project: Project) {
    return project.organization.id;
  }

  @FieldResolver(() => String, { nullable: true })
  @VisibleWith('project.view')
  description(@Root() project: Project) {
    return project.description;
  }

  @FieldResolver(() => String, { nullable: true })
  @VisibleWith('project.view')
  primaryWorkload(@Root() project: Project) {
    return project.primaryWorkload;
  }

  @FieldResolver(() => MoneyScalar, { nullable: true })
  @VisibleWith('project.view')
  expectedMonthlySpend(@Root() project: Project) {
    return project.expectedMonthlySpend;
  }

  @FieldResolver(() => String, { nullable: true })
  @VisibleWith('project.view')
  escalationContact(@Root() project: Project) {
    return project.escalationContact;
  }

  @FieldResolver(() => DateTimeResolver, { nullable: true })
  archivedAt(@Root() project: Project) {
    return project.archivedAt;
  }

  @FieldResolver(() => [ProjectMemberType], { nullable: true })
  @VisibleWith('project.view')
  members(@Root() project: Project) {
    return project.members.load({ orderBy: { createdAt: 'asc' } });
  }

  @FieldResolver(() => ProjectViewerType, { description: "The caller's effective role and permissions here." })
  async viewer(@Root() project: Project, @Ctx() ctx: Context): Promise<ProjectViewerType> {
    const actor = await ctx.access.actorInProject(project);
    return actor ? { role: effectiveProjectRole(actor), permissions: projectPermissionsOf(actor) } : { role: null, permissions: [] };
  }

  @FieldResolver(() => [ProjectPermission], {
    description:
      'The project-level actions the caller holds here, computed by the permission matrix (org admins act as OWNER); empty for an org member outside the project.',
  })
  async viewerPermissions(@Root() project: Project, @Ctx() ctx: Context): Promise<ProjectAction[]> {
    const actor = await ctx.access.actorInProject(project);
    return actor ? projectPermissionsOf(actor) : [];
  }
}

@Resolver(() => ProjectMemberType)
export class ProjectMemberResolver {
  @FieldResolver(() => ID)
  userId(@Root() member: ProjectMember) {
    return member.user.id;
  }

  @FieldResolver(() => UserType)
  user(@Root() member: ProjectMember) {
    return member.user.load();
  }
}
