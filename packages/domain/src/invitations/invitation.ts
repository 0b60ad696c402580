import { DomainError, ErrorCode } from '../errors/error-code';

/** Links in mails and invite tokens share one join page; the prefix tells which kind a token is. */
export const INVITE_TOKEN_PREFIX = 'invite_';
export const INVITATION_TOKEN_PREFIX = 'invitation_';
export const INVITATION_TTL_DAYS = 7;

/** EXPIRED is stored when an expired invitation is replaced, and shown for any pending one past its time. */
export const InvitationStatus = { PENDING: 'PENDING', ACCEPTED: 'ACCEPTED', REVOKED: 'REVOKED', EXPIRED: 'EXPIRED' } as const;
export type InvitationStatus = (typeof InvitationStatus)[keyof typeof InvitationStatus];

export const joinUrl = (publicUrl: string, token: string) => `${publicUrl}/join?token=${encodeURIComponent(token)}`;

export const InviteTokenState = { ACTIVE: 'ACTIVE', EXPIRED: 'EXPIRED', REVOKED: 'REVOKED', EXHAUSTED: 'EXHAUSTED' } as const;
export type InviteTokenState = (typeof InviteTokenState)[keyof typeof InviteTokenState];

export const invitationState = (invitation: { status: InvitationStatus; expiresAt: Date }, now: Date): InvitationStatus =>
  invitation.status === InvitationStatus.PENDING && invitation.expiresAt <= now ? InvitationStatus.EXPIRED : invitation.status;

/** Whether a shared invite token can still be used; the database re-checks atomically when it is. */
export function inviteTokenState(
  token: { expiresAt?: Date | null; revokedAt?: Date | null; usageCount: number; maxUsageCount?: number | null },
  now: Date,
): InviteTokenState {
  if (token.revokedAt) return 'REVOKED';
  if (token.expiresAt && token.expiresAt <= now) return 'EXPIRED';
  if (token.maxUsageCount != null && token.usageCount >= token.maxUsageCount) return 'EXHAUSTED';
  return 'ACTIVE';
}

const REASONS: Record<Exclude<InviteTokenState, 'ACTIVE'> | 'UNKNOWN' | 'USED' | 'OTHER_EMAIL', string> = {
  UNKNOWN: 'This invitation link is not valid',
  EXPIRED: 'This invitation link has expired',
  REVOKED: 'This invitation link has been revoked',
  EXHAUSTED: 'This invitation link has been used the maximum number of times',
  USED: 'This invitation has already been accepted',
  OTHER_EMAIL: 'This invitation was sent to another email address; sign in or sign up with that address',
};

export const invitationUnavailable = (reason: keyof typeof REASONS) => new DomainError(ErrorCode.INVITATION_UNAVAILABLE, REASONS[reason], { field: 'token' });
