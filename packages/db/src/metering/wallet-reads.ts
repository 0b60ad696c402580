import type { Queryable } from '../ledger/consumes';

/** A wallet's balance and last record, one snapshot (zero for an organization without one). */
export async function walletPosition(db: Queryable, organizationId: string): Promise<{ balance: bigint; lastSeq: bigint }> {
  const { rows } = await db.query<{ balance: string; last_seq: string }>('select balance, last_seq from wallets where organization_id = $1', [organizationId]);
  return { balance: BigInt(rows[0]?.balance ?? 0), lastSeq: BigInt(rows[0]?.last_seq ?? 0) };
}

/** The money that came in after record `afterSeq` (Consumes left out) and the last record's number; null when there is none after it. */
export async function moneyInAfter(db: Queryable, organizationId: string, afterSeq: bigint): Promise<{ amount: bigint; lastSeq: bigint } | null> {
  const { rows } = await db.query<{ money_in: string; last: string | null }>(
    `select coalesce(sum(amount) filter (where type <> 'CONSUME'), 0)::text as money_in, max(seq)::text as last
       from wallet_records where organization_id = $1 and seq > $2`,
    [organizationId, afterSeq.toString()],
  );
  const last = rows[0]?.last;
  return last ? { amount: BigInt(rows[0]!.money_in), lastSeq: BigInt(last) } : null;
}

/** Writes the amounts frozen by calls in flight, for the API to show (rows already right are left alone). */
export async function writeFrozenAmounts(db: Queryable, frozen: ReadonlyMap<string, bigint>): Promise<void> {
  await db.query(
    `update wallets w set frozen_amount = f.amount from unnest($1::uuid[], $2::bigint[]) as f(id, amount)
      where w.organization_id = f.id and w.frozen_amount is distinct from f.amount`,
    [[...frozen.keys()], [...frozen.values()].map(String)],
  );
}
