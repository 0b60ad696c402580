import { formatMoney, renderMessage, type AlertKind, type AlertPeriod } from '@tollgate/domain';
import type { NamedStatement, Queryable } from '../ledger/consumes';

/** A rule as the detectors read it, with what its messages name. */
export interface RuleRow {
  id: string;
  organization_id: string;
  project_id: string | null;
  kind: AlertKind;
  period: AlertPeriod | null;
  thresholds: string[];
  email_enabled: boolean;
  sms_enabled: boolean;
  webhook_endpoint_id: string | null;
  message_template: string | null;
  max_daily_alerts: number | null;
  time_zone: string;
  organization_name: string;
  project_name: string | null;
}

/** One crossing to fire: the threshold, the period it fires once in, and the figures for the message. */
export interface Crossing {
  threshold: bigint;
  periodKey: string;
  periodEnd: Date | null;
  metric: string;
  value: bigint;
  limit: bigint | null;
  /** Sent by "send a test": not tied to a period, never suppressed. */
  test?: boolean;
}

export const ALERT_CHANNEL = 'tollgate_alerts';
export const OUTBOX_CHANNEL = 'tollgate_outbox';

const DEFAULT_TEMPLATES: Record<AlertKind, string> = {
  BALANCE: 'The balance of {organization} fell below {threshold}: {balance} left.',
  CONSUMPTION: '{project} ({organization}) has spent {spent} this {period}, reaching {threshold}.',
  QUOTA: '{project} ({organization}) has used {used} of its {metric} of {limit}: {threshold}%.',
};

function message(rule: RuleRow, c: Crossing): string {
  const money = rule.kind !== 'QUOTA' || c.metric.endsWith('Budget');
  const amount = (v: bigint) => (money ? formatMoney(v) : v.toString());
  const values: Record<string, string> = {
    organization: rule.organization_name,
    project: rule.project_name ?? rule.organization_name,
    period: rule.period === 'MONTH' || c.metric.startsWith('monthly') ? 'month' : 'day',
    threshold: rule.kind === 'QUOTA' ? c.threshold.toString() : formatMoney(c.threshold),
    balance: formatMoney(c.value),
    spent: formatMoney(c.value),
    used: amount(c.value),
    limit: c.limit === null ? '' : amount(c.limit),
    metric: c.metric,
  };
  return renderMessage(rule.message_template ?? DEFAULT_TEMPLATES[rule.kind], values);
}

/**
 * Fires a crossing once: the (rule, threshold, period, metric) state row is
 * unique, so of several transactions crossing together (two proxies' batches,
 * a batch and a recharge) only the first to commit fires, the others find the
 * row. The alert and its deliveries (outbox rows) are written in the same
 * transaction as the change that crossed; NOTIFY at commit wakes the
 * dispatchers and the live subscriptions. Answers the alert's id, or null.
 */
export async function fireOnce(db: Queryable, rule: RuleRow, c: Crossing): Promise<string | null> {
  const { rows } = c.test
    ? await db.query<{ alert_id: string }>('select gen_random_uuid() as alert_id')
    : await db.query<{ alert_id: string }>(
        `insert into alert_states (rule_id, threshold, period_key, metric, alert_id) values ($1, $2, $3, $4, gen_random_uuid())
         on conflict do nothing returning alert_id`,
        [rule.id, c.threshold.toString(), c.periodKey, c.metric],
      );
  const alertId = rows[0]?.alert_id;
  if (!alertId) return null;
  const suppressed = !c.test && rule.kind === 'BALANCE' && rule.max_daily_alerts !== null && (await firedToday(db, rule.id)) >= rule.max_daily_alerts;
  const text = message(rule, c);
  await db.query(
    `insert into alerts (id, organization_id, project_id, rule_id, kind, period, period_key, period_end, metric, threshold, value, limit_value, message, suppressed, test)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      alertId,
      rule.organization_id,
      rule.project_id,
      rule.id,
      rule.kind,
      rule.period,
      c.periodKey,
      c.periodEnd,
      c.metric || null,
      c.threshold.toString(),
      c.value.toString(),
      c.limit?.toString() ?? null,
      text,
      suppressed,
      c.test ?? false,
    ],
  );
  if (!suppressed) await enqueueDeliveries(db, rule, alertId, text, c);
  await db.query('select pg_notify($1, $2), pg_notify($3, $4)', [
    ALERT_CHANNEL,
    JSON.stringify({ organizationId: rule.organization_id, projectId: rule.project_id, alertId }),
    OUTBOX_CHANNEL,
    alertId,
  ]);
  return alertId;
}

/** The rule's alerts sent today (UTC), for maxDailyAlerts. */
async function firedToday(db: Queryable, ruleId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from alerts where rule_id = $1 and not suppressed and not test and fired_at >= date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'`,
    [ruleId],
  );
  return rows[0]!.n;
}

/**
 * Who hears of an alert: balance alerts the organization's ADMINs and FINANCE
 * members; project alerts the organization's ADMINs and the project's OWNERs;
 * an organization's quota alerts its ADMINs. SMS only to verified numbers.
 */
async function recipients(db: Queryable, rule: RuleRow): Promise<Array<{ email: string; mobile: string | null }>> {
  const { rows } = await db.query<{ email: string; mobile: string | null }>(
    `select u.email, case when u.mobile_verified_at is not null then u.mobile_number end as mobile
       from users u
      where u.id in (select m.user_id from organization_members m
                      where m.organization_id = $1 and m.status = 'ACTIVE' and (m.role = 'ADMIN' or ($2 and 'FINANCE' = any(m.grants))))
         or u.id in (select pm.user_id from project_members pm join organization_members m on m.user_id = pm.user_id and m.organization_id = $1 and m.status = 'ACTIVE'
                      where pm.project_id = $3 and pm.role = 'OWNER')
      order by u.email`,
    [rule.organization_id, rule.kind === 'BALANCE', rule.project_id],
  );
  return rows;
}

async function enqueueDeliveries(db: Queryable, rule: RuleRow, alertId: string, text: string, c: Crossing): Promise<void> {
  const to = await recipients(db, rule);
  const subject = `${c.test ? '[test] ' : ''}Tollgate alert: ${text}`.slice(0, 300);
  const rows: Array<[channel: string, to: string, subject: string, text: string, endpoint: string | null, payload: string | null]> = [];
  if (rule.email_enabled) for (const r of to) rows.push(['EMAIL', r.email, subject, text, null, null]);
  if (rule.sms_enabled) for (const r of to) if (r.mobile) rows.push(['SMS', r.mobile, subject, text, null, null]);
  if (rule.webhook_endpoint_id) {
    const payload = {
      type: c.test ? 'alert.test' : 'alert.fired',
      timestamp: new Date().toISOString(),
      data: {
        alertId,
        kind: rule.kind,
        organizationId: rule.organization_id,
        projectId: rule.project_id,
        period: rule.period,
        periodKey: c.periodKey || null,
        metric: c.metric || null,
        threshold: rule.kind === 'QUOTA' ? c.threshold.toString() : formatMoney(c.threshold),
        value: rule.kind === 'QUOTA' && !c.metric.endsWith('Budget') ? c.value.toString() : formatMoney(c.value),
        message: text,
      },
    };
    rows.push(['WEBHOOK', '', subject, text, rule.webhook_endpoint_id, JSON.stringify(payload)]);
  }
  if (!rows.length) return;
  await db.query(
    `insert into outbox_messages (id, channel, "to", subject, text, webhook_endpoint_id, payload, alert_id, organization_id)
     select gen_random_uuid(), t.channel::outbox_channel, coalesce(nullif(t.to, ''), e.url), t.subject, t.text, t.endpoint, t.payload::jsonb, $7, $8
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[]) as t(channel, "to", subject, text, endpoint, payload)
       left join webhook_endpoints e on e.id = t.endpoint
      where t.endpoint is null or (e.id is not null and e.disabled_at is null)`,
    [...[0, 1, 2, 3, 4, 5].map((i) => rows.map((r) => r[i])), alertId, rule.organization_id],
  );
}

const RULES_FOR: NamedStatement = {
  name: 'tollgate_rules_for_v1',
  text: `select r.id, r.organization_id, r.project_id, r.kind, r.period, r.thresholds::text[] as thresholds, r.email_enabled, r.sms_enabled,
                r.webhook_endpoint_id, r.message_template, r.max_daily_alerts, o.time_zone, o.display_name as organization_name, p.name as project_name
           from alert_rules r join organizations o on o.id = r.organization_id left join projects p on p.id = r.project_id
          where r.organization_id = any($1::uuid[]) and (r.project_id is null or r.project_id = any($2::uuid[])) and cardinality(r.thresholds) > 0
            and ($3::alert_kind[] is null or r.kind = any($3::alert_kind[]))`,
};

/** The rules watching these organizations and projects, with what their messages name. */
export async function rulesFor(
  db: Queryable,
  organizationIds: readonly string[],
  projectIds: readonly string[],
  kinds?: readonly AlertKind[],
): Promise<RuleRow[]> {
  const { rows } = await db.query<RuleRow & { thresholds: string[] }>(RULES_FOR, [organizationIds, projectIds, kinds ?? null]);
  return rows;
}
