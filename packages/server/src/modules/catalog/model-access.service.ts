import { ApiKey, CatalogModel, Organization, Project } from '@tollgate/db';
import { accessGroupSchema, assertProjectGrantWithinOrganization, availableModels, modelNameSchema, parseInput, type AccessGrant } from '@tollgate/domain';
import { z } from 'zod';
import { once, type Context } from '../../context';
import { recordAudit } from '../audit/audit.service';

const accessInput = z.object({
  models: z
    .array(modelNameSchema)
    .max(500, 'must hold at most 500 models')
    .transform((m) => [...new Set(m)].sort()),
  groups: z
    .array(accessGroupSchema)
    .max(100, 'must hold at most 100 groups')
    .transform((g) => [...new Set(g)].sort()),
});

/** Enabled catalog models, loaded once per request. */
export const enabledCatalog = (ctx: Context) => once(ctx, 'catalog', () => ctx.em.find(CatalogModel, { enabled: true }, { orderBy: { name: 'asc' } }));

export const organizationGrant = (o: Organization): AccessGrant => ({ models: o.grantedModels, groups: o.grantedGroups });
export const projectGrant = (p: Project): AccessGrant | null =>
  p.allowedModels || p.allowedGroups ? { models: p.allowedModels ?? [], groups: p.allowedGroups ?? [] } : null;

/** The catalog models a project may call, or a key of it when its allowlist is given. */
export async function modelsAvailable(ctx: Context, project: Project, keyAllowedModels: string[] | null = null): Promise<CatalogModel[]> {
  const [catalog, organization] = await Promise.all([enabledCatalog(ctx), project.organization.load()]);
  // The domain function filters the entities it is given, so they come back as entities.
  return availableModels(catalog, organizationGrant(organization!), projectGrant(project), keyAllowedModels) as CatalogModel[];
}

export async function keyModels(ctx: Context, key: ApiKey): Promise<string[]> {
  const project = await key.project.load();
  return (await modelsAvailable(ctx, project!, key.allowedModels ?? null)).map((m) => m.name);
}

/** The operator grants an organization models and access groups. */
export async function setOrganizationModelAccess(ctx: Context, organizationId: string, input: z.input<typeof accessInput>) {
  const access = parseInput(accessInput, input);
  const organization = await ctx.em.findOneOrFail(Organization, organizationId);
  recordAudit(ctx, {
    action: 'organization.setModelAccess',
    organizationId,
    targetType: 'Organization',
    targetId: organizationId,
    before: organizationGrant(organization) as never,
    after: access,
  });
  organization.grantedModels = access.models;
  organization.grantedGroups = access.groups;
  await ctx.em.flush();
  return organization;
}

/** A project narrows its organization's access; null inherits all of it. */
export async function setProjectModelAccess(ctx: Context, projectId: string, input: z.input<typeof accessInput> | null) {
  const access = input === null ? null : parseInput(accessInput, input);
  const project = await ctx.em.findOneOrFail(Project, projectId, { populate: ['organization'] });
  assertProjectGrantWithinOrganization(await enabledCatalog(ctx), organizationGrant(project.organization.getEntity()), access);
  recordAudit(ctx, {
    action: 'project.setModelAccess',
    organizationId: project.organization.id,
    projectId,
    targetType: 'Project',
    targetId: projectId,
    before: projectGrant(project) as never,
    after: access,
  });
  project.allowedModels = access?.models ?? null;
  project.allowedGroups = access?.groups ?? null;
  await ctx.em.flush();
  return project;
}
