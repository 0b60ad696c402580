import { Organization, ProjectTemplate, type EntityManager } from '@tollgate/db';
import {
  assertProjectGrantWithinOrganization,
  notFound,
  parseId,
  parseInput,
  projectQuotaFromStored,
  templateInputSchema,
  toStoredLimits,
} from '@tollgate/domain';
import type { Context } from '../../context';
import { mintApiKey } from '../api-key/api-key.service';
import { recordAudit } from '../audit/audit.service';
import { enabledCatalog, organizationGrant } from '../catalog/model-access.service';
import { quotaView } from '../limits/limits.service';
import { createProject } from '../project/project.service';
import type { CreateProjectInput, CreateProjectTemplateInput, ProjectTemplateType } from './template.types';

/** Built-in first (in tier order), then public ones, then the organization's own, by name. */
export async function listTemplates(ctx: Context, organizationId: string, isPublic: boolean | null): Promise<ProjectTemplate[]> {
  const shared = { organization: null };
  const own = { organization: organizationId };
  const where = isPublic === true ? shared : isPublic === false ? own : { $or: [shared, own] };
  return ctx.em.find(ProjectTemplate, where, { orderBy: { isSystem: 'desc', isPublic: 'desc', createdAt: 'asc', id: 'asc' } });
}

async function saveTemplate(ctx: Context, organizationId: string | null, input: CreateProjectTemplateInput): Promise<ProjectTemplate> {
  const fields = parseInput(templateInputSchema, input);
  const template = ctx.em.create(ProjectTemplate, {
    organization: organizationId,
    name: fields.name,
    description: fields.description,
    category: fields.category,
    tags: fields.tags,
    icon: fields.icon ?? null,
    isPublic: organizationId === null,
    createdBy: ctx.auth!.userId,
    config: { quota: toStoredLimits(fields.config.quota), access: fields.config.access ?? null, apiKeyNames: fields.config.apiKeyNames },
  });
  recordAudit(ctx, {
    action: 'projectTemplate.create',
    organizationId,
    targetType: 'ProjectTemplate',
    targetId: template.id,
    after: { name: template.name, isPublic: template.isPublic, config: template.config },
  });
  await ctx.em.flush();
  return template;
}

/** A template private to the organization. */
export const createProjectTemplate = (ctx: Context, organizationId: string, input: CreateProjectTemplateInput) => saveTemplate(ctx, organizationId, input);
/** The operator's: every organization sees it. */
export const createPublicProjectTemplate = (ctx: Context, input: CreateProjectTemplateInput) => saveTemplate(ctx, null, input);

/** A template the organization may use: shared, or its own. Another organization's answers as missing. */
async function usableTemplate(em: EntityManager, organizationId: string, id: string): Promise<ProjectTemplate> {
  const template = await em.findOne(ProjectTemplate, { id: parseId(id, 'templateId'), $or: [{ organization: null }, { organization: organizationId }] });
  if (!template) throw notFound('Project template');
  return template;
}

/**
 * Creates a project with everything the template holds (quota, model access,
 * service-account keys) in one transaction: either all of it exists
 * afterwards or none of it. The keys' secrets are in the answer only.
 */
export async function createProjectFromTemplate(ctx: Context, organizationId: string, templateId: string, input: CreateProjectInput) {
  return ctx.em.transactional(async (em) => {
    const tx: Context = { ...ctx, em };
    const template = await usableTemplate(em, organizationId, templateId);
    const project = await createProject(tx, organizationId, input);
    const organization = await em.findOneOrFail(Organization, organizationId);
    const { quota, access, apiKeyNames } = template.config;
    project.quota = quota;
    if (access) {
      assertProjectGrantWithinOrganization(await enabledCatalog(tx), organizationGrant(organization), access);
      project.allowedModels = access.models;
      project.allowedGroups = access.groups;
    }
    await em.flush();
    const apiKeys = [];
    for (const name of apiKeyNames) apiKeys.push(await mintApiKey(tx, em, organization, project.id, { name, serviceAccount: true }));
    await em.execute('update project_templates set usage_count = usage_count + 1 where id = ?', [template.id]);
    recordAudit(
      tx,
      {
        action: 'project.createFromTemplate',
        organizationId,
        projectId: project.id,
        targetType: 'Project',
        targetId: project.id,
        after: { templateId: template.id, quota, access, apiKeyNames },
      },
      em,
    );
    return { project, apiKeys };
  });
}

/** The API's view of a stored template. */
export function templateView(t: ProjectTemplate): ProjectTemplateType {
  return {
    id: t.id,
    organizationId: t.organization?.id ?? null,
    name: t.name,
    description: t.description,
    category: t.category,
    tags: t.tags,
    icon: t.icon ?? null,
    isSystem: t.isSystem,
    isPublic: t.isPublic,
    usageCount: t.usageCount,
    createdAt: t.createdAt,
    config: { quota: quotaView(projectQuotaFromStored(t.config.quota)), access: t.config.access, apiKeyNames: t.config.apiKeyNames },
  };
}
