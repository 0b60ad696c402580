import { Organization, Project } from '@tollgate/db';
import {
  effectiveProjectQuota,
  organizationLimitsFromStored,
  organizationLimitsSchema,
  parseInput,
  periodOf,
  projectQuotaFromStored,
  projectQuotaSchema,
  quotaRemaining,
  toStoredLimits,
  type OrganizationLimits,
  type ProjectQuota,
  type ProjectUsageTotals,
} from '@tollgate/domain';
import type { Context } from '../../context';
import { recordAudit } from '../audit/audit.service';
import type { OrganizationLimitsInput, ProjectQuotaInput, ProjectQuotaSettingsType, ProjectQuotaType, QuotaPeriod, QuotaUsageType } from './limits.types';

/** A quota with its defaults filled in, as the API shows it. */
export const quotaView = (quota: ProjectQuota): ProjectQuotaType => ({
  ...quota,
  enforceQuota: quota.enforceQuota !== false,
  customResetDay: quota.customResetDay ?? 1,
});

export async function organizationLimits(ctx: Context, organizationId: string): Promise<OrganizationLimits> {
  return organizationLimitsFromStored((await ctx.em.findOneOrFail(Organization, organizationId)).limits);
}

/** Replaces the organization's limits; every proxy hears of it through the row's invalidation trigger. */
export async function setOrganizationLimits(ctx: Context, organizationId: string, input: OrganizationLimitsInput): Promise<OrganizationLimits> {
  const limits = parseInput(organizationLimitsSchema, input);
  const organization = await ctx.em.findOneOrFail(Organization, organizationId);
  const before = organization.limits;
  organization.limits = toStoredLimits(limits);
  recordAudit(ctx, {
    action: 'organization.setLimits',
    organizationId,
    targetType: 'Organization',
    targetId: organizationId,
    before,
    after: organization.limits,
  });
  await ctx.em.flush();
  return organizationLimitsFromStored(organization.limits);
}

async function settingsOf(ctx: Context, project: Project): Promise<ProjectQuotaSettingsType> {
  const quota = projectQuotaFromStored(project.quota);
  const org = await organizationLimits(ctx, project.organization.id);
  return { projectId: project.id, quota: quotaView(quota), effective: quotaView(effectiveProjectQuota(quota, org)) };
}

export async function projectQuota(ctx: Context, projectId: string): Promise<ProjectQuotaSettingsType> {
  return settingsOf(ctx, await ctx.em.findOneOrFail(Project, projectId));
}

/** Replaces the project's quota as asked; the answer shows it beside what is enforced under the organization's limits. */
export async function setProjectQuota(ctx: Context, projectId: string, input: ProjectQuotaInput): Promise<ProjectQuotaSettingsType> {
  const quota = parseInput(projectQuotaSchema, input);
  const project = await ctx.em.findOneOrFail(Project, projectId);
  const before = project.quota;
  project.quota = toStoredLimits(quota);
  recordAudit(ctx, {
    action: 'project.setQuota',
    organizationId: project.organization.id,
    projectId,
    targetType: 'Project',
    targetId: projectId,
    before,
    after: project.quota,
  });
  await ctx.em.flush();
  return settingsOf(ctx, project);
}

/**
 * The project's use of its current UTC day and quota month, from the hourly
 * rollups (the same sums the proxy rebuilds its counters from): requests that
 * went upstream, tokens, spend; and what is left under the effective quota.
 */
export async function quotaUsage(ctx: Context, projectId: string, period: QuotaPeriod, now = new Date()): Promise<QuotaUsageType> {
  const project = await ctx.em.findOneOrFail(Project, projectId);
  const settings = await settingsOf(ctx, project);
  const effective = settings.effective;
  const day = periodOf('day', now);
  const month = periodOf('month', now, effective.customResetDay);
  const [row] = await ctx.em.execute<
    Array<Record<'daily_requests' | 'daily_tokens' | 'daily_spent' | 'monthly_requests' | 'monthly_tokens' | 'monthly_spent', string>>
  >(
    `select coalesce(sum(forwarded) filter (where hour >= ?), 0)::text as daily_requests,
            coalesce(sum(input_tokens + output_tokens) filter (where hour >= ?), 0)::text as daily_tokens,
            coalesce(sum(cost) filter (where hour >= ?), 0)::text as daily_spent,
            coalesce(sum(forwarded), 0)::text as monthly_requests,
            coalesce(sum(input_tokens + output_tokens), 0)::text as monthly_tokens,
            coalesce(sum(cost), 0)::text as monthly_spent
       from usage_hourly where project_id = ? and hour >= ?`,
    [day.start, day.start, day.start, projectId, month.start],
  );
  const used: ProjectUsageTotals = {
    dailyRequests: Number(row!.daily_requests),
    dailyTokens: Number(row!.daily_tokens),
    dailySpent: BigInt(row!.daily_spent),
    monthlyRequests: Number(row!.monthly_requests),
    monthlyTokens: Number(row!.monthly_tokens),
    monthlySpent: BigInt(row!.monthly_spent),
  };
  return {
    projectId,
    period,
    effective,
    dailyUsage: { requestCount: used.dailyRequests, tokenCount: used.dailyTokens, spent: used.dailySpent, date: day.id },
    monthlyUsage: {
      requestCount: used.monthlyRequests,
      tokenCount: used.monthlyTokens,
      spent: used.monthlySpent,
      resetDay: effective.customResetDay,
      periodStart: month.id,
    },
    quotaLimitRemaining: quotaRemaining(effective, used),
  };
}
