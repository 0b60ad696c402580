export { createApp, type App } from './app';
export { loadConfig, type Config } from './config';
export { createLogger, type Logger } from './logger';
export { buildSchema } from './graphql/build-schema';
export { printSchemaFile } from './graphql/print-schema';
export type { PermissionDeclaration } from './graphql/can';
export { ServerMetrics } from './modules/metrics/metrics.service';
