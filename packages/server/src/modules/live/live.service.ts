import { forbidden, notFound, parseInput, uuidSchema, type Action } from '@tollgate/domain';
import type { Context } from '../../context';
import { assertCan, type Target } from '../../graphql/can';
import { visibleProjects } from '../usage/usage.query';

const ORG: Target = { organization: 'organizationId' };
const PROJECT: Target = { project: 'projectId' };

/** Which projects' usage the subscriber may see: null for the whole organization. */
async function usageVisibility(ctx: Context, organizationId: string, projectId: string | null): Promise<ReadonlySet<string> | null> {
  await assertCan(ctx, 'organization.view', ORG, { organizationId });
  const visible = await visibleProjects(ctx, organizationId);
  if (!projectId) return visible && new Set(visible);
  const id = parseInput(uuidSchema, projectId, 'projectId');
  const project = await ctx.access.findProject(id);
  if (!project || project.organization.id !== organizationId || (visible && !visible.includes(id))) throw notFound('Project');
  return new Set([id]);
}

const sameSet = (a: ReadonlySet<string> | null, b: ReadonlySet<string> | null) =>
  a === null || b === null ? a === b : a.size === b.size && [...a].every((x) => b.has(x));

/** Fails once the subscriber may no longer see what they subscribed to (checked with fresh credentials). */
const changedAccess = () => forbidden('Your access changed: subscribe again');

/** The subscriber's fresh context, if they still hold `action`. */
async function stillCan(ctx: Context, action: Action, target: Target, args: Record<string, unknown>): Promise<Context> {
  const fresh = await ctx.refresh();
  await assertCan(fresh, action, target, args);
  return fresh;
}

export async function subscribeUsageTicks(ctx: Context, organizationId: string, projectId: string | null) {
  const visible = await usageVisibility(ctx, organizationId, projectId);
  return ctx.app.live.subscribeUsage(ctx, organizationId, projectId, visible, async () => {
    const fresh = await ctx.refresh();
    if (!sameSet(await usageVisibility(fresh, organizationId, projectId), visible)) throw changedAccess();
    return fresh;
  });
}

export async function subscribeWallet(ctx: Context, organizationId: string) {
  await assertCan(ctx, 'organization.finance', ORG, { organizationId });
  return ctx.app.live.subscribeWallet(ctx, organizationId, () => stillCan(ctx, 'organization.finance', ORG, { organizationId }));
}

export async function subscribeQuota(ctx: Context, projectId: string) {
  await assertCan(ctx, 'project.view', PROJECT, { projectId });
  return ctx.app.live.subscribeQuota(ctx, projectId, () => stillCan(ctx, 'project.view', PROJECT, { projectId }));
}
