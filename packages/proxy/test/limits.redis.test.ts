import { limitsThroughTheProxy } from './support/limits-suite';

// Always run: the Redis is REDIS_URL or the test run's own; missing or unreachable fails these tests (see also limit-store.redis.test.ts).
limitsThroughTheProxy('redis');
