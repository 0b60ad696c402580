import { primariesOf, redisReady, type RedisClient } from '@tollgate/db';

/** The two kinds of Redis the Redis suites run against: one server, and a three-primary Redis Cluster. */
export type RedisTopology = 'single' | 'cluster';
export const REDIS_TOPOLOGIES: readonly RedisTopology[] = ['single', 'cluster'];

/**
 * The run's Redis: REDIS_URL as the caller set it, or the one the test run's global setup
 * starts (packages/server/test/support/global-setup.ts); for 'cluster', the Redis Cluster it always
 * starts (REDIS_CLUSTER_URL, in the cluster form of REDIS_URL). The Redis suites never skip:
 * without it they fail here, and an unreachable Redis fails them too.
 */
export function requireRedisUrl(topology: RedisTopology = 'single'): string {
  const url = topology === 'cluster' ? process.env.REDIS_CLUSTER_URL : process.env.REDIS_URL;
  if (!url)
    throw new Error(
      `${topology === 'cluster' ? 'REDIS_CLUSTER_URL' : 'REDIS_URL'} is not set: the Redis suites need the Redis the test run starts (run them with vitest from the repository root)`,
    );
  return url;
}

/** KEYS on every primary (a cluster's KEYS sees one node's keys). */
export async function keysOf(admin: RedisClient, pattern: string): Promise<string[]> {
  await redisReady(admin); // a cluster knows its primaries once ready
  return (await Promise.all(primariesOf(admin).map((node) => node.keys(pattern)))).flat();
}

/** Deletes every key of an organization (its hash tag: one slot, so one DEL). */
export async function forgetOrganization(admin: RedisClient, organizationId: string): Promise<void> {
  const keys = await keysOf(admin, `tg:{${organizationId}}:*`);
  if (keys.length) await admin.del(...keys);
}
