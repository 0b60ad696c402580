import { Organization, Project, RequestLog } from '@tollgate/db';
import { can } from '@tollgate/domain';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { once, type Context } from '../../context';
import { Can } from '../../graphql/can';
import { OrganizationType } from '../organization/organization.types';
import { AuditContentPolicy, AuditContentSettingType, RequestLogFilter, RequestLogPageType, RequestLogType } from './request-log.types';
import { listRequestLogs, setAuditContentPolicy } from './request-log.service';

@Resolver(() => RequestLogType)
export class RequestLogResolver {
  @Query(() => RequestLogPageType, { description: "The project's calls through the proxy, newest first." })
  @Can('project.view', { project: 'projectId' })
  requestLogs(
    @Arg('projectId', () => ID) projectId: string,
    @Arg('filter', () => RequestLogFilter, { nullable: true }) filter: RequestLogFilter | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return listRequestLogs(ctx, projectId, filter ?? {}, first, after ?? null);
  }

  @Mutation(() => OrganizationType, { description: 'What the proxy keeps of each call, and for how many days.' })
  @Can('organization.configure', { organization: 'organizationId' })
  setAuditContentPolicy(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('policy', () => AuditContentPolicy) policy: AuditContentPolicy,
    @Arg('retentionDays', () => Int, { defaultValue: 30 }) retentionDays: number,
    @Ctx() ctx: Context,
  ) {
    return setAuditContentPolicy(ctx, organizationId, { policy, retentionDays });
  }

  @FieldResolver(() => GraphQLJSONObject, {
    nullable: true,
    description: "Stored only as the organization's policy allows; shown to project owners and admins.",
  })
  async content(@Root() row: RequestLog, @Ctx() ctx: Context) {
    if (!row.content) return null;
    const mayRead = await once(ctx, `audit:${row.projectId}`, async () => {
      const project = await ctx.em.findOne(Project, row.projectId);
      const actor = project ? await ctx.access.actorInProject(project) : null;
      return !!actor && can(actor, 'project.audit.view');
    });
    return mayRead ? row.content : null;
  }
}

@Resolver(() => OrganizationType)
export class OrganizationAuditContentResolver {
  @FieldResolver(() => AuditContentSettingType)
  auditContent(@Root() organization: Organization): AuditContentSettingType {
    return { policy: organization.auditContentPolicy, retentionDays: organization.auditContentRetentionDays };
  }
}
