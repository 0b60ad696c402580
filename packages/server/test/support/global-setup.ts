import { dropDatabase, ensureDatabase, migrate, openOrm, startEmbeddedPostgres, withDatabase, type EmbeddedDatabase } from '@tollgate/db';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startTestCluster, startTestRedis, type TestRedis } from './redis';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
    /** The run's Redis: REDIS_URL, or the one started here. setup-env.ts puts it in each worker's REDIS_URL. */
    redisUrl: string;
    /** A Redis Cluster of the run's own (three primaries), always started: the Redis suites run against it too. setup-env.ts puts it in REDIS_CLUSTER_URL. */
    redisClusterUrl: string;
  }
}

/**
 * Starts one PostgreSQL for the run (embedded, or the server behind
 * DATABASE_URL) and migrates a template database; each test file clones it.
 * Without REDIS_URL it also starts a Redis of its own (redis-server on a free
 * port), so the Redis suites always run, and always a three-primary Redis
 * Cluster (a machine's Redis is not one); the teardown stops them.
 */
export default async function setup(project: TestProject) {
  let redis: TestRedis | null = null;
  let cluster: TestRedis | null = null;
  const stopRedis = async () => {
    await Promise.all([redis?.stop(), cluster?.stop()]);
  };
  try {
    if (!process.env.REDIS_URL) {
      redis = await startTestRedis();
      process.env.REDIS_URL = redis.url;
    }
    project.provide('redisUrl', process.env.REDIS_URL!);
    // The cluster forms (a few seconds of gossip) while PostgreSQL starts and migrates.
    const [formed, database] = await Promise.allSettled([startTestCluster(), startDatabase(project)]);
    if (formed.status === 'fulfilled') cluster = formed.value;
    if (database.status === 'rejected') throw database.reason;
    const teardown = database.value;
    if (formed.status === 'rejected') {
      await teardown();
      throw formed.reason;
    }
    project.provide('redisClusterUrl', formed.value.url);
    return async () => {
      try {
        await teardown();
      } finally {
        if (redis) delete process.env.REDIS_URL;
        await stopRedis();
      }
    };
  } catch (error) {
    await stopRedis();
    throw error;
  }
}

async function startDatabase(project: TestProject) {
  let embedded: EmbeddedDatabase | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres(await mkdtemp(join(tmpdir(), 'tollgate-test-')));
    adminUrl = embedded.adminUrl;
  }
  const template = `tollgate_template_${process.pid}`;
  await dropDatabase(adminUrl, template);
  await ensureDatabase(adminUrl, template);
  const orm = await openOrm({ databaseUrl: withDatabase(adminUrl, template) });
  await migrate(orm);
  await orm.close();
  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', template);
  return async () => {
    await dropDatabase(adminUrl, template);
    await embedded?.stop();
  };
}
