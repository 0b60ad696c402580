import { containsPattern, Organization, OrganizationMember } from '@tollgate/db';
import { conflict, displayNameSchema, MemberStatus, OrgRole, parseInput, slugSchema } from '@tollgate/domain';
import { z } from 'zod';
import type { Context } from '../../context';
import { recordAudit } from '../audit/audit.service';

const createInput = z.object({ name: slugSchema, displayName: displayNameSchema });
const updateInput = z.object({
  displayName: displayNameSchema.optional(),
  settings: z
    .record(z.string(), z.unknown())
    .refine((s) => JSON.stringify(s).length <= 16_384, 'must be at most 16 KiB')
    .optional(),
});

/** Creates an organization; its creator becomes the first ADMIN. */
export async function createOrganization(ctx: Context, input: z.input<typeof createInput>): Promise<Organization> {
  const { name, displayName } = parseInput(createInput, input);
  if (await ctx.em.count(Organization, { name })) throw conflict('name', 'An organization with this name already exists');
  const organization = ctx.em.create(Organization, { name, displayName });
  ctx.em.create(OrganizationMember, { organization, user: ctx.auth!.userId, role: OrgRole.ADMIN });
  recordAudit(ctx, {
    action: 'organization.create',
    organizationId: organization.id,
    targetType: 'Organization',
    targetId: organization.id,
    after: { name, displayName },
  });
  await ctx.em.flush();
  ctx.access.reset();
  return organization;
}

export async function updateOrganization(ctx: Context, id: string, input: z.input<typeof updateInput>): Promise<Organization> {
  const changes = parseInput(updateInput, input);
  const organization = await ctx.em.findOneOrFail(Organization, id);
  const before = { displayName: organization.displayName, settings: organization.settings };
  if (changes.displayName !== undefined) organization.displayName = changes.displayName;
  if (changes.settings) {
    const merged = { ...organization.settings, ...changes.settings };
    organization.settings = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null));
  }
  recordAudit(ctx, {
    action: 'organization.update',
    organizationId: id,
    targetType: 'Organization',
    targetId: id,
    before,
    after: { displayName: organization.displayName, settings: organization.settings },
  });
  await ctx.em.flush();
  return organization;
}

export function myOrganizations(ctx: Context): Promise<Organization[]> {
  return ctx.em.find(Organization, { members: { user: ctx.auth!.userId, status: MemberStatus.ACTIVE } }, { orderBy: { displayName: 'asc' } });
}

/** For operators: organizations by name, at most 200. */
export function listAllOrganizations(ctx: Context, search?: string) {
  const pattern = containsPattern(search);
  return ctx.em.find(Organization, pattern ? { $or: [{ name: { $ilike: pattern } }, { displayName: { $ilike: pattern } }] } : {}, {
    orderBy: { name: 'asc' },
    limit: 200,
  });
}
