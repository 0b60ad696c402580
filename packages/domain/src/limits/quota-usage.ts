import type { ProjectQuota } from './limits';

/** What a project used in its current day and quota month (requests that went upstream, tokens, spend). */
export interface ProjectUsageTotals {
  dailyRequests: number;
  dailyTokens: number;
  dailySpent: bigint;
  monthlyRequests: number;
  monthlyTokens: number;
  monthlySpent: bigint;
}

export interface QuotaRemaining {
  dailyRequests: number | null;
  dailyTokens: number | null;
  monthlyRequests: number | null;
  monthlyTokens: number | null;
  dailyBudget: bigint | null;
  monthlyBudget: bigint | null;
}

const leftCount = (limit: number | null | undefined, used: number) => (limit == null ? null : Math.max(0, limit - used));
const leftMoney = (limit: bigint | null | undefined, used: bigint) => (limit == null ? null : limit > used ? limit - used : 0n);

/** What is left of each limit of an (effective) quota; null where there is no limit. Never below zero. */
export function quotaRemaining(quota: ProjectQuota, used: ProjectUsageTotals): QuotaRemaining {
  return {
    dailyRequests: leftCount(quota.dailyRequestLimit, used.dailyRequests),
    dailyTokens: leftCount(quota.dailyTokenLimit, used.dailyTokens),
    monthlyRequests: leftCount(quota.monthlyRequestLimit, used.monthlyRequests),
    monthlyTokens: leftCount(quota.monthlyTokenLimit, used.monthlyTokens),
    dailyBudget: leftMoney(quota.dailyBudget, used.dailySpent),
    monthlyBudget: leftMoney(quota.monthlyBudget, used.monthlySpent),
  };
}
