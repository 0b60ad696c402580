import type { LivePublisher, UsageEvent } from '@tollgate/db';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { BatchWriter } from './batch-writer';
import { UNCOUNTED, type ErrorCounts } from '../metrics';

export type { UsageEvent };

interface Pending {
  event: UsageEvent;
  committed?: () => void;
}

const BATCH = 1000;

/**
 * Writes usage events to PostgreSQL in batches (BatchWriter: writeUsageBatch
 * in db, the request-log rows, their rollups and Consume records in one
 * transaction; a retried batch is a no-op). While PostgreSQL is unreachable
 * events wait (bounded) and are retried with backoff. In Redis mode events go
 * to the organizations' streams instead (stream-recorder.ts), and only those
 * Redis did not take wait here.
 *
 * batched: a flush starts within `flushMs` of an event.
 * strict:  `record` resolves when the event's batch is committed; batches
 *          form while the previous one commits (group commit).
 *
 * After each commit the batch's numbered per-organization deltas go to the
 * live channel for the servers' subscriptions (a lost one is a gap the
 * servers notice and re-read).
 */
export class UsageRecorder {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private readonly writer: BatchWriter;

  constructor(
    db: Pool,
    private readonly options: { durability: 'batched' | 'strict'; flushMs: number; bufferMax: number },
    private readonly logger: Logger,
    live: LivePublisher | null = null,
    private readonly errors: ErrorCounts = UNCOUNTED,
  ) {
    this.writer = new BatchWriter(db, logger, live);
  }

  /** True when no more events can be held: the proxy refuses calls rather than leave them unrecorded. */
  get full(): boolean {
    return this.queue.length >= this.options.bufferMax;
  }

  get pending(): number {
    return this.queue.length;
  }

  record(event: UsageEvent): Promise<void> {
    this.writer.noteKeyUse(event.apiKeyId, event.time.getTime());
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
        await this.writer.write(batch.map((p) => p.event));
      } catch (err) {
        this.failures++;
        this.errors.database('usage_write');
        this.logger.warn({ err: (err as Error).message, queued: this.queue.length }, 'usage events not written yet; will retry');
        return;
      }
      this.failures = 0;
      this.queue.splice(0, batch.length);
      for (const p of batch) p.committed?.();
    }
  }
}
