import { Redis } from 'ioredis';
import pg from 'pg';
import type { Logger } from 'pino';

export const INVALIDATION_CHANNEL = 'tollgate_invalidation';
export interface Change {
  table: string;
  id: string;
}

/** Where the proxy hears that cached rows changed. `onReset` runs after a reconnect, when notices may have been missed. */
export interface InvalidationSource {
  start(onChange: (change: Change) => void, onReset: () => void): Promise<void>;
  close(): Promise<void>;
}

const parse = (payload: string | undefined): Change | null => {
  try {
    const change = JSON.parse(payload ?? '') as Change;
    return typeof change.table === 'string' && typeof change.id === 'string' ? change : null;
  } catch {
    return null;
  }
};

/** LISTEN on PostgreSQL, where triggers NOTIFY at commit; reconnects with backoff. */
export class PgInvalidationSource implements InvalidationSource {
  private client: pg.Client | null = null;
  private closed = false;

  constructor(private readonly databaseUrl: string, private readonly logger: Logger) {}

  async start(onChange: (change: Change) => void, onReset: () => void): Promise<void> {
    await this.connect(onChange, onReset, false);
  }

  private async connect(onChange: (change: Change) => void, onReset: () => void, reconnecting: boolean): Promise<void> {
    for (let attempt = 0; !this.closed; attempt++) {
      const client = new pg.Client({ connectionString: this.databaseUrl });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.query(`listen ${INVALIDATION_CHANNEL}`);
      } catch (err) {
        client.end().catch(() => undefined);
        const delay = Math.min(2_000, 100 * 2 ** attempt);
        this.logger.warn({ err: (err as Error).message, retryInMs: delay }, 'invalidation listener cannot connect');
        await new Promise((r) => setTimeout(r, delay));
        continue;
      }
      client.on('notification', (n) => {
        const change = parse(n.payload);
        if (change) onChange(change);
      });
      client.once('end', () => {
        if (this.closed) return;
        this.logger.warn('invalidation listener lost its connection; reconnecting');
        void this.connect(onChange, onReset, true);
      });
      this.client = client;
      if (reconnecting) onReset();
      return;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
  }
}

/** Redis pub/sub, fed by the server's bridge from PostgreSQL (several proxies, no LISTEN needed). */
export class RedisInvalidationSource implements InvalidationSource {
  private redis: Redis | null = null;

  constructor(private readonly redisUrl: string, private readonly logger: Logger) {}

  async start(onChange: (change: Change) => void, onReset: () => void): Promise<void> {
    const redis = new Redis(this.redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
    this.redis = redis;
    redis.on('message', (_channel, payload) => {
      const change = parse(payload);
      if (change) onChange(change);
    });
    let ready = false;
    redis.on('ready', () => {
      if (ready) onReset();
      ready = true;
    });
    redis.on('error', (err) => this.logger.warn({ err: err.message }, 'redis invalidation error'));
    await redis.connect();
    await redis.subscribe(INVALIDATION_CHANNEL);
  }

  async close(): Promise<void> {
    this.redis?.disconnect();
  }
}
