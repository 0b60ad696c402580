/**
 * The run's Redis: REDIS_URL as the caller set it, or the one the test run's global setup
 * starts (packages/server/test/support/global-setup.ts). The Redis suites never skip:
 * without it they fail here, and an unreachable Redis fails them too.
 */
export function requireRedisUrl(): string {
  const url = process.env.REDIS_URL;
  if (!url)
    throw new Error('REDIS_URL is not set: the Redis suites need the Redis the test run starts (run them with vitest from the repository root) or REDIS_URL');
  return url;
}
