import { Organization } from '@tollgate/db';
import { assertMayInviteAs, can, ORG_ROLES, orgPermissionsOf, type OrgAction } from '@tollgate/domain';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Can, holds } from '../../graphql/can';
import { OrgRole } from '../../graphql/enums';
import { createOrganization, listAllOrganizations, myOrganizations, updateOrganization } from './organization.service';
import { CreateOrganizationInput, OrganizationType, OrganizationViewerType, OrgPermission, UpdateOrganizationInput } from './organization.types';

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  @Query(() => [OrganizationType], { description: 'Organizations the caller is a member of.' })
  @Can('user.self')
  myOrganizations(@Ctx() ctx: Context) {
    return myOrganizations(ctx);
  }

  @Query(() => OrganizationType)
  @Can('organization.view', { organization: 'id' })
  organization(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.em.findOneOrFail(Organization, id);
  }

  @Query(() => [OrganizationType], { description: 'Every organization, for operators (granting models, caps, verification).' })
  @Can('platform.operate')
  allOrganizations(@Arg('search', () => String, { nullable: true }) search: string | null, @Ctx() ctx: Context) {
    return listAllOrganizations(ctx, search ?? undefined);
  }

  @Mutation(() => OrganizationType)
  @Can('organization.create')
  createOrganization(@Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput, @Ctx() ctx: Context) {
    return createOrganization(ctx, input);
  }

  @Mutation(() => OrganizationType)
  @Can('organization.configure', { organization: 'id' })
  updateOrganization(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateOrganizationInput) input: UpdateOrganizationInput, @Ctx() ctx: Context) {
    return updateOrganization(ctx, id, input);
  }

  @FieldResolver(() => OrganizationViewerType, { nullable: true, description: "The caller's role, grants and permissions here." })
  async viewer(@Root() organization: Organization, @Ctx() ctx: Context): Promise<OrganizationViewerType | null> {
    const actor = await ctx.access.actorInOrganization(organization.id);
    if (!actor?.orgRole) return null;
    return { role: actor.orgRole, grants: [...(actor.orgGrants ?? [])], permissions: orgPermissionsOf(actor) };
  }

  @FieldResolver(() => [OrgPermission], {
    description: 'The organization-level actions the caller holds here, computed by the permission matrix; empty outside the organization.',
  })
  async viewerPermissions(@Root() organization: Organization, @Ctx() ctx: Context): Promise<OrgAction[]> {
    const actor = await ctx.access.actorInOrganization(organization.id);
    return actor?.orgRole ? orgPermissionsOf(actor) : [];
  }

  @FieldResolver(() => [OrgRole], { description: 'The roles the caller may invite people as (only an admin invites admins); empty without MEMBERS_MANAGE.' })
  async viewerInvitableRoles(@Root() organization: Organization, @Ctx() ctx: Context): Promise<OrgRole[]> {
    const actor = await ctx.access.actorInOrganization(organization.id);
    if (!actor?.orgRole || !can(actor, 'organization.members.manage')) return [];
    return ORG_ROLES.filter((role) => holds(() => assertMayInviteAs(actor.orgRole!, role)));
  }
}
