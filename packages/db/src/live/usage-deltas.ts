import type { NamedStatement, Queryable } from '../ledger/consumes';
import type { UsageEvent } from '../metering/usage-batch';
import type { UsageDeltaRow } from './protocol';

/** One organization's share of a recorder batch, numbered in its usage sequence. */
export interface NumberedUsageDelta {
  organizationId: string;
  seq: number;
  rows: UsageDeltaRow[];
}

const MINUTE_MS = 60_000;

/** The events' figures summed by organization, then by (project, model, UTC minute). */
export function sumUsageDeltas(events: readonly UsageEvent[]): Map<string, UsageDeltaRow[]> {
  const byOrganization = new Map<string, Map<string, UsageDeltaRow>>();
  for (const e of events) {
    let rows = byOrganization.get(e.organizationId);
    if (!rows) byOrganization.set(e.organizationId, (rows = new Map()));
    const minute = Math.floor(e.time.getTime() / MINUTE_MS) * MINUTE_MS;
    const key = `${e.projectId}|${e.model}|${minute}`;
    const row = rows.get(key) ?? [e.projectId, e.model, minute, 0, 0, 0, 0, 0, 0, '0'];
    row[3] += 1;
    row[4] += e.status >= 400 ? 1 : 0;
    row[5] += e.inputTokens;
    row[6] += e.cachedInputTokens;
    row[7] += e.outputTokens;
    row[8] += e.reasoningTokens;
    row[9] = (BigInt(row[9]) + e.cost).toString();
    rows.set(key, row);
  }
  return new Map([...byOrganization].map(([id, rows]) => [id, [...rows.values()]]));
}

const NEXT_USAGE_SEQUENCES: NamedStatement = {
  name: 'tollgate_next_usage_sequences_v1',
  text: `insert into usage_sequences (organization_id, seq) select id, 1 from unnest($1::uuid[]) with ordinality as t(id, n) order by n
           on conflict (organization_id) do update set seq = usage_sequences.seq + 1
         returning organization_id, seq::text`,
};

/**
 * Moves each organization's usage sequence by one, inside the batch's
 * transaction: the row lock orders the batches of one organization, so the
 * numbers follow commit order and have no gaps. Organizations in id order, so
 * two recorders lock in the same order.
 */
export async function numberUsageDeltas(db: Queryable, events: readonly UsageEvent[]): Promise<NumberedUsageDelta[]> {
  const sums = sumUsageDeltas(events);
  if (!sums.size) return [];
  const ids = [...sums.keys()].sort();
  const { rows } = await db.query<{ organization_id: string; seq: string }>(NEXT_USAGE_SEQUENCES, [ids]);
  return rows.map((r) => ({ organizationId: r.organization_id, seq: Number(r.seq), rows: sums.get(r.organization_id)! }));
}

/** An organization's usage sequence now (0 before its first batch). */
export async function usageSequence(db: Queryable, organizationId: string): Promise<number> {
  const { rows } = await db.query<{ seq: string }>('select seq::text from usage_sequences where organization_id = $1', [organizationId]);
  return Number(rows[0]?.seq ?? 0);
}
