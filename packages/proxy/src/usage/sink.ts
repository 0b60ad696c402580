import type { UsageEvent } from '@tollgate/db';
import type { Logger } from 'pino';
import type { UsageJournal } from '../limits/limit-store';
import type { Amounts, Hold, Limiter } from '../limits/limiter';
import type { UsageRecorder } from './recorder';
import type { UsageStreamRecorder } from './stream-recorder';
import { encodeUsageEntry } from './usage-stream';

/** What a call settles: its hold, to be replaced by what it used and, for a wallet, what it is charged. */
export interface Settlement {
  hold: Hold;
  actual: Amounts;
  charge: bigint;
}

/**
 * Where a finished call goes: its reservation settled (if it holds one), its usage event
 * recorded. `settleAndRecord` resolves once the event is as safe as the mode promises (README
 * "Usage durability"); the pipeline ends the response after that.
 */
export interface UsageSink {
  settleAndRecord(settlement: Settlement | null, event: UsageEvent): Promise<void>;
}

/** Memory mode, and strict: the settle goes out on its own (a failed one leaves the reservation standing), the event to the recorder. */
export class RecorderSink implements UsageSink {
  constructor(
    private readonly limiter: Limiter,
    private readonly recorder: UsageRecorder,
  ) {}

  settleAndRecord(settlement: Settlement | null, event: UsageEvent): Promise<void> {
    if (settlement) void this.limiter.settle(settlement.hold, settlement.actual, settlement.charge);
    return this.recorder.record(event);
  }
}

/**
 * Redis mode (batched): the event is appended to its organization's stream by the settle's own
 * script, both or neither, or by a plain XADD for a call that settles nothing (no limits, refused
 * before reserving); the response waits for Redis to confirm it, about one round trip, so a
 * proxy killed after answering has left the event in Redis for the consumer group
 * (stream-recorder.ts). When Redis does not confirm (down, timed out), the event waits in the
 * recorder's buffer instead, as in memory mode, and the reservation stands, as for any failed
 * settle; should Redis have taken it after all, the request id makes the second write a no-op.
 */
export class StreamSink implements UsageSink {
  private lastWarning = 0;

  constructor(
    private readonly limiter: Limiter,
    private readonly journal: UsageJournal,
    private readonly streams: UsageStreamRecorder,
    private readonly fallback: UsageRecorder,
    private readonly logger: Logger,
  ) {}

  async settleAndRecord(settlement: Settlement | null, event: UsageEvent): Promise<void> {
    const entry = encodeUsageEntry(event);
    try {
      if (settlement) await this.limiter.settleAndAppend(settlement.hold, settlement.actual, settlement.charge, entry);
      else await this.journal.append(event.organizationId, entry);
    } catch (err) {
      if (Date.now() - this.lastWarning > 5_000) {
        this.lastWarning = Date.now();
        this.logger.warn({ err: (err as Error).message }, 'usage event not appended to its Redis stream: buffered in the proxy instead');
      }
      return this.fallback.record(event);
    }
    this.streams.appended(event.organizationId, { entry, event });
  }
}
