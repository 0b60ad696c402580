import type pg from 'pg';
import { createRedisClient, connectRedis, type RedisClient } from '../redis-client';
import { ALERT_CHANNEL } from '../alerts/fire';
import { INVALIDATION_CHANNEL } from '../invalidation/protocol';
import { PgListener, type WarnLogger } from '../invalidation/listeners';
import { ACCESS_CHANNEL, LIVE_CHANNEL } from './protocol';

/** Where a proxy puts its live messages: NOTIFY on PostgreSQL, or Redis pub/sub (several proxies and servers). */
export interface LivePublisher {
  publish(payloads: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export class PgLivePublisher implements LivePublisher {
  constructor(private readonly db: pg.Pool) {}

  async publish(payloads: readonly string[]): Promise<void> {
    if (payloads.length) await this.db.query('select pg_notify($1, p) from unnest($2::text[]) with ordinality as t(p, n) order by n', [LIVE_CHANNEL, payloads]);
  }

  async close(): Promise<void> {}
}

export class RedisLivePublisher implements LivePublisher {
  private readonly redis: RedisClient;

  constructor(redisUrl: string, logger: WarnLogger) {
    this.redis = createRedisClient(redisUrl, { maxRetriesPerRequest: 1 }, logger);
    this.redis.on('error', (err) => logger.warn({ err: err.message }, 'redis error (live publisher)'));
  }

  async publish(payloads: readonly string[]): Promise<void> {
    if (!payloads.length) return;
    const pipeline = this.redis.pipeline();
    for (const p of payloads) pipeline.publish(LIVE_CHANNEL, p);
    await pipeline.exec();
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

export const livePublisher = (db: pg.Pool, redisUrl: string | undefined, logger: WarnLogger): LivePublisher =>
  redisUrl ? new RedisLivePublisher(redisUrl, logger) : new PgLivePublisher(db);

/** What a server hears: live messages (from the proxies), access changes and invalidations (from PostgreSQL's triggers). */
export interface LiveHandlers {
  live(payload: string | undefined): void;
  access(payload: string | undefined): void;
  invalidation(payload: string | undefined): void;
  /** Fired alerts (ALERT_CHANNEL, NOTIFY at the commit that crossed); heard only when given. */
  alert?(payload: string | undefined): void;
  /** After a reconnect of either connection: messages may have been missed. */
  reset(): void;
}

/**
 * A server's ears: one LISTEN connection to PostgreSQL for access changes,
 * invalidations and fired alerts (and live messages in the default), plus a Redis subscriber
 * for live messages when the proxies publish there.
 */
export async function listenLive(databaseUrl: string, redisUrl: string | undefined, logger: WarnLogger, on: LiveHandlers): Promise<{ close(): Promise<void> }> {
  const channels = [ACCESS_CHANNEL, INVALIDATION_CHANNEL, ...(redisUrl ? [] : [LIVE_CHANNEL]), ...(on.alert ? [ALERT_CHANNEL] : [])];
  const listener = new PgListener(
    databaseUrl,
    logger,
    (payload, channel) => {
      if (channel === LIVE_CHANNEL) on.live(payload);
      else if (channel === ACCESS_CHANNEL) on.access(payload);
      else if (channel === ALERT_CHANNEL) on.alert?.(payload);
      else on.invalidation(payload);
    },
    channels,
  );
  let redis: RedisClient | null = null;
  if (redisUrl) {
    redis = createRedisClient(redisUrl, { maxRetriesPerRequest: null, lazyConnect: true }, logger);
    redis.on('message', (_channel, payload: string) => on.live(payload));
    let ready = false;
    redis.on('ready', () => {
      if (ready) on.reset();
      ready = true;
    });
    redis.on('error', (err) => logger.warn({ err: err.message }, 'redis error (live subscriber)'));
    if (await connectRedis(redis)) await redis.subscribe(LIVE_CHANNEL); // else told and closed (redis-client.ts)
  }
  await listener.connect((reconnected) => reconnected && on.reset());
  return {
    async close() {
      await listener.close();
      redis?.disconnect();
    },
  };
}
