import pg from 'pg';
import { pino, type Logger } from 'pino';
import { createServer, type Server } from 'node:http';
import { Catalog } from './catalog';
import type { ProxyConfig } from './config';
import { CallPipeline } from './call/pipeline';
import { ProxyRouter } from './router';
import { livePublisher, PgInvalidationSource, RedisInvalidationSource, type Change, type InvalidationSource } from '@tollgate/db';
import { KeyCache } from './keys';
import { ResponseDirectory } from './responses';
import { UsageRecorder } from './usage/recorder';
import type { LimitStore } from './limits/limit-store';
import { Limiter } from './limits/limiter';
import { MemoryLimitStore } from './limits/memory-store';
import { RedisLimitStore } from './limits/redis-store';
import { RecorderSink, StreamSink, type UsageSink } from './usage/sink';
import { UsageStreamRecorder } from './usage/stream-recorder';
import { ProxyMetrics } from './metrics';

export interface Proxy {
  server: Server;
  recorder: UsageRecorder;
  /** What GET /metrics exposes. */
  metrics: ProxyMetrics;
  /** Listens on the configured port (0 picks a free one) and answers the bound URL. */
  listen(): Promise<string>;
  /** Stops taking calls, lets those in flight finish, writes every usage event, then closes. */
  close(): Promise<void>;
}

export const createProxyLogger = (level: string): Logger => pino({ level, base: { service: 'proxy' }, redact: ['authorization', '*.authorization'] });

/** The metering proxy on plain node:http (the fastest stack measured, see docs/benchmarks.md) with undici pools upstream. */
export async function createProxy(config: ProxyConfig, logger: Logger = createProxyLogger(config.logLevel)): Promise<Proxy> {
  // The recorder, made below, counts its failures here; its queue is read only when scraped.
  const metrics = new ProxyMetrics({ tenantLabels: config.metricsTenantLabels, token: config.metricsToken, usageBufferEvents: (): number => recorder.pending });
  const db = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
  db.on('error', (err) => {
    metrics.database('connection');
    logger.warn({ err: err.message }, 'database connection error');
  });
  const catalog = new Catalog(db, config);
  await catalog.reload();
  const keys = new KeyCache(db, catalog, config.keyCacheTtlMs);
  const live = livePublisher(db, config.redisUrl, logger);
  const recorder: UsageRecorder = new UsageRecorder(db, config, logger, live, metrics);
  const store: LimitStore = config.limitStore === 'redis' ? await connectedRedisStore(config.redisUrl!, logger) : new MemoryLimitStore();
  const limiter = new Limiter(store, db, { failOpenRateLimits: config.failOpenRateLimits, live, errors: metrics }, logger);
  const wallets = limiter.wallets;
  // Redis mode (batched): each event goes to its organization's stream with its settle; the recorder holds only what Redis did not take.
  const streams =
    store instanceof RedisLimitStore && config.durability === 'batched'
      ? new UsageStreamRecorder(config.redisUrl!, db, { flushMs: config.flushMs, errors: metrics }, logger, live)
      : null;
  const usage: UsageSink = streams ? new StreamSink(limiter, store as RedisLimitStore, streams, recorder, logger) : new RecorderSink(limiter, recorder);
  const responses = new ResponseDirectory(db);
  const router = new ProxyRouter(keys, recorder, new CallPipeline(config, usage, limiter, responses, logger, metrics), responses, logger, metrics);

  const invalidations: InvalidationSource = config.redisUrl
    ? new RedisInvalidationSource(config.redisUrl, logger)
    : new PgInvalidationSource(config.databaseUrl, logger);
  const reloadCatalog = () =>
    catalog
      .reload()
      .then(() => keys.clear())
      .catch((err) => {
        metrics.database('catalog_reload');
        logger.error({ err }, 'catalog reload failed');
      });
  const onChange = (change: Change) => {
    if (change.table === 'models' || change.table === 'upstreams') return void reloadCatalog();
    if (change.table === 'wallet_records') return void wallets.moneyIn(change.id);
    keys.invalidate(change);
  };
  await invalidations.start(onChange, () => void reloadCatalog().then(() => wallets.catchUp()));

  const server = createServer({ keepAliveTimeout: 65_000 }, router.handle);
  return {
    server,
    recorder,
    metrics,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve(`http://localhost:${(server.address() as { port: number }).port}`));
      }),
    async close() {
      router.draining = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets go idle as their calls finish: close them as they do, and everything after 30 s.
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        const deadline = setTimeout(() => server.closeAllConnections(), 30_000);
        server.once('close', () => (clearInterval(sweep), clearTimeout(deadline)));
      });
      const flushed = await recorder.drain();
      // What the streams of this proxy's organizations hold is written now; anything left waits in Redis for the other proxies.
      if (streams && !(await streams.drain())) logger.warn('usage events left in their Redis streams for the other proxies to write');
      await streams?.close();
      await wallets.close();
      if (!flushed) logger.error({ pending: recorder.pending }, 'usage events could not be written before shutdown');
      await invalidations.close();
      await live.close();
      await store.close();
      await catalog.close();
      await db.end();
    },
  };
}

/**
 * A Redis limit store, given up to 5 s to connect so the first calls are not
 * refused for a connection still opening. A Redis that is down does not stop
 * the proxy: limited calls answer 503 until it is back.
 */
async function connectedRedisStore(url: string, logger: Logger): Promise<RedisLimitStore> {
  const store = new RedisLimitStore(url, logger);
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000).unref());
  const outcome = await Promise.race([
    store.ready().then(
      () => 'ready' as const,
      () => 'ended' as const,
    ),
    timeout,
  ]);
  if (outcome !== 'ready') logger.warn({ outcome }, 'Redis limit store not connected yet; limited calls answer 503 until it is');
  return store;
}
