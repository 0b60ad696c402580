import { QUARTER_HOUR_MS, zonedDayOf, type ZonedDay } from '@tollgate/domain';
import type { NamedStatement, Queryable } from '../ledger/consumes';

/**
 * The daily rollups (usage_daily and two narrower ones, DAILY_ROLLUPS below;
 * usage-rollup.entity.ts): days in each organization's own time zone, with
 * the boundaries the domain gives DAY windows (zonedDayOf), so the usage query
 * can read a whole day of the organization's zone as one bucket.
 *
 * Its one invariant: every row of an organization is in the organization's
 * current zone. A recorder batch reads the zones with `for key share` on its
 * organizations' rows at the start of its transaction (lockOrganizationZones);
 * setOrganizationTimeZone takes `for update` on the row, which waits for those
 * batches and makes later ones wait, and rebuilds the organization's days from
 * its quarter hours in the same transaction (rebuildUsageDaily). `for key
 * share` rather than `for share`: other updates of an organization (its name,
 * its limits) take a weaker lock and need not wait for a batch.
 */

/** An organization's day as a batch writes it (the JSON rows writeUsageBatch joins its events to). */
export interface BatchDay {
  organization_id: string;
  day: string;
  day_start: string;
  day_end: string;
  time_zone: string;
}

const LOCK_ORGANIZATION_ZONES: NamedStatement = {
  name: 'tollgate_lock_organization_zones_v1',
  text: 'select id, time_zone from organizations where id = any($1::uuid[]) order by id for key share',
};

/** Locks the organizations' rows (id order, so two recorders lock alike) for the transaction; answers their zones. */
export async function lockOrganizationZones(db: Queryable, organizationIds: readonly string[]): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; time_zone: string }>(LOCK_ORGANIZATION_ZONES, [[...new Set(organizationIds)]]);
  return new Map(rows.map((r) => [r.id, r.time_zone]));
}

/** A few recent days per zone: a batch spans minutes, so a day's boundaries are computed about once a day per zone. */
const recentDays = new Map<string, ZonedDay[]>();
function dayOf(zone: string, t: number): ZonedDay {
  const days = recentDays.get(zone) ?? [];
  let day = days.find((d) => t >= d.start && t < d.end);
  if (!day) {
    day = zonedDayOf(zone, t);
    recentDays.set(zone, [day, ...days].slice(0, 4));
  }
  return day;
}

/**
 * The days the events fall on, each organization's in its zone (UTC for an organization with no row, whose
 * usage no one can query); one row per organization and day.
 */
export function batchDays(events: ReadonlyArray<{ organizationId: string; time: Date }>, zones: ReadonlyMap<string, string>): BatchDay[] {
  const found = new Map<string, BatchDay>();
  for (const e of events) {
    const zone = zones.get(e.organizationId) ?? 'UTC';
    const day = dayOf(zone, e.time.getTime());
    const key = `${e.organizationId}|${day.start}`;
    if (!found.has(key)) {
      found.set(key, {
        organization_id: e.organizationId,
        day: day.date,
        day_start: new Date(day.start).toISOString(),
        day_end: new Date(day.end).toISOString(),
        time_zone: zone,
      });
    }
  }
  return [...found.values()];
}

/**
 * The daily rollups, the usage query's first choice first: the narrowest that has every dimension a query groups or
 * filters by serves it. usage_daily has them all; the other two leave out the model, or the key and member, and so
 * have a fraction of its rows (usage-rollup.entity.ts). All three are written by each batch and rebuilt together.
 */
export const DAILY_ROLLUPS = [
  { table: 'usage_daily_key', dimensions: ['project_id', 'api_key_id', 'user_id', 'status'] },
  { table: 'usage_daily_model', dimensions: ['project_id', 'model', 'status'] },
  { table: 'usage_daily', dimensions: ['project_id', 'api_key_id', 'user_id', 'model', 'status'] },
] as const satisfies ReadonlyArray<{ table: string; dimensions: readonly string[] }>;
export type DailyRollup = (typeof DAILY_ROLLUPS)[number];

/** One SQL statement with `?` bindings: MikroORM's `em.execute`, or a migration's `execute`. */
export type ExecuteSql = (sql: string, params: unknown[]) => Promise<unknown[]>;

/** ExecuteSql over a pg client or pool (`?` become `$1`, `$2`, ...). */
export const executeOn =
  (db: Queryable): ExecuteSql =>
  async (sql, params) => {
    let n = 0;
    return (
      await db.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      )
    ).rows;
  };

const SUMS = ['requests', 'errors', 'input_tokens', 'cached_input_tokens', 'output_tokens', 'reasoning_tokens', 'cost'];
const DAY_COLUMNS = ['day', 'day_start', 'day_end', 'time_zone'];
const FULL = DAILY_ROLLUPS.find((r) => r.table === 'usage_daily')!;

/**
 * Replaces an organization's days with its quarter hours summed by day of `timeZone`. Exact: every UTC offset in
 * use is a multiple of 15 minutes, so every day boundary is a quarter hour's. Run in the transaction that sets the
 * zone, holding the organization's row `for update` (see above). Written in day order, as batches write them, so a
 * range of days is a range of the table.
 */
export async function rebuildUsageDaily(execute: ExecuteSql, organizationId: string, timeZone: string): Promise<void> {
  for (const r of DAILY_ROLLUPS) await execute(`delete from ${r.table} where organization_id = ?::uuid`, [organizationId]);
  const [range] = (await execute(
    `select (extract(epoch from min(bucket)) * 1000)::float8 as lo, (extract(epoch from max(bucket)) * 1000)::float8 as hi
       from usage_quarter_hour where organization_id = ?::uuid`,
    [organizationId],
  )) as Array<{ lo: number | null; hi: number | null }>;
  if (range?.lo == null || range.hi == null) return;
  const days: Array<Omit<BatchDay, 'organization_id' | 'time_zone'>> = [];
  for (let day = zonedDayOf(timeZone, range.lo); day.start <= range.hi; day = zonedDayOf(timeZone, day.end)) {
    if (day.start % QUARTER_HOUR_MS !== 0) throw new Error(`${timeZone} has a day starting off the quarter hour (${new Date(day.start).toISOString()})`);
    days.push({ day: day.date, day_start: new Date(day.start).toISOString(), day_end: new Date(day.end).toISOString() });
  }
  const dims = ['organization_id', ...FULL.dimensions].map((c) => `q.${c}`).join(', ');
  await execute(
    `insert into usage_daily (${DAY_COLUMNS.join(', ')}, organization_id, ${FULL.dimensions.join(', ')}, ${SUMS.join(', ')})
     select d.day, d.day_start, d.day_end, ?::text, ${dims}, ${SUMS.map((c) => `sum(q.${c})`).join(', ')}
       from json_to_recordset(?::json) as d(day date, day_start timestamptz, day_end timestamptz)
       join usage_quarter_hour q on q.organization_id = ?::uuid and q.bucket >= d.day_start and q.bucket < d.day_end
      group by d.day, d.day_start, d.day_end, ${dims}
      order by d.day`,
    [timeZone, JSON.stringify(days), organizationId],
  );
  await deriveNarrowDailyRollups(execute, organizationId);
}

/** Fills an organization's narrower daily rollups (empty before) from its usage_daily rows, in day order. */
export async function deriveNarrowDailyRollups(execute: ExecuteSql, organizationId: string): Promise<void> {
  for (const r of DAILY_ROLLUPS) {
    if (r.table === FULL.table) continue;
    const columns = [...DAY_COLUMNS, 'organization_id', ...r.dimensions].join(', ');
    await execute(
      `insert into ${r.table} (${columns}, ${SUMS.join(', ')})
       select ${columns}, ${SUMS.map((c) => `sum(${c})`).join(', ')} from usage_daily where organization_id = ?::uuid
        group by ${columns} order by day`,
      [organizationId],
    );
  }
}
