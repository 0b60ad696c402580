import { DomainError, ErrorCode } from '../errors/error-code';
import { OrgRole } from '../authz/roles';

/**
 * An organization always keeps at least one ADMIN: demoting or removing the
 * last one is refused. `adminCount` counts active admins including the target.
 */
export function assertKeepsAnAdmin(targetRole: OrgRole, nextRole: OrgRole | null, adminCount: number): void {
  if (targetRole === OrgRole.ADMIN && nextRole !== OrgRole.ADMIN && adminCount <= 1) {
    throw new DomainError(ErrorCode.LAST_ADMIN, 'An organization must keep at least one admin');
  }
}

/**
 * Who may change an organization member: nobody changes their own role or
 * grants, and only an ADMIN may touch an ADMIN or hand out ADMIN or grants,
 * so MEMBER_MANAGEMENT cannot be turned into more power than it is.
 */
export function assertMayChangeMember(change: {
  actorRole: OrgRole;
  self: boolean;
  targetRole: OrgRole;
  nextRole?: OrgRole | null;
  changesGrants?: boolean;
}): void {
  if (change.self && change.nextRole !== null) throw new DomainError(ErrorCode.FORBIDDEN, 'You cannot change your own role or grants');
  const touchesAdminPower = change.targetRole === OrgRole.ADMIN || change.nextRole === OrgRole.ADMIN || change.changesGrants === true;
  if (touchesAdminPower && change.actorRole !== OrgRole.ADMIN) {
    throw new DomainError(ErrorCode.FORBIDDEN, 'Only an organization admin can change admins or grants');
  }
}

/** Inviting is handing out a role: only an ADMIN may invite an ADMIN. */
export function assertMayInviteAs(actorRole: OrgRole, role: OrgRole): void {
  if (role === OrgRole.ADMIN && actorRole !== OrgRole.ADMIN) {
    throw new DomainError(ErrorCode.FORBIDDEN, 'Only an organization admin can invite admins');
  }
}
