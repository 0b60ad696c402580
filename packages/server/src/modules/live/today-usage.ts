import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@tollgate/db';
import { QUARTER_HOUR_MS, zonedDayOf, type ZonedDay } from '@tollgate/domain';

/** Sums of calls, as a live message carries them. */
export interface LiveFigures {
  requests: number;
  errors: number;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  cost: bigint;
}

export interface LiveUsageRow extends LiveFigures {
  projectId: string;
  model: string;
}

export const zeroFigures = (): LiveFigures => ({ requests: 0, errors: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, reasoningTokens: 0, cost: 0n });

export function addFigures(into: LiveFigures, add: LiveFigures): void {
  into.requests += add.requests;
  into.errors += add.errors;
  into.inputTokens += add.inputTokens;
  into.cachedInputTokens += add.cachedInputTokens;
  into.outputTokens += add.outputTokens;
  into.reasoningTokens += add.reasoningTokens;
  into.cost += add.cost;
}

/** What a server's live state of an organization starts from: today so far, and the usage sequence it includes. */
export interface TodaySnapshot {
  seq: number;
  timeZone: string;
  day: ZonedDay;
  rows: LiveUsageRow[];
}

/**
 * Today's usage in the organization's zone by project and model, and the
 * usage sequence number, in one repeatable-read snapshot: a delta numbered
 * after it is not in these sums, one numbered up to it is. Whole quarter hours
 * from usage_quarter_hour (a zone's day starts on one), the open quarter hour
 * from usage_minute.
 */
export async function readTodaySnapshot(em: EntityManager, organizationId: string, now = Date.now()): Promise<TodaySnapshot | null> {
  return em.transactional(
    async (tx) => {
      const [org] = await tx.execute<Array<{ time_zone: string; seq: string | null }>>(
        'select o.time_zone, s.seq::text as seq from organizations o left join usage_sequences s on s.organization_id = o.id where o.id = ?',
        [organizationId],
      );
      if (!org) return null;
      const day = zonedDayOf(org.time_zone, now);
      const cut = new Date(Math.floor(now / QUARTER_HOUR_MS) * QUARTER_HOUR_MS);
      const sums = `sum(requests)::text as requests, sum(errors)::text as errors, sum(input_tokens)::text as input_tokens,
        sum(cached_input_tokens)::text as cached_input_tokens, sum(output_tokens)::text as output_tokens,
        sum(reasoning_tokens)::text as reasoning_tokens, sum(cost)::text as cost`;
      const rows = await tx.execute<Array<Record<string, string>>>(
        `select project_id, model, ${sums} from (
           select project_id, model, requests, errors, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost
             from usage_quarter_hour where organization_id = ? and bucket >= ? and bucket < ?
           union all
           select project_id, model, requests, errors, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost
             from usage_minute where organization_id = ? and minute >= ? and minute < ?
         ) s group by project_id, model`,
        [organizationId, new Date(day.start), cut, organizationId, cut, new Date(day.end)],
      );
      return {
        seq: Number(org.seq ?? 0),
        timeZone: org.time_zone,
        day,
        rows: rows.map((r) => ({
          projectId: r.project_id!,
          model: r.model!,
          requests: Number(r.requests),
          errors: Number(r.errors),
          inputTokens: Number(r.input_tokens),
          cachedInputTokens: Number(r.cached_input_tokens),
          outputTokens: Number(r.output_tokens),
          reasoningTokens: Number(r.reasoning_tokens),
          cost: BigInt(r.cost!),
        })),
      };
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  );
}
