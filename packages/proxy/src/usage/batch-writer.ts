import { touchKeys, usageDeltaPayloads, writeUsageBatch, type LivePublisher, type UsageEvent } from '@tollgate/db';
import type { Pool } from 'pg';
import type { Logger } from 'pino';

const LAST_USED_EVERY_MS = 60_000;

/**
 * Writes a batch of usage events to PostgreSQL, whoever collected them (the recorder's queue, or
 * Redis mode's streams): writeUsageBatch (request-log rows, rollups and Consume records in one
 * transaction; a replayed event is a no-op), then the batch's numbered per-organization deltas to
 * the live channel (a lost one is a gap the servers notice and re-read), then `lastUsedAt` of the
 * keys not marked within the last minute.
 */
export class BatchWriter {
  private readonly lastUsedWrites = new Map<string, number>();
  private dueLastUsed = new Set<string>();

  constructor(
    private readonly db: Pool,
    private readonly logger: Logger,
    private readonly live: LivePublisher | null = null,
  ) {}

  /** Notes a key's use at `now`: its lastUsedAt is written with the next batch, at most once a minute. */
  noteKeyUse(keyId: string, now: number): void {
    if (now - (this.lastUsedWrites.get(keyId) ?? 0) < LAST_USED_EVERY_MS) return;
    this.lastUsedWrites.set(keyId, now);
    this.dueLastUsed.add(keyId);
  }

  /** Throws when the batch was not committed (nothing of it is then written) or lastUsedAt failed (the batch is, and a retry writes nothing twice). */
  async write(events: readonly UsageEvent[]): Promise<void> {
    const deltas = await writeUsageBatch(this.db, events, this.logger);
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
