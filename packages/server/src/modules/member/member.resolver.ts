import { OrganizationMember } from '@tollgate/db';
import { assertKeepsAnAdmin, assertMayChangeMember, can, MemberStatus, ORG_ROLES } from '@tollgate/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { once, type Context } from '../../context';
import { Can, holds } from '../../graphql/can';
import { OrgGrant, OrgRole } from '../../graphql/enums';
import { listMembers, removeMember, setMemberGrants, updateMemberRole } from './member.service';
import { MemberPageType, OrganizationMemberType, UserType } from './member.types';

@Resolver(() => OrganizationMemberType)
export class MemberResolver {
  @Query(() => MemberPageType)
  @Can('organization.view', { organization: 'organizationId' })
  members(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('page', () => Int, { defaultValue: 1 }) page: number,
    @Arg('size', () => Int, { defaultValue: 20 }) size: number,
    @Arg('search', () => String, { nullable: true }) search: string | undefined,
    @Arg('role', () => OrgRole, { nullable: true }) role: OrgRole | undefined,
    @Ctx() ctx: Context,
  ) {
    return listMembers(ctx, organizationId, { page, size, search: search ?? undefined, role: role ?? undefined });
  }

  @Mutation(() => OrganizationMemberType)
  @Can('organization.members.manage', { organization: 'organizationId' })
  updateMemberRole(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => OrgRole) role: OrgRole,
    @Ctx() ctx: Context,
  ) {
    return updateMemberRole(ctx, organizationId, userId, role);
  }

  @Mutation(() => OrganizationMemberType)
  @Can('organization.members.manage', { organization: 'organizationId' })
  setMemberGrants(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('userId', () => ID) userId: string,
    @Arg('grants', () => [OrgGrant]) grants: OrgGrant[],
    @Ctx() ctx: Context,
  ) {
    return setMemberGrants(ctx, organizationId, userId, grants);
  }

  @Mutation(() => Boolean)
  @Can('organization.members.manage', { organization: 'organizationId' })
  removeMember(@Arg('organizationId', () => ID) organizationId: string, @Arg('userId', () => ID) userId: string, @Ctx() ctx: Context) {
    return removeMember(ctx, organizationId, userId);
  }

  @FieldResolver(() => ID)
  userId(@Root() member: OrganizationMember) {
    return member.user.id;
  }

  @FieldResolver(() => UserType)
  user(@Root() member: OrganizationMember) {
    return member.user.load();
  }

  @FieldResolver(() => [OrgRole], {
    description:
      'The other roles the caller may give this member now: none to oneself, none to or from ADMIN unless the caller is an admin, none that would leave the organization without an admin.',
  })
  async viewerAssignableRoles(@Root() member: OrganizationMember, @Ctx() ctx: Context): Promise<OrgRole[]> {
    const viewer = await viewerOver(ctx, member);
    if (!viewer) return [];
    const admins = await adminCount(ctx, member);
    return ORG_ROLES.filter(
      (role) =>
        role !== member.role &&
        holds(() => {
          assertMayChangeMember({ actorRole: viewer.role, self: viewer.self, targetRole: member.role, nextRole: role });
          assertKeepsAnAdmin(member.role, role, admins);
        }),
    );
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether the caller may remove this member: with MEMBERS_MANAGE, an admin only by an admin, never the last admin, never oneself (leaving is not removing).',
  })
  async viewerCanRemove(@Root() member: OrganizationMember, @Ctx() ctx: Context): Promise<boolean> {
    const viewer = await viewerOver(ctx, member);
    if (!viewer || viewer.self) return false;
    const admins = await adminCount(ctx, member);
    return holds(() => {
      assertMayChangeMember({ actorRole: viewer.role, self: false, targetRole: member.role, nextRole: null });
      assertKeepsAnAdmin(member.role, null, admins);
    });
  }
}

/** The caller's role when they may manage the organization's members at all, and whether the row is their own. */
async function viewerOver(ctx: Context, member: OrganizationMember) {
  const actor = await ctx.access.actorInOrganization(member.organization.id);
  if (!actor?.orgRole || !can(actor, 'organization.members.manage')) return null;
  return { role: actor.orgRole, self: member.user.id === actor.userId };
}

/**
 * The organization's active admins, counted once per request however many rows
 * ask; only an admin's row needs it (the last-admin rule ignores the others).
 */
function adminCount(ctx: Context, member: OrganizationMember): Promise<number> {
  if (member.role !== OrgRole.ADMIN) return Promise.resolve(0);
  const organization = member.organization.id;
  return once(ctx, `organization.adminCount:${organization}`, () =>
    ctx.em.count(OrganizationMember, { organization, role: OrgRole.ADMIN, status: MemberStatus.ACTIVE }),
  );
}
