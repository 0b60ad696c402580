import { AuditEvent, type EntityManager } from '@tollgate/db';
import type { Context } from '../../context';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  organizationId?: string | null;
  projectId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Defaults to the caller; set for sign-up, where the actor is the new user. */
  actorUserId?: string;
}

/**
 * Adds an audit event to the unit of work, so it commits in the same
 * transaction as the change it describes, or not at all. Pass the
 * transaction's EntityManager when inside one.
 */
export function recordAudit(ctx: Context, entry: AuditEntry, em: EntityManager = ctx.em): void {
  em.create(AuditEvent, {
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    organizationId: entry.organizationId ?? null,
    projectId: entry.projectId ?? null,
    before: jsonSafe(entry.before),
    after: jsonSafe(entry.after),
    actorUserId: entry.actorUserId ?? ctx.auth?.userId ?? null,
    actorTokenId: ctx.auth?.apiTokenId ?? null,
    ip: ctx.ip,
  });
}

/** bigint money and dates become strings so the snapshot is plain JSON. */
const jsonSafe = (value: Record<string, unknown> | null | undefined) =>
  value ? (JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))) as Record<string, unknown>) : null;
