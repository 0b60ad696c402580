import { inject } from 'vitest';

// Every test file sees the run's Redis in REDIS_URL (many read it at module top), whether the
// caller set it or global-setup.ts started one. A child process given REDIS_URL: '' keeps ''.
process.env.REDIS_URL ||= inject('redisUrl');
// The run's Redis Cluster (always started by global-setup.ts): the Redis suites run against both.
process.env.REDIS_CLUSTER_URL ||= inject('redisClusterUrl');
