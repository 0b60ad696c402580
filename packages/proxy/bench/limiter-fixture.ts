/** What the limiter benches share: the proxy bench's 18 rules, a short chat call's amounts, and stand-ins for what they leave out. */
import { limitRules, type LimitRule } from '@tollgate/domain';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { Amounts } from '../src/limits/limiter';

const HIGH = 1_000_000_000_000;
const BUDGET = 10n ** 15n;

/** A new organization, project and key with every limit there is (organization 7, project 8, key 3), all far above what a run uses. */
export function benchRules() {
  const ids = { organizationId: randomUUID(), projectId: randomUUID(), keyId: randomUUID() };
  const rules: LimitRule[] = limitRules(
    ids,
    { rpm: HIGH, tpm: HIGH, rph: HIGH, rpd: HIGH, tpd: HIGH, dailyBudget: BUDGET, monthlyBudget: BUDGET },
    {
      dailyRequestLimit: HIGH,
      dailyTokenLimit: HIGH,
      monthlyRequestLimit: HIGH,
      monthlyTokenLimit: HIGH,
      requestsPerMinuteLimit: HIGH,
      tokensPerMinuteLimit: HIGH,
      dailyBudget: BUDGET,
      monthlyBudget: BUDGET,
      enforceQuota: true,
    },
    { rpm: 2_000_000_000, tpm: 2_000_000_000, dailyBudget: BUDGET },
  );
  if (rules.length !== 18) throw new Error(`expected 18 rules, got ${rules.length}`);
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
