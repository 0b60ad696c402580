import { formatMoney, instantOfWall, parseMoney, QUARTER_HOUR_MS, windowStartOf } from '@tollgate/domain';
import type { UsageWindow } from '../../gql/graphql';

/**
 * The dashboards' time ranges, in the organization's zone. Boundaries come from
 * the domain's zoned windows (the same code the usage query splits ranges
 * with), so a "day" here is the day the server sums.
 */
export type RangeKey = '24h' | '7d' | '30d' | '90d' | 'custom';
export const RANGES: Array<{ key: RangeKey; label: string }> = [
  { key: '24h', label: '24 hours' },
  { key: '7d', label: '7 days' },
  { key: '30d', label: '30 days' },
  { key: '90d', label: '90 days' },
  { key: 'custom', label: 'Custom' },
];

export interface UsageRange {
  /** ISO instants, `to` exclusive, both on a quarter hour. */
  from: string;
  to: string;
  window: UsageWindow;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const iso = (t: number) => new Date(t).toISOString();

/** The start of the zone's day holding `t`, and of the next one (days last 23 to 25 hours; 36 h on is always tomorrow). */
const dayStart = (zone: string, t: number) => windowStartOf('DAY', zone, t);
const nextDay = (zone: string, t: number) => windowStartOf('DAY', zone, dayStart(zone, t) + 36 * HOUR_MS);

/** The last 24 hours by hour, or the last N days (today included) by day, in `zone`. */
export function presetRange(key: Exclude<RangeKey, 'custom'>, zone: string, now: number): UsageRange {
  if (key === '24h') {
    const hour = windowStartOf('HOUR', zone, now);
    return { from: iso(hour - 23 * HOUR_MS), to: iso(hour + HOUR_MS), window: 'HOUR' };
  }
  const days = key === '7d' ? 7 : key === '30d' ? 30 : 90;
  // Noon of the first day, so a DST change in between cannot move it to a neighbour.
  const first = dayStart(zone, dayStart(zone, now) - (days - 1) * DAY_MS + 12 * HOUR_MS);
  return { from: iso(first), to: iso(nextDay(zone, now)), window: 'DAY' };
}

/** Whole days from `fromDay` through `toDay` (YYYY-MM-DD, in `zone`); by hour up to 3 days. Null when not a range. */
export function customRange(fromDay: string, toDay: string, zone: string): UsageRange | null {
  const wall = (day: string, plus: number) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
    return m ? instantOfWall(zone, Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plus)) : NaN;
  };
  const from = wall(fromDay, 0);
  const to = wall(toDay, 1);
  if (Number.isNaN(from) || Number.isNaN(to) || to <= from) return null;
  return { from: iso(from), to: iso(to), window: to - from <= 3 * DAY_MS ? 'HOUR' : 'DAY' };
}

/** Today and this month in `zone`, and the same in UTC (the day and month the budgets count). */
export function calendarRanges(zone: string, now: number) {
  const month = (z: string) => {
    const start = windowStartOf('MONTH', z, now);
    return { from: iso(start), to: iso(windowStartOf('MONTH', z, start + 32 * DAY_MS)) };
  };
  const quarter = Math.floor(now / QUARTER_HOUR_MS) * QUARTER_HOUR_MS + QUARTER_HOUR_MS;
  return {
    today: { from: iso(dayStart(zone, now)), to: iso(nextDay(zone, now)) },
    month: month(zone),
    utcToday: { from: iso(dayStart('UTC', now)), to: iso(nextDay('UTC', now)) },
    utcMonth: month('UTC'),
    /** The last 7 days up to the current quarter hour's end: the burn rate's base. */
    lastWeek: { from: iso(quarter - 7 * DAY_MS), to: iso(quarter) },
  };
}

/** The zone's YYYY-MM-DD of an instant (for the custom range's inputs). */
export function dayOf(zone: string, t: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
}

const labels = new Map<string, Intl.DateTimeFormat>();
/** A window's start as the zone reads it: "Dec 1, 14:00" for hours, "Mon, Dec 1" for days. */
export function windowLabel(start: string, window: UsageWindow | null, zone: string): string {
  const key = `${zone}|${window}`;
  let f = labels.get(key);
  if (!f) {
    f =
      window === 'HOUR' || window === 'MINUTE'
        ? new Intl.DateTimeFormat('en-US', { timeZone: zone, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        : window === 'MONTH'
          ? new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'long' })
          : new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', month: 'short', day: 'numeric' });
    labels.set(key, f);
  }
  return f.format(new Date(start));
}

/** "14:05 Europe/Paris": an instant as the zone's clock reads it. */
export function clockIn(zone: string, instant: string): string {
  return `${new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant))} ${zone}`;
}

/*
 * Money stays exact: Money strings become integer micro-units (bigint) for
 * shares and rates, and back to decimal strings for every number shown.
 * Only chart geometry (a bar's height) uses a float.
 */
export const micros = (money: string) => parseMoney(money);
export const exactMoney = (money: string) => `$${formatMoney(micros(money))}`;
/** For bar heights only. */
export const moneyGeometry = (money: string) => Number(micros(money)) / 1e6;

/** "42.5%" of `part` in `whole` (bigints or counts), to one decimal, rounded down; "—" for a zero whole. */
export function share(part: bigint | number, whole: bigint | number): string {
  const p = BigInt(part);
  const w = BigInt(whole);
  if (w === 0n) return '—';
  const tenths = (p * 1000n) / w;
  return `${tenths / 10n}.${tenths % 10n}%`;
}

/** Days `available` lasts at the spend of the last 7 days, to one decimal; null when nothing was spent. */
export function daysLeft(available: string, lastWeekSpend: string): string | null {
  const spent = micros(lastWeekSpend);
  if (spent === 0n) return null;
  const tenths = (micros(available) * 70n) / spent;
  return `${(tenths / 10n).toLocaleString('en-US')}.${tenths % 10n}`;
}

/** The average spend per day of the last 7 days, exact to the micro-unit (rounded down). */
export const perDay = (lastWeekSpend: string) => `$${formatMoney(micros(lastWeekSpend) / 7n)}`;

export const count = (n: number) => n.toLocaleString('en-US');
