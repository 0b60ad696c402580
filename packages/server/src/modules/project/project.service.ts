import { Organization, OrganizationMember, Project, ProjectMember } from '@tollgate/db';
import { LockMode } from '@mikro-orm/core';
import { revokeKeysOfMember } from '../api-key/api-key.service';
import {
  conflict,
  descriptionSchema,
  DomainError,
  emailSchema,
  ErrorCode,
  MemberStatus,
  notFound,
  parseId,
  parseInput,
  ProjectEnvironment,
  ProjectRole,
  ProjectStatus,
  slugSchema,
  assertUnderCap,
  effectiveCaps,
  RevocationReason,
} from '@tollgate/domain';
import { z } from 'zod';
import type { Context } from '../../context';
import { recordAudit } from '../audit/audit.service';

const ownershipFacts = {
  primaryWorkload: z.string().trim().max(200, 'must be at most 200 characters').nullish(),
  expectedMonthlySpend: z.bigint().nullish(),
  escalationContact: emailSchema.nullish(),
};
const createInput = z.object({
  name: slugSchema,
  description: descriptionSchema.default(''),
  environment: z.enum(ProjectEnvironment).default(ProjectEnvironment.DEVELOPMENT),
  ...ownershipFacts,
});
const updateInput = z.object({
  name: slugSchema.optional(),
  description: descriptionSchema.optional(),
  environment: z.enum(ProjectEnvironment).optional(),
  ...ownershipFacts,
});

const snapshot = (p: Project) => ({
  name: p.name,
  description: p.description,
  status: p.status,
  environment: p.environment,
  primaryWorkload: p.primaryWorkload,
  expectedMonthlySpend: p.expectedMonthlySpend,
  escalationContact: p.escalationContact,
});

async function assertNameFree(ctx: Context, organizationId: string, name: string, exceptId?: string) {
  const taken = await ctx.em.count(Project, { organization: organizationId, name, ...(exceptId ? { id: { $ne: exceptId } } : {}) });
  if (taken) throw conflict('name', `A project named "${name}" already exists in this organization`);
}

export function listProjects(ctx: Context, organizationId: string): Promise<Project[]> {
  return ctx.em.find(Project, { organization: organizationId }, { orderBy: { name: 'asc' } });
}

/** Creates a project; its creator becomes its OWNER. */
/** Creates a project within the organization's cap; its creator becomes its OWNER. */
export async function createProject(ctx: Context, organizationId: string, input: z.input<typeof createInput>): Promise<Project> {
  const fields = parseInput(createInput, input);
  await assertNameFree(ctx, organizationId, fields.name);
  return ctx.em.transactional(async (em) => {
    // The organization row lock serialises creates, so two at cap minus one make exactly one.
    const organization = await em.findOneOrFail(Organization, organizationId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const caps = effectiveCaps(organization.verificationTier, organization.capOverrides);
    const tierDefault = organization.capOverrides?.projectsPerOrganization == null ? organization.verificationTier : undefined;
    assertUnderCap('projectsPerOrganization', await em.count(Project, { organization }), caps.projectsPerOrganization, tierDefault);
    const project = em.create(Project, { organization, ...fields });
    em.create(ProjectMember, { project, user: ctx.auth!.userId, role: ProjectRole.OWNER });
    recordAudit(
      ctx,
      { action: 'project.create', organizationId, projectId: project.id, targetType: 'Project', targetId: project.id, after: snapshot(project) },
      em,
    );
    return project;
  });
}

export async function updateProject(ctx: Context, id: string, input: z.input<typeof updateInput>): Promise<Project> {
  const changes = parseInput(updateInput, input);
  const project = await ctx.em.findOneOrFail(Project, id);
  if (changes.name && changes.name !== project.name) await assertNameFree(ctx, project.organization.id, changes.name, id);
  const before = snapshot(project);
  for (const [key, value] of Object.entries(changes)) if (value !== undefined) Object.assign(project, { [key]: value });
  recordAudit(ctx, {
    action: 'project.update',
    organizationId: project.organization.id,
    projectId: id,
    targetType: 'Project',
    targetId: id,
    before,
    after: snapshot(project),
  });
  await ctx.em.flush();
  return project;
}

export async function archiveProject(ctx: Context, id: string): Promise<Project> {
  const project = await ctx.em.findOneOrFail(Project, id);
  if (project.status === ProjectStatus.ARCHIVED) return project;
  recordAudit(ctx, {
    action: 'project.archive',
    organizationId: project.organization.id,
    projectId: id,
    targetType: 'Project',
    targetId: id,
    before: { status: project.status },
    after: { status: ProjectStatus.ARCHIVED },
  });
  project.status = ProjectStatus.ARCHIVED;
  project.archivedAt = new Date();
  await ctx.em.flush();
  return project;
}

export async function deleteProject(ctx: Context, id: string): Promise<boolean> {
  const project = await ctx.em.findOneOrFail(Project, id);
  recordAudit(ctx, {
    action: 'project.delete',
    organizationId: project.organization.id,
    projectId: id,
    targetType: 'Project',
    targetId: id,
    before: snapshot(project),
    after: null,
  });
  ctx.em.remove(project);
  await ctx.em.flush();
  return true;
}

const assertNotSelf = (ctx: Context, userId: string) => {
  if (userId === ctx.auth!.userId) throw new DomainError(ErrorCode.FORBIDDEN, 'You cannot change your own project role');
};

async function findProjectMember(ctx: Context, projectId: string, userId: string): Promise<ProjectMember> {
  const member = await ctx.em.findOne(ProjectMember, { project: projectId, user: parseId(userId, 'userId') });
  if (!member) throw notFound('Project member');
  return member;
}

/** Adds an active member of the project's organization to the project. */
export async function addProjectMember(ctx: Context, projectId: string, userId: string, role: ProjectRole): Promise<ProjectMember> {
  const project = await ctx.em.findOneOrFail(Project, projectId);
  const orgMember = await ctx.em.findOne(OrganizationMember, {
    organization: project.organization.id,
    user: parseId(userId, 'userId'),
    status: MemberStatus.ACTIVE,
  });
  if (!orgMember) throw notFound('Member');
  if (await ctx.em.count(ProjectMember, { project, user: userId })) throw conflict('userId', 'This user is already a member of the project');
  const member = ctx.em.create(ProjectMember, { project, user: userId, role });
  recordAudit(ctx, {
    action: 'projectMember.add',
    organizationId: project.organization.id,
    projectId,
    targetType: 'ProjectMember',
    targetId: member.id,
    after: { userId, role },
  });
  await ctx.em.flush();
  return member;
}

export async function updateProjectMemberRole(ctx: Context, projectId: string, userId: string, role: ProjectRole): Promise<ProjectMember> {
  const member = await findProjectMember(ctx, projectId, userId);
  assertNotSelf(ctx, member.user.id);
  const project = await ctx.em.findOneOrFail(Project, projectId);
  recordAudit(ctx, {
    action: 'projectMember.updateRole',
    organizationId: project.organization.id,
    projectId,
    targetType: 'ProjectMember',
    targetId: member.id,
    before: { role: member.role },
    after: { role },
  });
  member.role = role;
  await ctx.em.flush();
  return member;
}

/** Removes someone from the project and revokes every key they created there, in one transaction. */
export async function removeProjectMember(ctx: Context, projectId: string, userId: string): Promise<boolean> {
  const member = await findProjectMember(ctx, projectId, userId);
  const project = await ctx.em.findOneOrFail(Project, projectId);
  const organizationId = project.organization.id;
  await ctx.em.transactional(async (em) => {
    const revokedKeys = await revokeKeysOfMember(ctx, em, { organizationId, projectId, userId: member.user.id }, RevocationReason.PROJECT_MEMBER_REMOVED);
    recordAudit(
      ctx,
      {
        action: 'projectMember.remove',
        organizationId,
        projectId,
        targetType: 'ProjectMember',
        targetId: member.id,
        before: { userId: member.user.id, role: member.role, revokedKeys },
        after: null,
      },
      em,
    );
    em.remove(member);
  });
  return true;
}
