import { LockMode } from '@mikro-orm/core';
import { Organization, rebuildUsageDaily } from '@tollgate/db';
import { parseTimeZone } from '@tollgate/domain';
import type { Context } from '../../context';
import { recordAudit } from '../audit/audit.service';

/**
 * Sets the organization's default zone: an IANA name, checked by the domain (VALIDATION naming `timeZone` otherwise).
 * A new zone rebuilds the organization's daily rollup in it, in the same transaction, holding the organization's row
 * `for update`: recorder batches (which lock it `for key share`) wait, and write their days in the new zone after
 * (packages/db/src/metering/usage-daily.ts). Seconds for an organization with millions of quarter-hour rows.
 */
export async function setOrganizationTimeZone(ctx: Context, organizationId: string, name: string) {
  const timeZone = parseTimeZone(name, 'timeZone');
  return ctx.em.transactional(async (em) => {
    const organization = await em.findOneOrFail(Organization, organizationId, { lockMode: LockMode.PESSIMISTIC_WRITE });
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
    if (organization.timeZone !== timeZone) await rebuildUsageDaily((sql, params) => em.execute(sql, params), organizationId, timeZone);
    organization.timeZone = timeZone;
    return organization;
  });
}
