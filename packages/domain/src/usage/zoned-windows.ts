import { invalid } from '../errors/error-code';

/**
 * Usage windows in an IANA time zone: the one place where window boundaries in
 * a zone are computed (the usage query, its CSV and the SPA's charts all ask here).
 *
 * Node 20 ships full ICU with the IANA database, so Intl gives a zone's offset at
 * any instant; turning a local wall time back into an instant takes at most three
 * offset lookups (see `instantOfWall`). That is all a window boundary needs, so no
 * date library is added to the domain (which the SPA bundles too).
 */
export const UsageWindow = { MINUTE: 'MINUTE', HOUR: 'HOUR', DAY: 'DAY', MONTH: 'MONTH' } as const;
export type UsageWindow = (typeof UsageWindow)[keyof typeof UsageWindow];

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** The rollup grain day and month windows are summed from: every UTC offset in use since 1979 is a multiple of it. */
export const QUARTER_HOUR_MS = 15 * MINUTE_MS;

/** The longest range each window may cover (the issue's spans; DAY and MONTH bounded so a page stays cheap). */
export const MAX_SPAN_MS: Record<UsageWindow | 'TOTAL', number> = {
  MINUTE: 2 * DAY_MS,
  HOUR: 93 * DAY_MS,
  DAY: 732 * DAY_MS,
  MONTH: 3_660 * DAY_MS,
  TOTAL: 3_660 * DAY_MS,
};
/** Minute rollups are kept this long (the recorder prunes older ones); minute windows reach back no further. */
export const MINUTE_ROLLUP_RETENTION_MS = 8 * DAY_MS;
export const MINUTE_WINDOW_REACH_MS = 7 * DAY_MS;
/** Usage before this is not queried: no call can be older, and zones before it had odd-second offsets. */
const EARLIEST = Date.UTC(2000, 0, 1);

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The IANA name as given (ICU would answer `Asia/Calcutta` for `Asia/Kolkata`), case fixed where ICU knows it (`utc` is `UTC`); null for anything else. */
export function canonicalTimeZone(name: string): string | null {
  // Only IANA names: Intl also takes offsets such as "+05:30" on newer engines, which have no calendar of their own.
  if (typeof name !== 'string' || name.length > 64 || !/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return null;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
  } catch {
    return null;
  }
}

/** A VALIDATION error naming `field` unless `name` is an IANA zone; answers the canonical name. */
export function parseTimeZone(name: string, field = 'timeZone'): string {
  const zone = canonicalTimeZone(name);
  if (!zone) throw invalid(field, `${field} must be an IANA time zone name such as Europe/Paris or UTC`);
  return zone;
}

interface Wall {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The zone's wall clock at an instant. */
function wallOf(zone: string, t: number): Wall {
  const parts = formatter(zone).formatToParts(t);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

const wallMs = (w: Wall) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);

/** The zone's offset from UTC at an instant, in milliseconds (whole minutes). */
export function offsetAt(zone: string, t: number): number {
  const floored = Math.floor(t / MINUTE_MS) * MINUTE_MS;
  return wallMs(wallOf(zone, floored)) - floored;
}

/**
 * The first instant whose wall time in `zone` is at or after the wall time
 * `wall` (given as if UTC): the instant itself when the wall time exists, the
 * earlier of two on a repeated hour, the end of the gap when clocks jumped over it
 * (a day that begins at 01:00 because midnight was skipped).
 */
export function instantOfWall(zone: string, wall: number): number {
  // Near `wall`, only the offsets a day either side can be in force (no zone changes twice in two days).
  const offsets = new Set([offsetAt(zone, wall - DAY_MS), offsetAt(zone, wall), offsetAt(zone, wall + DAY_MS)]);
  const valid = [...offsets].map((o) => wall - o).filter((t) => offsetAt(zone, t) === wall - t);
  if (valid.length > 0) return Math.min(...valid);
  // A gap: the wall time never happens. The answer is the transition, where the wall clock jumps past it.
  let lo = wall - Math.max(...offsets); // wall clock still before `wall`
  let hi = wall - Math.min(...offsets); // wall clock already past it
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (mid + offsetAt(zone, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The first instant after a transition in (from, to], at minute resolution; null when the offset holds throughout. */
function transitionIn(zone: string, from: number, to: number): number | null {
  const before = offsetAt(zone, from);
  if (offsetAt(zone, to) === before) return null;
  let lo = from;
  let hi = to;
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetAt(zone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The start of the window after the one holding instant `t`. */
function nextBoundary(kind: UsageWindow, zone: string, t: number): number {
  if (kind === 'MINUTE') return Math.floor(t / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  const offset = offsetAt(zone, t);
  const wall = wallOf(zone, t);
  if (kind === 'HOUR') {
    // A local hour ends at the next full local hour, or earlier at a transition (the repeated hour of a
    // fall-back is a window of its own; so is the half hour Lord Howe skips).
    const next = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour + 1) - offset;
    return transitionIn(zone, t, next) ?? next;
  }
  const nextWall = kind === 'DAY' ? Date.UTC(wall.year, wall.month - 1, wall.day + 1) : Date.UTC(wall.year, wall.month, 1);
  return instantOfWall(zone, nextWall);
}

/** The start of the window holding instant `t`. */
export function windowStartOf(kind: UsageWindow, zone: string, t: number): number {
  if (kind === 'MINUTE') return Math.floor(t / MINUTE_MS) * MINUTE_MS;
  const wall = wallOf(zone, t);
  if (kind === 'HOUR') {
    const start = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour) - offsetAt(zone, t);
    return transitionIn(zone, start, t) ?? start;
  }
  return instantOfWall(zone, kind === 'DAY' ? Date.UTC(wall.year, wall.month - 1, wall.day) : Date.UTC(wall.year, wall.month - 1, 1));
}

/** A calendar day of a zone: its date (YYYY-MM-DD) and the instants [start, end) it spans (23 or 25 hours on DST days). */
export interface ZonedDay {
  date: string;
  start: number;
  end: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The day of `zone` holding instant `t`, with the boundaries DAY windows have (the usage_daily rollup's grain). */
export function zonedDayOf(zone: string, t: number): ZonedDay {
  const start = windowStartOf('DAY', zone, t);
  const wall = wallOf(zone, start);
  return { date: `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`, start, end: nextBoundary('DAY', zone, t) };
}

/**
 * The whole days of `zone` inside [lo, hi), as one span [first.start, after.start): `first` is the first day starting
 * at or after `lo`, `after` the day starting at or holding `hi` (the first one not in the span). Null when no whole
 * day fits.
 */
export function wholeDaysWithin(zone: string, lo: number, hi: number): { first: ZonedDay; after: ZonedDay } | null {
  const holdingLo = zonedDayOf(zone, lo);
  const first = holdingLo.start === lo ? holdingLo : zonedDayOf(zone, holdingLo.end);
  const after = zonedDayOf(zone, hi);
  return first.start < after.start ? { first, after } : null;
}

export interface UsageRangeInput {
  from: Date;
  /** Exclusive. */
  to: Date;
  /** Null: one window over the whole range. */
  window: UsageWindow | null;
  timeZone: string;
  now: Date;
}

/**
 * The windows of a range: boundaries b0 = from < b1 < ... < bn = to, where each
 * inner boundary is the start of a window of the zone's calendar. The first and
 * last windows are cut to the range, so a window never counts a call outside it.
 */
export interface ZonedWindows {
  window: UsageWindow | null;
  timeZone: string;
  boundaries: Date[];
}

/**
 * Checks a range and splits it into windows. Every error is VALIDATION and names
 * its field: `to` not after `from`, ends off the rollup grain (whole minutes for
 * minute windows, quarter hours otherwise, so every figure is exact), a span too
 * long for the window, minute windows older than the minute rollups are kept.
 */
export function zonedWindows(input: UsageRangeInput): ZonedWindows {
  const from = input.from.getTime();
  const to = input.to.getTime();
  if (Number.isNaN(from)) throw invalid('from', 'from must be a date-time');
  if (Number.isNaN(to)) throw invalid('to', 'to must be a date-time');
  if (to <= from) throw invalid('to', 'to must be after from');
  if (from < EARLIEST) throw invalid('from', 'from must be in 2000 or later');
  const grain = input.window === 'MINUTE' ? MINUTE_MS : QUARTER_HOUR_MS;
  const grainName = input.window === 'MINUTE' ? 'a whole minute' : 'a quarter hour (:00, :15, :30 or :45)';
  if (from % grain !== 0) throw invalid('from', `from must be on ${grainName}`);
  if (to % grain !== 0) throw invalid('to', `to must be on ${grainName}`);
  const kind = input.window ?? 'TOTAL';
  const span = MAX_SPAN_MS[kind];
  if (to - from > span) {
    throw invalid(
      input.window ? 'window' : 'to',
      `${input.window ? `${input.window} windows` : 'A total'} may span at most ${span / DAY_MS} days; use a coarser window or a shorter range`,
    );
  }
  if (input.window === 'MINUTE' && from < input.now.getTime() - MINUTE_WINDOW_REACH_MS) {
    throw invalid('from', `MINUTE windows reach back at most ${MINUTE_WINDOW_REACH_MS / DAY_MS} days; use HOUR windows for older usage`);
  }
  const boundaries = [from];
  if (input.window) {
    for (let t = nextBoundary(input.window, input.timeZone, from); t < to; t = nextBoundary(input.window, input.timeZone, t)) {
      // Every zone's offset is a multiple of 15 minutes today; a boundary off that grain could not be summed exactly.
      if (t % grain !== 0) throw invalid('timeZone', `${input.timeZone} has an offset off the quarter hour in this range; its windows cannot be exact`);
      boundaries.push(t);
    }
  }
  boundaries.push(to);
  return { window: input.window, timeZone: input.timeZone, boundaries: boundaries.map((t) => new Date(t)) };
}
