import {
  createRedisClient,
  ensureDatabase,
  freePort,
  migrate,
  openOrm,
  redisReady,
  startEmbeddedPostgres,
  type MikroORM,
  type RedisClient,
} from '@tollgate/db';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Infrastructure {
  databaseUrl: string;
  redisUrl: string;
  /** Migrated: the servers do not migrate (README "Scale-out"), so the run does it once, as a release would. */
  orm: MikroORM;
  /** A client of it (one server or a Redis Cluster, as REDIS_URL says): the run reads the usage streams with it. */
  redis: RedisClient;
  close(): Promise<void>;
}

/**
 * The shared PostgreSQL and Redis: the ones given, or an embedded PostgreSQL and a redis-server
 * with the persistence docker-compose.yml gives Redis (AOF, fsync every second), in a temporary
 * directory removed afterwards.
 */
export async function startInfrastructure(given: { databaseUrl?: string; redisUrl?: string }, log: (line: string) => void): Promise<Infrastructure> {
  const dir = await mkdtemp(join(tmpdir(), 'tollgate-topology-'));
  const cleanups: Array<() => Promise<void>> = [() => rm(dir, { recursive: true, force: true })];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    let databaseUrl = given.databaseUrl;
    if (!databaseUrl) {
      const embedded = await startEmbeddedPostgres(dir, log); // its cluster in dir/postgres
      cleanups.push(() => embedded.stop());
      await ensureDatabase(embedded.adminUrl, 'tollgate');
      databaseUrl = embedded.urlFor('tollgate');
    }
    const redisUrl = given.redisUrl ?? (await startRedis(join(dir, 'redis'), cleanups, log));
    const orm = await openOrm({ databaseUrl });
    cleanups.push(() => orm.close());
    const applied = await migrate(orm);
    if (applied.length) log(`applied migrations: ${applied.length}`);
    const redis = createRedisClient(redisUrl, { maxRetriesPerRequest: 2 });
    cleanups.push(async () => redis.disconnect());
    await redisReady(redis);
    return { databaseUrl, redisUrl, orm, redis, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function startRedis(dir: string, cleanups: Array<() => Promise<void>>, log: (line: string) => void): Promise<string> {
  await mkdir(dir, { recursive: true });
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec'],
    {
      stdio: 'ignore',
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  cleanups.push(async () => {
    child.kill('SIGTERM');
    await exited;
  });
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new Error(`redis-server could not start (is it installed? or set REDIS_URL): ${error.message}`)));
    void exited.then(() => reject(new Error('redis-server exited before answering PING')));
  });
  const url = `redis://127.0.0.1:${port}`;
  const answered = (async () => {
    for (const deadline = Date.now() + 10_000; !(await answersPing(url));) {
      if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer PING within 10 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  await Promise.race([answered, failed]);
  log(`redis-server on ${url} (appendonly yes, appendfsync everysec)`);
  return url;
}

async function answersPing(url: string): Promise<boolean> {
  const probe = createRedisClient(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}
