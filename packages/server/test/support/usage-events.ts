import { ApiKey, randomBase62, sha256Hex, withDatabase, writeUsageBatch, type MikroORM, type UsageEvent } from '@tollgate/db';
import { API_KEY_RANDOM_LENGTH, apiKeyDisplay, formatApiKey } from '@tollgate/domain';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';

/** Writes usage the way the proxy does (writeUsageBatch: request logs and every rollup in one statement). */
export function usageWriter(orm: MikroORM) {
  const pool = new pg.Pool({ connectionString: orm.config.get('clientUrl'), max: 2 });
  afterAll(() => pool.end());
  return {
    pool,
    write: (events: UsageEvent[]) => writeUsageBatch(pool, events),
    async key(organizationId: string, projectId: string, userId: string | null): Promise<string> {
      const secret = formatApiKey(randomBase62(API_KEY_RANDOM_LENGTH));
      const em = orm.em.fork();
      const key = em.create(ApiKey, {
        project: projectId,
        organizationId,
        createdBy: userId,
        name: 'k',
        keyHash: sha256Hex(secret),
        ...apiKeyDisplay(secret),
      } as never);
      await em.flush();
      return (key as ApiKey).id;
    },
    /** A new key of the user's in the project, as the caller of the usage written with it. */
    async caller(organizationId: string, projectId: string, userId: string): Promise<Caller> {
      return { organizationId, projectId, apiKeyId: await this.key(organizationId, projectId, userId), userId };
    },
  };
}

export interface Caller {
  organizationId: string;
  projectId: string;
  apiKeyId: string;
  userId: string | null;
}

/** One call: 200, 100 input (10 cached) and 20 output tokens (5 reasoning), 1,000 micro-units, unless told otherwise. */
export const call = (who: Caller, time: string | Date, over: Partial<UsageEvent> = {}): UsageEvent => ({
  requestId: randomUUID(),
  time: new Date(time),
  model: 'mock-small',
  status: 200,
  inputTokens: 100,
  cachedInputTokens: 10,
  outputTokens: 20,
  reasoningTokens: 5,
  usageSource: 'UPSTREAM' as UsageEvent['usageSource'],
  responseId: null,
  cost: 1000n,
  charge: 0n,
  latencyMs: 5,
  upstreamLatencyMs: 4,
  stream: false,
  errorCode: null,
  content: null,
  forwarded: true,
  ...who,
  ...over,
});
export { withDatabase };
