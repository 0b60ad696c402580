export { createProxy, createProxyLogger, type Proxy } from './proxy';
export { loadProxyConfig, type ProxyConfig } from './config';
export type { UsageEvent } from './usage/recorder';
export { ProxyMetrics } from './metrics';
export { CONSUMER_GROUP, streamKeyOf } from './usage/usage-stream';
