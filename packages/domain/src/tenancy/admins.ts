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
