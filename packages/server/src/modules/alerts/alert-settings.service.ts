import { emQueryable, fireOnce, rulesFor, WebhookEndpoint, type EntityManager, type RuleRow } from '@tollgate/db';
import {
  AlertKind,
  AlertPeriod,
  DEFAULT_MAX_DAILY_ALERTS,
  DomainError,
  effectiveProjectQuota,
  ErrorCode,
  formatMoney,
  invalid,
  organizationLimitsFromStored,
  organizationWatchedLimits,
  parseInput,
  parseMessageTemplate,
  parseMoneyThresholds,
  parseShares,
  projectQuotaFromStored,
  projectWatchedLimits,
  TEMPLATE_PLACEHOLDERS,
  uuidSchema,
} from '@tollgate/domain';
import { z } from 'zod';
import type { Context } from '../../context';
import { assertCan } from '../../graphql/can';
import { recordAudit } from '../audit/audit.service';
import { readAlert } from './alert-history.service';
import type {
  BalanceAlertSettingsType,
  BalanceAlertsInput,
  ConsumptionAlertSettingsType,
  ConsumptionAlertsInput,
  QuotaAlertSettingsType,
  QuotaAlertsInput,
  WebhookEndpointRefType,
} from './alerts.types';

/** A rule as stored, in the columns these settings read. */
interface StoredRule {
  id: string;
  period: AlertPeriod | null;
  thresholds: string[];
  email_enabled: boolean;
  sms_enabled: boolean;
  webhook_endpoint_id: string | null;
  message_template: string | null;
  max_daily_alerts: number | null;
}

/** What every kind's input holds besides its thresholds. */
interface ChannelsInput {
  emailEnabled: boolean;
  smsEnabled: boolean;
  webhookEndpointId?: string | null;
  messageTemplate?: string | null;
}

/** What every rule holds besides its thresholds, parsed. */
interface Channels {
  emailEnabled: boolean;
  smsEnabled: boolean;
  webhookEndpointId: string | null;
  messageTemplate: string | null;
}

async function storedRules(em: EntityManager, organizationId: string, projectId: string | null, kind: AlertKind): Promise<StoredRule[]> {
  const { rows } = await emQueryable(em).query<StoredRule>(
    `select id, period, thresholds::text[] as thresholds, email_enabled, sms_enabled, webhook_endpoint_id, message_template, max_daily_alerts
       from alert_rules where organization_id = $1 and project_id is not distinct from $2::uuid and kind = $3 order by period nulls first`,
    [organizationId, projectId, kind],
  );
  return rows;
}

const hostOf = (url: string) => (URL.canParse(url) ? new URL(url).host : url);

async function endpointRef(em: EntityManager, id: string | null): Promise<WebhookEndpointRefType | null> {
  if (!id) return null;
  const endpoint = await em.findOne(WebhookEndpoint, id);
  return endpoint && { id: endpoint.id, description: endpoint.description, host: hostOf(endpoint.url), disabled: endpoint.disabledAt != null };
}

/** The channels of the first stored rule, or the defaults (email on) when none is stored yet. */
async function channelsView(em: EntityManager, kind: AlertKind, rule: StoredRule | undefined) {
  return {
    emailEnabled: rule?.email_enabled ?? true,
    smsEnabled: rule?.sms_enabled ?? false,
    webhookEndpointId: rule?.webhook_endpoint_id ?? null,
    webhookEndpoint: await endpointRef(em, rule?.webhook_endpoint_id ?? null),
    messageTemplate: rule?.message_template ?? null,
    placeholders: [...TEMPLATE_PLACEHOLDERS[kind]],
  };
}

const channelsInput = z.object({
  emailEnabled: z.boolean(),
  smsEnabled: z.boolean(),
  webhookEndpointId: uuidSchema.nullish(),
});

/** Checks the channel fields every kind shares; the endpoint must be the organization's (another's answers as a missing one). */
async function parseChannels(em: EntityManager, organizationId: string, kind: AlertKind, input: ChannelsInput): Promise<Channels> {
  const { emailEnabled, smsEnabled, webhookEndpointId } = parseInput(channelsInput, input);
  const messageTemplate = parseMessageTemplate(input.messageTemplate, kind);
  if (webhookEndpointId && !(await em.count(WebhookEndpoint, { id: webhookEndpointId, organizationId }))) {
    throw new DomainError(ErrorCode.NOT_FOUND, 'Webhook endpoint not found', { field: 'webhookEndpointId' });
  }
  return { emailEnabled, smsEnabled, webhookEndpointId: webhookEndpointId ?? null, messageTemplate };
}

/**
 * Writes a scope's rule (one per organization, project, kind and period: the
 * unique index decides between concurrent first saves) and answers it as it
 * was before, for the audit.
 */
async function saveRule(
  em: EntityManager,
  scope: { organizationId: string; projectId: string | null; kind: AlertKind; period: AlertPeriod | null },
  thresholds: readonly (bigint | number)[],
  channels: Channels,
  maxDailyAlerts: number | null,
): Promise<{ id: string; before: StoredRule | null }> {
  const db = emQueryable(em);
  const { rows: before } = await db.query<StoredRule>(
    `select id, period, thresholds::text[] as thresholds, email_enabled, sms_enabled, webhook_endpoint_id, message_template, max_daily_alerts
       from alert_rules where organization_id = $1 and project_id is not distinct from $2::uuid and kind = $3 and period is not distinct from $4::alert_period
       for update`,
    [scope.organizationId, scope.projectId, scope.kind, scope.period],
  );
  const { rows } = await db.query<{ id: string }>(
    `insert into alert_rules (id, organization_id, project_id, kind, period, thresholds, email_enabled, sms_enabled, webhook_endpoint_id, message_template, max_daily_alerts)
     values (gen_random_uuid(), $1, $2, $3, $4, $5::bigint[], $6, $7, $8, $9, $10)
     on conflict (organization_id, project_id, kind, period) do update set thresholds = excluded.thresholds, email_enabled = excluded.email_enabled,
       sms_enabled = excluded.sms_enabled, webhook_endpoint_id = excluded.webhook_endpoint_id, message_template = excluded.message_template,
       max_daily_alerts = excluded.max_daily_alerts, updated_at = now()
     returning id`,
    [
      scope.organizationId,
      scope.projectId,
      scope.kind,
      scope.period,
      thresholds.map(String),
      channels.emailEnabled,
      channels.smsEnabled,
      channels.webhookEndpointId,
      channels.messageTemplate,
      maxDailyAlerts,
    ],
  );
  return { id: rows[0]!.id, before: before[0] ?? null };
}

const auditView = (rule: StoredRule | null) =>
  rule && {
    thresholds: rule.thresholds,
    emailEnabled: rule.email_enabled,
    smsEnabled: rule.sms_enabled,
    webhookEndpointId: rule.webhook_endpoint_id,
    messageTemplate: rule.message_template,
    maxDailyAlerts: rule.max_daily_alerts,
  };

// —— Balance ——

export async function balanceAlerts(ctx: Context, organizationId: string, em: EntityManager = ctx.em): Promise<BalanceAlertSettingsType> {
  const [rule] = await storedRules(em, organizationId, null, AlertKind.BALANCE);
  return {
    organizationId,
    thresholds: (rule?.thresholds ?? []).map(BigInt),
    maxDailyAlerts: rule ? rule.max_daily_alerts : DEFAULT_MAX_DAILY_ALERTS,
    ...(await channelsView(em, AlertKind.BALANCE, rule)),
  };
}

const maxDailyInput = z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100').nullable();

/**
 * Replaces the organization's balance alerts. A threshold the balance is
 * already below counts as fired (its state row is written, as a fall would
 * write it): the fall happened before, so only a rise above it and the next
 * fall alert. Thresholds taken away lose their state and their open alerts
 * are resolved. The wallet row is locked meanwhile, so no charge crosses
 * between reading the balance and writing the states.
 */
export async function setBalanceAlerts(ctx: Context, organizationId: string, input: BalanceAlertsInput): Promise<BalanceAlertSettingsType> {
  const thresholds = parseMoneyThresholds(input.thresholds.map(formatMoney), 'thresholds');
  const maxDailyAlerts = parseInput(maxDailyInput, input.maxDailyAlerts ?? null, 'maxDailyAlerts');
  return ctx.em.transactional(async (em) => {
    const channels = await parseChannels(em, organizationId, AlertKind.BALANCE, input);
    const db = emQueryable(em);
    const { rows: wallet } = await db.query<{ balance: string }>('select balance::text from wallets where organization_id = $1 for update', [organizationId]);
    const { id, before } = await saveRule(em, { organizationId, projectId: null, kind: AlertKind.BALANCE, period: null }, thresholds, channels, maxDailyAlerts);
    await db.query(
      `with gone as (delete from alert_states where rule_id = $1 and period_key = '' and not (threshold = any($2::bigint[])) returning alert_id)
       update alerts set resolved_at = now() where id in (select alert_id from gone) and resolved_at is null`,
      [id, thresholds.map(String)],
    );
    if (wallet[0]) {
      const balance = BigInt(wallet[0].balance);
      const below = thresholds.filter((t) => balance < t);
      if (below.length) {
        await db.query(
          `insert into alert_states (rule_id, threshold, period_key, metric, alert_id) select $1, t, '', '', gen_random_uuid() from unnest($2::bigint[]) as t
           on conflict do nothing`,
          [id, below.map(String)],
        );
      }
    }
    recordAudit(
      ctx,
      {
        action: 'alerts.setBalance',
        organizationId,
        targetType: 'AlertRule',
        targetId: id,
        before: auditView(before),
        after: { thresholds: thresholds.map(String), ...channels, maxDailyAlerts },
      },
      em,
    );
    return balanceAlerts(ctx, organizationId, em);
  });
}

// —— Consumption ——

export async function consumptionAlerts(ctx: Context, projectId: string, em: EntityManager = ctx.em): Promise<ConsumptionAlertSettingsType> {
  const project = (await ctx.access.findProject(projectId))!;
  const rules = await storedRules(em, project.organization.id, projectId, AlertKind.CONSUMPTION);
  const of = (period: AlertPeriod) => (rules.find((r) => r.period === period)?.thresholds ?? []).map(BigInt);
  return {
    projectId,
    dailyAmounts: of(AlertPeriod.DAY),
    monthlyAmounts: of(AlertPeriod.MONTH),
    ...(await channelsView(em, AlertKind.CONSUMPTION, rules[0])),
  };
}

/** Replaces the project's daily and monthly spend alerts: two rules (DAY, MONTH) with the same channels. */
export async function setConsumptionAlerts(ctx: Context, projectId: string, input: ConsumptionAlertsInput): Promise<ConsumptionAlertSettingsType> {
  const daily = parseMoneyThresholds(input.dailyAmounts.map(formatMoney), 'dailyAmounts');
  const monthly = parseMoneyThresholds(input.monthlyAmounts.map(formatMoney), 'monthlyAmounts');
  const project = (await ctx.access.findProject(projectId))!;
  const organizationId = project.organization.id;
  return ctx.em.transactional(async (em) => {
    const channels = await parseChannels(em, organizationId, AlertKind.CONSUMPTION, input);
    const scope = { organizationId, projectId, kind: AlertKind.CONSUMPTION };
    const day = await saveRule(em, { ...scope, period: AlertPeriod.DAY }, daily, channels, null);
    const month = await saveRule(em, { ...scope, period: AlertPeriod.MONTH }, monthly, channels, null);
    recordAudit(
      ctx,
      {
        action: 'alerts.setConsumption',
        organizationId,
        projectId,
        targetType: 'Project',
        targetId: projectId,
        before: day.before || month.before ? { daily: auditView(day.before), monthly: auditView(month.before) } : null,
        after: { dailyAmounts: daily.map(String), monthlyAmounts: monthly.map(String), ...channels },
      },
      em,
    );
    return consumptionAlerts(ctx, projectId, em);
  });
}

// —— Quota ——

export async function quotaAlerts(ctx: Context, organizationId: string, projectId: string | null, em: EntityManager = ctx.em): Promise<QuotaAlertSettingsType> {
  const [rule] = await storedRules(em, organizationId, projectId, AlertKind.QUOTA);
  return { organizationId, projectId, shares: (rule?.thresholds ?? []).map(Number), ...(await channelsView(em, AlertKind.QUOTA, rule)) };
}

export const projectQuotaAlerts = async (ctx: Context, projectId: string) =>
  quotaAlerts(ctx, (await ctx.access.findProject(projectId))!.organization.id, projectId);

/** Replaces the quota alerts of a project, or (projectId null) of the organization's own limits. */
export async function setQuotaAlerts(ctx: Context, organizationId: string, projectId: string | null, input: QuotaAlertsInput): Promise<QuotaAlertSettingsType> {
  const shares = parseShares(input.shares, 'shares');
  return ctx.em.transactional(async (em) => {
    const channels = await parseChannels(em, organizationId, AlertKind.QUOTA, input);
    const { id, before } = await saveRule(em, { organizationId, projectId, kind: AlertKind.QUOTA, period: null }, shares, channels, null);
    recordAudit(
      ctx,
      {
        action: 'alerts.setQuota',
        organizationId,
        projectId,
        targetType: 'AlertRule',
        targetId: id,
        before: auditView(before),
        after: { shares, ...channels },
      },
      em,
    );
    return quotaAlerts(ctx, organizationId, projectId, em);
  });
}

export const setProjectQuotaAlerts = async (ctx: Context, projectId: string, input: QuotaAlertsInput) =>
  setQuotaAlerts(ctx, (await ctx.access.findProject(projectId))!.organization.id, projectId, input);

// —— Test ——

/** Who may send a test of a kind of alert: those who may set it. */
async function assertMayTest(ctx: Context, organizationId: string, projectId: string | null, kind: AlertKind): Promise<void> {
  if (kind === AlertKind.BALANCE) {
    if (projectId) throw invalid('projectId', 'Balance alerts belong to the organization: leave projectId out');
    await assertCan(ctx, 'organization.alerts.manage', { organization: 'organizationId' }, { organizationId }, { writes: true });
  } else if (!projectId) {
    if (kind === AlertKind.CONSUMPTION) throw invalid('projectId', 'Consumption alerts belong to a project: give its projectId');
    await assertCan(ctx, 'organization.configure', { organization: 'organizationId' }, { organizationId }, { writes: true });
  } else {
    const project = await ctx.access.findProject(parseInput(uuidSchema, projectId, 'projectId'));
    if (!project || project.organization.id !== organizationId) throw new DomainError(ErrorCode.NOT_FOUND, 'Project not found', { field: 'projectId' });
    await assertCan(ctx, 'project.configure', { project: 'projectId' }, { projectId }, { writes: true });
  }
}

/** Figures for a test message that read like a real one: the balance now, a spend at the threshold, a share of the first watched limit. */
async function testCrossing(em: EntityManager, rule: RuleRow) {
  const threshold = BigInt(rule.thresholds[rule.kind === AlertKind.QUOTA ? 0 : rule.thresholds.length - 1]!);
  const base = { threshold, periodKey: '', periodEnd: null, test: true as const };
  if (rule.kind === AlertKind.BALANCE) {
    const { rows } = await emQueryable(em).query<{ balance: string }>('select balance::text from wallets where organization_id = $1', [rule.organization_id]);
    return { ...base, metric: '', value: rows[0] ? BigInt(rows[0].balance) : threshold - 1n, limit: null };
  }
  if (rule.kind === AlertKind.CONSUMPTION) return { ...base, metric: 'spend', value: threshold, limit: null };
  const { rows } = await emQueryable(em).query<{ limits: Record<string, never> | null; quota: Record<string, never> | null }>(
    'select o.limits, p.quota from organizations o left join projects p on p.id = $2::uuid where o.id = $1',
    [rule.organization_id, rule.project_id],
  );
  const orgLimits = organizationLimitsFromStored(rows[0]?.limits);
  const watched = rule.project_id
    ? projectWatchedLimits(effectiveProjectQuota(projectQuotaFromStored(rows[0]?.quota), orgLimits))
    : organizationWatchedLimits(orgLimits);
  const limit = watched[0] ?? { metric: rule.project_id ? 'dailyRequestLimit' : 'rpd', limit: 100n };
  return { ...base, metric: limit.metric, value: (limit.limit * threshold) / 100n, limit: limit.limit };
}

/**
 * Sends a test alert through a rule's channels now (emails, SMS, webhook),
 * recorded in the history as a test: it has no period, is never suppressed
 * and does not count towards maxDailyAlerts. The rule needs a threshold.
 */
export async function sendTestAlert(ctx: Context, organizationId: string, projectId: string | null, kind: AlertKind, period: AlertPeriod | null) {
  await assertMayTest(ctx, organizationId, projectId, kind);
  const alertId = await ctx.em.transactional(async (em) => {
    const db = emQueryable(em);
    const rules = (await rulesFor(db, [organizationId], projectId ? [projectId] : [], [kind])).filter((r) => r.project_id === projectId);
    const wanted = kind === AlertKind.CONSUMPTION ? [period ?? AlertPeriod.DAY, ...(period ? [] : [AlertPeriod.MONTH])] : [null];
    const rule = wanted.map((p) => rules.find((r) => r.period === p)).find(Boolean);
    if (!rule) throw invalid('kind', `Set at least one threshold for these ${kind.toLowerCase()} alerts before sending a test`);
    const id = await fireOnce(db, rule, await testCrossing(em, rule));
    recordAudit(ctx, { action: 'alerts.test', organizationId, projectId, targetType: 'Alert', targetId: id, after: { kind, period: rule.period } }, em);
    return id!;
  });
  void ctx.app.outbox.kick();
  return (await readAlert(ctx.em, alertId))!;
}
