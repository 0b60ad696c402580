import { Organization } from '@tollgate/db';
import { orgPermissionsOf } from '@tollgate/domain';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Can } from '../../graphql/can';
import { createOrganization, listAllOrganizations, myOrganizations, updateOrganization } from './organization.service';
import { CreateOrganizationInput, OrganizationType, OrganizationViewerType, UpdateOrganizationInput } from './organization.types';

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
}
