import { MINUTE_ROLLUP_RETENTION_MS, type UsageSource } from '@tollgate/domain';
import type pg from 'pg';
import { detectUsageAlerts } from '../alerts/detect';
import { appendConsumes } from '../ledger/consumes';
import { numberUsageDeltas, type NumberedUsageDelta } from '../live/usage-deltas';
import { inPoolTransaction } from '../pool-transaction';
import { unnestFrom, unnestValues, type UnnestColumn } from '../unnest-rows';
import { batchDays, DAILY_ROLLUPS, lockOrganizationZones, type BatchDay } from './usage-daily';
import {
  ensureRequestLogPartitions,
  forgetRequestLogPartitions,
  isMissingPartition,
  SILENT_PARTITION_LOGGER,
  type PartitionLogger,
} from './request-log-partitions';

/** One proxied call, as the request log and the rollups record it. */
export interface UsageEvent {
  requestId: string;
  time: Date;
  organizationId: string;
  projectId: string;
  apiKeyId: string;
  userId: string | null;
  model: string;
  status: number;
  /** Cached ones included. */
  inputTokens: number;
  cachedInputTokens: number;
  /** Reasoning ones included. */
  outputTokens: number;
  reasoningTokens: number;
  /** Null for a call that used nothing (refused before it went upstream). */
  usageSource: UsageSource | null;
  /** The Responses API's id of the answer. */
  responseId: string | null;
  /** Micro-units. */
  cost: bigint;
  /** Taken from the organization's prepaid wallet (micro-units; 0: none): written as the call's Consume record. */
  charge: bigint;
  latencyMs: number;
  upstreamLatencyMs: number | null;
  stream: boolean;
  errorCode: string | null;
  content: Record<string, unknown> | null;
  /** Passed every check and went upstream: counts against request limits. */
  forwarded: boolean;
}

/** What a call's Consume record says it was for. */
export const consumeDescription = (e: Pick<UsageEvent, 'model' | 'inputTokens' | 'cachedInputTokens' | 'outputTokens'>): string =>
  `${e.model}: ${e.inputTokens} input${e.cachedInputTokens > 0 ? ` (${e.cachedInputTokens} cached)` : ''} + ${e.outputTokens} output tokens`;

/**
 * Writes a batch of usage events in one transaction: the request-log rows
 * (unique by request id and time, which a replayed event carries unchanged, so
 * a retried batch is a no-op; their months' partitions made first if missing,
 * request-log-partitions.ts), the rollups of the rows
 * actually inserted (hourly for the limits; quarter-hour, minute and, in each
 * organization's zone, daily for the usage query), and their Consume records
 * (appendConsumes). It first locks its organizations' rows `for key share`, so
 * a zone change waits for it, or it for the change and sees the new zone
 * (usage-daily.ts). Answers what the batch added per organization, numbered
 * for live dashboards (live/usage-deltas.ts).
 */
export async function writeUsageBatch(
  pool: pg.Pool,
  events: readonly UsageEvent[],
  logger: PartitionLogger = SILENT_PARTITION_LOGGER,
): Promise<NumberedUsageDelta[]> {
  // A month's partition gone since this process saw it (retention, by hand) fails the insert: check again and retry.
  for (let attempt = 1; ; attempt++) {
    await ensureRequestLogPartitions(
      pool,
      events.map((e) => e.time),
      logger,
    );
    try {
      return await writeBatchOnce(pool, events);
    } catch (err) {
      if (attempt === 3 || !isMissingPartition(err)) throw err;
      forgetRequestLogPartitions(pool);
    }
  }
}

async function writeBatchOnce(pool: pg.Pool, events: readonly UsageEvent[]): Promise<NumberedUsageDelta[]> {
  const deltas = await inPoolTransaction(pool, async (client) => {
    const zones = await lockOrganizationZones(
      client,
      events.map((e) => e.organizationId),
    );
    const replayed = new Set((await insertLogsAndRollups(client, events, batchDays(events, zones))).map((r) => r.id));
    const written = replayed.size ? events.filter((e) => !replayed.has(e.requestId)) : events;
    await appendConsumes(
      client,
      written.map((e) => ({ organizationId: e.organizationId, requestLogId: e.requestId, charge: e.charge, time: e.time, description: consumeDescription(e) })),
    );
    await detectUsageAlerts(client, written);
    return numberUsageDeltas(client, written);
  });
  if (Date.now() - lastMinutePrune > MINUTE_PRUNE_EVERY_MS) {
    lastMinutePrune = Date.now();
    // Not part of the batch: a failed prune is retried at the next one.
    await pruneMinuteRollups(pool).catch(() => undefined);
  }
  return deltas;
}

const ALL_DIMENSIONS = ['project_id', 'api_key_id', 'user_id', 'model', 'status'] as const;
const SUMS = ['requests', 'errors', 'input_tokens', 'cached_input_tokens', 'output_tokens', 'reasoning_tokens', 'cost'] as const;
const sums = (columns: readonly string[]) => columns.map((c) => `sum(${c})`).join(', ');
const addExcluded = (table: string, columns: readonly string[]) => columns.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');

/**
 * The upsert of one analytics rollup (usage-rollup.entity.ts: quarter hours, minutes and days, by
 * status too) from `fine`, the batch's inserted rows already summed by minute and every dimension
 * (a few rows, however many calls), in key order so two proxies' batches lock rows in the same
 * order. `bucket` names the rollup's time columns and their values over `fine`; `dimensions` are
 * the rollup's (all of them but for the narrower daily rollups).
 */
function analyticsRollup(
  table: string,
  bucket: { columns: string[]; values: string[]; where?: string },
  dimensions: readonly string[] = ALL_DIMENSIONS,
): string {
  const n = bucket.columns.length;
  const groups = Array.from({ length: n + 1 + dimensions.length }, (_, i) => i + 1);
  // Organization, then the first time column (the day, the quarter hour, the minute), then the rest.
  const order = [n + 1, 1, ...groups.filter((i) => i !== 1 && i !== n + 1)];
  return `insert into ${table} (${bucket.columns.join(', ')}, organization_id, ${dimensions.join(', ')}, ${SUMS.join(', ')})
       select ${bucket.values.join(', ')}, organization_id, ${dimensions.join(', ')}, ${sums(SUMS)}
         from fine${bucket.where ? ` where ${bucket.where}` : ''} group by ${groups.join(', ')} order by ${order.join(', ')}
       on conflict (organization_id, ${bucket.columns[0]}, ${dimensions.join(', ')}) do update set ${addExcluded(table, SUMS)}`;
}

/** The upserts of the daily rollups (usage-daily.ts), from each fine row's day in its organization's zone. */
const dailyRollups = () =>
  DAILY_ROLLUPS.map(
    (r) => `${r.table}_rows as (
       ${analyticsRollup(
         r.table,
         { columns: ['day', 'day_start', 'day_end', 'time_zone'], values: ['day', 'day_start', 'day_end', 'time_zone'], where: 'day is not null' },
         r.dimensions,
       )}
     )`,
  ).join(', ');

const HOURLY_SUMS = ['requests', 'errors', 'forwarded', 'input_tokens', 'cached_input_tokens', 'output_tokens', 'reasoning_tokens', 'cost'] as const;

/** An event as insertLogsAndRollups reads it: a request-log row, one array per column (unnest-rows.ts). */
const LOG_COLUMNS: ReadonlyArray<UnnestColumn<UsageEvent>> = [
  { name: 'id', type: 'uuid', value: (e) => e.requestId },
  { name: 'time', type: 'timestamptz', value: (e) => e.time },
  { name: 'organization_id', type: 'uuid', value: (e) => e.organizationId },
  { name: 'project_id', type: 'uuid', value: (e) => e.projectId },
  { name: 'api_key_id', type: 'uuid', value: (e) => e.apiKeyId },
  { name: 'user_id', type: 'uuid', value: (e) => e.userId },
  { name: 'model', type: 'text', value: (e) => e.model },
  { name: 'status', type: 'int', value: (e) => e.status },
  { name: 'input_tokens', type: 'int', value: (e) => e.inputTokens },
  { name: 'cached_input_tokens', type: 'int', value: (e) => e.cachedInputTokens },
  { name: 'output_tokens', type: 'int', value: (e) => e.outputTokens },
  { name: 'reasoning_tokens', type: 'int', value: (e) => e.reasoningTokens },
  { name: 'usage_source', type: 'usage_source', value: (e) => e.usageSource },
  { name: 'cost', type: 'bigint', value: (e) => e.cost },
  { name: 'latency_ms', type: 'int', value: (e) => e.latencyMs },
  { name: 'upstream_latency_ms', type: 'int', value: (e) => e.upstreamLatencyMs },
  { name: 'stream', type: 'bool', value: (e) => e.stream },
  { name: 'error_code', type: 'text', value: (e) => e.errorCode },
  { name: 'content', type: 'text', value: (e) => (e.content === null ? null : JSON.stringify(e.content)) },
  { name: 'response_id', type: 'text', value: (e) => e.responseId },
  { name: 'forwarded', type: 'bool', value: (e) => e.forwarded },
];

/**
 * The statement of insertLogsAndRollups, built once and prepared once per connection (a named
 * statement): PostgreSQL then parses and plans its dozen CTEs once, not on every batch. The
 * inserted rows are summed once, into `fine` (by minute, every dimension and the organization's
 * day: a minute never straddles a day, whose bounds are whole quarter hours), and every rollup
 * sums those few rows again; summing the calls for each of the seven rollups cost more than
 * inserting them.
 */
const INSERT_LOGS_AND_ROLLUPS = {
  name: 'tollgate_usage_batch_v4',
  text: `with incoming as (
       select * from ${unnestFrom(LOG_COLUMNS, 't')}
     ), inserted as (
       insert into request_logs (id, time, organization_id, project_id, api_key_id, user_id, model, status, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, usage_source,
                                 cost, latency_ms, upstream_latency_ms, stream, error_code, content, response_id)
       select id, time, organization_id, project_id, api_key_id, user_id, model, status, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, usage_source,
              cost, latency_ms, upstream_latency_ms, stream, error_code, content::jsonb, response_id from incoming
       on conflict (id, time) do nothing
       returning id
     ), days as (
       select * from json_to_recordset($${LOG_COLUMNS.length + 1}::json) as d(organization_id uuid, day date, day_start timestamptz, day_end timestamptz, time_zone text)
     ), fine as materialized (
       select date_trunc('minute', i.time, 'UTC') as minute, i.organization_id, i.project_id, i.api_key_id, i.user_id, i.model, i.status::smallint as status,
              d.day, d.day_start, d.day_end, d.time_zone,
              count(*) as requests, count(*) filter (where i.status >= 400) as errors, count(*) filter (where i.forwarded) as forwarded,
              sum(i.input_tokens) as input_tokens, sum(i.cached_input_tokens) as cached_input_tokens, sum(i.output_tokens) as output_tokens,
              sum(i.reasoning_tokens) as reasoning_tokens, sum(i.cost) as cost
         from incoming i join inserted using (id)
         left join days d on d.organization_id = i.organization_id and i.time >= d.day_start and i.time < d.day_end
        group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
     ), rollups as (
       insert into usage_hourly (id, hour, organization_id, project_id, api_key_id, user_id, model, ${HOURLY_SUMS.join(', ')})
       select gen_random_uuid(), date_trunc('hour', minute, 'UTC'), organization_id, project_id, api_key_id, user_id, model, ${sums(HOURLY_SUMS)}
         from fine group by 2, 3, 4, 5, 6, 7
       on conflict (hour, organization_id, project_id, api_key_id, user_id, model) do update set ${addExcluded('usage_hourly', HOURLY_SUMS)}
     ), quarters as (
       ${analyticsRollup('usage_quarter_hour', { columns: ['bucket'], values: ["date_bin('15 minutes', minute, timestamptz '2000-01-01 00:00:00+00')"] })}
     ), minutes as (
       ${analyticsRollup('usage_minute', { columns: ['minute'], values: ['minute'] })}
     ), ${dailyRollups()}
     select id from incoming where id not in (select id from inserted)`,
};

/**
 * The request-log rows and the rollups of those inserted (not those already there), in one
 * statement; answers the ids of the events that were there already (replays: usually none, so a
 * batch's answer is not a row per event).
 */
async function insertLogsAndRollups(client: pg.PoolClient, events: readonly UsageEvent[], days: readonly BatchDay[]) {
  const { rows } = await client.query<{ id: string }>({
    ...INSERT_LOGS_AND_ROLLUPS,
    values: [...unnestValues(LOG_COLUMNS, events), JSON.stringify(days)],
  });
  return rows;
}

const MINUTE_PRUNE_EVERY_MS = 600_000;
let lastMinutePrune = 0;

/**
 * Drops minute rollups past their retention (MINUTE_ROLLUP_RETENTION_MS): run by
 * each recorder after a batch at most every 10 minutes, so the minute table stays
 * about 8 days of rows; a brin index on the minute finds them.
 */
export async function pruneMinuteRollups(db: Pick<pg.PoolClient, 'query'>): Promise<number> {
  const { rowCount } = await db.query('delete from usage_minute where minute < $1', [new Date(Date.now() - MINUTE_ROLLUP_RETENTION_MS)]);
  return rowCount ?? 0;
}

/** Marks keys used now (the recorder writes this at most once a minute per key). */
export async function touchKeys(db: pg.Pool, keyIds: readonly string[]): Promise<void> {
  await db.query('update api_keys set last_used_at = now() where id = any($1::uuid[])', [keyIds]);
}
