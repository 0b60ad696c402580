import { emQueryable, maintainRequestLogPartitions, Organization, RequestLog, type PartitionLogger } from '@tollgate/db';
import { AuditContentPolicy, invalid, MAX_CONTENT_RETENTION_DAYS, parseId, parseInput } from '@tollgate/domain';
import { z } from 'zod';
import type { Context } from '../../context';
import { recordAudit } from '../audit/audit.service';

const filterInput = z.object({
  apiKeyId: z.uuid({ message: 'must be a valid id' }).nullish(),
  model: z.string().max(100).nullish(),
  outcome: z.enum(['SUCCESS', 'ERROR']).nullish(),
  status: z.number().int().min(100).max(599).nullish(),
  from: z.date().nullish(),
  to: z.date().nullish(),
});

/** Keyset cursor over (time, id), newest first: stable while new rows arrive. */
const encodeCursor = (row: RequestLog) => Buffer.from(`${row.time.toISOString()}|${row.id}`).toString('base64url');
function decodeCursor(cursor: string): { time: Date; id: string } {
  const [time, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const parsed = new Date(time ?? '');
  if (Number.isNaN(parsed.getTime()) || !id) throw invalid('after', 'after is not a cursor this query gave');
  return { time: parsed, id: parseId(id, 'after') };
}

export async function listRequestLogs(ctx: Context, projectId: string, rawFilter: z.input<typeof filterInput>, first: number, after: string | null) {
  const filter = parseInput(filterInput, rawFilter, 'filter');
  const limit = parseInput(z.number().int().min(1, 'must be at least 1').max(500, 'must be at most 500'), first, 'first');
  const cursor = after ? decodeCursor(after) : null;
  const where = {
    projectId,
    ...(filter.apiKeyId ? { apiKeyId: filter.apiKeyId } : {}),
    ...(filter.model ? { model: filter.model } : {}),
    ...(filter.status ? { status: filter.status } : filter.outcome ? { status: filter.outcome === 'SUCCESS' ? { $lt: 400 } : { $gte: 400 } } : {}),
    ...(filter.from || filter.to ? { time: { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) } } : {}),
    ...(cursor ? { $or: [{ time: { $lt: cursor.time } }, { time: cursor.time, id: { $lt: cursor.id } }] } : {}),
  };
  const rows = await ctx.em.find(RequestLog, where, { orderBy: { time: 'desc', id: 'desc' }, limit: limit + 1 });
  const nodes = rows.slice(0, limit);
  return { nodes, endCursor: rows.length > limit ? encodeCursor(nodes.at(-1)!) : null };
}

const settingInput = z.object({
  policy: z.enum(AuditContentPolicy),
  retentionDays: z.number().int().min(1, 'must be at least 1').max(MAX_CONTENT_RETENTION_DAYS, `must be at most ${MAX_CONTENT_RETENTION_DAYS}`),
});

/**
 * Sets what the proxy keeps of each call. Narrowing the policy erases what it
 * no longer allows: NONE erases all stored content, METADATA erases full texts.
 */
export async function setAuditContentPolicy(ctx: Context, organizationId: string, input: z.input<typeof settingInput>) {
  const { policy, retentionDays } = parseInput(settingInput, input);
  return ctx.em.transactional(async (em) => {
    const organization = await em.findOneOrFail(Organization, organizationId);
    recordAudit(
      ctx,
      {
        action: 'organization.setAuditContentPolicy',
        organizationId,
        targetType: 'Organization',
        targetId: organizationId,
        before: { policy: organization.auditContentPolicy, retentionDays: organization.auditContentRetentionDays },
        after: { policy, retentionDays },
      },
      em,
    );
    Object.assign(organization, { auditContentPolicy: policy, auditContentRetentionDays: retentionDays });
    if (policy === AuditContentPolicy.NONE) await em.nativeUpdate(RequestLog, { organizationId, content: { $ne: null } }, { content: null });
    if (policy === AuditContentPolicy.METADATA)
      await em.execute(`update request_logs set content = null where organization_id = ? and content -> 'response' is not null`, [organizationId]);
    return organization;
  });
}

/** Erases stored content past each organization's retention; run periodically. */
export async function eraseExpiredContent(em: Context['em']): Promise<number> {
  const rows = await em.execute<Array<{ id: string }>>(
    `update request_logs r set content = null from organizations o
      where r.organization_id = o.id and r.content is not null and r.time < now() - make_interval(days => o.audit_content_retention_days)
      returning r.id`,
  );
  return rows.length;
}

/**
 * The request log's month partitions (db's request-log-partitions.ts): this month's and the next
 * made ahead, and with an installation retention (REQUEST_LOG_RETENTION_DAYS) the months past it
 * dropped whole; the rollups keep their totals. Run hourly, beside the content retention.
 */
export function maintainRequestLogs(em: Context['em'], retentionDays: number | null, logger: PartitionLogger, now = new Date()) {
  return maintainRequestLogPartitions((work) => em.fork().transactional((tx) => work(emQueryable(tx))), retentionDays, logger, now);
}
