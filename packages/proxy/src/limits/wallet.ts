import { moneyInAfter, walletPosition, writeFrozenAmounts, type LivePublisher, type WalletState } from '@tollgate/db';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { Counter, LimitStore } from './limit-store';

/*
 * A prepaid wallet in the limit store, beside the limits, so a call is
 * checked against its organization's money in the same atomic reserve:
 *
 *   spent   −available (balance − frozen) as a counter with limit 0: a call
 *           reserving its most expensive outcome is admitted while that fits;
 *           settling replaces the reservation with what the call is charged.
 *   frozen  the reservations in flight (no limit; settled back to 0).
 *   ledger  the wallet's last ledger record the counters include (its seq).
 *
 * The store is where a charge lands first; the recorder writes the Consume
 * records behind it. Money in (recharges, codes, refunds, adjustments) lands
 * in the ledger first and reaches the store exactly once: the records after
 * the store's `ledger` position are added while that position is unchanged
 * (compare and add), however many proxies hear of them. When the counters are
 * missing (first call, restart in memory mode, a flushed Redis) they are
 * seeded from the wallet's balance and last record, together.
 */
const counter = (key: string): Counter => ({ key, window: 'wallet', periodId: 'w', limit: null, amount: 0n });
const SPENT = counter('w');
const FROZEN = counter('wf');
const LEDGER = counter('wq');

/** The two counters a call of a prepaid organization reserves in, after its limits. */
export const walletCounters = (amount: bigint): Counter[] => [
  { ...SPENT, limit: 0n, amount },
  { ...FROZEN, amount },
];

/** How often frozen amounts in flight are written to the wallets table, for the API to show. */
const FROZEN_WRITE_MS = 250;

export class WalletSync {
  /** Organizations whose frozen amount changed: written at the next tick, and once more the tick after (a proxy's older read may have landed last). */
  private dirty = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  /** Organizations this proxy has seeded, to catch up on after missed notifications. */
  private readonly known = new Set<string>();
  private closed = false;

  constructor(
    private readonly store: LimitStore,
    private readonly db: Pool,
    private readonly logger: Logger,
    /** Where each changed wallet's state goes for live dashboards, at most every FROZEN_WRITE_MS. */
    private readonly live: LivePublisher | null = null,
  ) {
    this.timer = setInterval(() => void this.writeFrozen(), FROZEN_WRITE_MS);
    this.timer.unref();
  }

  /** Seeds the counters from the wallet row (balance and last record, one snapshot), unless another caller did. */
  async seed(organizationId: string): Promise<void> {
    const wallet = await walletPosition(this.db, organizationId);
    await this.store.seed(organizationId, SPENT, -wallet.balance, [
      [FROZEN, 0n],
      [LEDGER, wallet.lastSeq],
    ]);
    this.known.add(organizationId);
  }

  /** What the store holds for a wallet (available = balance − frozen as the calls see it), or null before it is seeded. */
  async state(organizationId: string): Promise<{ available: bigint; frozen: bigint; ledgerSeq: bigint } | null> {
    const [spent, frozen, ledgerSeq] = await this.store.read(organizationId, [SPENT, FROZEN, LEDGER]);
    if (spent === null || spent === undefined || ledgerSeq === null || ledgerSeq === undefined) return null;
    return { available: -spent, frozen: frozen ?? 0n, ledgerSeq };
  }

  /** Money came into the ledger: adds every record after the store's position, once; retried until it is. */
  moneyIn(organizationId: string): Promise<void> {
    return this.applyLedger(organizationId).catch((err) => {
      this.logger.warn({ err: (err as Error).message, organizationId }, 'wallet money-in not applied yet; retrying');
      if (!this.closed) setTimeout(() => void this.moneyIn(organizationId), 1_000).unref();
    });
  }

  private async applyLedger(organizationId: string): Promise<void> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const [position] = await this.store.read(organizationId, [LEDGER]);
      if (position === null || position === undefined) return; // not seeded: the seed will read the balance
      const moneyIn = await moneyInAfter(this.db, organizationId, position);
      if (!moneyIn) return;
      // Consumes after the position are in the store already (it charged them first).
      if (await this.store.compareAndAdd(organizationId, LEDGER, position, moneyIn.lastSeq, SPENT, -moneyIn.amount)) return this.touched(organizationId);
    }
    this.logger.warn({ organizationId }, 'wallet money-in kept racing; the next notification or call catches up');
  }

  /** Notifications may have been missed (a reconnect): catch up on every wallet seeded here. */
  async catchUp(): Promise<void> {
    await Promise.all([...this.known].map((id) => this.moneyIn(id)));
  }

  /** A reservation was made or settled: its frozen amount is written soon. */
  touched(organizationId: string): void {
    this.dirty.set(organizationId, 2);
  }

  private async writeFrozen(): Promise<void> {
    if (!this.dirty.size) return;
    const ids = [...this.dirty.keys()];
    for (const [id, ticks] of this.dirty) {
      if (ticks <= 1) this.dirty.delete(id);
      else this.dirty.set(id, ticks - 1);
    }
    try {
      const at = Date.now();
      const states = await Promise.all(ids.map((id) => this.store.read(id, [SPENT, FROZEN]).then(([spent, frozen]) => ({ id, spent, frozen: frozen ?? 0n }))));
      await writeFrozenAmounts(this.db, new Map(states.map((s) => [s.id, s.frozen])));
      this.publish(states, at);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'frozen amounts not written; retrying');
      for (const id of ids) this.dirty.set(id, Math.max(this.dirty.get(id) ?? 0, 1));
    }
  }

  /** The wallets' states as the store holds them (balance = available + frozen), for the servers' walletChanged subscribers. */
  private publish(states: ReadonlyArray<{ id: string; spent: bigint | null | undefined; frozen: bigint }>, at: number) {
    if (!this.live) return;
    const payloads = states
      .filter((s) => s.spent !== null && s.spent !== undefined)
      .map((s) => {
        const available = -s.spent!;
        const state: WalletState = {
          kind: 'wallet',
          organizationId: s.id,
          balance: (available + s.frozen).toString(),
          frozen: s.frozen.toString(),
          available: available.toString(),
          at,
        };
        return JSON.stringify(state);
      });
    this.live.publish(payloads).catch((err: Error) => this.logger.warn({ err: err.message }, 'live wallet state not published'));
  }

  /** Stops, after writing the frozen amounts last changed here. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.writeFrozen();
  }
}
