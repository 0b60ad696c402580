/** What the limit benches share: every limit there is (the proxy bench's 18 rules), a short chat call's amounts, and stand-ins for what they leave out. */
import { limitRules, type LimitRule } from '@tollgate/domain';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { Amounts } from '../src/limits/limiter';

/** Every limit there is, each far above what a run can use (counts at most 1e12, key rpm/tpm are int4, money in micro-units). */
const HIGH = 1_000_000_000_000;
export const BUDGET = 10n ** 15n;
export const ORGANIZATION_LIMITS = { rpm: HIGH, tpm: HIGH, rph: HIGH, rpd: HIGH, tpd: HIGH, dailyBudget: BUDGET, monthlyBudget: BUDGET };
export const PROJECT_QUOTA = {
  dailyRequestLimit: HIGH,
  dailyTokenLimit: HIGH,
  monthlyRequestLimit: HIGH,
  monthlyTokenLimit: HIGH,
  requestsPerMinuteLimit: HIGH,
  tokensPerMinuteLimit: HIGH,
  dailyBudget: BUDGET,
  monthlyBudget: BUDGET,
  enforceQuota: true,
};
export const KEY_LIMITS = { rpm: 2_000_000_000, tpm: 2_000_000_000, dailyBudget: BUDGET };
/** The rules those make: organization 7, project 8, key 3. */
export const LIMIT_COUNT = 7 + 8 + 3;

/** A new organization, project and key with every limit there is, as the limiter's rules. */
export function benchRules() {
  const ids = { organizationId: randomUUID(), projectId: randomUUID(), keyId: randomUUID() };
  const rules: LimitRule[] = limitRules(ids, ORGANIZATION_LIMITS, PROJECT_QUOTA, KEY_LIMITS);
  if (rules.length !== LIMIT_COUNT) throw new Error(`expected ${LIMIT_COUNT} rules, got ${rules.length}`);
  return { ids, rules };
}

/** As the proxy reserves for a short chat call without max_tokens, then settles to what it used. */
export const RESERVED: Amounts = { requests: 1n, tokens: 4_105n, money: 61_575n };
export const ACTUAL: Amounts = { requests: 1n, tokens: 21n, money: 315n };

/** The limiter's database, for counters it rebuilds: every period starts at 0. */
export const noDatabase = { query: async () => ({ rows: [{ total: '0' }] }) } as unknown as Pool;
export const quietLogger = { warn: (o: unknown, m: string) => console.error(m, o), info() {}, error() {}, debug() {} } as unknown as Logger;

/** A Monday noon, UTC: the benches' virtual clock starts here. */
export const START = Date.UTC(2026, 10, 23, 12, 0, 0);
