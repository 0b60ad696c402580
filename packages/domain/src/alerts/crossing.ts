/**
 * When a moving figure crosses an alert's threshold. Pure: the callers hold
 * whatever lock or unique row makes "fire once" true across processes.
 */

/** Balance thresholds the balance fell below (before ≥ t > after): each fires unless it already has and was not re-armed. */
export function balanceFallsBelow(before: bigint, after: bigint, thresholds: readonly bigint[]): bigint[] {
  return thresholds.filter((t) => after < t && before >= t);
}

/** Balance thresholds a rise (a recharge, a refund) re-arms: the balance is at or above them again. */
export function balanceRearms(after: bigint, thresholds: readonly bigint[]): bigint[] {
  return thresholds.filter((t) => after >= t);
}

/** Spend thresholds reached (before < t ≤ after) in one period. */
export function spendReaches(before: bigint, after: bigint, thresholds: readonly bigint[]): bigint[] {
  return thresholds.filter((t) => before < t && after >= t);
}

/** Quota shares (percent of `limit`) reached by a use that moved from `before` to `after`. */
export function sharesReached(before: bigint, after: bigint, limit: bigint, shares: readonly number[]): number[] {
  if (limit <= 0n) return [];
  const reached = (used: bigint, share: number) => used * 100n >= limit * BigInt(share);
  return shares.filter((s) => !reached(before, s) && reached(after, s));
}

/** Standard Webhooks' retry schedule as Svix runs it: at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h. */
export const WEBHOOK_RETRY_DELAYS_MS = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000] as const;
/** An endpoint failing every attempt for this long is disabled (its organization's admins are told). */
export const WEBHOOK_DISABLE_AFTER_MS = 5 * 24 * 3_600_000;
/** A 2xx answered within this counts as delivered. */
export const WEBHOOK_TIMEOUT_MS = 15_000;

/**
 * How long after its `failedAttempts`-th failure a webhook is tried again;
 * null once the schedule is spent. The schedule's first entry is the first
 * attempt (at once), so a schedule of n entries makes n attempts.
 */
export function webhookRetryDelay(failedAttempts: number, schedule: readonly number[] = WEBHOOK_RETRY_DELAYS_MS): number | null {
  return failedAttempts >= 1 ? (schedule[failedAttempts] ?? null) : 0;
}
