import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { CredentialCipher, startInvalidationBridge, type MikroORM } from '@tollgate/db';
import express from 'express';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { WebSocketServer } from 'ws';
import { LoginThrottle } from './auth/login-throttle';
import type { Config } from './config';
import { buildContext, httpRequestFacts, type AppServices, type Context } from './context';
import { buildSchema } from './graphql/build-schema';
import { graphqlHttpEdge, transportErrorHandler } from './graphql/edge/http';
import { limitRules } from './graphql/edge/limits';
import { edgePlugin } from './graphql/edge/plugin';
import { serveGraphQLOverWebSocket } from './graphql/edge/socket';
import { createFormatError } from './graphql/format-error';
import { requestLogPlugin } from './graphql/request-log';
import { quotaUsage } from './modules/limits/limits.service';
import { QuotaPeriod } from './modules/limits/limits.types';
import { LiveHub } from './modules/live/live-hub';
import { eraseExpiredContent, maintainRequestLogs } from './modules/usage/request-log.service';
import { getWallet } from './modules/wallet/wallet.service';
import { usageCsvRouter } from './modules/usage/usage-csv.route';
import { metricsPlugin, metricsRoute } from './modules/metrics/metrics.route';
import { pendingOutboxMessages, ServerMetrics } from './modules/metrics/metrics.service';
import type { Logger } from './logger';
import { createOutboxDispatcher } from './notify/outbox';

export interface App {
  httpServer: Server;
  /** The graphql-ws sockets (`clients`): for leak checks and metrics. */
  webSockets: WebSocketServer;
  services: AppServices;
  /** Listens on the configured port (0 picks a free one) and answers the bound URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** The management server: GraphQL over HTTP and WebSocket, and the built SPA. */
export async function createApp(config: Config, orm: MikroORM, logger: Logger): Promise<App> {
  const credentials = config.credentialKey ? new CredentialCipher(config.credentialKey) : null;
  const outbox = createOutboxDispatcher(config, orm, logger, credentials);
  const metrics = new ServerMetrics(
    { outboxPending: pendingOutboxMessages(orm), openSubscriptions: () => services.live.stats.subscribers },
    logger,
    config.metricsToken,
  );
  const services: AppServices = {
    metrics,
    orm,
    config,
    logger,
    loginThrottle: new LoginThrottle(config.login),
    outbox,
    credentials,
    live: null as unknown as LiveHub,
  };
  // The hub reads as the system (no caller): who may see what was checked when each subscription started.
  const system = () => buildContext(services, { ip: null });
  services.live = new LiveHub(
    orm,
    logger,
    async (projectId) => quotaUsage(await system(), projectId, QuotaPeriod.MONTH),
    async (organizationId) => getWallet(await system(), organizationId),
  );
  const schema = await buildSchema();
  const expressApp = express();
  expressApp.set('trust proxy', 'loopback');
  const httpServer = createServer(expressApp);

  const formatError = createFormatError(logger, { hideSuggestions: config.graphql.introspection !== 'anonymous' });
  const ws = serveGraphQLOverWebSocket(httpServer, schema, services, formatError);

  const apollo = new ApolloServer<Context>({
    schema,
    csrfPrevention: true,
    // Who may introspect is the edge plugin's decision (GRAPHQL_INTROSPECTION), per caller.
    introspection: true,
    validationRules: limitRules(config.graphql),
    parseOptions: { maxTokens: config.graphql.maxTokens },
    formatError,
    includeStacktraceInErrorResponses: false,
    // The process's owner (src/main.ts, the start command) stops the app on a signal, PostgreSQL last. Apollo's own
    // handler would stop itself and send the signal again, killing the process before that shutdown ends.
    stopOnTerminationSignals: false,
    plugins: [
      requestLogPlugin(logger),
      metricsPlugin(metrics),
      edgePlugin(schema, config.graphql),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return {
            drainServer: async () => {
              await ws.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  expressApp.get('/health', (_req, res) => void res.json({ status: 'ok' }));
  expressApp.get('/metrics', metricsRoute(metrics));
  expressApp.use(
    '/graphql',
    ...graphqlHttpEdge(config, formatError),
    expressMiddleware(apollo, { context: async ({ req, res }) => buildContext(services, httpRequestFacts(req, res)) }),
  );
  expressApp.use('/api', usageCsvRouter(services));
  serveSpa(expressApp, config.webDist, logger);
  expressApp.use(transportErrorHandler(formatError));

  await outbox.start();
  await services.live.start(config.databaseUrl ?? orm.config.getClientUrl(), config.redisUrl);
  const bridge = config.redisUrl && config.databaseUrl ? await startInvalidationBridge(config.databaseUrl, config.redisUrl, logger) : null;
  // Hourly, one after the other (a partition's drop waits for the content erase's update): request-log
  // partitions are made ahead and those past the installation's retention dropped (once before serving
  // too), then stored call content past each organization's retention is erased.
  const maintainPartitions = () =>
    maintainRequestLogs(orm.em.fork() as never, config.requestLogRetentionDays, logger).catch((err) =>
      logger.error({ err, code: 'REQUEST_LOG_PARTITIONS_FAILED' }, 'request-log partition maintenance failed; retried in an hour'),
    );
  const eraseContent = () => eraseExpiredContent(orm.em.fork() as never).catch((err) => logger.error({ err }, 'content retention failed'));
  let maintenance: Promise<unknown> = maintainPartitions();
  await maintenance;
  const retention = setInterval(() => {
    maintenance = maintenance.then(maintainPartitions).then(eraseContent);
  }, 3_600_000);
  retention.unref();
  return {
    httpServer,
    webSockets: ws.wsServer,
    services,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          const { port } = httpServer.address() as { port: number };
          const url = `http://localhost:${port}`;
          if (config.publicUrlFromPort) config.publicUrl = url;
          resolve(url);
        });
      }),
    close: async () => {
      clearInterval(retention);
      await maintenance;
      await services.live.close();
      await apollo.stop();
      await outbox.stop();
      await bridge?.close();
    },
  };
}

/** The built SPA with a fallback to index.html for client-side routes. */
function serveSpa(app: express.Express, dist: string, logger: Logger) {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) {
    logger.warn({ dist }, 'SPA not built; run `pnpm build`');
    return;
  }
  app.use(express.static(dist, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!graphql|health).*/, (_req, res) => res.sendFile(index));
}
