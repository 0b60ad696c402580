/**
 * The management server on its own: `tsx packages/server/src/main.ts` (or
 * `node packages/server/dist/main.js`) with DATABASE_URL set, for a scale-out
 * deployment of several servers and proxies on one PostgreSQL and Redis (the
 * start command runs one server beside one proxy instead). Migrations are not
 * applied here: run `tollgate migrate` once per release. SIGTERM and SIGINT
 * close it: subscriptions end, requests in flight finish.
 */
import { openOrm } from '@tollgate/db';
import { createApp } from './app';
import { loadConfig } from './config';
import { createLogger } from './logger';

const config = loadConfig();
const logger = createLogger(config.logLevel);
if (!config.databaseUrl) throw new Error('DATABASE_URL must be set to run the server on its own');
const orm = await openOrm({ databaseUrl: config.databaseUrl });
const app = await createApp(config, orm, logger);
const url = await app.listen();
logger.info({ url }, 'server listening');
console.log(`SERVER_READY ${url}`);

let closing: Promise<void> | null = null;
const shutdown = (signal: string) => {
  closing ??= (async () => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    await orm.close();
    process.exit(0);
  })().catch((err) => {
    logger.error({ err }, 'shutdown failed');
    process.exit(1);
  });
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
