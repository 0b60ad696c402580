import { invalid } from '../errors/error-code';

export const ApiKeyStatus = { ACTIVE: 'ACTIVE', EXPIRED: 'EXPIRED', REVOKED: 'REVOKED', DISABLED: 'DISABLED' } as const;
export type ApiKeyStatus = (typeof ApiKeyStatus)[keyof typeof ApiKeyStatus];

/** Who a key acts for: the member who created it, or the project itself (survives member removal). */
export const ApiKeyOwner = { MEMBER: 'MEMBER', SERVICE_ACCOUNT: 'SERVICE_ACCOUNT' } as const;
export type ApiKeyOwner = (typeof ApiKeyOwner)[keyof typeof ApiKeyOwner];

/** Why a key was revoked: by someone, or as a cascade of a membership ending. */
export const RevocationReason = {
  REVOKED: 'REVOKED',
  PROJECT_MEMBER_REMOVED: 'PROJECT_MEMBER_REMOVED',
  ORGANIZATION_MEMBER_REMOVED: 'ORGANIZATION_MEMBER_REMOVED',
} as const;
export type RevocationReason = (typeof RevocationReason)[keyof typeof RevocationReason];

/**
 * The one rule for whether a key may call: revoked beats everything, then an
 * archived project disables its keys, then expiry (a rotated key expires at
 * the end of its grace period).
 */
export function apiKeyStatus(key: { revokedAt?: Date | null; expiresAt?: Date | null }, projectArchived: boolean, now: Date): ApiKeyStatus {
  if (key.revokedAt) return ApiKeyStatus.REVOKED;
  if (projectArchived) return ApiKeyStatus.DISABLED;
  if (key.expiresAt && key.expiresAt <= now) return ApiKeyStatus.EXPIRED;
  return ApiKeyStatus.ACTIVE;
}

export const MAX_ROTATION_GRACE_SECONDS = 24 * 3600;

/** When the old secret stops working after a rotation: never later than it would have anyway. */
export function rotationEnd(now: Date, gracePeriodSeconds: number, currentExpiry: Date | null | undefined): Date {
  if (!Number.isInteger(gracePeriodSeconds) || gracePeriodSeconds < 0 || gracePeriodSeconds > MAX_ROTATION_GRACE_SECONDS) {
    throw invalid('gracePeriodSeconds', `must be a whole number of seconds from 0 to ${MAX_ROTATION_GRACE_SECONDS} (24 hours)`);
  }
  const end = new Date(now.getTime() + gracePeriodSeconds * 1000);
  return currentExpiry && currentExpiry < end ? currentExpiry : end;
}
