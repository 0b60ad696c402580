import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { UserType } from '../../auth/auth.types';
import { MemberStatus, OrgGrant, OrgRole } from '../../graphql/enums';

@ObjectType('OrganizationMember')
export class OrganizationMemberType {
  @Field(() => ID) id!: string;
  @Field(() => OrgRole) role!: OrgRole;
  @Field(() => [OrgGrant]) grants!: OrgGrant[];
  @Field(() => MemberStatus) status!: MemberStatus;
  @Field(() => DateTimeResolver) joinedAt!: Date;
  // userId, email, name and user are field resolvers in member.resolver.ts
}

@ObjectType('MemberPage')
export class MemberPageType {
  @Field(() => [OrganizationMemberType]) data!: OrganizationMemberType[];
  @Field(() => Int) total!: number;
  @Field(() => Int) page!: number;
  @Field(() => Int) size!: number;
}

export { UserType };
