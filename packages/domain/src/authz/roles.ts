export const OrgRole = { ADMIN: 'ADMIN', MEMBER: 'MEMBER' } as const;
export type OrgRole = (typeof OrgRole)[keyof typeof OrgRole];

/** Fine-grained grants that give an org MEMBER part of the ADMIN's power. */
export const OrgGrant = {
  PROJECT_MANAGEMENT: 'PROJECT_MANAGEMENT',
  MEMBER_MANAGEMENT: 'MEMBER_MANAGEMENT',
  FINANCE: 'FINANCE',
  CONFIGURATION: 'CONFIGURATION',
} as const;
export type OrgGrant = (typeof OrgGrant)[keyof typeof OrgGrant];

export const ProjectRole = { OWNER: 'OWNER', MEMBER: 'MEMBER' } as const;
export type ProjectRole = (typeof ProjectRole)[keyof typeof ProjectRole];

export const ORG_ROLES = Object.values(OrgRole);
export const ORG_GRANTS = Object.values(OrgGrant);
export const PROJECT_ROLES = Object.values(ProjectRole);
