import { formatMoney, isRateLimit, periodOf, resetDuration, retryAt, type LimitRule, type Metric } from '@tollgate/domain';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { isFixed, type Counter, type LimitStore, type Reservation } from './limit-store';

export type Amounts = Record<Metric, bigint>;

export type Admission =
  | { kind: 'admitted'; reservation: Reservation | null; headers: Record<string, string> }
  | { kind: 'refused'; rule: LimitRule; message: string; retryAfterSeconds: number; headers: Record<string, string> }
  | { kind: 'unavailable' };

const SCOPE_COLUMN = { organization: 'organization_id', project: 'project_id', key: 'api_key_id' } as const;
const METRIC_SUM = { requests: 'sum(forwarded)', tokens: 'sum(input_tokens + output_tokens)', money: 'sum(cost)' } as const;
const WINDOW_WORD = { minute: 'per-minute', hour: 'per-hour', day: 'daily', month: 'monthly' } as const;

/**
 * Checks a call against every limit that applies, all at once, and reserves
 * its estimated use; settles to the actual use afterwards. Day and month
 * counters the store lacks are rebuilt from the usage rollups first.
 */
export class Limiter {
  constructor(
    private readonly store: LimitStore,
    private readonly db: Pool,
    private readonly options: { failOpenRateLimits: boolean },
    private readonly logger: Logger,
  ) {}

  async admit(organizationId: string, rules: LimitRule[], amounts: Amounts, nowMs: number): Promise<Admission> {
    const now = new Date(nowMs);
    const counters = rules.map((rule) => counterOf(rule, amounts[rule.metric], now));
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        const outcome = await this.store.reserve(organizationId, counters, nowMs);
        if (outcome.kind === 'missing') {
          await Promise.all(outcome.indices.map((i) => this.rebuild(organizationId, rules[i]!, counters[i]!, now)));
          continue;
        }
        const headers = rateLimitHeaders(rules, counters, outcome.usage, now);
        if (outcome.kind === 'admitted') return { kind: 'admitted', reservation: outcome.reservation, headers };
        const rule = rules[outcome.index]!;
        const resetsAt = retryAt(rule.window, now, rule.resetDay);
        const used = outcome.usage[outcome.index]!;
        return {
          kind: 'refused', rule, headers,
          retryAfterSeconds: Math.max(1, Math.ceil((resetsAt.getTime() - nowMs) / 1000)),
          message: `${capitalise(rule.scope)} ${WINDOW_WORD[rule.window]} ${rule.metric === 'money' ? 'budget' : `${rule.metric} limit`} of ${format(rule, rule.limit)} reached ` +
            `(used ${format(rule, used)}, this call needs up to ${format(rule, counters[outcome.index]!.amount)}). It resets at ${resetsAt.toISOString()}.`,
        };
      }
      throw new Error('limit counters could not be rebuilt');
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'limit store unavailable');
      // Money never goes unchecked; pure rate limits follow the setting.
      if (!rules.some((r) => r.metric === 'money' || !isRateLimit(r)) && this.options.failOpenRateLimits) return { kind: 'admitted', reservation: null, headers: {} };
      return { kind: 'unavailable' };
    }
  }

  async settle(reservation: Reservation, actual: Amounts, metrics: Metric[]): Promise<void> {
    await this.store.settle(reservation, metrics.map((m) => actual[m])).catch((err) => this.logger.warn({ err: (err as Error).message }, 'settle failed; the reservation stands'));
  }

  /** Sums the period's usage from the hourly rollups and seeds the store with it. */
  private async rebuild(organizationId: string, rule: LimitRule, counter: Counter, now: Date) {
    const period = periodOf(rule.window as 'day' | 'month', now, rule.resetDay);
    const { rows } = await this.db.query<{ total: string | null }>(
      `select ${METRIC_SUM[rule.metric]}::text as total from usage_hourly where ${SCOPE_COLUMN[rule.scope]} = $1 and hour >= $2`,
      [rule.scopeId, period.start],
    );
    await this.store.seed(organizationId, counter, BigInt(rows[0]?.total ?? 0));
  }
}

function counterOf(rule: LimitRule, amount: bigint, now: Date): Counter {
  const key = `${rule.scope}:${rule.scopeId}:${rule.metric}:${rule.window}`;
  const limit = rule.enforce ? rule.limit : null;
  if (!isFixed(rule.window)) return { key, window: rule.window, limit, amount };
  const period = periodOf(rule.window as 'day' | 'month', now, rule.resetDay);
  return { key, window: rule.window, periodId: period.id, expiresAtMs: period.end.getTime() + 86_400_000, limit, amount };
}

/** OpenAI's x-ratelimit-* headers for the tightest enforced request and token limits. */
function rateLimitHeaders(rules: LimitRule[], counters: Counter[], usage: bigint[], now: Date): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [metric, suffix] of [['requests', 'requests'], ['tokens', 'tokens']] as const) {
    let tightest: { limit: bigint; remaining: bigint; rule: LimitRule } | null = null;
    rules.forEach((rule, i) => {
      if (rule.metric !== metric || !rule.enforce) return;
      const remaining = rule.limit - usage[i]! - counters[i]!.amount;
      if (!tightest || remaining < tightest.remaining) tightest = { limit: rule.limit, remaining, rule };
    });
    if (!tightest) continue;
    const { limit, remaining, rule } = tightest as { limit: bigint; remaining: bigint; rule: LimitRule };
    headers[`x-ratelimit-limit-${suffix}`] = limit.toString();
    headers[`x-ratelimit-remaining-${suffix}`] = (remaining > 0n ? remaining : 0n).toString();
    headers[`x-ratelimit-reset-${suffix}`] = resetDuration(retryAt(rule.window, now, rule.resetDay).getTime() - now.getTime());
  }
  return headers;
}

const capitalise = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const format = (rule: LimitRule, value: bigint) => (rule.metric === 'money' ? `$${formatMoney(value)}` : value.toString());
