import { Organization } from '@tollgate/db';
import { parseTimeZone } from '@tollgate/domain';
import type { Context } from '../../context';
import { recordAudit } from '../audit/audit.service';

/** Sets the organization's default zone: an IANA name, checked by the domain (VALIDATION naming `timeZone` otherwise). */
export async function setOrganizationTimeZone(ctx: Context, organizationId: string, name: string) {
  const timeZone = parseTimeZone(name, 'timeZone');
  return ctx.em.transactional(async (em) => {
    const organization = await em.findOneOrFail(Organization, organizationId);
    recordAudit(
      ctx,
      {
        action: 'organization.setTimeZone',
        organizationId,
        targetType: 'Organization',
        targetId: organizationId,
        before: { timeZone: organization.timeZone },
        after: { timeZone },
      },
      em,
    );
    organization.timeZone = timeZone;
    return organization;
  });
}
