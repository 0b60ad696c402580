import { Redis } from 'ioredis';
import pg from 'pg';
import type { Logger } from './logger';

const CHANNEL = 'tollgate_invalidation';

/**
 * With Redis (several proxies), relays PostgreSQL's invalidation notices
 * (written by triggers at commit) to Redis pub/sub, where the proxies listen.
 * Several servers relaying the same notice is harmless: invalidation is idempotent.
 */
export async function startInvalidationBridge(databaseUrl: string, redisUrl: string, logger: Logger) {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis error (invalidation bridge)'));
  let client: pg.Client | null = null;
  let closed = false;
  const connect = async (): Promise<void> => {
    while (!closed) {
      const next = new pg.Client({ connectionString: databaseUrl });
      next.on('error', () => undefined);
      try {
        await next.connect();
        await next.query(`listen ${CHANNEL}`);
      } catch (err) {
        await next.end().catch(() => undefined);
        logger.warn({ err: (err as Error).message }, 'invalidation bridge cannot reach PostgreSQL; retrying');
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      next.on('notification', (n: pg.Notification) => void redis.publish(CHANNEL, n.payload ?? '').catch((err) => logger.warn({ err: err.message }, 'invalidation not relayed')));
      next.once('end', () => void (!closed && connect()));
      client = next;
      return;
    }
  };
  await connect();
  return {
    async close() {
      closed = true;
      await client?.end().catch(() => undefined);
      redis.disconnect();
    },
  };
}
