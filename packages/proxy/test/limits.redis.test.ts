import { limitsThroughTheProxy } from './support/limits-suite';

// CI sets REDIS_URL; an unreachable Redis then fails these tests (see also limit-store.redis.test.ts).
if (process.env.REDIS_URL) limitsThroughTheProxy('redis');
