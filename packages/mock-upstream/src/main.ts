/**
 * `tsx packages/mock-upstream/src/main.ts` (or `pnpm --filter @tollgate/mock-upstream start`).
 * Env: MOCK_PORT (4200; 0 = a free port), MOCK_HOST (127.0.0.1), MOCK_LATENCY_MS, MOCK_CHUNK_COUNT,
 * MOCK_CHUNK_INTERVAL_MS, MOCK_API_KEY. Prints `MOCK_READY <url>` once listening (the benchmark waits for it).
 */
import { startMockUpstream } from './index';

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name] || fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
};
const mock = await startMockUpstream({
  port: env('MOCK_PORT', 4200),
  host: process.env.MOCK_HOST || '127.0.0.1',
  latencyMs: env('MOCK_LATENCY_MS', 0),
  chunkCount: env('MOCK_CHUNK_COUNT', 8),
  chunkIntervalMs: env('MOCK_CHUNK_INTERVAL_MS', 0),
  ...(process.env.MOCK_API_KEY ? { apiKey: process.env.MOCK_API_KEY } : {}),
});
console.log(`MOCK_READY ${mock.url}`);
const stop = () => void mock.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
