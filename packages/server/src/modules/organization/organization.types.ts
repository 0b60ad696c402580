import { GraphQLJSONObject, DateTimeResolver } from 'graphql-scalars';
import { ORG_ACTIONS } from '@tollgate/domain';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { permissionEnum } from '../../graphql/can';
import { OrgGrant, OrgRole, VerificationTier } from '../../graphql/enums';

/** The organization-level actions of the permission matrix, as a closed set the SPA is typed against. */
export const OrgPermission = permissionEnum(ORG_ACTIONS);
registerEnumType(OrgPermission, {
  name: 'OrgPermission',
  description: 'An organization-level action of the permission matrix (organization.members.manage is MEMBERS_MANAGE).',
});

@ObjectType('Organization')
export class OrganizationType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Short unique identifier: lower case, digits and dashes.' }) name!: string;
  @Field(() => String) displayName!: string;
  @Field(() => VerificationTier) verificationTier!: VerificationTier;
  @Field(() => GraphQLJSONObject) settings!: Record<string, unknown>;
  @Field(() => DateTimeResolver) createdAt!: Date;
}

@ObjectType('OrganizationViewer', { description: "The caller's place in an organization, for the UI to show only what it may do." })
export class OrganizationViewerType {
  @Field(() => OrgRole) role!: OrgRole;
  @Field(() => [OrgGrant]) grants!: OrgGrant[];
  @Field(() => [String], {
    description: 'Organization-level actions of the permission matrix the caller holds.',
    deprecationReason: 'Use Organization.viewerPermissions: typed, and empty rather than null outside the organization.',
  })
  permissions!: string[];
}

@InputType()
export class CreateOrganizationInput {
  @Field(() => String) name!: string;
  @Field(() => String) displayName!: string;
}

@InputType()
export class UpdateOrganizationInput {
  @Field(() => String, { nullable: true }) displayName?: string;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Merged into the current settings; a null value removes a key.' })
  settings?: Record<string, unknown>;
}
