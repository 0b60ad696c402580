/**
 * The proxy on its own: `tsx packages/proxy/src/main.ts` with DATABASE_URL set
 * (the start command runs it in-process beside the server instead).
 * SIGTERM and SIGINT drain: in-flight calls finish and every usage event is written.
 */
import { createProxy, createProxyLogger, loadProxyConfig } from './index';

const config = loadProxyConfig();
const logger = createProxyLogger(config.logLevel);
const proxy = await createProxy(config, logger);
const url = await proxy.listen();
logger.info({ url }, 'proxy listening');
console.log(`PROXY_READY ${url}`);

let draining: Promise<void> | null = null;
const shutdown = (signal: string) => {
  // A repeated signal (some supervisors send two) must not cut the drain short.
  draining ??= (async () => {
    logger.info({ signal }, 'draining');
    await proxy.close();
    process.exit(0);
  })().catch((err) => {
    logger.error({ err }, 'shutdown failed');
    process.exit(1);
  });
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
