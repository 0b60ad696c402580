import type { OrganizationLimits, ProjectQuota } from '../limits/limits';
import { periodOf, type Period } from '../limits/windows';
import { instantOfWall, zonedDayOf } from '../usage/zoned-windows';
import type { AlertPeriod } from './alert-rules';

/**
 * A consumption alert's natural period in the organization's zone: the day,
 * or the month that starts at 00:00 on the project's reset day (1 to 28).
 * Its id is its first day, YYYY-MM-DD.
 */
export function zonedPeriodOf(period: AlertPeriod, zone: string, t: number, resetDay = 1): Period {
  const day = zonedDayOf(zone, t);
  if (period === 'DAY') return { id: day.date, start: new Date(day.start), end: new Date(day.end) };
  const [y, m, d] = day.date.split('-').map(Number) as [number, number, number];
  const startMonth = d >= resetDay ? m - 1 : m - 2;
  const startWall = Date.UTC(y, startMonth, resetDay);
  const start = instantOfWall(zone, startWall);
  const end = instantOfWall(zone, Date.UTC(y, startMonth + 1, resetDay));
  return { id: new Date(startWall).toISOString().slice(0, 10), start: new Date(start), end: new Date(end) };
}

/** What a quota alert watches: a fixed-period limit, what it counts, and how big it is. */
export interface WatchedLimit {
  /** The limit's name as the API spells it (dailyBudget, monthlyRequestLimit, rpd…). */
  metric: string;
  period: AlertPeriod;
  measure: 'requests' | 'tokens' | 'money';
  limit: bigint;
}

const PROJECT_LIMITS: Array<[keyof ProjectQuota, AlertPeriod, WatchedLimit['measure']]> = [
  ['dailyRequestLimit', 'DAY', 'requests'],
  ['dailyTokenLimit', 'DAY', 'tokens'],
  ['dailyBudget', 'DAY', 'money'],
  ['monthlyRequestLimit', 'MONTH', 'requests'],
  ['monthlyTokenLimit', 'MONTH', 'tokens'],
  ['monthlyBudget', 'MONTH', 'money'],
];
const ORGANIZATION_LIMITS: Array<[keyof OrganizationLimits, AlertPeriod, WatchedLimit['measure']]> = [
  ['rpd', 'DAY', 'requests'],
  ['tpd', 'DAY', 'tokens'],
  ['dailyBudget', 'DAY', 'money'],
  ['monthlyBudget', 'MONTH', 'money'],
];

function watched<T extends object>(limits: T, list: Array<[keyof T, AlertPeriod, WatchedLimit['measure']]>): WatchedLimit[] {
  return list.flatMap(([metric, period, measure]) => {
    const value = limits[metric] as number | bigint | null | undefined;
    return value == null ? [] : [{ metric: String(metric), period, measure, limit: BigInt(value) }];
  });
}

/** The fixed-period limits of a project's effective quota (rolling per-minute ones have no period to alert in). */
export const projectWatchedLimits = (quota: ProjectQuota) => watched(quota, PROJECT_LIMITS);
/** The fixed-period limits of an organization. */
export const organizationWatchedLimits = (limits: OrganizationLimits) => watched(limits, ORGANIZATION_LIMITS);

/** A quota's period, as the limits engine counts it: the UTC day, or the quota month from its reset day. */
export const quotaPeriodOf = (period: AlertPeriod, t: Date, resetDay = 1): Period => periodOf(period === 'DAY' ? 'day' : 'month', t, resetDay);
