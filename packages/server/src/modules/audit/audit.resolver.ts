import { AuditEvent } from '@tollgate/db';
import { parseInput } from '@tollgate/domain';
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { z } from 'zod';
import type { Context } from '../../context';
import { Can } from '../../graphql/can';
import { AuditEventType } from './audit.types';

const limitSchema = z.number().int().min(1, 'must be at least 1').max(500, 'must be at most 500');

@Resolver()
export class AuditResolver {
  @Query(() => [AuditEventType], { description: "The organization's audit trail, newest first." })
  @Can('organization.audit.view', { organization: 'organizationId' })
  auditEvents(@Arg('organizationId', () => ID) organizationId: string, @Arg('limit', () => Int, { defaultValue: 100 }) limit: number, @Ctx() ctx: Context) {
    return ctx.em.find(AuditEvent, { organizationId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: parseInput(limitSchema, limit, 'limit') });
  }

  @Query(() => [AuditEventType], { description: "One project's audit trail, newest first." })
  @Can('project.audit.view', { project: 'projectId' })
  projectAuditEvents(@Arg('projectId', () => ID) projectId: string, @Arg('limit', () => Int, { defaultValue: 100 }) limit: number, @Ctx() ctx: Context) {
    return ctx.em.find(AuditEvent, { projectId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: parseInput(limitSchema, limit, 'limit') });
  }
}
