import { VerificationStatus } from '@tollgate/domain';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

registerEnumType(VerificationStatus, { name: 'VerificationStatus' });

@ObjectType('OrganizationVerification')
export class OrganizationVerificationType {
  @Field(() => ID) id!: string;
  @Field(() => String) companyName!: string;
  @Field(() => String) registrationNumber!: string;
  @Field(() => String) contactName!: string;
  @Field(() => String) contactEmail!: string;
  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' }) country!: string;
  @Field(() => VerificationStatus) status!: VerificationStatus;
  @Field(() => String, { nullable: true }) rejectionReason?: string | null;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true }) reviewedAt?: Date | null;
  // organization is a field resolver
}

@InputType()
export class OrganizationVerificationInput {
  @Field(() => String) companyName!: string;
  @Field(() => String) registrationNumber!: string;
  @Field(() => String) contactName!: string;
  @Field(() => String) contactEmail!: string;
  @Field(() => String) country!: string;
}

@ObjectType('OrganizationCaps', { description: "How many projects and API keys the organization may have: its tier's defaults or the operator's overrides." })
export class OrganizationCapsType {
  @Field(() => Int) projectsPerOrganization!: number;
  @Field(() => Int) apiKeysPerProject!: number;
}

@InputType()
export class OrganizationCapsInput {
  @Field(() => Int, { nullable: true, description: "Null: the tier's default." }) projectsPerOrganization?: number | null;
  @Field(() => Int, { nullable: true, description: "Null: the tier's default." }) apiKeysPerProject?: number | null;
}
