import { Organization } from '@tollgate/db';
import { UsageWindow } from '@tollgate/domain';
import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Can } from '../../graphql/can';
import { OrganizationType } from '../organization/organization.types';
import { setOrganizationTimeZone } from './time-zone.service';
import { executorOf, prepareUsage, usagePage, usageTotals, type UsageQuery } from './usage.query';
import { UsageDimension, UsageFiguresType, UsageFilter, UsagePageType } from './usage.types';

/** The page, its query, and its rows' sums when it holds every row of the query. */
type UsagePageRoot = UsagePageType & { query: UsageQuery; summed: UsageFiguresType | null };

@Resolver(() => UsagePageType)
export class UsageResolver {
  @Query(() => UsagePageType, {
    description:
      'Usage over time from the rollups, for charts and BI tools: windows of a time zone calendar, grouped and filtered, in cursor pages of flat rows. ' +
      'Organization ADMIN and FINANCE members read the whole organization; project OWNERs and MEMBERs their projects only (a filter never widens that). ' +
      'Its cost does not depend on how many calls were logged.',
  })
  // Membership is the gate (outsiders get NOT_FOUND); what may be read is decided per caller in visibleProjects():
  // organization.usage.view for the whole organization, project.view per project, FORBIDDEN when neither.
  @Can('organization.view', { organization: 'organizationId' })
  async usage(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('from', () => DateTimeResolver, { description: 'Inclusive; on a quarter hour (a whole minute for MINUTE windows).' }) from: Date,
    @Arg('to', () => DateTimeResolver, { description: 'Exclusive; on a quarter hour (a whole minute for MINUTE windows).' }) to: Date,
    @Arg('window', () => UsageWindow, { nullable: true, description: 'None: one row over the whole range.' }) window: UsageWindow | null,
    @Arg('timeZone', () => String, { nullable: true, description: "An IANA zone; default the organization's (UTC unless set)." }) timeZone: string | null,
    @Arg('groupBy', () => [UsageDimension], { nullable: true }) groupBy: UsageDimension[] | null,
    @Arg('filter', () => UsageFilter, { nullable: true }) filter: UsageFilter | null,
    @Arg('first', () => Int, { defaultValue: 100, description: 'At most 1000.' }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<UsagePageRoot> {
    const query = await prepareUsage(ctx, { organizationId, from, to, window, timeZone, groupBy, filter: filter ? { ...filter } : null, first, after });
    const { totals: summed, ...page } = await usagePage(executorOf(ctx), query);
    return { ...page, timeZone: query.windows.timeZone, asOf: query.asOf, query, summed };
  }

  @FieldResolver(() => UsageFiguresType, { description: 'Sums over the whole range and filter (every page answers the same); summed only when asked for.' })
  totals(@Root() page: UsagePageRoot, @Ctx() ctx: Context) {
    // A page that holds every row of the query has them summed already; other pages sum the range again.
    return page.summed ?? usageTotals(executorOf(ctx), page.query);
  }
}

@Resolver(() => OrganizationType)
export class OrganizationTimeZoneResolver {
  @FieldResolver(() => String, { description: 'The IANA zone usage windows and the SPA follow by default; UTC unless set.' })
  timeZone(@Root() organization: Organization): string {
    return organization.timeZone;
  }

  @Mutation(() => OrganizationType, { description: 'Sets the IANA time zone usage windows follow by default (storage stays UTC).' })
  @Can('organization.configure', { organization: 'organizationId' })
  setOrganizationTimeZone(@Arg('organizationId', () => ID) organizationId: string, @Arg('timeZone', () => String) timeZone: string, @Ctx() ctx: Context) {
    return setOrganizationTimeZone(ctx, organizationId, timeZone);
  }
}
