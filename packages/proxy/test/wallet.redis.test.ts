import { walletThroughTheProxy } from './support/wallet-suite';

// CI sets REDIS_URL; an unreachable Redis then fails these tests (see also limit-store.redis.test.ts).
if (process.env.REDIS_URL) walletThroughTheProxy('redis');
