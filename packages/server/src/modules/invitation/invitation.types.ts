import { BulkInviteFailure, InvitationStatus, InviteTokenState, type BulkInviteReportRecord } from '@tollgate/domain';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OrgRole, ProjectRole } from '../../graphql/enums';

registerEnumType(InvitationStatus, { name: 'InvitationStatus' });
registerEnumType(InviteTokenState, { name: 'InviteTokenStatus' });
registerEnumType(BulkInviteFailure, { name: 'BulkInviteFailure', description: 'Why a CSV row was not invited.' });
export const BulkInviteRecordStatus = { SUCCESS: 'SUCCESS', FAILED: 'FAILED' } as const;
registerEnumType(BulkInviteRecordStatus, { name: 'BulkInviteRecordStatus' });
export const InvitationKind = { EMAIL: 'EMAIL', LINK: 'LINK' } as const;
registerEnumType(InvitationKind, { name: 'InvitationKind', description: 'A personal invitation sent by email, or a shared invite link.' });

@ObjectType('Invitation')
export class InvitationType {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => String) name!: string;
  @Field(() => OrgRole) role!: OrgRole;
  @Field(() => ProjectRole, { nullable: true }) projectRole?: ProjectRole | null;
  @Field(() => DateTimeResolver) expiresAt!: Date;
  @Field(() => DateTimeResolver) createdAt!: Date;
  // status, projectId and invitedBy are field resolvers
}

@ObjectType('CreatedInvitation')
export class CreatedInvitationType {
  @Field(() => InvitationType) invitation!: InvitationType;
  @Field(() => String, { description: 'The personal link, also mailed; shown only now.' }) inviteUrl!: string;
}

@InputType()
export class InvitationInput {
  @Field(() => String) email!: string;
  @Field(() => String) name!: string;
  @Field(() => OrgRole, { defaultValue: OrgRole.MEMBER }) role!: OrgRole;
}

@ObjectType('InviteToken', { description: 'A shareable join link; the token itself is only shown at creation.' })
export class InviteTokenType {
  @Field(() => ID) id!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { description: 'The first characters of the token.' }) prefix!: string;
  @Field(() => Int, { nullable: true, description: 'Null: unlimited.' }) maxUsageCount?: number | null;
  @Field(() => Int) usageCount!: number;
  @Field(() => DateTimeResolver, { nullable: true }) expiresAt?: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) revokedAt?: Date | null;
  @Field(() => DateTimeResolver) createdAt!: Date;
  // status and createdBy are field resolvers
}

/** The seed's answer shape for a new invite token. */
@ObjectType('CreatedInviteToken')
export class CreatedInviteTokenType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Shown once.' }) token!: string;
  @Field(() => String) inviteUrl!: string;
  @Field(() => String) description!: string;
  @Field(() => Int, { nullable: true }) maxUsageCount?: number | null;
  @Field(() => Int) usageCount!: number;
  @Field(() => DateTimeResolver, { nullable: true }) expiresAt?: Date | null;
}

@InputType()
export class CreateInviteTokenInput {
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) expiresAt?: Date | null;
  @Field(() => Int, { nullable: true, description: 'Null: unlimited.' }) maxUsageCount?: number | null;
}

@ObjectType('BulkInviteRecord')
export class BulkInviteRecordType {
  @Field(() => Int, { description: 'Data row number in the file, 1 for the first row after the header.' }) row!: number;
  @Field(() => String) email!: string;
  @Field(() => String) name!: string;
  @Field(() => BulkInviteRecordStatus) status!: 'SUCCESS' | 'FAILED';
  @Field(() => BulkInviteFailure, { nullable: true }) code?: BulkInviteFailure | null;
  @Field(() => String, { nullable: true }) reason?: string | null;
  @Field(() => String, { nullable: true, description: "In the upload's answer only; never stored." }) inviteUrl?: string | null;
}

@ObjectType('BulkInviteReport')
export class BulkInviteReportType {
  @Field(() => ID) id!: string;
  @Field(() => String) status!: string;
  @Field(() => Int) totalCount!: number;
  @Field(() => Int) successCount!: number;
  @Field(() => Int) failureCount!: number;
  @Field(() => [BulkInviteRecordType]) records!: BulkInviteReportRecord[];
  @Field(() => DateTimeResolver) createdAt!: Date;
  // csv is a field resolver
}

@ObjectType('InvitationPreview', { description: 'What a join link leads to, shown before accepting.' })
export class InvitationPreviewType {
  @Field(() => InvitationKind) kind!: keyof typeof InvitationKind;
  @Field(() => String) organizationName!: string;
  @Field(() => String) organizationDisplayName!: string;
  @Field(() => String, { nullable: true, description: 'For a personal invitation: the address it was sent to.' }) email?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => OrgRole) role!: OrgRole;
  @Field(() => DateTimeResolver, { nullable: true }) expiresAt?: Date | null;
}

export { InvitationStatus, InviteTokenState };
