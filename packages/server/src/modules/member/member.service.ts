import { containsPattern, OrganizationMember, ProjectMember, type EntityManager } from '@tollgate/db';
import { assertKeepsAnAdmin, assertMayChangeMember, MemberStatus, notFound, OrgGrant, OrgRole, parseId, parseInput, RevocationReason } from '@tollgate/domain';
import { revokeKeysOfMember } from '../api-key/api-key.service';
import { LockMode } from '@mikro-orm/core';
import { z } from 'zod';
import type { Context } from '../../context';
import { recordAudit } from '../audit/audit.service';

const listInput = z.object({
  page: z.number().int().min(1, 'must be at least 1'),
  size: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100'),
  search: z.string().trim().max(100, 'must be at most 100 characters').optional(),
  role: z.enum(OrgRole).optional(),
});

export async function listMembers(ctx: Context, organizationId: string, input: z.input<typeof listInput>) {
  const { page, size, search, role } = parseInput(listInput, input);
  const pattern = containsPattern(search);
  const [data, total] = await ctx.em.findAndCount(
    OrganizationMember,
    {
      organization: organizationId,
      ...(role ? { role } : {}),
      ...(pattern ? { user: { $or: [{ email: { $ilike: pattern } }, { name: { $ilike: pattern } }] } } : {}),
    },
    { populate: ['user'], orderBy: { joinedAt: 'asc', id: 'asc' }, limit: size, offset: (page - 1) * size },
  );
  return { data, total, page, size };
}

/**
 * Runs a change to one member in a transaction that first locks the
 * organization's admins, so two concurrent demotions cannot both pass the
 * last-admin check. Checks the caller may change that member at all.
 */
async function changeMember<T>(
  ctx: Context,
  organizationId: string,
  userId: string,
  change: { nextRole?: OrgRole | null; changesGrants?: boolean },
  apply: (em: EntityManager, member: OrganizationMember, adminCount: number) => Promise<T> | T,
): Promise<T> {
  const targetUserId = parseId(userId, 'userId');
  const actor = (await ctx.access.orgMembership(organizationId))!;
  const result = await ctx.em.transactional(async (em) => {
    const admins = await em.find(
      OrganizationMember,
      { organization: organizationId, role: OrgRole.ADMIN, status: MemberStatus.ACTIVE },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    const member = await em.findOne(OrganizationMember, { organization: organizationId, user: targetUserId });
    if (!member) throw notFound('Member');
    assertMayChangeMember({ actorRole: actor.role, self: targetUserId === ctx.auth!.userId && change.nextRole !== null, targetRole: member.role, ...change });
    return apply(em, member, admins.length);
  });
  ctx.access.reset();
  return result;
}

export const updateMemberRole = (ctx: Context, organizationId: string, userId: string, role: OrgRole) =>
  changeMember(ctx, organizationId, userId, { nextRole: role }, (em, member, adminCount) => {
    if (member.role === role) return member;
    assertKeepsAnAdmin(member.role, role, adminCount);
    recordAudit(
      ctx,
      { action: 'member.updateRole', organizationId, targetType: 'OrganizationMember', targetId: member.id, before: { role: member.role }, after: { role } },
      em,
    );
    member.role = role;
    return member;
  });

export const setMemberGrants = (ctx: Context, organizationId: string, userId: string, grants: OrgGrant[]) =>
  changeMember(ctx, organizationId, userId, { changesGrants: true }, (em, member) => {
    const next = [...new Set(grants)].sort();
    recordAudit(
      ctx,
      {
        action: 'member.setGrants',
        organizationId,
        targetType: 'OrganizationMember',
        targetId: member.id,
        before: { grants: member.grants },
        after: { grants: next },
      },
      em,
    );
    member.grants = next;
    return member;
  });

/** Removes a member from the organization and from all its projects, and revokes the keys they created there. */
export const removeMember = (ctx: Context, organizationId: string, userId: string) =>
  changeMember(ctx, organizationId, userId, { nextRole: null }, async (em, member, adminCount) => {
    assertKeepsAnAdmin(member.role, null, adminCount);
    const projectMemberships = await em.nativeDelete(ProjectMember, { user: member.user.id, project: { organization: organizationId } });
    const revokedKeys = await revokeKeysOfMember(ctx, em, { organizationId, userId: member.user.id }, RevocationReason.ORGANIZATION_MEMBER_REMOVED);
    recordAudit(
      ctx,
      {
        action: 'member.remove',
        organizationId,
        targetType: 'OrganizationMember',
        targetId: member.id,
        before: { userId: member.user.id, role: member.role, grants: member.grants, projectMemberships, revokedKeys },
        after: null,
      },
      em,
    );
    em.remove(member);
    return true;
  });
