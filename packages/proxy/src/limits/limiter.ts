import {
  bucketOf,
  formatMoney,
  isRateLimit,
  periodOf,
  resetDuration,
  ROLLING,
  type LimitRule,
  type LimitWindow,
  type Metric,
  type RefusalCode,
} from '@tollgate/domain';
import { periodUsage, type LivePublisher } from '@tollgate/db';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { UNCOUNTED, type ErrorCounts } from '../metrics';
import { isFixed, isUsageJournal, type Counter, type LimitStore, type Reservation } from './limit-store';
import { walletCounters, WalletSync } from './wallet';

export type Amounts = Record<Metric, bigint>;

/** What an admitted call holds until it settles. */
export interface Hold {
  organizationId: string;
  reservation: Reservation;
  /** The rules it was checked against, in counter order. */
  rules: LimitRule[];
  /** The call reserved in its organization's wallet too (after the rules' counters). */
  wallet: boolean;
  /** The money it reserved: the most it can be charged. */
  reservedMoney: bigint;
}

/** A call to check: its organization, the rules it must fit in, what it may use at most, and whether its organization's wallet pays. */
export interface AdmissionRequest {
  organizationId: string;
  rules: LimitRule[];
  amounts: Amounts;
  nowMs: number;
  wallet: boolean;
}

/** What refused a call: a limit (a rate limit, or a quota or budget), or the wallet's available money. */
export type Refuser = { kind: 'limit'; rule: LimitRule; rateLimited: boolean } | { kind: 'wallet' };

export type Admission =
  /** hold: null when admitted unchecked (the store down, rate limits set to fail open). */
  | { kind: 'admitted'; hold: Hold | null; headers: Record<string, string> }
  | { kind: 'refused'; by: Refuser; code: RefusalCode; message: string; retryAfterSeconds: number | null; headers: Record<string, string> }
  | { kind: 'unavailable' };

const WINDOW_WORD = { minute: 'per-minute', hour: 'per-hour', day: 'daily', month: 'monthly' } as const;

/**
 * Checks a call against every limit that applies, all at once, and reserves
 * its estimated use; settles to the actual use afterwards. Day and month
 * counters the store lacks are rebuilt from the usage rollups first.
 *
 * Rules are treated as immutable (keys.ts builds new ones when a limit
 * changes): what a rule's counter is called, and its current period, are
 * worked out once per rule and reused by every call (see stateOf).
 */
export class Limiter {
  /** Prepaid wallets' counters in the same store: seeding, money in, frozen amounts. */
  readonly wallets: WalletSync;

  constructor(
    private readonly store: LimitStore,
    private readonly db: Pool,
    private readonly options: { failOpenRateLimits: boolean; live?: LivePublisher | null; errors?: ErrorCounts },
    private readonly logger: Logger,
  ) {
    this.wallets = new WalletSync(store, db, logger, options.live ?? null);
  }

  /** Checks and reserves the call's amounts against its rules and, for a prepaid organization (`wallet`), against its wallet. */
  async admit({ organizationId, rules, amounts, nowMs, wallet }: AdmissionRequest): Promise<Admission> {
    const n = rules.length;
    const states = new Array<RuleState>(n);
    const counters = new Array<Counter>(n);
    for (let i = 0; i < n; i++) {
      const rule = rules[i]!;
      const state = (states[i] = stateOf(rule, organizationId, nowMs));
      counters[i] = {
        key: state.key,
        window: rule.window,
        periodId: state.periodId,
        expiresAtMs: state.expiresAtMs,
        limit: rule.enforce ? rule.limit : null,
        amount: amounts[rule.metric],
      };
    }
    if (wallet) counters.push(...walletCounters(amounts.money));
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        const outcome = await this.store.reserve(organizationId, counters, nowMs);
        if (outcome.kind === 'missing') {
          const rebuilds = outcome.indices.filter((i) => i < n).map((i) => this.rebuild(organizationId, rules[i]!, counters[i]!, nowMs));
          if (outcome.indices.some((i) => i >= n)) rebuilds.push(this.wallets.seed(organizationId));
          await Promise.all(rebuilds);
          continue;
        }
        const headers = rateLimitHeaders(rules, states, counters, outcome.usage, nowMs);
        if (outcome.kind === 'admitted') {
          if (wallet) this.wallets.touched(organizationId);
          return { kind: 'admitted', headers, hold: { organizationId, reservation: outcome.reservation, rules, wallet, reservedMoney: amounts.money } };
        }
        if (outcome.index >= n) {
          const available = -outcome.usage[outcome.index]!;
          return {
            kind: 'refused',
            by: { kind: 'wallet' },
            code: 'wallet_insufficient_funds',
            retryAfterSeconds: null,
            headers,
            message: `The organization's wallet has $${formatMoney(available > 0n ? available : 0n)} available and this call needs up to $${formatMoney(amounts.money)}. Add funds to continue.`,
          };
        }
        const rule = rules[outcome.index]!;
        const resetsAtMs = resetAtMs(rule.window, states[outcome.index]!, nowMs);
        const used = outcome.usage[outcome.index]!;
        return {
          kind: 'refused',
          by: { kind: 'limit', rule, rateLimited: isRateLimit(rule) },
          code: rule.code,
          headers,
          retryAfterSeconds: Math.max(1, Math.ceil((resetsAtMs - nowMs) / 1000)),
          message:
            `${capitalise(rule.scope)} ${WINDOW_WORD[rule.window]} ${rule.metric === 'money' ? 'budget' : `${rule.metric} limit`} of ${format(rule, rule.limit)} reached ` +
            `(used ${format(rule, used)}, this call needs up to ${format(rule, counters[outcome.index]!.amount)}). It resets at ${new Date(resetsAtMs).toISOString()}.`,
        };
      }
      throw new Error('limit counters could not be rebuilt');
    } catch (err) {
      (this.options.errors ?? UNCOUNTED).limitStore('reserve');
      this.logger.warn({ err: (err as Error).message }, 'limit store unavailable');
      // Money never goes unchecked; pure rate limits follow the setting.
      if (!wallet && !rules.some((r) => r.metric === 'money' || !isRateLimit(r)) && this.options.failOpenRateLimits)
        return { kind: 'admitted', hold: null, headers: {} };
      return { kind: 'unavailable' };
    }
  }

  /** Replaces the reservation with the call's actual use, and for a wallet its reserved money with `charge` (nothing frozen any more). */
  async settle(hold: Hold, actual: Amounts, charge: bigint): Promise<void> {
    const amounts = settledAmounts(hold, actual, charge);
    await this.store.settle(hold.reservation, amounts).catch((err) => {
      (this.options.errors ?? UNCOUNTED).limitStore('settle');
      this.logger.warn({ err: (err as Error).message }, 'settle failed; the reservation stands');
    });
    if (hold.wallet) this.wallets.touched(hold.organizationId);
  }

  /**
   * Redis mode: settles as `settle` does and appends the call's usage entry to its organization's
   * stream in the same step, both or neither. Rejects when the store did not confirm it (the
   * reservation then stands, as for a failed settle).
   */
  async settleAndAppend(hold: Hold, actual: Amounts, charge: bigint, entry: string): Promise<void> {
    if (!isUsageJournal(this.store)) throw new Error('this limit store keeps no usage stream');
    try {
      await this.store.settleAndAppend(hold.reservation, settledAmounts(hold, actual, charge), entry);
    } catch (err) {
      (this.options.errors ?? UNCOUNTED).limitStore('settle');
      throw err;
    } finally {
      if (hold.wallet) this.wallets.touched(hold.organizationId);
    }
  }

  /** Sums the period's usage from the hourly rollups and seeds the store with it. */
  private async rebuild(organizationId: string, rule: LimitRule, counter: Counter, nowMs: number) {
    const period = periodOf(rule.window as 'day' | 'month', new Date(nowMs), rule.resetDay);
    await this.store.seed(organizationId, counter, await periodUsage(this.db, rule, period.start));
  }
}

/** What a hold's counters settle to, in counter order: each rule's metric, then for a wallet the charge and nothing frozen. */
function settledAmounts(hold: Hold, actual: Amounts, charge: bigint): bigint[] {
  const { rules } = hold;
  const amounts = new Array<bigint>(rules.length);
  for (let i = 0; i < rules.length; i++) amounts[i] = actual[rules[i]!.metric];
  if (hold.wallet) amounts.push(charge, 0n);
  return amounts;
}

/**
 * What a rule's counters need besides the call's amount, kept per rule object:
 * its counter key (one string object for every call, so the stores' map
 * lookups reuse its hash) and, for a day or month rule, the period it is in
 * (worked out again only once the clock leaves it).
 */
interface RuleState {
  key: string;
  /** The organization the key was made for: an organization's own id is left out of its keys (it is the store's group). */
  organizationId: string;
  periodId?: string;
  expiresAtMs?: number;
  periodStartMs: number;
  periodEndMs: number;
  /** The limit in decimal, for the headers. */
  limitText?: string;
}

const states = new WeakMap<LimitRule, RuleState>();

function stateOf(rule: LimitRule, organizationId: string, nowMs: number): RuleState {
  let state = states.get(rule);
  if (!state || state.organizationId !== organizationId) {
    state = { key: counterKey(rule, organizationId), organizationId, periodStartMs: 0, periodEndMs: 0 };
    states.set(rule, state);
  }
  if (isFixed(rule.window) && (nowMs < state.periodStartMs || nowMs >= state.periodEndMs)) {
    const period = periodOf(rule.window as 'day' | 'month', new Date(nowMs), rule.resetDay);
    state.periodId = period.id;
    state.periodStartMs = period.start.getTime();
    state.periodEndMs = period.end.getTime();
    state.expiresAtMs = state.periodEndMs + 86_400_000;
  }
  return state;
}

const SCOPE_LETTER = { organization: 'o', project: 'p', key: 'k' } as const;
const METRIC_LETTER = { requests: 'r', tokens: 't', money: 'm' } as const;
const WINDOW_LETTER = { minute: 'm', hour: 'h', day: 'd', month: 'M' } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A short counter key, unique per scope, metric and window within an
 * organization (the store's group): the scope's letter, its id (none for the
 * organization itself; a UUID as 22 base64url characters, any other id
 * after a "="), then ":" and the metric's and window's letters, e.g.
 * "o:rm" (organization requests per minute) or "pAbC…xyz:td" (project tokens per day).
 */
export function counterKey(rule: Pick<LimitRule, 'scope' | 'scopeId' | 'metric' | 'window'>, organizationId: string): string {
  const id =
    rule.scope === 'organization' && rule.scopeId === organizationId
      ? ''
      : UUID.test(rule.scopeId)
        ? Buffer.from(rule.scopeId.replaceAll('-', ''), 'hex').toString('base64url')
        : `=${rule.scopeId}`;
  return `${SCOPE_LETTER[rule.scope]}${id}:${METRIC_LETTER[rule.metric]}${WINDOW_LETTER[rule.window]}`;
}

/** When a refused caller may try again (as retryAt): the end of the fixed period, or when the oldest counted bucket leaves a rolling window. */
function resetAtMs(window: LimitWindow, state: RuleState, nowMs: number): number {
  if (isFixed(window)) return state.periodEndMs;
  const { bucketMs } = ROLLING[window as 'minute' | 'hour'];
  return (bucketOf(window as 'minute' | 'hour', nowMs) + 1) * bucketMs;
}

/** OpenAI's x-ratelimit-* headers for the tightest enforced request and token limits. */
function rateLimitHeaders(rules: LimitRule[], states: RuleState[], counters: Counter[], usage: bigint[], nowMs: number): Record<string, string> {
  let requests = -1;
  let tokens = -1;
  let requestsLeft = 0n;
  let tokensLeft = 0n;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (!rule.enforce || rule.metric === 'money') continue;
    const remaining = rule.limit - usage[i]! - counters[i]!.amount;
    if (rule.metric === 'requests') {
      if (requests < 0 || remaining < requestsLeft) [requests, requestsLeft] = [i, remaining];
    } else if (tokens < 0 || remaining < tokensLeft) [tokens, tokensLeft] = [i, remaining];
  }
  const headers: Record<string, string> = {};
  if (requests >= 0) {
    headers['x-ratelimit-limit-requests'] = limitText(rules[requests]!, states[requests]!);
    headers['x-ratelimit-remaining-requests'] = requestsLeft > 0n ? requestsLeft.toString() : '0';
    headers['x-ratelimit-reset-requests'] = resetDuration(resetAtMs(rules[requests]!.window, states[requests]!, nowMs) - nowMs);
  }
  if (tokens >= 0) {
    headers['x-ratelimit-limit-tokens'] = limitText(rules[tokens]!, states[tokens]!);
    headers['x-ratelimit-remaining-tokens'] = tokensLeft > 0n ? tokensLeft.toString() : '0';
    headers['x-ratelimit-reset-tokens'] = resetDuration(resetAtMs(rules[tokens]!.window, states[tokens]!, nowMs) - nowMs);
  }
  return headers;
}

const limitText = (rule: LimitRule, state: RuleState) => (state.limitText ??= rule.limit.toString());

const capitalise = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const format = (rule: LimitRule, value: bigint) => (rule.metric === 'money' ? `$${formatMoney(value)}` : value.toString());
