import type { UsageSource } from '@tollgate/domain';
import type { Pool } from 'pg';
import type { Logger } from 'pino';

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

interface Pending {
  event: UsageEvent;
  committed?: () => void;
}

const BATCH = 1000;
const LAST_USED_EVERY_MS = 60_000;

/**
 * Writes usage events to PostgreSQL in batches: request_logs rows (unique
 * request id, so a retried batch is a no-op) and the hourly rollups of the
 * rows actually inserted, in one statement. While PostgreSQL is unreachable
 * events wait (bounded) and are retried with backoff.
 *
 * batched: a flush starts within `flushMs` of an event.
 * strict:  `record` resolves when the event's batch is committed; batches
 *          form while the previous one commits (group commit).
 */
export class UsageRecorder {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private readonly lastUsedWrites = new Map<string, number>();
  private dueLastUsed = new Set<string>();

  constructor(
    private readonly db: Pool,
    private readonly options: { durability: 'batched' | 'strict'; flushMs: number; bufferMax: number },
    private readonly logger: Logger,
  ) {}

  /** True when no more events can be held: the proxy refuses calls rather than leave them unrecorded. */
  get full(): boolean {
    return this.queue.length >= this.options.bufferMax;
  }

  get pending(): number {
    return this.queue.length;
  }

  record(event: UsageEvent): Promise<void> {
    this.noteKeyUse(event.apiKeyId, event.time.getTime());
    if (this.options.durability === 'strict') {
      return new Promise((committed) => {
        this.queue.push({ event, committed });
        this.kick();
      });
    }
    this.queue.push({ event });
    this.timer ??= setTimeout(() => this.kick(), this.options.flushMs);
    return Promise.resolve();
  }

  /** Writes everything queued; resolves when the queue is empty or the deadline passes. */
  async drain(deadlineMs = 30_000): Promise<boolean> {
    const deadline = Date.now() + deadlineMs;
    while ((this.queue.length || this.flushing) && Date.now() < deadline) {
      this.kick();
      await this.flushing;
      if (this.queue.length && this.failures) await new Promise((r) => setTimeout(r, 100));
    }
    return this.queue.length === 0;
  }

  private noteKeyUse(keyId: string, now: number) {
    if (now - (this.lastUsedWrites.get(keyId) ?? 0) < LAST_USED_EVERY_MS) return;
    this.lastUsedWrites.set(keyId, now);
    this.dueLastUsed.add(keyId);
  }

  private kick() {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.flushing ??= this.flushLoop().finally(() => {
      this.flushing = null;
      if (this.queue.length) this.timer ??= setTimeout(() => this.kick(), this.retryDelay());
    });
  }

  private retryDelay() {
    return this.failures ? Math.min(2_000, 50 * 2 ** this.failures) : this.options.flushMs;
  }

  private async flushLoop() {
    while (this.queue.length) {
      const batch = this.queue.slice(0, BATCH);
      try {
        await this.write(batch.map((p) => p.event));
      } catch (err) {
        this.failures++;
        this.logger.warn({ err: (err as Error).message, queued: this.queue.length }, 'usage events not written yet; will retry');
        return;
      }
      this.failures = 0;
      this.queue.splice(0, batch.length);
      for (const p of batch) p.committed?.();
    }
  }

  private async write(events: UsageEvent[]) {
    const column = <T>(pick: (e: UsageEvent) => T) => events.map(pick);
    await this.db.query(
      `with incoming as (
         select * from unnest($1::uuid[], $2::timestamptz[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::int[], $9::int[], $10::int[],
                              $11::bigint[], $12::int[], $13::int[], $14::bool[], $15::text[], $16::text[], $17::bool[], $18::bigint[],
                              $19::int[], $20::int[], $21::usage_source[], $22::text[])
           as t(id, time, organization_id, project_id, api_key_id, user_id, model, status, input_tokens, output_tokens, cost, latency_ms, upstream_latency_ms, stream, error_code, content, forwarded, charge,
                cached_input_tokens, reasoning_tokens, usage_source, response_id)
       ), inserted as (
         insert into request_logs (id, time, organization_id, project_id, api_key_id, user_id, model, status, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, usage_source,
                                   cost, latency_ms, upstream_latency_ms, stream, error_code, content, response_id)
         select id, time, organization_id, project_id, api_key_id, user_id, model, status, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, usage_source,
                cost, latency_ms, upstream_latency_ms, stream, error_code, content::jsonb, response_id from incoming
         on conflict (id) do nothing
         returning id
       ), counted as (
         select incoming.* from incoming join inserted using (id)
       ), charges as (
         -- One Consume per charged call, chained in (time, id) order within its wallet.
         select organization_id, id, -charge as amount, model || ': ' || input_tokens || ' input' || case when cached_input_tokens > 0 then ' (' || cached_input_tokens || ' cached)' else '' end
                || ' + ' || output_tokens || ' output tokens' as description,
                row_number() over w as n, sum(-charge) over w as running
           from counted where charge > 0
         window w as (partition by organization_id order by time, id)
       ), locked as materialized (
         -- Each wallet locked once, in wallet order (no deadlock between proxies); 'batch' lets the
         -- update below through the balance guard and the records past the per-record chain trigger.
         select organization_id, set_config('tollgate.ledger', 'batch', true) from wallets
          where organization_id in (select organization_id from charges) order by organization_id for update
       ), moved as (
         update wallets w set balance = w.balance + t.amount, last_seq = w.last_seq + t.n
           from (select organization_id, sum(amount) as amount, count(*) as n from charges group by organization_id) t join locked using (organization_id)
          where w.organization_id = t.organization_id
         returning w.organization_id, w.balance - t.amount as balance_before, w.last_seq - t.n as seq_before
       ), consumed as (
         insert into wallet_records (id, organization_id, seq, type, amount, previous_balance, current_balance, description, request_log_id)
         select gen_random_uuid(), c.organization_id, m.seq_before + c.n, 'CONSUME', c.amount,
                m.balance_before + c.running - c.amount, m.balance_before + c.running, c.description, c.id
           from charges c join moved m using (organization_id)
       )
       insert into usage_hourly (id, hour, organization_id, project_id, api_key_id, user_id, model, requests, errors, forwarded, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost)
       select gen_random_uuid(), date_trunc('hour', time, 'UTC'), organization_id, project_id, api_key_id, user_id, model,
              count(*), count(*) filter (where status >= 400), count(*) filter (where forwarded), sum(input_tokens), sum(cached_input_tokens), sum(output_tokens), sum(reasoning_tokens), sum(cost)
         from counted group by 2, 3, 4, 5, 6, 7
       on conflict (hour, organization_id, project_id, api_key_id, user_id, model) do update set
         requests = usage_hourly.requests + excluded.requests, errors = usage_hourly.errors + excluded.errors, forwarded = usage_hourly.forwarded + excluded.forwarded,
         input_tokens = usage_hourly.input_tokens + excluded.input_tokens, cached_input_tokens = usage_hourly.cached_input_tokens + excluded.cached_input_tokens,
         output_tokens = usage_hourly.output_tokens + excluded.output_tokens, reasoning_tokens = usage_hourly.reasoning_tokens + excluded.reasoning_tokens,
         cost = usage_hourly.cost + excluded.cost`,
      [
        column((e) => e.requestId), column((e) => e.time), column((e) => e.organizationId), column((e) => e.projectId), column((e) => e.apiKeyId),
        column((e) => e.userId), column((e) => e.model), column((e) => e.status), column((e) => e.inputTokens), column((e) => e.outputTokens),
        column((e) => e.cost.toString()), column((e) => e.latencyMs), column((e) => e.upstreamLatencyMs), column((e) => e.stream),
        column((e) => e.errorCode), column((e) => (e.content ? JSON.stringify(e.content) : null)), column((e) => e.forwarded),
        column((e) => e.charge.toString()), column((e) => e.cachedInputTokens), column((e) => e.reasoningTokens), column((e) => e.usageSource),
        column((e) => e.responseId),
      ],
    );
    if (this.dueLastUsed.size) {
      const ids = [...this.dueLastUsed];
      this.dueLastUsed = new Set();
      await this.db.query('update api_keys set last_used_at = now() where id = any($1::uuid[])', [ids]).catch((err) => {
        for (const id of ids) this.dueLastUsed.add(id);
        throw err;
      });
    }
  }
}
