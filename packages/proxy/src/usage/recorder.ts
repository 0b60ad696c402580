import { touchKeys, usageDeltaPayloads, writeUsageBatch, type LivePublisher, type UsageEvent } from '@tollgate/db';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { UNCOUNTED, type ErrorCounts } from '../metrics';

export type { UsageEvent };

interface Pending {
  event: UsageEvent;
  committed?: () => void;
}

const BATCH = 1000;
const LAST_USED_EVERY_MS = 60_000;

/**
 * Writes usage events to PostgreSQL in batches (writeUsageBatch in db: the
 * request-log rows, their rollups and Consume records in one transaction; a
 * retried batch is a no-op). While PostgreSQL is unreachable events wait
 * (bounded) and are retried with backoff.
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
  private readonly lastUsedWrites = new Map<string, number>();
  private dueLastUsed = new Set<string>();

  constructor(
    private readonly db: Pool,
    private readonly options: { durability: 'batched' | 'strict'; flushMs: number; bufferMax: number },
    private readonly logger: Logger,
    private readonly live: LivePublisher | null = null,
    private readonly errors: ErrorCounts = UNCOUNTED,
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
        this.errors.database('usage_write');
        this.logger.warn({ err: (err as Error).message, queued: this.queue.length }, 'usage events not written yet; will retry');
        return;
      }
      this.failures = 0;
      this.queue.splice(0, batch.length);
      for (const p of batch) p.committed?.();
    }
  }

  private async write(events: UsageEvent[]) {
    const deltas = await writeUsageBatch(this.db, events);
    if (this.live && deltas.length) {
      this.live
        .publish(deltas.flatMap((d) => usageDeltaPayloads(d.organizationId, d.seq, d.rows)))
        .catch((err: Error) => this.logger.warn({ err: err.message }, 'live usage not published'));
    }
    if (this.dueLastUsed.size) {
      const ids = [...this.dueLastUsed];
      this.dueLastUsed = new Set();
      await touchKeys(this.db, ids).catch((err) => {
        for (const id of ids) this.dueLastUsed.add(id);
        throw err;
      });
    }
  }
}
