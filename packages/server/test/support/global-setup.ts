import { dropDatabase, ensureDatabase, migrate, openOrm, startEmbeddedPostgres, withDatabase, type EmbeddedDatabase } from '@tollgate/db';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startTestRedis, type TestRedis } from './redis';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
    /** The run's Redis: REDIS_URL, or the one started here. setup-env.ts puts it in each worker's REDIS_URL. */
    redisUrl: string;
  }
}

/**
 * Starts one PostgreSQL for the run (embedded, or the server behind
 * DATABASE_URL) and migrates a template database; each test file clones it.
 * Without REDIS_URL it also starts a Redis of its own (redis-server on a free
 * port), so the Redis suites always run; the teardown stops it.
 */
export default async function setup(project: TestProject) {
  let redis: TestRedis | null = null;
  if (!process.env.REDIS_URL) {
    redis = await startTestRedis();
    process.env.REDIS_URL = redis.url;
  }
  project.provide('redisUrl', process.env.REDIS_URL!);
  try {
    const teardown = await startDatabase(project);
    return async () => {
      try {
        await teardown();
      } finally {
        if (redis) {
          delete process.env.REDIS_URL;
          await redis.stop();
        }
      }
    };
  } catch (error) {
    await redis?.stop();
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
