/** Something that runs SQL: a pg Pool or PoolClient (inside the caller's transaction). */
export interface Queryable {
  query<R extends object = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

/** One charged call, as its Consume record says it. */
export interface Consume {
  organizationId: string;
  requestLogId: string;
  /** What the call was charged (micro-units, positive): the record takes it out. */
  charge: bigint;
  time: Date;
  description: string;
}

/**
 * Appends the proxies' Consume records, a batch at a time: each wallet is
 * locked once (in wallet order, so two proxies never deadlock), its balance
 * and sequence move once by the batch's total, and the records get their
 * sequence numbers and balances in (time, request) order within their wallet,
 * all in one statement. 'batch' (tollgate.ledger) lets the wallet update past
 * the balance guard and the records past the per-record chain trigger (see
 * sql/). Run it in the transaction that writes the calls' request-log rows.
 */
export async function appendConsumes(db: Queryable, consumes: readonly Consume[]): Promise<void> {
  const charged = consumes.filter((c) => c.charge > 0n);
  if (!charged.length) return;
  // The batch as one JSON text (one native JSON.stringify; times as ISO strings), not five arrays escaped element by element.
  const rows = charged.map((c) => ({
    organization_id: c.organizationId,
    request_log_id: c.requestLogId,
    charge: c.charge.toString(),
    time: c.time,
    description: c.description,
  }));
  await db.query(
    `with charges as (
       select organization_id, request_log_id, -charge as amount, description,
              row_number() over w as n, sum(-charge) over w as running
         from json_to_recordset($1::json) as t(organization_id uuid, request_log_id uuid, charge bigint, time timestamptz, description text)
       window w as (partition by organization_id order by time, request_log_id)
     ), locked as materialized (
       select organization_id, set_config('tollgate.ledger', 'batch', true) from wallets
        where organization_id in (select organization_id from charges) order by organization_id for update
     ), moved as (
       update wallets w set balance = w.balance + t.amount, last_seq = w.last_seq + t.n
         from (select organization_id, sum(amount) as amount, count(*) as n from charges group by organization_id) t join locked using (organization_id)
        where w.organization_id = t.organization_id
       returning w.organization_id, w.balance - t.amount as balance_before, w.last_seq - t.n as seq_before
     )
     insert into wallet_records (id, organization_id, seq, type, amount, previous_balance, current_balance, description, request_log_id)
     select gen_random_uuid(), c.organization_id, m.seq_before + c.n, 'CONSUME', c.amount,
            m.balance_before + c.running - c.amount, m.balance_before + c.running, c.description, c.request_log_id
       from charges c join moved m using (organization_id)`,
    [JSON.stringify(rows)],
  );
}
