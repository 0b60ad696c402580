import { ApiKey, DAILY_ROLLUPS, emQueryable, Organization, OrganizationMember, Project, ProjectMember } from '@tollgate/db';
import {
  can,
  DomainError,
  ErrorCode,
  forbidden,
  invalid,
  parseInput,
  parseTimeZone,
  QUARTER_HOUR_MS,
  UsageWindow,
  wholeDaysWithin,
  zonedWindows,
  type ZonedWindows,
} from '@tollgate/domain';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Context } from '../../context';
import { UsageDimension, type UsageFiguresType, type UsageRowType } from './usage.types';

/**
 * The usage query: one shape for the SPA's charts, BI tools and the CSV export.
 *
 * It reads rollups only, never request logs, so its cost grows with the rows
 * of the answer, not with the calls logged. A window [a, b) of any zone is a
 * sum of whole rollup buckets:
 * - days of the daily rollups, kept in the organization's own zone, for the
 *   whole days of the range when each lies in one window: DAY and MONTH
 *   windows in the organization's zone, and totals (one window) in any zone.
 *   The narrowest rollup with the dimensions asked for serves: usage_daily_key
 *   (no model), usage_daily_model (no key or member), or usage_daily (all).
 *   Those days are contiguous, so they are one span [firstDay, lastDay) before
 *   the quarter-hour cut. 30 days of the largest benchmark organization are
 *   38,000 usage_daily_key rows (300,000 in usage_daily) instead of 730,000
 *   hourly ones. A zone change rebuilds the days in the new zone; a read that
 *   raced it runs again (withCurrentZone);
 * - for the rest (the range's edges [lo, firstDay) and [lastDay, hi), or all
 *   of it when no day fits): hours of usage_hourly that lie wholly inside one
 *   window (when no status is asked for; that table has none), quarter hours
 *   of usage_quarter_hour for the rest, and minutes of usage_minute for the
 *   still-open quarter hour and for MINUTE windows.
 * Each bucket is given to its window by `width_bucket` over the windows'
 * boundaries (a binary search in PostgreSQL), so DST days and +05:45 zones
 * cost nothing extra; each part of the union sums its rows by window and
 * group before the union does. Every boundary is on a quarter hour (all
 * offsets in use are multiples of 15 minutes), so every window is exact.
 *
 * Stable pages: the first page pins `asOf` (the current minute) and the
 * cursor carries it; every page reads only buckets before it. A call that
 * starts after the pin never enters any page of that query, so paging while
 * calls arrive loses and duplicates no row. (A call that started before the pin
 * and is recorded after it, such as a stream still open, can still move a
 * figure; the next query, with a new pin, has it.)
 */

export const MAX_PAGE = 1000;
const MINUTE_MS = 60_000;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** Each dimension's column, its sort expression (no nulls, so keyset comparisons hold) and its SQL type. */
const DIMENSIONS: Record<UsageDimension, { column: string; sort: string; type: string; field: keyof UsageRowType }> = {
  PROJECT: { column: 'project_id', sort: 'project_id', type: 'uuid', field: 'projectId' },
  API_KEY: { column: 'api_key_id', sort: 'api_key_id', type: 'uuid', field: 'apiKeyId' },
  USER: { column: 'user_id', sort: `coalesce(user_id, '${NIL_UUID}'::uuid)`, type: 'uuid', field: 'userId' },
  MODEL: { column: 'model', sort: 'model', type: 'text', field: 'model' },
  STATUS: { column: 'status', sort: 'status', type: 'int', field: 'status' },
};
const DIMENSION_ORDER = Object.keys(DIMENSIONS) as UsageDimension[];

const ids = () =>
  z
    .array(z.uuid({ message: 'must hold valid ids' }))
    .max(1000, 'may hold at most 1000 ids')
    .nullish();
const argsSchema = z.object({
  organizationId: z.uuid({ message: 'must be a valid id' }),
  from: z.date({ message: 'must be a date-time' }),
  to: z.date({ message: 'must be a date-time' }),
  window: z.enum(UsageWindow).nullish(),
  timeZone: z.string().nullish(),
  groupBy: z.array(z.enum(UsageDimension)).max(5).nullish(),
  filter: z
    .object({
      projectIds: ids(),
      apiKeyIds: ids(),
      userIds: ids(),
      models: z.array(z.string().min(1).max(100)).max(1000, 'may hold at most 1000 models').nullish(),
      statuses: z.array(z.number().int().min(100, 'must hold HTTP statuses (100-599)').max(599, 'must hold HTTP statuses (100-599)')).max(500).nullish(),
    })
    .nullish(),
  first: z.number().int().min(1, 'must be at least 1').max(MAX_PAGE, `must be at most ${MAX_PAGE}`),
  after: z.string().max(2000).nullish(),
});
export type UsageArgs = z.input<typeof argsSchema>;

/** A checked query: what every page, the totals and the CSV read. */
export interface UsageQuery {
  organizationId: string;
  /** The organization's zone when the query was checked: the zone of its daily rollup. */
  organizationTimeZone: string;
  windows: ZonedWindows;
  groupBy: UsageDimension[];
  /** Null: the whole organization. Otherwise the only projects read (the filter intersected with what the caller may see). */
  projectIds: string[] | null;
  apiKeyIds: string[] | null;
  userIds: string[] | null;
  models: string[] | null;
  statuses: number[] | null;
  /** Buckets before this instant only (a whole minute): the snapshot. */
  asOf: Date;
  first: number;
  /** Where the previous page ended: a window index (1-based) and the grouped keys there. */
  position: { window: number; keys: Array<string | number> | null } | null;
  /** Ties a cursor to the arguments it came from. */
  fingerprint: string;
}

interface Cursor {
  asOf: string;
  window: number;
  keys: Array<string | number> | null;
  fingerprint: string;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(after: string, fingerprint: string): Cursor {
  let cursor: Cursor;
  try {
    cursor = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as Cursor;
  } catch {
    throw invalid('after', 'after is not a cursor this query gave');
  }
  if (
    !cursor ||
    typeof cursor !== 'object' ||
    cursor.fingerprint !== fingerprint ||
    !Number.isInteger(cursor.window) ||
    Number.isNaN(Date.parse(cursor.asOf))
  ) {
    throw invalid('after', 'after is not a cursor this query gave (a cursor only goes with the arguments of the page it came from)');
  }
  return cursor;
}

/** Where a cursor this query gave goes on from (for the CSV, which checked the query once). */
export function cursorPosition(after: string): NonNullable<UsageQuery['position']> {
  const { window, keys } = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as Cursor;
  return { window, keys };
}

const notFoundIn = (what: string, field: string) => new DomainError(ErrorCode.NOT_FOUND, `${what} not found`, { field });

/**
 * Which projects the caller may read the usage of, by the permission matrix:
 * null for the whole organization (organization.usage.view: ADMIN, FINANCE),
 * else the projects they may view (project.view: their OWNER and MEMBER roles).
 * FORBIDDEN when that is none.
 */
export async function visibleProjects(ctx: Context, organizationId: string): Promise<string[] | null> {
  const actor = await ctx.access.actorInOrganization(organizationId);
  if (!actor?.orgRole) throw new DomainError(ErrorCode.NOT_FOUND, 'Organization not found');
  if (can(actor, 'organization.usage.view')) return null;
  const memberships = await ctx.em.find(ProjectMember, { user: actor.userId, project: { organization: organizationId } });
  const visible = memberships.filter((m) => can({ ...actor, projectRole: m.role }, 'project.view')).map((m) => m.project.id);
  if (visible.length === 0) throw forbidden('You may see the usage of no project in this organization');
  return visible;
}

/** Checks the arguments, the caller's rights and the filter's ids; answers the query every page runs. */
export async function prepareUsage(ctx: Context, raw: UsageArgs, now = new Date()): Promise<UsageQuery> {
  const args = parseInput(argsSchema, raw);
  const organization = await ctx.em.findOne(Organization, args.organizationId);
  if (!organization) throw new DomainError(ErrorCode.NOT_FOUND, 'Organization not found');
  const visible = await visibleProjects(ctx, organization.id);
  const timeZone = parseTimeZone(args.timeZone ?? organization.timeZone, 'timeZone');
  const groupBy = DIMENSION_ORDER.filter((d) => args.groupBy?.includes(d));
  const filter = args.filter ?? {};
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([organization.id, args.from.toISOString(), args.to.toISOString(), args.window ?? null, timeZone, groupBy, filter, args.first]))
    .digest('base64url')
    .slice(0, 16);
  const cursor = args.after ? decodeCursor(args.after, fingerprint) : null;
  const asOf = cursor ? new Date(cursor.asOf) : new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
  const windows = zonedWindows({ from: args.from, to: args.to, window: args.window ?? null, timeZone, now: asOf });
  if (cursor && (cursor.window < 1 || cursor.window > windows.boundaries.length - 1)) throw invalid('after', 'after is not a cursor this query gave');

  // Ids the caller may not see answer exactly like ids that do not exist.
  const may = (projectId: string) => visible === null || visible.includes(projectId);
  let projectIds = visible;
  if (filter.projectIds?.length) {
    const found = await ctx.em.find(Project, { id: { $in: filter.projectIds }, organization: organization.id }, { fields: ['id'] });
    for (const id of filter.projectIds) if (!found.some((p) => p.id === id) || !may(id)) throw notFoundIn('Project', 'filter.projectIds');
    projectIds = [...new Set(filter.projectIds)];
  }
  if (filter.apiKeyIds?.length) {
    const found = await ctx.em.find(ApiKey, { id: { $in: filter.apiKeyIds }, organizationId: organization.id }, { fields: ['id', 'project'] });
    for (const id of filter.apiKeyIds) {
      const key = found.find((k) => k.id === id);
      if (!key || !may(key.project.id)) throw notFoundIn('API key', 'filter.apiKeyIds');
    }
  }
  if (filter.userIds?.length) {
    const found = await ctx.em.find(OrganizationMember, { user: { $in: filter.userIds }, organization: organization.id }, { fields: ['user'] });
    for (const id of filter.userIds) if (!found.some((m) => m.user.id === id)) throw notFoundIn('User', 'filter.userIds');
  }
  return {
    organizationId: organization.id,
    organizationTimeZone: organization.timeZone,
    windows,
    groupBy,
    projectIds,
    apiKeyIds: filter.apiKeyIds?.length ? filter.apiKeyIds : null,
    userIds: filter.userIds?.length ? filter.userIds : null,
    models: filter.models?.length ? filter.models : null,
    statuses: filter.statuses?.length ? filter.statuses : null,
    asOf,
    first: args.first,
    position: cursor ? { window: cursor.window, keys: cursor.keys } : null,
    fingerprint,
  };
}

/** The figures every rollup has, summed per part (each part of a union groups its own rows). */
const PART_SUMS = ['requests', 'errors', 'input_tokens', 'cached_input_tokens', 'output_tokens', 'reasoning_tokens', 'cost']
  .map((c) => `sum(${c}) as ${c}`)
  .join(', ');

/** Whether the query may read the daily rollups (see UsageSql.wholeDays); only then can a zone change since prepareUsage matter. */
const mayReadDays = (q: UsageQuery) =>
  q.windows.window === null || ((q.windows.window === 'DAY' || q.windows.window === 'MONTH') && q.windows.timeZone === q.organizationTimeZone);

/** SQL over the rollups for windows [fromWindow, toWindow] (1-based), optionally after a keyset position. */
class UsageSql {
  readonly params: unknown[] = [];
  constructor(private readonly q: UsageQuery) {}

  param(value: unknown, cast: string): string {
    this.params.push(value);
    return `$${this.params.length}::${cast}`;
  }

  /** The organization and the filters, as conditions every rollup has columns for (`statuses` only with `statusToo`). */
  private conditions(statusToo: boolean): string[] {
    const q = this.q;
    return [
      `organization_id = ${this.param(q.organizationId, 'uuid')}`,
      q.projectIds && `project_id = any(${this.param(q.projectIds, 'uuid[]')})`,
      q.apiKeyIds && `api_key_id = any(${this.param(q.apiKeyIds, 'uuid[]')})`,
      q.userIds && `user_id = any(${this.param(q.userIds, 'uuid[]')})`,
      q.models && `model = any(${this.param(q.models, 'text[]')})`,
      statusToo && q.statuses && `status = any(${this.param(q.statuses, 'int[]')})`,
    ].filter((c): c is string => typeof c === 'string');
  }

  /**
   * One part of the union: a rollup's rows summed by window `w` and the grouped dimensions, so each part hands on as
   * few rows as the answer has (30 days by day are 30 rows from usage_daily, not its 300,000).
   */
  private part(w: string, table: string, where: string, status: string): string {
    const dims = this.q.groupBy.map((d) => (d === 'STATUS' ? `${status} as status` : DIMENSIONS[d].column));
    return `select ${w} as w, ${[...dims, PART_SUMS].join(', ')} from ${table} where ${where} group by ${[1, ...dims.map((_, i) => i + 2)].join(', ')}`;
  }

  /**
   * One union of the rollup buckets of [lo, hi) that make up exact windows, each with its window index `w`.
   * `boundaries` are the windows' bounds. The whole organization-zone days inside [lo, hi) come from a daily rollup
   * when the windows are made of them; the edges (a cut first day, the last day up to the cut) from `buckets`.
   */
  source(boundaries: Date[], lo: Date, hi: Date): string {
    const B = this.param(boundaries, 'timestamptz[]');
    const days = this.wholeDays(lo, hi);
    if (!days) return this.buckets(B, boundaries, lo, hi);
    const { first, after } = days;
    // Read only while the organization is still in the zone prepareUsage found (all its days are in its current
    // zone): a one-time filter, evaluated once in this statement's snapshot. withCurrentZone checks after.
    const zoneHolds = `(select time_zone from organizations where id = ${this.param(this.q.organizationId, 'uuid')}) = ${this.param(this.q.organizationTimeZone, 'text')}`;
    const parts = [
      this.part(
        `width_bucket(day_start, ${B})`,
        this.dailyTable(),
        [...this.conditions(true), zoneHolds, `day >= ${this.param(first.date, 'date')}`, `day < ${this.param(after.date, 'date')}`].join(' and '),
        'status::int',
      ),
    ];
    if (lo.getTime() < first.start) parts.unshift(this.buckets(B, boundaries, lo, new Date(first.start)));
    if (after.start < hi.getTime()) parts.push(this.buckets(B, boundaries, new Date(after.start), hi));
    return parts.join('\nunion all\n');
  }

  /** The narrowest daily rollup with every dimension the query groups or filters by (DAILY_ROLLUPS, first choice first). */
  private dailyTable(): string {
    const q = this.q;
    const needed: string[] = [
      ...q.groupBy.map((d) => DIMENSIONS[d].column),
      ...(q.projectIds ? ['project_id'] : []),
      ...(q.apiKeyIds ? ['api_key_id'] : []),
      ...(q.userIds ? ['user_id'] : []),
      ...(q.models ? ['model'] : []),
      ...(q.statuses ? ['status'] : []),
    ];
    return DAILY_ROLLUPS.find((r) => needed.every((c) => (r.dimensions as readonly string[]).includes(c)))!.table;
  }

  /**
   * The span of whole days of the organization's zone in [lo, hi) and before the quarter-hour cut, when the daily
   * rollups can serve the windows: DAY and MONTH windows in the organization's zone (each such day lies in one window), or a
   * single window (a total, in any zone). Null otherwise.
   */
  private wholeDays(lo: Date, hi: Date) {
    if (!mayReadDays(this.q)) return null;
    const cut = Math.floor(this.q.asOf.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
    return wholeDaysWithin(this.q.organizationTimeZone, lo.getTime(), Math.min(hi.getTime(), cut));
  }

  /** [lo, hi) from the hourly, quarter-hour and minute rollups; `B` is the boundaries' parameter. */
  private buckets(B: string, boundaries: Date[], lo: Date, hi: Date): string {
    const q = this.q;
    const asOf = q.asOf.getTime();
    const cutQuarter = new Date(Math.floor(asOf / QUARTER_HOUR_MS) * QUARTER_HOUR_MS);
    const from = this.param(lo, 'timestamptz');
    const to = this.param(new Date(Math.min(hi.getTime(), asOf)), 'timestamptz');
    const cutQ = this.param(cutQuarter, 'timestamptz');
    const where = (time: string, statusToo: boolean, ...more: string[]) => [...this.conditions(statusToo), `${time} >= ${from}`, ...more].join(' and ');

    if (q.windows.window === 'MINUTE') {
      return this.part(`width_bucket(minute, ${B})`, 'usage_minute', where('minute', true, `minute < ${to}`), 'status::int');
    }
    const statusInvolved = q.groupBy.includes('STATUS') || q.statuses !== null;
    // An hour is read from usage_hourly when it lies wholly inside one window and before the quarter-hour cut.
    const wholeHour = (h: string) =>
      `(${h} >= ${from} and ${h} + interval '1 hour' <= least(${cutQ}, ${to}) and width_bucket(${h}, ${B}) = width_bucket(${h} + interval '59 minutes', ${B}))`;
    const parts: string[] = [];
    if (!statusInvolved) {
      parts.push(this.part(`width_bucket(hour, ${B})`, 'usage_hourly', where('hour', false, `hour < least(${cutQ}, ${to})`, wholeHour('hour')), 'null::int'));
    }
    // The quarter hours of the other hours only: named one by one (an index lookup each) when they are few, so the
    // quarters inside whole hours are not read at all. `not wholeHour(...)` still decides; the list only narrows the read.
    const quarters = statusInvolved ? null : quartersOutsideWholeHours(boundaries, lo, new Date(Math.min(hi.getTime(), asOf, cutQuarter.getTime())));
    parts.push(
      this.part(
        `width_bucket(bucket, ${B})`,
        'usage_quarter_hour',
        where(
          'bucket',
          true,
          `bucket < least(${cutQ}, ${to})`,
          ...(statusInvolved ? [] : [`not ${wholeHour("date_trunc('hour', bucket, 'UTC')")}`]),
          ...(quarters ? [`bucket = any(${this.param(quarters, 'timestamptz[]')})`] : []),
        ),
        'status::int',
      ),
    );
    parts.push(this.part(`width_bucket(minute, ${B})`, 'usage_minute', where('minute', true, `minute >= ${cutQ}`, `minute < ${to}`), 'status::int'));
    return parts.join('\nunion all\n');
  }
}

/**
 * Runs `read` (a page or the totals), then reads the organization's zone again. A zone change since prepareUsage
 * rebuilt the days in the new zone, which `read` left alone (its days part holds only while the zone is the one it
 * was given), so then it runs again with the new zone. (Missed only by two zone changes, there and back, inside
 * one read.)
 */
async function withCurrentZone<T>(execute: Execute, q: UsageQuery, read: (q: UsageQuery) => Promise<T>): Promise<T> {
  const result = await read(q);
  if (!mayReadDays(q)) return result;
  const [row] = await execute('select time_zone from organizations where id = $1::uuid', [q.organizationId]);
  const zone = row?.time_zone as string | undefined;
  return zone === undefined || zone === q.organizationTimeZone ? result : withCurrentZone(execute, { ...q, organizationTimeZone: zone }, read);
}

const HOUR_MS = 60 * MINUTE_MS;
/** Beyond this many quarter hours a range scan is cheaper than naming them. */
const MAX_NAMED_QUARTERS = 4096;

/**
 * The quarter-hour buckets in [lo, end) of the UTC hours that do not lie wholly inside one window and before `end`
 * (the hours usage_hourly cannot serve): the hour `lo` or `end` cuts, and every hour with a window boundary strictly
 * inside it. Null when there are too many to name (an hourly grain in a +05:45 zone, say).
 */
export function quartersOutsideWholeHours(boundaries: readonly Date[], lo: Date, end: Date): Date[] | null {
  const quarters: Date[] = [];
  const from = lo.getTime();
  const until = end.getTime();
  const add = (hour: number) => {
    for (let q = Math.max(hour, from); q < Math.min(hour + HOUR_MS, until); q += QUARTER_HOUR_MS) quarters.push(new Date(q));
  };
  const hours = new Set<number>();
  if (from < until) {
    hours.add(Math.floor(from / HOUR_MS) * HOUR_MS);
    hours.add(Math.floor((until - 1) / HOUR_MS) * HOUR_MS);
  }
  for (const b of boundaries) {
    const t = b.getTime();
    if (t > from && t < until && t % HOUR_MS !== 0) hours.add(Math.floor(t / HOUR_MS) * HOUR_MS);
  }
  if (hours.size * 4 > MAX_NAMED_QUARTERS) return null;
  for (const hour of [...hours].sort((a, b) => a - b)) add(hour);
  return quarters;
}

const SUMS_SQL = `sum(requests)::text as requests, sum(errors)::text as errors, sum(input_tokens)::text as input_tokens, sum(cached_input_tokens)::text as cached_input_tokens,
  sum(output_tokens)::text as output_tokens, sum(reasoning_tokens)::text as reasoning_tokens, sum(cost)::text as cost`;

interface SumsRow {
  requests: string | null;
  errors: string | null;
  input_tokens: string | null;
  cached_input_tokens: string | null;
  output_tokens: string | null;
  reasoning_tokens: string | null;
  cost: string | null;
}

const figures = (r: SumsRow | undefined): UsageFiguresType => ({
  requests: Number(r?.requests ?? 0),
  errors: Number(r?.errors ?? 0),
  inputTokens: Number(r?.input_tokens ?? 0),
  cachedInputTokens: Number(r?.cached_input_tokens ?? 0),
  outputTokens: Number(r?.output_tokens ?? 0),
  reasoningTokens: Number(r?.reasoning_tokens ?? 0),
  cost: BigInt(r?.cost ?? 0),
});

type Execute = (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

/** Runs SQL written with `$n::type` parameters through the ORM's connection (db's emQueryable: `?` bindings, arrays as literals). */
export const executorOf =
  (ctx: Pick<Context, 'em'>): Execute =>
  async (sql, params) =>
    (await emQueryable(ctx.em).query<Record<string, unknown>>(sql, params)).rows;

/** Sums over the whole range and filter: the range as one window, so as many whole hours as possible come from usage_hourly. */
export function usageTotals(execute: Execute, q: UsageQuery): Promise<UsageFiguresType> {
  return withCurrentZone(execute, q, (q) => readTotals(execute, q));
}

async function readTotals(execute: Execute, q: UsageQuery): Promise<UsageFiguresType> {
  const b = q.windows.boundaries;
  const sql = new UsageSql({ ...q, windows: { ...q.windows, window: q.windows.window === 'MINUTE' ? 'MINUTE' : null } });
  const source = sql.source([b[0]!, b.at(-1)!], b[0]!, b.at(-1)!);
  // The source reads [b0, bn) only, all of it window 1.
  const [row] = await execute(`select ${SUMS_SQL} from (${source}) s`, sql.params);
  return figures(row as unknown as SumsRow);
}

export interface UsagePage {
  rows: UsageRowType[];
  endCursor: string | null;
  /** The range's sums when this page holds every row of the query (the first page, and no other): its rows' sums. */
  totals: UsageFiguresType | null;
}

/** The sums of rows that together are every row of a query: its totals, exactly (each call is in one row). */
function sumOf(rows: readonly UsageRowType[]): UsageFiguresType {
  const sum: UsageFiguresType = { requests: 0, errors: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, reasoningTokens: 0, cost: 0n };
  for (const r of rows) {
    sum.requests += r.requests;
    sum.errors += r.errors;
    sum.inputTokens += r.inputTokens;
    sum.cachedInputTokens += r.cachedInputTokens;
    sum.outputTokens += r.outputTokens;
    sum.reasoningTokens += r.reasoningTokens;
    sum.cost += r.cost;
  }
  return sum;
}

/**
 * One page of rows. Without groupBy: one row per window, zero-filled. With
 * groupBy: the non-empty groups, window by window, read a few windows at a time
 * (as many as the rows seen so far say the page still needs, at most doubling)
 * so a page costs what its rows cost, wherever it lies in the range.
 */
export function usagePage(execute: Execute, q: UsageQuery): Promise<UsagePage> {
  return withCurrentZone(execute, q, (q) => readPage(execute, q));
}

async function readPage(execute: Execute, q: UsageQuery): Promise<UsagePage> {
  const b = q.windows.boundaries;
  const n = b.length - 1;
  const rowOf = (w: number, r: Record<string, unknown> | undefined): UsageRowType => ({
    windowStart: b[w - 1]!,
    windowEnd: b[w]!,
    projectId: null,
    apiKeyId: null,
    userId: null,
    model: null,
    status: null,
    ...figures(r as unknown as SumsRow | undefined),
    ...(r
      ? Object.fromEntries(
          q.groupBy.map((d) => [DIMENSIONS[d].field, d === 'STATUS' ? (r.status === null ? null : Number(r.status)) : (r[DIMENSIONS[d].column] ?? null)]),
        )
      : {}),
  });

  if (q.groupBy.length === 0) {
    const start = q.position ? q.position.window + 1 : 1;
    const end = Math.min(n, start + q.first - 1);
    if (start > n) return { rows: [], endCursor: null, totals: null };
    const sql = new UsageSql(q);
    const source = sql.source(b, b[start - 1]!, b[end]!);
    // The source reads windows start..end only (no filter on w: its estimate would make PostgreSQL sort, not hash, the rows).
    const found = await execute(`select w, ${SUMS_SQL} from (${source}) s group by w`, sql.params);
    const byWindow = new Map(found.map((r) => [Number(r.w), r]));
    const rows = Array.from({ length: end - start + 1 }, (_, i) => rowOf(start + i, byWindow.get(start + i)));
    const complete = start === 1 && end === n;
    return {
      rows,
      endCursor: complete ? null : end < n ? encodeCursor({ asOf: q.asOf.toISOString(), window: end, keys: null, fingerprint: q.fingerprint }) : null,
      totals: complete ? sumOf(rows) : null,
    };
  }

  const rows: UsageRowType[] = [];
  const sortKeys = q.groupBy.map((d) => DIMENSIONS[d]);
  let position = q.position;
  let start = position?.window ?? 1;
  let span = 1;
  while (start <= n && rows.length <= q.first) {
    const end = Math.min(n, start + span - 1);
    const sql = new UsageSql(q);
    const source = sql.source(b, b[start - 1]!, b[end]!);
    const keyset = position?.keys
      ? `where (w, ${sortKeys.map((k) => k.sort).join(', ')}) > (${sql.param(position.window, 'int')}, ${position.keys.map((v, i) => sql.param(v, sortKeys[i]!.type)).join(', ')})`
      : '';
    const limit = q.first + 1 - rows.length;
    const found = await execute(
      `select w, ${sortKeys.map((k) => k.column).join(', ')}, ${SUMS_SQL} from (${source}) s ${keyset}
        group by w, ${sortKeys.map((k) => k.column).join(', ')}
        order by w, ${sortKeys.map((k) => k.sort).join(', ')} limit ${limit}`,
      sql.params,
    );
    rows.push(
      ...found.map((r) =>
        Object.assign(rowOf(Number(r.w), r), { __keys: sortKeys.map((k) => (k.column === 'user_id' ? (r.user_id ?? NIL_UUID) : r[k.column])) }),
      ),
    );
    position = null;
    // As many windows as the rows still wanted take at the rate just seen (at least one), at most twice as many as
    // read: a page that crosses into the next day of 9,400 groups reads that day, not two.
    const read = end - start + 1;
    const wanted = q.first + 1 - rows.length;
    span = found.length === 0 ? read * 2 : Math.min(read * 2, Math.max(1, Math.ceil((wanted * read) / found.length)));
    start = end + 1;
  }
  const more = rows.length > q.first;
  const page = rows.slice(0, q.first);
  const last = page.at(-1) as (UsageRowType & { __keys: Array<string | number> }) | undefined;
  const endCursor =
    more && last
      ? encodeCursor({
          asOf: q.asOf.toISOString(),
          window: b.findIndex((t) => t.getTime() === last.windowStart.getTime()) + 1,
          keys: last.__keys.map((v) => (typeof v === 'number' ? v : String(v))),
          fingerprint: q.fingerprint,
        })
      : null;
  for (const row of page) delete (row as Partial<{ __keys: unknown }>).__keys;
  return { rows: page, endCursor, totals: !more && q.position === null ? sumOf(page) : null };
}
