import { timeOrderedId } from '../ids';
import { unnestFrom, unnestValues, type UnnestColumn } from '../unnest-rows';

/**
 * A statement that pg prepares once per connection and then only executes (a named statement):
 * for those every batch runs, whose parsing and planning would otherwise cost more than running
 * them. The name must change with the text.
 */
export interface NamedStatement {
  name: string;
  text: string;
}

/** Something that runs SQL: a pg Pool or PoolClient (inside the caller's transaction). */
export interface Queryable {
  query<R extends object = Record<string, unknown>>(sql: string | NamedStatement, values?: unknown[]): Promise<{ rows: R[] }>;
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

/** A Consume as appendConsumes reads it: one array per column (unnest-rows.ts). */
const CONSUME_COLUMNS: ReadonlyArray<UnnestColumn<Consume>> = [
  { name: 'id', type: 'uuid', value: () => timeOrderedId() },
  { name: 'organization_id', type: 'uuid', value: (c) => c.organizationId },
  { name: 'request_log_id', type: 'uuid', value: (c) => c.requestLogId },
  { name: 'charge', type: 'bigint', value: (c) => c.charge },
  { name: 'time', type: 'timestamptz', value: (c) => c.time },
  { name: 'description', type: 'text', value: (c) => c.description },
];

/** appendConsumes' statement: planning its CTEs cost about 0.4 ms a batch. */
const APPEND_CONSUMES: NamedStatement = {
  name: 'tollgate_append_consumes_v3',
  text: `with charges as (
       select id, organization_id, request_log_id, -charge as amount, description,
              row_number() over w as n, sum(-charge) over w as running
         from ${unnestFrom(CONSUME_COLUMNS, 't')}
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
     select c.id, c.organization_id, m.seq_before + c.n, 'CONSUME', c.amount,
            m.balance_before + c.running - c.amount, m.balance_before + c.running, c.description, c.request_log_id
       from charges c join moved m using (organization_id)`,
};

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
  await db.query(APPEND_CONSUMES, unnestValues(CONSUME_COLUMNS, charged));
}
