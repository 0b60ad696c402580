import { REDIS_TOPOLOGIES } from './support/redis-url';
import { walletThroughTheProxy } from './support/wallet-suite';

// Always run: the Redis is REDIS_URL or the test run's own, and the run's Redis Cluster; missing or unreachable fails these tests (see also limit-store.redis.test.ts).
for (const topology of REDIS_TOPOLOGIES) walletThroughTheProxy('redis', topology);
