import pg from 'pg';
import { createRedisClient, connectRedis, type RedisClient } from '../redis-client';
import { INVALIDATION_CHANNEL, parseChange, type Change } from './protocol';

/** The part of a logger (pino's) these need. */
export interface WarnLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** Where a cache hears that rows it holds changed. `onReset` runs after a reconnect, when notices may have been missed. */
export interface InvalidationSource {
  start(onChange: (change: Change) => void, onReset: () => void): Promise<void>;
  close(): Promise<void>;
}

/** A LISTEN connection to PostgreSQL on some channels, reconnected with backoff; `onConnected` runs after each (re)connect. */
export class PgListener {
  private client: pg.Client | null = null;
  private closed = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly logger: WarnLogger,
    private readonly onNotice: (payload: string | undefined, channel: string) => void,
    private readonly channels: readonly string[] = [INVALIDATION_CHANNEL],
  ) {}

  async connect(onConnected: (reconnected: boolean) => void, reconnecting = false): Promise<void> {
    for (let attempt = 0; !this.closed; attempt++) {
      const client = new pg.Client({ connectionString: this.databaseUrl });
      client.on('error', () => undefined);
      try {
        await client.connect();
        for (const channel of this.channels) await client.query(`listen ${channel}`);
      } catch (err) {
        client.end().catch(() => undefined);
        const delay = Math.min(2_000, 100 * 2 ** attempt);
        this.logger.warn({ err: (err as Error).message, retryInMs: delay, channels: this.channels }, 'listener cannot reach PostgreSQL');
        await new Promise((r) => setTimeout(r, delay));
        continue;
      }
      client.on('notification', (n) => this.onNotice(n.payload, n.channel));
      client.once('end', () => {
        if (this.closed) return;
        this.logger.warn({ channels: this.channels }, 'listener lost its connection to PostgreSQL; reconnecting');
        void this.connect(onConnected, true);
      });
      this.client = client;
      onConnected(reconnecting);
      return;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
  }
}

/** LISTEN on PostgreSQL, where triggers NOTIFY at commit. */
export class PgInvalidationSource implements InvalidationSource {
  private listener: PgListener | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly logger: WarnLogger,
  ) {}

  async start(onChange: (change: Change) => void, onReset: () => void): Promise<void> {
    this.listener = new PgListener(this.databaseUrl, this.logger, (payload) => {
      const change = parseChange(payload);
      if (change) onChange(change);
    });
    await this.listener.connect((reconnected) => reconnected && onReset());
  }

  close(): Promise<void> {
    return this.listener?.close() ?? Promise.resolve();
  }
}

/** Redis pub/sub, fed by a server's bridge from PostgreSQL (several proxies, no LISTEN connection each). */
export class RedisInvalidationSource implements InvalidationSource {
  private redis: RedisClient | null = null;

  constructor(
    private readonly redisUrl: string,
    private readonly logger: WarnLogger,
  ) {}

  async start(onChange: (change: Change) => void, onReset: () => void): Promise<void> {
    const redis = createRedisClient(this.redisUrl, { maxRetriesPerRequest: null, lazyConnect: true }, this.logger);
    this.redis = redis;
    redis.on('message', (_channel, payload) => {
      const change = parseChange(payload);
      if (change) onChange(change);
    });
    let ready = false;
    redis.on('ready', () => {
      if (ready) onReset();
      ready = true;
    });
    redis.on('error', (err) => this.logger.warn({ err: err.message }, 'redis invalidation error'));
    // A REDIS_URL of the wrong form is told and closed (redis-client.ts): the caches go by their TTL, the proxy runs on.
    if (await connectRedis(redis)) await redis.subscribe(INVALIDATION_CHANNEL);
  }

  async close(): Promise<void> {
    this.redis?.disconnect();
  }
}

/**
 * With Redis (several proxies), relays PostgreSQL's notices to Redis pub/sub,
 * where the proxies listen. Several servers relaying the same notice is
 * harmless: invalidation is idempotent.
 */
export async function startInvalidationBridge(databaseUrl: string, redisUrl: string, logger: WarnLogger) {
  const redis = createRedisClient(redisUrl, { maxRetriesPerRequest: null }, logger);
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis error (invalidation bridge)'));
  const relay = (payload: string | undefined) =>
    void redis.publish(INVALIDATION_CHANNEL, payload ?? '').catch((err: Error) => logger.warn({ err: err.message }, 'invalidation not relayed'));
  const listener = new PgListener(databaseUrl, logger, relay);
  await listener.connect(() => undefined);
  return {
    async close() {
      await listener.close();
      redis.disconnect();
    },
  };
}
