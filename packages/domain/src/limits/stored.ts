import { z } from 'zod';
import type { KeyLimits, OrganizationLimits, ProjectQuota } from './limits';

const count = z.number().int().min(1, 'must be at least 1').max(1_000_000_000_000, 'must be at most 1000000000000').nullish();
const budget = z.bigint().positive('must be positive').nullish();

export const organizationLimitsSchema = z.object({ rpm: count, tpm: count, rph: count, rpd: count, tpd: count, dailyBudget: budget, monthlyBudget: budget });
export const projectQuotaSchema = z.object({
  dailyRequestLimit: count,
  dailyTokenLimit: count,
  monthlyRequestLimit: count,
  monthlyTokenLimit: count,
  requestsPerMinuteLimit: count,
  tokensPerMinuteLimit: count,
  dailyBudget: budget,
  monthlyBudget: budget,
  // Absent or null (as GraphQL sends an unset field): the defaults.
  enforceQuota: z
    .boolean()
    .nullish()
    .transform((v) => v ?? true),
  customResetDay: z
    .number()
    .int()
    .min(1, 'must be 1 to 28')
    .max(28, 'must be 1 to 28')
    .nullish()
    .transform((v) => v ?? 1),
});

const MONEY = new Set(['dailyBudget', 'monthlyBudget']);
type Stored = Record<string, number | string | boolean | null>;

/** JSON for the database: money as micro-unit strings, unset limits left out. */
export function toStoredLimits(limits: Record<string, number | bigint | boolean | null | undefined>): Stored {
  const stored: Stored = {};
  for (const [field, value] of Object.entries(limits)) if (value != null) stored[field] = typeof value === 'bigint' ? value.toString() : value;
  return stored;
}

function fromStored(stored: Stored | null | undefined): Record<string, number | bigint | boolean> {
  const limits: Record<string, number | bigint | boolean> = {};
  for (const [field, value] of Object.entries(stored ?? {})) {
    if (value == null) continue;
    limits[field] = MONEY.has(field) ? BigInt(value as string) : (value as number | boolean);
  }
  return limits;
}

export const organizationLimitsFromStored = (stored: Stored | null | undefined) => fromStored(stored) as OrganizationLimits;
export const projectQuotaFromStored = (stored: Stored | null | undefined) => fromStored(stored) as ProjectQuota;
export const keyLimitsOf = (key: { rpmLimit?: number | null; tpmLimit?: number | null; dailyBudget?: bigint | null }): KeyLimits => ({
  rpm: key.rpmLimit,
  tpm: key.tpmLimit,
  dailyBudget: key.dailyBudget,
});
