export const ProjectStatus = { ACTIVE: 'ACTIVE', ARCHIVED: 'ARCHIVED' } as const;
export type ProjectStatus = (typeof ProjectStatus)[keyof typeof ProjectStatus];

export const ProjectEnvironment = {
  DEVELOPMENT: 'DEVELOPMENT',
  STAGING: 'STAGING',
  PRODUCTION: 'PRODUCTION',
  OTHER: 'OTHER',
} as const;
export type ProjectEnvironment = (typeof ProjectEnvironment)[keyof typeof ProjectEnvironment];

export const VerificationTier = { DEFAULT: 'DEFAULT', ENTERPRISE_VERIFIED: 'ENTERPRISE_VERIFIED' } as const;
export type VerificationTier = (typeof VerificationTier)[keyof typeof VerificationTier];

export const MemberStatus = { ACTIVE: 'ACTIVE', SUSPENDED: 'SUSPENDED' } as const;
export type MemberStatus = (typeof MemberStatus)[keyof typeof MemberStatus];
