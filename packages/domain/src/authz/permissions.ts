import { OrgGrant, OrgRole, ProjectRole } from './roles';

/**
 * The role matrix of SPEC section 1: the one source of truth for who may do what.
 * Actions are grouped by the scope they act on: the signed-in user, the platform,
 * an organization or a project.
 */
export const USER_ACTIONS = ['user.self', 'organization.create'] as const;
export const PLATFORM_ACTIONS = ['platform.operate'] as const;
export const ORG_ACTIONS = [
  'organization.view',
  'organization.configure',
  'organization.members.manage',
  'organization.projects.manage',
  'organization.finance',
  'organization.alerts.manage',
  'organization.usage.view',
  'organization.audit.view',
] as const;
export const PROJECT_ACTIONS = [
  'project.view',
  'project.configure',
  'project.members.manage',
  'project.keys.create',
  'project.keys.manageAll',
  'project.audit.view',
] as const;

export type UserAction = (typeof USER_ACTIONS)[number];
export type PlatformAction = (typeof PLATFORM_ACTIONS)[number];
export type OrgAction = (typeof ORG_ACTIONS)[number];
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];
export type Action = UserAction | PlatformAction | OrgAction | ProjectAction;

export const ORG_ROLE_PERMISSIONS = {
  'organization.view': [OrgRole.ADMIN, OrgRole.MEMBER],
  'organization.configure': [OrgRole.ADMIN],
  'organization.members.manage': [OrgRole.ADMIN],
  'organization.projects.manage': [OrgRole.ADMIN],
  'organization.finance': [OrgRole.ADMIN],
  /** Balance alerts and the webhook endpoints alerts go to. */
  'organization.alerts.manage': [OrgRole.ADMIN],
  'organization.usage.view': [OrgRole.ADMIN],
  'organization.audit.view': [OrgRole.ADMIN],
} satisfies Record<OrgAction, OrgRole[]>;

/** What each grant adds to an org MEMBER. */
export const ORG_GRANT_PERMISSIONS = {
  PROJECT_MANAGEMENT: ['organization.projects.manage'],
  MEMBER_MANAGEMENT: ['organization.members.manage'],
  FINANCE: ['organization.finance', 'organization.alerts.manage', 'organization.usage.view'],
  CONFIGURATION: ['organization.configure'],
} satisfies Record<OrgGrant, OrgAction[]>;

/** An org ADMIN acts as OWNER on every project of the organization. */
export const PROJECT_ROLE_PERMISSIONS = {
  'project.view': [ProjectRole.OWNER, ProjectRole.MEMBER],
  'project.configure': [ProjectRole.OWNER],
  'project.members.manage': [ProjectRole.OWNER],
  'project.keys.create': [ProjectRole.OWNER, ProjectRole.MEMBER],
  'project.keys.manageAll': [ProjectRole.OWNER],
  'project.audit.view': [ProjectRole.OWNER],
} satisfies Record<ProjectAction, ProjectRole[]>;

/** Who is acting, as far as the rules care; memberships are those in the target's organization. */
export interface Actor {
  userId: string;
  isOperator: boolean;
  /** A read-only API token may only read. */
  readOnly: boolean;
  orgRole?: OrgRole | null;
  orgGrants?: readonly OrgGrant[];
  projectRole?: ProjectRole | null;
}

const isOrgAction = (a: Action): a is OrgAction => (ORG_ACTIONS as readonly string[]).includes(a);
const isProjectAction = (a: Action): a is ProjectAction => (PROJECT_ACTIONS as readonly string[]).includes(a);

export function effectiveProjectRole(actor: Actor): ProjectRole | null {
  if (actor.orgRole === OrgRole.ADMIN) return ProjectRole.OWNER;
  return actor.orgRole ? (actor.projectRole ?? null) : null;
}

export function can(actor: Actor, action: Action): boolean {
  if (action === 'user.self' || action === 'organization.create') return true;
  if (action === 'platform.operate') return actor.isOperator;
  if (isOrgAction(action)) {
    if (!actor.orgRole) return false;
    if ((ORG_ROLE_PERMISSIONS[action] as OrgRole[]).includes(actor.orgRole)) return true;
    return (actor.orgGrants ?? []).some((grant) => (ORG_GRANT_PERMISSIONS[grant] as OrgAction[]).includes(action));
  }
  if (isProjectAction(action)) {
    const role = effectiveProjectRole(actor);
    return role !== null && (PROJECT_ROLE_PERMISSIONS[action] as ProjectRole[]).includes(role);
  }
  return false;
}

/** The org-level actions an actor holds, for the UI to hide what it may not do. */
export const orgPermissionsOf = (actor: Actor): OrgAction[] => ORG_ACTIONS.filter((a) => can(actor, a));
export const projectPermissionsOf = (actor: Actor): ProjectAction[] => PROJECT_ACTIONS.filter((a) => can(actor, a));
