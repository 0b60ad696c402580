import type { LimitRule } from '@tollgate/domain';
import type { Queryable } from '../ledger/consumes';

const SCOPE_COLUMN = { organization: 'organization_id', project: 'project_id', key: 'api_key_id' } as const;
const METRIC_SUM = { requests: 'sum(forwarded)', tokens: 'sum(input_tokens + output_tokens)', money: 'sum(cost)' } as const;

/** A limit's use since `since` from the hourly rollups: what a day or month counter is rebuilt from. */
export async function periodUsage(db: Queryable, rule: Pick<LimitRule, 'scope' | 'scopeId' | 'metric'>, since: Date): Promise<bigint> {
  const { rows } = await db.query<{ total: string | null }>(
    `select ${METRIC_SUM[rule.metric]}::text as total from usage_hourly where ${SCOPE_COLUMN[rule.scope]} = $1 and hour >= $2`,
    [rule.scopeId, since],
  );
  return BigInt(rows[0]?.total ?? 0);
}
