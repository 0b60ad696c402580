/** `pnpm --filter @tollgate/mock-upstream start`: MOCK_PORT (4200), MOCK_LATENCY_MS, MOCK_CHUNK_COUNT, MOCK_CHUNK_INTERVAL_MS. */
import { startMockUpstream } from './index';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const mock = await startMockUpstream({
  port: env('MOCK_PORT', 4200),
  latencyMs: env('MOCK_LATENCY_MS', 0),
  chunkCount: env('MOCK_CHUNK_COUNT', 8),
  chunkIntervalMs: env('MOCK_CHUNK_INTERVAL_MS', 0),
});
console.log(`MOCK_READY ${mock.url}`);
process.once('SIGTERM', () => void mock.close().then(() => process.exit(0)));
process.once('SIGINT', () => void mock.close().then(() => process.exit(0)));
