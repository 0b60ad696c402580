import { BulkInvite, Project, type EntityManager } from '@tollgate/db';
import { BulkInviteFailure, OrgRole, parseId, parseInviteCsv, type BulkInviteReportRecord, type BulkInviteRow } from '@tollgate/domain';
import { randomUUID } from 'node:crypto';
import type { Context } from '../../context';
import { recordAudit } from '../audit/audit.service';
import {
  blockedEmails,
  createInvitation,
  expireStaleInvitations,
  invitingContext,
  withPendingConflictAsError,
  type InvitationSpec,
  type InvitingContext,
} from './invitation.service';

const BLOCKED_REASON = {
  ALREADY_MEMBER: [BulkInviteFailure.ALREADY_MEMBER, 'Already a member of the organization'],
  ALREADY_INVITED: [BulkInviteFailure.ALREADY_INVITED, 'An invitation is already pending'],
} as const;

/**
 * Invites every good row of a CSV file and reports every other one. The file
 * is judged whole first (format, header, size, rows); then rows are checked
 * against members and pending invitations, so uploading the same file again
 * invites nobody twice.
 */
export async function bulkInviteMembers(ctx: Context, organizationId: string, csv: string) {
  const report = await withPendingConflictAsError(() =>
    ctx.em.transactional(async (em) => {
      const bulkInviteId = randomUUID();
      const records = await judgeRows(
        ctx,
        em,
        organizationId,
        csv,
        (inviting, spec) => createInvitation(ctx, em, inviting, { ...spec, bulkInviteId }).inviteUrl,
      );
      const successCount = records.filter((r) => r.status === 'SUCCESS').length;
      const bulk = em.create(BulkInvite, {
        id: bulkInviteId,
        organization: organizationId,
        createdBy: ctx.auth!.userId,
        status: 'COMPLETED',
        totalCount: records.length,
        successCount,
        failureCount: records.length - successCount,
        // Links are answered once and never stored.
        records: records.map((r) => ({ ...r, inviteUrl: null })),
      });
      recordAudit(
        ctx,
        {
          action: 'member.bulkInvite',
          organizationId,
          targetType: 'BulkInvite',
          targetId: bulk.id,
          after: { totalCount: bulk.totalCount, successCount, failureCount: bulk.failureCount },
        },
        em,
      );
      return { ...bulk, id: bulk.id, createdAt: bulk.createdAt, records };
    }),
  );
  void ctx.app.outbox.kick();
  return report;
}

/** What an upload would do, row by row, without doing it: SUCCESS means "would be invited". */
export async function previewBulkInvite(ctx: Context, organizationId: string, csv: string) {
  const records = await judgeRows(ctx, ctx.em, organizationId, csv, null);
  const successCount = records.filter((r) => r.status === 'SUCCESS').length;
  return {
    id: randomUUID(),
    status: 'PREVIEW',
    totalCount: records.length,
    successCount,
    failureCount: records.length - successCount,
    records,
    createdAt: new Date(),
  };
}

/** Parses the file and judges every row; `invite` is called for each row that passes and answers its link. */
async function judgeRows(
  ctx: Context,
  em: EntityManager,
  organizationId: string,
  csv: string,
  invite: ((inviting: InvitingContext, spec: InvitationSpec) => string) | null,
): Promise<BulkInviteReportRecord[]> {
  const dryRun = invite === null;
  const rows = parseInviteCsv(csv);
  const inviting = await invitingContext(ctx, em, organizationId);
  const emails = rows.filter((r) => !r.failure).map((r) => r.email);
  if (!dryRun) await expireStaleInvitations(em, organizationId, emails);
  const blocked = await blockedEmails(em, organizationId, emails);
  const projects = await projectsByName(em, organizationId, rows);
  return rows.map((row) => judgeRow(row, inviting, blocked, projects, (spec) => invite?.(inviting, spec) ?? null));
}

function judgeRow(
  row: BulkInviteRow,
  inviting: InvitingContext,
  blocked: Map<string, keyof typeof BLOCKED_REASON>,
  projects: Map<string, Project>,
  invite: (spec: InvitationSpec) => string | null,
): BulkInviteReportRecord {
  const failed = (code: BulkInviteFailure, reason: string): BulkInviteReportRecord => ({
    row: row.row,
    email: row.email,
    name: row.name,
    status: 'FAILED',
    code,
    reason,
    inviteUrl: null,
  });
  if (row.failure) return failed(row.failure, row.reason!);
  const block = blocked.get(row.email);
  if (block) return failed(BLOCKED_REASON[block][0], BLOCKED_REASON[block][1]);
  if (row.role === OrgRole.ADMIN && inviting.inviterRole !== OrgRole.ADMIN)
    return failed(BulkInviteFailure.ROLE_NOT_ALLOWED, 'Only an organization admin can invite admins');
  const project = row.project ? projects.get(row.project) : null;
  if (project === undefined) return failed(BulkInviteFailure.UNKNOWN_PROJECT, `No active project named "${row.project}"`);
  const inviteUrl = invite({ ...row, project, projectRole: row.projectRole });
  return { row: row.row, email: row.email, name: row.name, status: 'SUCCESS', code: null, reason: null, inviteUrl };
}

async function projectsByName(em: EntityManager, organizationId: string, rows: BulkInviteRow[]) {
  const names = [...new Set(rows.map((r) => r.project).filter((p): p is string => !!p))];
  const found = names.length ? await em.find(Project, { organization: organizationId, name: { $in: names }, status: 'ACTIVE' }) : [];
  return new Map(found.map((p) => [p.name, p]));
}

export async function findBulkInvite(ctx: Context, organizationId: string, id: string) {
  return ctx.em.findOne(BulkInvite, { id: parseId(id), organization: organizationId });
}
