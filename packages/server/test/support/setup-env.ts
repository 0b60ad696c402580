import { inject } from 'vitest';

// Every test file sees the run's Redis in REDIS_URL (many read it at module top), whether the
// caller set it or global-setup.ts started one. A child process given REDIS_URL: '' keeps ''.
process.env.REDIS_URL ||= inject('redisUrl');
