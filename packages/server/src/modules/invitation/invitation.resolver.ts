import { Invitation, InviteToken, User } from '@tollgate/db';
import { bulkInviteReportCsv, invitationState, inviteTokenState, notFound, type BulkInviteReportRecord } from '@tollgate/domain';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { UserType } from '../../auth/auth.types';
import type { Context } from '../../context';
import { Can, Public } from '../../graphql/can';
import { OrganizationType } from '../organization/organization.types';
import { bulkInviteMembers, findBulkInvite, previewBulkInvite } from './bulk-invite.service';
import { acceptInvite, inviteMembers, listInvitations, previewInvitation, resendInvitation, revokeInvitation } from './invitation.service';
import {
  BulkInviteReportType,
  CreatedInvitationType,
  CreatedInviteTokenType,
  CreateInviteTokenInput,
  InvitationInput,
  InvitationPreviewType,
  InvitationStatus,
  InvitationType,
  InviteTokenState,
  InviteTokenType,
} from './invitation.types';
import { createInviteToken, listInviteTokens, revokeInviteToken } from './invite-token.service';

const MANAGE = 'organization.members.manage';
const ORG = { organization: 'organizationId' };

@Resolver(() => InvitationType)
export class InvitationResolver {
  @Query(() => [InvitationType], { description: 'Invitations sent by email and not yet accepted or revoked (expired ones included).' })
  @Can(MANAGE, ORG)
  invitations(@Arg('organizationId', () => ID) organizationId: string, @Ctx() ctx: Context) {
    return listInvitations(ctx, organizationId);
  }

  @Mutation(() => [CreatedInvitationType], { description: 'Mails each person a personal link; all or none.' })
  @Can(MANAGE, ORG)
  inviteMembers(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('invitations', () => [InvitationInput]) invitations: InvitationInput[],
    @Ctx() ctx: Context,
  ) {
    return inviteMembers(ctx, organizationId, invitations);
  }

  @Mutation(() => CreatedInvitationType, { description: 'Mails a fresh link; the previous one stops working.' })
  @Can(MANAGE, ORG)
  resendInvitation(@Arg('organizationId', () => ID) organizationId: string, @Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return resendInvitation(ctx, organizationId, id);
  }

  @Mutation(() => InvitationType)
  @Can(MANAGE, ORG)
  revokeInvitation(@Arg('organizationId', () => ID) organizationId: string, @Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return revokeInvitation(ctx, organizationId, id);
  }

  @Mutation(() => BulkInviteReportType, { description: 'Invites from a CSV file (header email,name,role[,project,projectRole]; at most 500 rows, 1 MiB).' })
  @Can(MANAGE, ORG)
  bulkInviteMembers(@Arg('organizationId', () => ID) organizationId: string, @Arg('csv', () => String) csv: string, @Ctx() ctx: Context) {
    return bulkInviteMembers(ctx, organizationId, csv);
  }

  @Query(() => BulkInviteReportType, { description: 'What bulkInviteMembers would do with this file, row by row, changing nothing (status PREVIEW).' })
  @Can(MANAGE, ORG)
  previewBulkInvite(@Arg('organizationId', () => ID) organizationId: string, @Arg('csv', () => String) csv: string, @Ctx() ctx: Context) {
    return previewBulkInvite(ctx, organizationId, csv);
  }

  @Query(() => BulkInviteReportType, { description: "A past upload's report (without links, which are shown only once)." })
  @Can(MANAGE, ORG)
  async bulkInviteReport(@Arg('organizationId', () => ID) organizationId: string, @Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const report = await findBulkInvite(ctx, organizationId, id);
    if (!report) throw notFound('Bulk invite report');
    return report;
  }

  @Query(() => [InviteTokenType])
  @Can(MANAGE, ORG)
  inviteTokens(@Arg('organizationId', () => ID) organizationId: string, @Ctx() ctx: Context) {
    return listInviteTokens(ctx, organizationId);
  }

  @Mutation(() => CreatedInviteTokenType)
  @Can(MANAGE, ORG)
  async createInviteToken(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('input', () => CreateInviteTokenInput) input: CreateInviteTokenInput,
    @Ctx() ctx: Context,
  ) {
    const { inviteToken, token, inviteUrl } = await createInviteToken(ctx, organizationId, input);
    return { ...inviteToken, id: inviteToken.id, token, inviteUrl };
  }

  @Mutation(() => InviteTokenType)
  @Can(MANAGE, ORG)
  revokeInviteToken(@Arg('organizationId', () => ID) organizationId: string, @Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return revokeInviteToken(ctx, organizationId, id);
  }

  @Query(() => InvitationPreviewType, { description: 'What a join link leads to; fails with INVITATION_UNAVAILABLE when it cannot be used.' })
  @Public()
  async invitationPreview(@Arg('token', () => String) token: string, @Ctx() ctx: Context) {
    const { organization, ...preview } = await previewInvitation(ctx.em, token);
    return { ...preview, organizationName: organization.name, organizationDisplayName: organization.displayName };
  }

  @Mutation(() => OrganizationType, { description: 'Joins the organization a link (invite token or personal invitation) leads to.' })
  @Can('user.self')
  acceptInvite(@Arg('token', () => String) token: string, @Ctx() ctx: Context) {
    return acceptInvite(ctx, token);
  }

  @FieldResolver(() => InvitationStatus)
  status(@Root() invitation: Invitation) {
    return invitationState(invitation, new Date());
  }

  @FieldResolver(() => ID, { nullable: true })
  projectId(@Root() invitation: Invitation) {
    return invitation.project?.id ?? null;
  }

  @FieldResolver(() => UserType, { nullable: true })
  invitedBy(@Root() invitation: Invitation) {
    return invitation.invitedBy?.load() ?? null;
  }
}

@Resolver(() => InviteTokenType)
export class InviteTokenResolver {
  @FieldResolver(() => InviteTokenState)
  status(@Root() token: InviteToken) {
    return inviteTokenState(token, new Date());
  }

  @FieldResolver(() => UserType, { nullable: true })
  createdBy(@Root() token: InviteToken): Promise<User | null> | null {
    return token.createdBy?.load() ?? null;
  }
}

@Resolver(() => BulkInviteReportType)
export class BulkInviteReportResolver {
  @FieldResolver(() => String, { description: 'The report as CSV (RFC 4180), formula-like cells neutralised.' })
  csv(@Root() report: { records: BulkInviteReportRecord[] }) {
    return bulkInviteReportCsv(report.records);
  }
}
