import { emQueryable, ProjectMember, type EntityManager, type OutboxChannel, type OutboxStatus } from '@tollgate/db';
import {
  can,
  DomainError,
  ErrorCode,
  forbidden,
  formatMoney,
  invalid,
  notFound,
  parseInput,
  uuidSchema,
  type AlertKind,
  type AlertPeriod,
} from '@tollgate/domain';
import { z } from 'zod';
import type { Context } from '../../context';
import type { AlertDeliveryType, AlertPageType, AlertType } from './alerts.types';

/**
 * Which alerts of an organization a caller may see, the same for the history
 * and for alertFired: balance alerts with organization.alerts.manage (ADMIN,
 * FINANCE); the organization's own quota alerts with that or
 * organization.configure (those who set them); a project's alerts with
 * project.view on it (org ADMINs: every project).
 */
export interface AlertScope {
  balance: boolean;
  organization: boolean;
  /** The projects whose alerts they see; null: all of the organization's. */
  projects: ReadonlySet<string> | null;
}

/** The caller's scope in the organization: NOT_FOUND outside it, FORBIDDEN when it would show them nothing. */
export async function alertScope(ctx: Context, organizationId: string): Promise<AlertScope> {
  const actor = await ctx.access.actorInOrganization(organizationId);
  if (!actor?.orgRole) throw notFound('Organization');
  const balance = can(actor, 'organization.alerts.manage');
  const organization = balance || can(actor, 'organization.configure');
  let projects: Set<string> | null = null;
  if (!can({ ...actor, projectRole: null }, 'project.view')) {
    const memberships = await ctx.em.find(ProjectMember, { user: actor.userId, project: { organization: organizationId } });
    projects = new Set(memberships.filter((m) => can({ ...actor, projectRole: m.role }, 'project.view')).map((m) => m.project.id));
  }
  if (!balance && !organization && projects?.size === 0) throw forbidden('You may see no alerts of this organization');
  return { balance, organization, projects };
}

export const sameScope = (a: AlertScope, b: AlertScope) =>
  a.balance === b.balance &&
  a.organization === b.organization &&
  (a.projects === null || b.projects === null
    ? a.projects === b.projects
    : a.projects.size === b.projects.size && [...a.projects].every((p) => b.projects!.has(p)));

export function mayView(scope: AlertScope, alert: Pick<AlertType, 'projectId' | 'kind'>): boolean {
  if (alert.projectId) return scope.projects === null || scope.projects.has(alert.projectId);
  return alert.kind === 'BALANCE' ? scope.balance : scope.organization;
}

interface AlertRow {
  id: string;
  organization_id: string;
  project_id: string | null;
  project_name: string | null;
  kind: AlertKind;
  period: AlertPeriod | null;
  period_key: string;
  period_end: Date | null;
  metric: string | null;
  threshold: string;
  value: string;
  limit_value: string | null;
  message: string;
  fired_at: Date;
  /** fired_at to the microsecond, for cursors (a Date keeps milliseconds only). */
  fired_key: string;
  resolved_at: Date | null;
  suppressed: boolean;
  test: boolean;
}

const ALERT_COLUMNS = `a.id, a.organization_id, a.project_id, p.name as project_name, a.kind, a.period, a.period_key, a.period_end, a.metric,
  a.threshold::text, a.value::text, a.limit_value::text, a.message, a.fired_at,
  to_char(a.fired_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as fired_key, a.resolved_at, a.suppressed, a.test`;

/** "+41791234567" → "+41•••••••67": enough to tell one's phones apart, not to call them. */
export const maskPhone = (number: string) => (number.length > 6 ? `${number.slice(0, 3)}${'•'.repeat(number.length - 5)}${number.slice(-2)}` : '•••');

/** A webhook URL without its query and fragment, which may carry a token. */
function webhookTarget(url: string): string {
  if (!URL.canParse(url)) return url.split(/[?#]/)[0]!;
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

const maskTo = (channel: OutboxChannel, to: string) => (channel === 'SMS' ? maskPhone(to) : channel === 'WEBHOOK' ? webhookTarget(to) : to);

/** Money kinds and budgets read as decimal amounts; request and token counts as integers. */
function view(row: AlertRow, deliveries: AlertDeliveryType[], now: Date): AlertType {
  const money = row.kind !== 'QUOTA' || Boolean(row.metric?.endsWith('Budget'));
  const amount = (v: string) => (money ? formatMoney(BigInt(v)) : v);
  const periodOver = row.period_end !== null && new Date(row.period_end) <= now;
  // Rows come through em.execute: timestamps may arrive as strings.
  const resolvedAt = row.test ? new Date(row.fired_at) : row.resolved_at ? new Date(row.resolved_at) : periodOver ? new Date(row.period_end!) : null;
  return {
    id: row.id,
    organizationId: row.organization_id,
    projectId: row.project_id,
    projectName: row.project_name,
    kind: row.kind,
    period: row.period,
    periodKey: row.period_key || null,
    metric: row.metric,
    threshold: row.kind === 'QUOTA' ? row.threshold : formatMoney(BigInt(row.threshold)),
    value: amount(row.value),
    limitValue: row.limit_value === null ? null : amount(row.limit_value),
    message: row.message,
    firedAt: new Date(row.fired_at),
    resolvedAt,
    resolved: resolvedAt !== null,
    suppressed: row.suppressed,
    test: row.test,
    deliveries,
  };
}

/** The alerts' deliveries and their attempts: two queries for any number of alerts. */
async function withDeliveries(em: EntityManager, rows: AlertRow[]): Promise<AlertType[]> {
  if (!rows.length) return [];
  const db = emQueryable(em);
  const { rows: messages } = await db.query<{
    id: string;
    alert_id: string;
    channel: OutboxChannel;
    to: string;
    status: OutboxStatus;
    last_error: string | null;
    sent_at: Date | null;
  }>(
    `select id, alert_id, channel, "to", status, last_error, sent_at from outbox_messages where alert_id = any($1::uuid[]) order by channel, "to", created_at, id`,
    [rows.map((r) => r.id)],
  );
  const { rows: attempts } = messages.length
    ? await db.query<{ message_id: string; at: Date; status_code: number | null; latency_ms: number; error: string | null }>(
        'select message_id, at, status_code, latency_ms, error from outbox_attempts where message_id = any($1::uuid[]) order by at, id',
        [messages.map((m) => m.id)],
      )
    : { rows: [] };
  const now = new Date();
  return rows.map((row) =>
    view(
      row,
      messages
        .filter((m) => m.alert_id === row.id)
        .map((m) => ({
          id: m.id,
          channel: m.channel,
          to: maskTo(m.channel, m.to),
          status: m.status,
          lastError: m.last_error,
          sentAt: m.sent_at && new Date(m.sent_at),
          attempts: attempts
            .filter((a) => a.message_id === m.id)
            .map((a) => ({ at: new Date(a.at), statusCode: a.status_code, latencyMs: a.latency_ms, error: a.error })),
        })),
      now,
    ),
  );
}

/** One alert with its deliveries, as the system reads it (the caller's rights are checked by whoever asks). */
export async function readAlert(em: EntityManager, alertId: string): Promise<AlertType | null> {
  const { rows } = await emQueryable(em).query<AlertRow>(`select ${ALERT_COLUMNS} from alerts a left join projects p on p.id = a.project_id where a.id = $1`, [
    alertId,
  ]);
  return (await withDeliveries(em, rows))[0] ?? null;
}

const cursorOf = (row: AlertRow) => Buffer.from(`${row.fired_key}|${row.id}`).toString('base64url');

function decodeCursor(after: string): { firedAt: string; id: string } {
  const [at, id] = Buffer.from(after, 'base64url').toString('utf8').split('|');
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(at ?? '') || !uuidSchema.safeParse(id).success)
    throw invalid('after', 'after is not a cursor this query gave');
  return { firedAt: at!, id: id! };
}

/**
 * The organization's alerts the caller may see, newest first, each with its
 * deliveries: three queries a page. With a project, only that project's (a
 * project they may not see answers as one that does not exist).
 */
export async function listAlerts(ctx: Context, organizationId: string, projectId: string | null, first: number, after: string | null): Promise<AlertPageType> {
  const scope = await alertScope(ctx, organizationId);
  const limit = parseInput(z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100'), first, 'first');
  const cursor = after ? decodeCursor(after) : null;
  if (projectId) {
    const project = await ctx.access.findProject(parseInput(uuidSchema, projectId, 'projectId'));
    if (!project || project.organization.id !== organizationId || !mayView(scope, { projectId: project.id, kind: 'CONSUMPTION' })) {
      throw new DomainError(ErrorCode.NOT_FOUND, 'Project not found', { field: 'projectId' });
    }
  }
  const { rows } = await emQueryable(ctx.em).query<AlertRow>(
    `select ${ALERT_COLUMNS} from alerts a left join projects p on p.id = a.project_id
      where a.organization_id = $1 and ($2::uuid is null or a.project_id = $2::uuid)
        and ((a.project_id is null and a.kind = 'BALANCE' and $3::boolean) or (a.project_id is null and a.kind <> 'BALANCE' and $4::boolean)
             or (a.project_id is not null and ($5::boolean or a.project_id = any($6::uuid[]))))
        and ($7::timestamptz is null or (a.fired_at, a.id) < ($7::timestamptz, $8::uuid))
      order by a.fired_at desc, a.id desc limit $9`,
    [
      organizationId,
      projectId,
      scope.balance,
      scope.organization,
      scope.projects === null,
      [...(scope.projects ?? [])],
      cursor?.firedAt ?? null,
      cursor?.id ?? null,
      limit + 1,
    ],
  );
  const page = rows.slice(0, limit);
  return { nodes: await withDeliveries(ctx.em, page), endCursor: rows.length > limit ? cursorOf(page.at(-1)!) : null };
}
