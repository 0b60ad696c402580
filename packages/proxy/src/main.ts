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

const shutdown = async (signal: string) => {
  logger.info({ signal }, 'draining');
  await proxy.close();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
