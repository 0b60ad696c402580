import { Invitation, InviteToken, Organization, OrganizationMember, Project, randomBase62, sha256Hex, User, type EntityManager } from '@tollgate/db';
import {
  assertMayInviteAs,
  conflict,
  emailSchema,
  INVITATION_TOKEN_PREFIX,
  INVITATION_TTL_DAYS,
  InvitationStatus,
  invitationUnavailable,
  INVITE_TOKEN_PREFIX,
  inviteTokenState,
  joinUrl,
  notFound,
  OrgRole,
  parseId,
  parseInput,
  personNameSchema,
  type ProjectRole,
} from '@tollgate/domain';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { z } from 'zod';
import type { Context } from '../../context';
import { enqueueMail } from '../../notify/outbox';
import { recordAudit } from '../audit/audit.service';
import { invitationMail } from './invitation-mail';
import { joinOrganization, joinProject } from './membership';

export interface InvitationSpec {
  email: string;
  name: string;
  role: OrgRole;
  project?: Project | null;
  projectRole?: ProjectRole | null;
  bulkInviteId?: string;
}

/** What the caller needs to write invitations: the organization and who invites. */
export async function invitingContext(ctx: Context, em: EntityManager, organizationId: string) {
  const [organization, inviter, membership] = await Promise.all([
    em.findOneOrFail(Organization, organizationId),
    em.findOneOrFail(User, ctx.auth!.userId),
    ctx.access.orgMembership(organizationId),
  ]);
  return { organization, inviter, inviterRole: membership!.role };
}
export type InvitingContext = Awaited<ReturnType<typeof invitingContext>>;

/**
 * Writes one invitation, its mail and its audit event into the caller's unit
 * of work. The link's token exists only in the answer and in the mail.
 */
export function createInvitation(ctx: Context, em: EntityManager, inviting: InvitingContext, spec: InvitationSpec) {
  const token = INVITATION_TOKEN_PREFIX + randomBase62(32);
  const inviteUrl = joinUrl(ctx.app.config.publicUrl, token);
  const { organization, inviter } = inviting;
  const invitation = em.create(Invitation, {
    organization,
    email: spec.email,
    name: spec.name,
    role: spec.role,
    project: spec.project ?? null,
    projectRole: spec.projectRole ?? null,
    tokenHash: sha256Hex(token),
    invitedBy: inviter,
    expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
    bulkInviteId: spec.bulkInviteId ?? null,
  });
  enqueueMail(
    em,
    invitationMail({
      to: spec.email,
      name: spec.name,
      inviterName: inviter.name,
      organization: organization.displayName,
      role: spec.role,
      url: inviteUrl,
      expiresAt: invitation.expiresAt,
    }),
  );
  recordAudit(
    ctx,
    {
      action: 'invitation.create',
      organizationId: organization.id,
      targetType: 'Invitation',
      targetId: invitation.id,
      after: { email: spec.email, role: spec.role, projectId: spec.project?.id ?? null, projectRole: spec.projectRole ?? null },
    },
    em,
  );
  return { invitation, inviteUrl };
}

/** Why each address cannot be invited now: already a member, or a live invitation is pending. */
export async function blockedEmails(em: EntityManager, organizationId: string, emails: string[]): Promise<Map<string, 'ALREADY_MEMBER' | 'ALREADY_INVITED'>> {
  const blocked = new Map<string, 'ALREADY_MEMBER' | 'ALREADY_INVITED'>();
  if (!emails.length) return blocked;
  const members = await em.find(OrganizationMember, { organization: organizationId, user: { email: { $in: emails } } }, { populate: ['user'] });
  const pending = await em.find(Invitation, {
    organization: organizationId,
    email: { $in: emails },
    status: InvitationStatus.PENDING,
    expiresAt: { $gt: new Date() },
  });
  for (const invitation of pending) blocked.set(invitation.email, 'ALREADY_INVITED');
  for (const member of members) blocked.set(member.user.getEntity().email, 'ALREADY_MEMBER');
  return blocked;
}

/** Pending invitations past their time become EXPIRED, so new ones to the same addresses can take their place. */
export async function expireStaleInvitations(em: EntityManager, organizationId: string, emails: string[]): Promise<void> {
  if (!emails.length) return;
  await em.nativeUpdate(
    Invitation,
    { organization: organizationId, email: { $in: emails }, status: InvitationStatus.PENDING, expiresAt: { $lte: new Date() } },
    { status: InvitationStatus.EXPIRED },
  );
}

/** A concurrent invite of the same address loses on the one-pending-invitation index. */
export async function withPendingConflictAsError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw conflict('email', 'An invitation to this address is already pending');
    throw error;
  }
}

const inviteMembersInput = z
  .array(z.object({ email: emailSchema, name: personNameSchema, role: z.enum(OrgRole) }))
  .min(1, 'must not be empty')
  .max(100, 'must hold at most 100 invitations; use the CSV upload for more');

/** Invites people by email, all or none: one bad address refuses the whole list. */
export async function inviteMembers(ctx: Context, organizationId: string, input: z.input<typeof inviteMembersInput>) {
  const invitations = parseInput(inviteMembersInput, input, 'invitations');
  const created = await withPendingConflictAsError(() =>
    ctx.em.transactional(async (em) => {
      const inviting = await invitingContext(ctx, em, organizationId);
      const emails = invitations.map((i) => i.email);
      await expireStaleInvitations(em, organizationId, emails);
      const blocked = await blockedEmails(em, organizationId, emails);
      invitations.forEach((invite, index) => {
        assertMayInviteAs(inviting.inviterRole, invite.role);
        const field = `invitations.${index}.email`;
        if (invitations.findIndex((other) => other.email === invite.email) !== index) throw conflict(field, `${invite.email} appears twice in the list`);
        const reason = blocked.get(invite.email);
        if (reason)
          throw conflict(field, reason === 'ALREADY_MEMBER' ? `${invite.email} is already a member` : `${invite.email} already has a pending invitation`);
      });
      return invitations.map((invite) => createInvitation(ctx, em, inviting, invite));
    }),
  );
  void ctx.app.outbox.kick();
  return created;
}

export function listInvitations(ctx: Context, organizationId: string) {
  return ctx.em.find(Invitation, { organization: organizationId, status: InvitationStatus.PENDING }, { orderBy: { createdAt: 'desc', id: 'asc' } });
}

async function pendingInvitation(em: EntityManager, organizationId: string, id: string) {
  const invitation = await em.findOne(Invitation, { id: parseId(id), organization: organizationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!invitation) throw notFound('Invitation');
  if (invitation.status !== InvitationStatus.PENDING && invitation.status !== InvitationStatus.EXPIRED)
    throw conflict('id', `The invitation is ${invitation.status.toLowerCase()}`);
  return invitation;
}

/** Sends a fresh link (the old one stops working) valid for another full period. */
export async function resendInvitation(ctx: Context, organizationId: string, id: string) {
  const result = await withPendingConflictAsError(() =>
    ctx.em.transactional(async (em) => {
      const invitation = await pendingInvitation(em, organizationId, id);
      const inviting = await invitingContext(ctx, em, organizationId);
      assertMayInviteAs(inviting.inviterRole, invitation.role);
      const token = INVITATION_TOKEN_PREFIX + randomBase62(32);
      const inviteUrl = joinUrl(ctx.app.config.publicUrl, token);
      invitation.tokenHash = sha256Hex(token);
      invitation.status = InvitationStatus.PENDING;
      invitation.expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000);
      enqueueMail(
        em,
        invitationMail({
          to: invitation.email,
          name: invitation.name,
          inviterName: inviting.inviter.name,
          organization: inviting.organization.displayName,
          role: invitation.role,
          url: inviteUrl,
          expiresAt: invitation.expiresAt,
        }),
      );
      recordAudit(
        ctx,
        {
          action: 'invitation.resend',
          organizationId,
          targetType: 'Invitation',
          targetId: invitation.id,
          after: { email: invitation.email, expiresAt: invitation.expiresAt },
        },
        em,
      );
      return { invitation, inviteUrl };
    }),
  );
  void ctx.app.outbox.kick();
  return result;
}

export function revokeInvitation(ctx: Context, organizationId: string, id: string) {
  return ctx.em.transactional(async (em) => {
    const invitation = await pendingInvitation(em, organizationId, id);
    recordAudit(
      ctx,
      {
        action: 'invitation.revoke',
        organizationId,
        targetType: 'Invitation',
        targetId: invitation.id,
        before: { status: invitation.status },
        after: { status: InvitationStatus.REVOKED },
      },
      em,
    );
    invitation.status = InvitationStatus.REVOKED;
    return invitation;
  });
}

/** What the join page shows before the visitor commits to anything. */
export async function previewInvitation(em: EntityManager, token: string) {
  const found = await findByToken(em, token);
  if (found.kind === 'EMAIL') {
    const { invitation } = found;
    if (invitation.status === InvitationStatus.ACCEPTED) throw invitationUnavailable('USED');
    if (invitation.status === InvitationStatus.REVOKED) throw invitationUnavailable('REVOKED');
    if (invitation.expiresAt <= new Date()) throw invitationUnavailable('EXPIRED');
    const organization = await invitation.organization.load();
    return {
      kind: found.kind,
      organization: organization!,
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
    };
  }
  const state = inviteTokenState(found.token, new Date());
  if (state !== 'ACTIVE') throw invitationUnavailable(state);
  const organization = await found.token.organization.load();
  return { kind: found.kind, organization: organization!, email: null, name: null, role: OrgRole.MEMBER, expiresAt: found.token.expiresAt ?? null };
}

async function findByToken(em: EntityManager, token: string, lock = false) {
  const tokenHash = sha256Hex(token);
  const lockMode = lock ? LockMode.PESSIMISTIC_WRITE : undefined;
  if (token.startsWith(INVITATION_TOKEN_PREFIX)) {
    const invitation = await em.findOne(Invitation, { tokenHash }, { lockMode });
    if (invitation) return { kind: 'EMAIL' as const, invitation };
  } else if (token.startsWith(INVITE_TOKEN_PREFIX)) {
    const found = await em.findOne(InviteToken, { tokenHash });
    if (found) return { kind: 'LINK' as const, token: found };
  }
  throw invitationUnavailable('UNKNOWN');
}

/** Signs the user into the organization with either kind of link, inside the caller's transaction; answers its id. */
export async function joinWithToken(ctx: Context, em: EntityManager, user: User, token: string): Promise<string> {
  const found = await findByToken(em, token, true);
  return found.kind === 'EMAIL' ? joinWithInvitation(ctx, em, user, found.invitation) : joinWithInviteToken(ctx, em, user, found.token);
}

async function joinWithInvitation(ctx: Context, em: EntityManager, user: User, invitation: Invitation): Promise<string> {
  const organizationId = invitation.organization.id;
  if (invitation.status === InvitationStatus.ACCEPTED) {
    if (invitation.acceptedBy?.id === user.id) return organizationId;
    throw invitationUnavailable('USED');
  }
  if (invitation.status === InvitationStatus.REVOKED) throw invitationUnavailable('REVOKED');
  if (invitation.status === InvitationStatus.EXPIRED || invitation.expiresAt <= new Date()) throw invitationUnavailable('EXPIRED');
  // The link was mailed to one address: it admits that person only.
  if (user.email !== invitation.email) throw invitationUnavailable('OTHER_EMAIL');
  const joined = await joinOrganization(em, organizationId, user.id, invitation.role);
  const joinedProject =
    invitation.project && invitation.projectRole ? await joinProject(em, organizationId, invitation.project.id, user.id, invitation.projectRole) : false;
  invitation.status = InvitationStatus.ACCEPTED;
  invitation.acceptedAt = new Date();
  invitation.acceptedBy = em.getReference(User, user.id) as never;
  recordAudit(
    ctx,
    {
      action: 'invitation.accept',
      organizationId,
      targetType: 'Invitation',
      targetId: invitation.id,
      actorUserId: user.id,
      after: { userId: user.id, role: invitation.role, joined, projectId: joinedProject ? invitation.project!.id : null },
    },
    em,
  );
  await em.flush();
  return organizationId;
}

/**
 * Membership first, then the use: a user who is already a member spends
 * nothing, and the conditional UPDATE (re-checked by PostgreSQL after any
 * concurrent one commits) never lets usageCount pass maxUsageCount.
 */
async function joinWithInviteToken(ctx: Context, em: EntityManager, user: User, token: InviteToken): Promise<string> {
  const organizationId = token.organization.id;
  if (!(await joinOrganization(em, organizationId, user.id, OrgRole.MEMBER))) return organizationId;
  const now = new Date();
  const used = await em.execute(
    `update invite_tokens set usage_count = usage_count + 1
     where id = ? and revoked_at is null and (expires_at is null or expires_at > ?) and (max_usage_count is null or usage_count < max_usage_count)
     returning usage_count`,
    [token.id, now],
  );
  if (!used.length) {
    await em.refresh(token);
    const state = inviteTokenState(token, now);
    throw invitationUnavailable(state === 'ACTIVE' ? 'EXHAUSTED' : state);
  }
  recordAudit(
    ctx,
    {
      action: 'inviteToken.use',
      organizationId,
      targetType: 'InviteToken',
      targetId: token.id,
      actorUserId: user.id,
      after: { userId: user.id, usageCount: used[0]!.usage_count },
    },
    em,
  );
  await em.flush();
  return organizationId;
}

/** The signed-in user follows a link. */
export async function acceptInvite(ctx: Context, token: string): Promise<Organization> {
  const user = await ctx.em.findOneOrFail(User, ctx.auth!.userId);
  const organizationId = await ctx.em.transactional((em) => joinWithToken(ctx, em, user, token));
  ctx.access.reset();
  return ctx.em.findOneOrFail(Organization, organizationId);
}
