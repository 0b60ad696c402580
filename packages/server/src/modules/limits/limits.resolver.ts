import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { Can } from '../../graphql/can';
import * as limits from './limits.service';
import { OrganizationLimitsInput, OrganizationLimitsType, ProjectQuotaInput, ProjectQuotaSettingsType, QuotaPeriod, QuotaUsageType } from './limits.types';

@Resolver()
export class LimitsResolver {
  @Query(() => OrganizationLimitsType, { description: "The organization's shared limits." })
  @Can('organization.view', { organization: 'organizationId' })
  organizationLimits(@Arg('organizationId', () => ID) organizationId: string, @Ctx() ctx: Context) {
    return limits.organizationLimits(ctx, organizationId);
  }

  @Mutation(() => OrganizationLimitsType, { description: "Replaces the organization's limits; omitted ones are removed. Proxies apply it within a second." })
  @Can('organization.configure', { organization: 'organizationId' })
  setOrganizationLimits(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('input', () => OrganizationLimitsInput) input: OrganizationLimitsInput,
    @Ctx() ctx: Context,
  ) {
    return limits.setOrganizationLimits(ctx, organizationId, input);
  }

  @Query(() => ProjectQuotaSettingsType)
  @Can('project.view', { project: 'projectId' })
  projectQuota(@Arg('projectId', () => ID) projectId: string, @Ctx() ctx: Context) {
    return limits.projectQuota(ctx, projectId);
  }

  @Mutation(() => ProjectQuotaSettingsType, { description: "Replaces the project's quota; omitted limits are removed. Proxies apply it within a second." })
  @Can('project.configure', { project: 'projectId' })
  setProjectQuota(@Arg('projectId', () => ID) projectId: string, @Arg('input', () => ProjectQuotaInput) input: ProjectQuotaInput, @Ctx() ctx: Context) {
    return limits.setProjectQuota(ctx, projectId, input);
  }

  @Query(() => QuotaUsageType, { description: 'Use of the current UTC day and quota month against the effective quota.' })
  @Can('project.view', { project: 'projectId' })
  quotaUsage(
    @Arg('projectId', () => ID) projectId: string,
    @Arg('period', () => QuotaPeriod, { defaultValue: QuotaPeriod.MONTH }) period: QuotaPeriod,
    @Ctx() ctx: Context,
  ) {
    return limits.quotaUsage(ctx, projectId, period);
  }
}
