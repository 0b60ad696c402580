import { OrganizationMember } from '@tollgate/db';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Can } from '../../graphql/can';
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
}
