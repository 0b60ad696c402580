import { MINUTE_ROLLUP_RETENTION_MS, type UsageSource } from '@tollgate/domain';
import type pg from 'pg';
import { detectUsageAlerts } from '../alerts/detect';
import { appendConsumes } from '../ledger/consumes';
import { numberUsageDeltas, type NumberedUsageDelta } from '../live/usage-deltas';
import { inPoolTransaction } from '../pool-transaction';
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

/**
 * The upsert of one analytics rollup (usage-rollup.entity.ts: quarter hours,
 * minutes and days, by status too) from the rows this statement inserted,
 * grouped per batch, in key order so two proxies' batches lock rows in the
 * same order. `bucket` names the rollup's time columns and their values, which
 * may come from a table joined to `incoming` as `join`; `dimensions` are the
 * rollup's (all of them but for the narrower daily rollups).
 */
function analyticsRollup(
  table: string,
  bucket: { columns: string[]; values: string[]; join?: string },
  dimensions: readonly string[] = ALL_DIMENSIONS,
): string {
  const add = (c: string) => `${c} = ${table}.${c} + excluded.${c}`;
  const n = bucket.columns.length;
  const groups = Array.from({ length: n + 1 + dimensions.length }, (_, i) => i + 1);
  // Organization, then the first time column (the day, the quarter hour, the minute), then the rest.
  const order = [n + 1, 1, ...groups.filter((i) => i !== 1 && i !== n + 1)];
  const dims = dimensions.map((d) => (d === 'status' ? 'status::smallint' : d));
  return `insert into ${table} (${bucket.columns.join(', ')}, organization_id, ${dimensions.join(', ')}, requests, errors, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost)
       select ${bucket.values.join(', ')}, incoming.organization_id, ${dims.join(', ')},
              count(*), count(*) filter (where status >= 400), sum(input_tokens), sum(cached_input_tokens), sum(output_tokens), sum(reasoning_tokens), sum(cost)
         from incoming join inserted using (id)${bucket.join ? ` ${bucket.join}` : ''} group by ${groups.join(', ')} order by ${order.join(', ')}
       on conflict (organization_id, ${bucket.columns[0]}, ${dimensions.join(', ')}) do update set
         ${['requests', 'errors', 'input_tokens', 'cached_input_tokens', 'output_tokens', 'reasoning_tokens', 'cost'].map(add).join(', ')}`;
}

/** The upserts of the daily rollups (usage-daily.ts), each call joined to its organization's day in the `days` rows. */
const dailyRollups = () =>
  DAILY_ROLLUPS.map(
    (r) => `${r.table}_rows as (
       ${analyticsRollup(
         r.table,
         {
           columns: ['day', 'day_start', 'day_end', 'time_zone'],
           values: ['days.day', 'days.day_start', 'days.day_end', 'days.time_zone'],
           join: 'join days on days.organization_id = incoming.organization_id and incoming.time >= days.day_start and incoming.time < days.day_end',
         },
         r.dimensions,
       )}
     )`,
  ).join(', ');

/**
 * The statement of insertLogsAndRollups, built once and prepared once per connection (a named
 * statement): PostgreSQL then parses and plans its dozen CTEs once, not on every batch.
 */
const INSERT_LOGS_AND_ROLLUPS = {
  name: 'tollgate_usage_batch_v2',
  text: `with incoming as (
       select * from json_to_recordset($1::json)
         as t(id uuid, time timestamptz, organization_id uuid, project_id uuid, api_key_id uuid, user_id uuid, model text, status int, input_tokens int, output_tokens int,
              cost bigint, latency_ms int, upstream_latency_ms int, stream bool, error_code text, content jsonb, forwarded bool,
              cached_input_tokens int, reasoning_tokens int, usage_source usage_source, response_id text)
     ), inserted as (
       insert into request_logs (id, time, organization_id, project_id, api_key_id, user_id, model, status, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, usage_source,
                                 cost, latency_ms, upstream_latency_ms, stream, error_code, content, response_id)
       select id, time, organization_id, project_id, api_key_id, user_id, model, status, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, usage_source,
              cost, latency_ms, upstream_latency_ms, stream, error_code, content::jsonb, response_id from incoming
       on conflict (id, time) do nothing
       returning id
     ), rollups as (
       insert into usage_hourly (id, hour, organization_id, project_id, api_key_id, user_id, model, requests, errors, forwarded, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost)
       select gen_random_uuid(), date_trunc('hour', time, 'UTC'), organization_id, project_id, api_key_id, user_id, model,
              count(*), count(*) filter (where status >= 400), count(*) filter (where forwarded), sum(input_tokens), sum(cached_input_tokens), sum(output_tokens), sum(reasoning_tokens), sum(cost)
         from incoming join inserted using (id) group by 2, 3, 4, 5, 6, 7
       on conflict (hour, organization_id, project_id, api_key_id, user_id, model) do update set
         requests = usage_hourly.requests + excluded.requests, errors = usage_hourly.errors + excluded.errors, forwarded = usage_hourly.forwarded + excluded.forwarded,
         input_tokens = usage_hourly.input_tokens + excluded.input_tokens, cached_input_tokens = usage_hourly.cached_input_tokens + excluded.cached_input_tokens,
         output_tokens = usage_hourly.output_tokens + excluded.output_tokens, reasoning_tokens = usage_hourly.reasoning_tokens + excluded.reasoning_tokens,
         cost = usage_hourly.cost + excluded.cost
     ), quarters as (
       ${analyticsRollup('usage_quarter_hour', { columns: ['bucket'], values: ["date_bin('15 minutes', time, timestamptz '2000-01-01 00:00:00+00')"] })}
     ), minutes as (
       ${analyticsRollup('usage_minute', { columns: ['minute'], values: ["date_trunc('minute', time, 'UTC')"] })}
     ), days as (
       select * from json_to_recordset($2::json) as d(organization_id uuid, day date, day_start timestamptz, day_end timestamptz, time_zone text)
     ), ${dailyRollups()}
     select id from incoming where id not in (select id from inserted)`,
};

/**
 * An event as a row of insertLogsAndRollups' json_to_recordset: the whole batch goes as one JSON
 * text (one native JSON.stringify) rather than 21 arrays escaped element by element.
 */
const asRow = (e: UsageEvent) => ({
  id: e.requestId,
  time: e.time,
  organization_id: e.organizationId,
  project_id: e.projectId,
  api_key_id: e.apiKeyId,
  user_id: e.userId,
  model: e.model,
  status: e.status,
  input_tokens: e.inputTokens,
  output_tokens: e.outputTokens,
  cost: e.cost.toString(),
  latency_ms: e.latencyMs,
  upstream_latency_ms: e.upstreamLatencyMs,
  stream: e.stream,
  error_code: e.errorCode,
  content: e.content,
  forwarded: e.forwarded,
  cached_input_tokens: e.cachedInputTokens,
  reasoning_tokens: e.reasoningTokens,
  usage_source: e.usageSource,
  response_id: e.responseId,
});

/**
 * The request-log rows and the rollups of those inserted (not those already there), in one
 * statement; answers the ids of the events that were there already (replays: usually none, so a
 * batch's answer is not a row per event).
 */
async function insertLogsAndRollups(client: pg.PoolClient, events: readonly UsageEvent[], days: readonly BatchDay[]) {
  const { rows } = await client.query<{ id: string }>({
    ...INSERT_LOGS_AND_ROLLUPS,
    values: [JSON.stringify(events.map(asRow)), JSON.stringify(days)],
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
