import {
  balanceFallsBelow,
  balanceRearms,
  effectiveProjectQuota,
  organizationLimitsFromStored,
  organizationWatchedLimits,
  projectQuotaFromStored,
  projectWatchedLimits,
  quotaPeriodOf,
  sharesReached,
  spendReaches,
  zonedPeriodOf,
  type WatchedLimit,
} from '@tollgate/domain';
import type { NamedStatement, Queryable } from '../ledger/consumes';
import type { UsageEvent } from '../metering/usage-batch';
import { fireOnce, rulesFor, type RuleRow } from './fire';

/**
 * Alerts at the crossing, inside the usage batch's transaction (after its
 * request logs, rollups and Consume records): a wallet that fell below a
 * balance threshold, a project whose day's or month's spend reached an amount,
 * a quota reaching a share. Each figure's before and after come from a row
 * this transaction holds locked (the wallet, an alert counter), so batches of
 * several proxies see consecutive values and a crossing fires once.
 */
export async function detectUsageAlerts(db: Queryable, written: readonly UsageEvent[]): Promise<void> {
  if (!written.length) return;
  const organizations = [...new Set(written.map((e) => e.organizationId))];
  const projects = [...new Set(written.map((e) => e.projectId))];
  const rules = await rulesFor(db, organizations, projects);
  for (const rule of rules) {
    const events = written.filter((e) => e.organizationId === rule.organization_id && (rule.project_id === null || e.projectId === rule.project_id));
    if (!events.length) continue;
    if (rule.kind === 'BALANCE') await balanceAfterCharges(db, rule, events);
    else if (rule.kind === 'CONSUMPTION' && rule.project_id) await consumption(db, rule, events);
    else if (rule.kind === 'QUOTA') await quota(db, rule, events);
  }
}

const sum = (values: Iterable<bigint>) => [...values].reduce((a, b) => a + b, 0n);
const thresholdsOf = (rule: RuleRow) => rule.thresholds.map(BigInt);

const WALLET_BALANCE: NamedStatement = { name: 'tollgate_wallet_balance_v1', text: 'select balance::text from wallets where organization_id = $1' };

/** The balance rule after the batch's charges (the wallet row is locked by appendConsumes). */
async function balanceAfterCharges(db: Queryable, rule: RuleRow, events: readonly UsageEvent[]) {
  const charged = sum(events.map((e) => e.charge));
  if (charged <= 0n) return;
  const { rows } = await db.query<{ balance: string }>(WALLET_BALANCE, [rule.organization_id]);
  if (!rows[0]) return;
  const after = BigInt(rows[0].balance);
  await balanceMoved(db, rule, after + charged, after);
}

/** A balance move by the ledger or the calls: thresholds it fell below fire, those it rose to are re-armed. */
export async function balanceMoved(db: Queryable, rule: RuleRow, before: bigint, after: bigint): Promise<void> {
  const thresholds = thresholdsOf(rule);
  if (after > before) return rearm(db, rule, balanceRearms(after, thresholds));
  for (const threshold of balanceFallsBelow(before, after, thresholds)) {
    await fireOnce(db, rule, { threshold, periodKey: '', periodEnd: null, metric: '', value: after, limit: null });
  }
}

/** The thresholds fire again after the next fall below them: their state goes, their alerts are resolved. */
async function rearm(db: Queryable, rule: RuleRow, thresholds: readonly bigint[]) {
  if (!thresholds.length) return;
  await db.query(
    `with cleared as (delete from alert_states where rule_id = $1 and period_key = '' and threshold = any($2::bigint[]) returning alert_id)
     update alerts set resolved_at = now() where id in (select alert_id from cleared) and resolved_at is null`,
    [rule.id, thresholds.map(String)],
  );
}

/** Groups the batch's figure by the period each event falls in. */
function byPeriod(events: readonly UsageEvent[], periodOf: (t: Date) => { id: string; start: Date; end: Date }, figure: (e: UsageEvent) => bigint) {
  const periods = new Map<string, { start: Date; end: Date; added: bigint }>();
  for (const e of events) {
    const p = periodOf(e.time);
    const entry = periods.get(p.id) ?? { start: p.start, end: p.end, added: 0n };
    entry.added += figure(e);
    periods.set(p.id, entry);
  }
  return periods;
}

/**
 * Moves a rule's counter for a period by what this batch added, under the
 * row's lock, and answers the value after it. The first batch of a period
 * starts it from the rollups, which already hold this batch.
 */
async function moveCounter(
  db: Queryable,
  ruleId: string,
  periodKey: string,
  metric: string,
  added: bigint,
  initial: string,
  params: unknown[],
): Promise<bigint> {
  const { rows } = await db.query<{ value: string }>(
    `insert into alert_counters (rule_id, period_key, metric, value) select $1, $2, $3, (${initial})
     on conflict (rule_id, period_key, metric) do update set value = alert_counters.value + $4::bigint
     returning value::text`,
    [ruleId, periodKey, metric, added.toString(), ...params],
  );
  return BigInt(rows[0]!.value);
}

async function projectResetDay(db: Queryable, projectId: string): Promise<number> {
  const { rows } = await db.query<{ day: number | null }>(`select (quota ->> 'customResetDay')::int as day from projects where id = $1`, [projectId]);
  return rows[0]?.day ?? 1;
}

/** A project's spend in its natural day or month (organization's zone) against the rule's amounts. */
async function consumption(db: Queryable, rule: RuleRow, events: readonly UsageEvent[]) {
  const resetDay = rule.period === 'MONTH' ? await projectResetDay(db, rule.project_id!) : 1;
  const periods = byPeriod(
    events,
    (t) => zonedPeriodOf(rule.period!, rule.time_zone, t.getTime(), resetDay),
    (e) => e.cost,
  );
  for (const [periodKey, p] of periods) {
    if (p.added <= 0n) continue;
    const after = await moveCounter(
      db,
      rule.id,
      periodKey,
      'spend',
      p.added,
      'select coalesce(sum(cost), 0) from usage_quarter_hour where project_id = $5 and bucket >= $6 and bucket < $7',
      [rule.project_id, p.start, p.end],
    );
    for (const threshold of spendReaches(after - p.added, after, thresholdsOf(rule))) {
      await fireOnce(db, rule, { threshold, periodKey, periodEnd: p.end, metric: 'spend', value: after, limit: null });
    }
  }
}

const MEASURE_SQL: Record<WatchedLimit['measure'], string> = { requests: 'forwarded', tokens: 'input_tokens + output_tokens', money: 'cost' };
const measureOf = (measure: WatchedLimit['measure'], e: UsageEvent) =>
  measure === 'requests' ? (e.forwarded ? 1n : 0n) : measure === 'tokens' ? BigInt(e.inputTokens + e.outputTokens) : e.cost;

/** A project's (or the organization's) fixed-period limits against the rule's shares, counted as the limits engine counts them. */
async function quota(db: Queryable, rule: RuleRow, events: readonly UsageEvent[]) {
  const { rows } = await db.query<{ org_limits: Record<string, never> | null; quota: Record<string, never> | null }>(
    'select o.limits as org_limits, p.quota from organizations o left join projects p on p.id = $2 where o.id = $1',
    [rule.organization_id, rule.project_id],
  );
  const orgLimits = organizationLimitsFromStored(rows[0]?.org_limits);
  const projectQuota = rule.project_id ? effectiveProjectQuota(projectQuotaFromStored(rows[0]?.quota), orgLimits) : null;
  const watched = projectQuota ? projectWatchedLimits(projectQuota) : organizationWatchedLimits(orgLimits);
  const resetDay = projectQuota?.customResetDay ?? 1;
  const scope = rule.project_id ? 'project_id = $5' : 'organization_id = $5';
  const shares = rule.thresholds.map(Number);
  for (const limit of watched) {
    const periods = byPeriod(
      events,
      (t) => quotaPeriodOf(limit.period, t, resetDay),
      (e) => measureOf(limit.measure, e),
    );
    for (const [periodKey, p] of periods) {
      if (p.added <= 0n) continue;
      const after = await moveCounter(
        db,
        rule.id,
        periodKey,
        limit.metric,
        p.added,
        `select coalesce(sum(${MEASURE_SQL[limit.measure]}), 0) from usage_hourly where ${scope} and hour >= $6 and hour < $7`,
        [rule.project_id ?? rule.organization_id, p.start, p.end],
      );
      for (const share of sharesReached(after - p.added, after, limit.limit, shares)) {
        await fireOnce(db, rule, { threshold: BigInt(share), periodKey, periodEnd: p.end, metric: limit.metric, value: after, limit: limit.limit });
      }
    }
  }
}

/** Money came in or went out through the ledger (a recharge, a code, a refund, an adjustment): the balance rules see it. */
export async function detectLedgerAlerts(db: Queryable, organizationId: string, before: bigint, after: bigint): Promise<void> {
  if (before === after) return;
  for (const rule of await rulesFor(db, [organizationId], [], ['BALANCE'])) await balanceMoved(db, rule, before, after);
}
