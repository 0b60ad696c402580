/**
 * Every limit window, in one place (UTC throughout).
 *
 * Rolling windows (minute, hour) are counted in buckets (1 s for a minute,
 * 1 min for an hour) and a check sums the current bucket and all the
 * buckets of the last full span, counting the oldest one whole (and any
 * bucket ahead of the caller's clock: see countedBuckets). The counted
 * interval therefore always covers the last 60 s (60 min) and at most one
 * bucket more: any 60-second span holds at most the limit, and a caller can
 * be held back for at most one bucket longer than strictly needed.
 *
 * Fixed windows: a day resets at 00:00 UTC; a month at 00:00 UTC on the
 * reset day (1 to 28, so every month has it).
 */
export type RollingWindow = 'minute' | 'hour';
export type FixedWindow = 'day' | 'month';
export type LimitWindow = RollingWindow | FixedWindow;

export const ROLLING: Record<RollingWindow, { spanMs: number; bucketMs: number }> = {
  minute: { spanMs: 60_000, bucketMs: 1_000 },
  hour: { spanMs: 3_600_000, bucketMs: 60_000 },
};

/** The bucket a moment falls in. */
export const bucketOf = (window: RollingWindow, nowMs: number): number => Math.floor(nowMs / ROLLING[window].bucketMs);

/**
 * The buckets a check sums: the current one, the span's worth before it, and
 * any later one. Later buckets hold reservations of callers whose clock ran
 * ahead (another proxy, or a call that waited on a rebuild): counting them
 * keeps a late caller from missing what was already admitted. Buckets
 * before `forgetBefore` (a further span back) are no caller's concern any
 * more and may be dropped; ones between are kept for callers running late.
 */
export function countedBuckets(window: RollingWindow, nowMs: number): { first: number; last: number; forgetBefore: number } {
  const { spanMs, bucketMs } = ROLLING[window];
  const last = bucketOf(window, nowMs);
  const first = last - spanMs / bucketMs;
  return { first, last, forgetBefore: first - spanMs / bucketMs };
}

export interface Period {
  /** Stable id of the period, part of counter keys, e.g. "2026-11-22" or "2026-11-15". */
  id: string;
  start: Date;
  end: Date;
}

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));
const iso = (date: Date) => date.toISOString().slice(0, 10);

export function assertResetDay(resetDay: number): void {
  if (!Number.isInteger(resetDay) || resetDay < 1 || resetDay > 28) throw new RangeError('customResetDay must be 1 to 28');
}

/** The day or month period containing `now`. */
export function periodOf(window: FixedWindow, now: Date, resetDay = 1): Period {
  const [y, m, d] = [now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()];
  if (window === 'day') {
    const start = day(y, m, d);
    return { id: iso(start), start, end: day(y, m, d + 1) };
  }
  assertResetDay(resetDay);
  const start = d >= resetDay ? day(y, m, resetDay) : day(y, m - 1, resetDay);
  return { id: iso(start), start, end: day(start.getUTCFullYear(), start.getUTCMonth() + 1, resetDay) };
}

/** When a refused caller may try again: the end of the fixed period, or when the oldest counted bucket leaves a rolling window. */
export function retryAt(window: LimitWindow, now: Date, resetDay = 1): Date {
  if (window === 'day' || window === 'month') return periodOf(window, now, resetDay).end;
  const { bucketMs } = ROLLING[window];
  return new Date((bucketOf(window, now.getTime()) + 1) * bucketMs);
}

/** OpenAI's reset duration format, e.g. "1s", "6m0s", "2h3m4s". */
export function resetDuration(ms: number): string {
  const total = Math.max(1, Math.ceil(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  return h ? `${h}h${m}m${s}s` : m ? `${m}m${s}s` : `${s}s`;
}
