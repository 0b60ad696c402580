import type pg from 'pg';
import type { Queryable } from '../ledger/consumes';
import { poolTransaction, type InTransaction } from '../pool-transaction';

/**
 * request_logs is partitioned by range of `time`, one partition per UTC month
 * (request_logs_y2026m12: December 2026). Months, not days: the Requests page
 * and the lookups by request or response id read every partition, and over
 * 438 daily partitions planning them took 35-50 ms against 0.3 ms over 15
 * monthly ones (unpartitioned: 0.07 ms). Partitions are made ahead by the
 * server's hourly job (this month and the next) and, for a month still
 * without one, by the writer before its batch; whole months past the
 * installation's retention are dropped (REQUEST_LOG_RETENTION_DAYS), never
 * deleted row by row. The rollups are separate tables and keep every total.
 */
export interface MonthPartition {
  name: string;
  /** Inclusive. */
  from: Date;
  /** Exclusive: the next month's start. */
  to: Date;
}

/** pino's shape, the part these need. */
export interface PartitionLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export const SILENT_PARTITION_LOGGER: PartitionLogger = { info: () => undefined, warn: () => undefined };

/** Creators and droppers of partitions take it for their transaction, so two never race on the catalog. */
const PARTITION_LOCK = 7_311_852_026_120_101n;

const NAME = /^request_logs_y(\d{4})m(\d{2})$/;

/** The month partition `time` belongs in. */
export function monthPartitionOf(time: Date): MonthPartition {
  const year = time.getUTCFullYear();
  const month = time.getUTCMonth();
  return {
    name: `request_logs_y${year}m${String(month + 1).padStart(2, '0')}`,
    from: new Date(Date.UTC(year, month, 1)),
    to: new Date(Date.UTC(year, month + 1, 1)),
  };
}

/** The month partitions from `first`'s month to `last`'s, in order. */
export function monthPartitionsBetween(first: Date, last: Date): MonthPartition[] {
  const months: MonthPartition[] = [];
  for (let p = monthPartitionOf(first); p.from <= last; p = monthPartitionOf(p.to)) months.push(p);
  return months;
}

/** The distinct month partitions of these times. */
export function monthPartitionsOf(times: Iterable<Date>): MonthPartition[] {
  const months = new Map<string, MonthPartition>();
  for (const t of times) {
    const p = monthPartitionOf(t);
    if (!months.has(p.name)) months.set(p.name, p);
  }
  return [...months.values()];
}

/** `for values from (…) to (…)` of a partition: timestamps of our own making, safe to inline (DDL takes no parameters). */
export const partitionBounds = (p: MonthPartition) => `for values from ('${p.from.toISOString()}') to ('${p.to.toISOString()}')`;

/** The partitions attached to request_logs now, by name. */
async function attachedPartitions(db: Queryable): Promise<Set<string>> {
  const { rows } = await db.query<{ name: string }>(
    `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'request_logs'::regclass`,
  );
  return new Set(rows.map((r) => r.name));
}

/**
 * Creates the partitions among `months` that request_logs lacks; answers those it created. A new
 * table attached to request_logs rather than `create table … partition of`: attaching takes a
 * share-update-exclusive lock on request_logs, so batches writing and pages reading go on.
 */
export async function createRequestLogPartitions(inTransaction: InTransaction, months: readonly MonthPartition[]): Promise<MonthPartition[]> {
  if (!months.length) return [];
  return inTransaction(async (db) => {
    await db.query('select pg_advisory_xact_lock($1)', [PARTITION_LOCK.toString()]);
    const attached = await attachedPartitions(db);
    const missing = months.filter((p) => !attached.has(p.name));
    for (const p of missing) {
      await db.query(`create table "${p.name}" (like request_logs including defaults including constraints)`);
      await db.query(`alter table request_logs attach partition "${p.name}" ${partitionBounds(p)}`);
    }
    return missing;
  });
}

/**
 * Drops the month partitions whose every row is older than `retentionDays` before `now`: whole
 * tables, no row-by-row delete. A month is dropped once its last day is past the retention, so
 * rows are kept between `retentionDays` and a month more. Each drop waits at most 5 s for the
 * exclusive lock it needs (a long read of request_logs), else it is left to the next run.
 */
export async function dropExpiredRequestLogPartitions(inTransaction: InTransaction, retentionDays: number, now = new Date()): Promise<MonthPartition[]> {
  const cutoff = now.getTime() - retentionDays * 86_400_000;
  const expired = [...(await inTransaction(attachedPartitions))]
    .flatMap((name) => {
      const m = NAME.exec(name);
      return m ? [monthPartitionOf(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)))] : [];
    })
    .filter((p) => p.to.getTime() <= cutoff)
    .sort((a, b) => a.from.getTime() - b.from.getTime());
  for (const p of expired) {
    await inTransaction(async (db) => {
      await db.query(`set local lock_timeout = '5s'`);
      await db.query('select pg_advisory_xact_lock($1)', [PARTITION_LOCK.toString()]);
      await db.query(`drop table if exists "${p.name}"`);
    });
  }
  return expired;
}

/** Months a writer has seen partitioned, per pool (one database): checked once each, not per batch. */
const knownMonths = new WeakMap<pg.Pool, Set<string>>();

/**
 * The writer's on-demand path: makes sure each month of `times` has its partition before a batch
 * writes into it, so an insert never fails for want of one. A partition it had to make means the
 * job did not make it ahead (not running, or an old event replayed): one warning line says which.
 */
export async function ensureRequestLogPartitions(pool: pg.Pool, times: Iterable<Date>, logger: PartitionLogger): Promise<void> {
  const known = knownMonths.get(pool) ?? new Set<string>();
  knownMonths.set(pool, known);
  const unknown = monthPartitionsOf(times).filter((p) => !known.has(p.name));
  if (!unknown.length) return;
  for (const p of await createRequestLogPartitions(poolTransaction(pool), unknown)) {
    logger.warn(
      { code: 'REQUEST_LOG_PARTITION_CREATED', partition: p.name, from: p.from.toISOString(), to: p.to.toISOString() },
      'request_logs had no partition for these calls: created it on demand (the server makes them ahead hourly)',
    );
  }
  for (const p of unknown) known.add(p.name);
}

/** After a write found a month's partition gone (dropped since it was seen): the next ensure checks again. */
export function forgetRequestLogPartitions(pool: pg.Pool): void {
  knownMonths.delete(pool);
}

/** PostgreSQL's answer to a row whose month has no partition. */
export function isMissingPartition(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return e?.code === '23514' && typeof e.message === 'string' && e.message.startsWith('no partition of relation');
}

/** Months made ahead by the job: this one and the next, so a month's first call finds its partition. */
export const MONTHS_AHEAD = 1;

/**
 * The server's hourly maintenance: the partitions of this month and the next, then, with a
 * retention, the drop of the months past it. Answers what it created and dropped.
 */
export async function maintainRequestLogPartitions(
  inTransaction: InTransaction,
  retentionDays: number | null,
  logger: PartitionLogger,
  now = new Date(),
): Promise<{ created: MonthPartition[]; dropped: MonthPartition[] }> {
  const ahead = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + MONTHS_AHEAD, 1));
  const created = await createRequestLogPartitions(inTransaction, monthPartitionsBetween(now, ahead));
  for (const p of created) logger.info({ code: 'REQUEST_LOG_PARTITION_CREATED', partition: p.name }, 'request_logs partition made ahead');
  const dropped = retentionDays === null ? [] : await dropExpiredRequestLogPartitions(inTransaction, retentionDays, now);
  for (const p of dropped) {
    logger.info(
      { code: 'REQUEST_LOG_PARTITION_DROPPED', partition: p.name, retentionDays },
      'request_logs partition past the retention dropped (the rollups keep its totals)',
    );
  }
  return { created, dropped };
}
