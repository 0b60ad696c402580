import { GraphQLJSONObject, DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { OrgGrant, OrgRole, VerificationTier } from '../../graphql/enums';

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
  @Field(() => [String], { description: 'Organization-level actions of the permission matrix the caller holds.' }) permissions!: string[];
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
