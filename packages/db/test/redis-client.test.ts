import { afterAll, describe, expect, it } from 'vitest';
import {
  createRedisClient,
  INVALIDATION_CHANNEL,
  LIVE_CHANNEL,
  listenLive,
  parseRedisUrl,
  primariesOf,
  redisReady,
  RedisInvalidationSource,
  RedisLivePublisher,
  RedisUrlError,
  redisUrlProblem,
  startInvalidationBridge,
  type Change,
} from '../src';
import { freshDatabase } from './support/fresh-database';

/*
 * REDIS_URL's two forms (redis-client.ts), against the run's Redis and the run's Redis Cluster
 * (both started by the test run's global setup), and the pub/sub transports on the cluster.
 */

const single = process.env.REDIS_URL!;
const cluster = process.env.REDIS_CLUSTER_URL!;
const hostsOf = (url: string) => url.slice(url.indexOf('//') + 2).split(',');

/** A logger that keeps what it is told. */
function memoryLogger() {
  const lines: Array<{ level: string; msg: string; fields: Record<string, unknown> }> = [];
  const at = (level: string) => (fields: object, msg: string) => void lines.push({ level, msg, fields: fields as Record<string, unknown> });
  return { lines, logger: { warn: at('warn'), error: at('error') } };
}

describe('REDIS_URL', () => {
  it('takes one server, or a cluster from its nodes (user, password, TLS)', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6379/2')).toEqual({ kind: 'server', url: 'redis://127.0.0.1:6379/2' });
    expect(parseRedisUrl('redis+cluster://10.0.0.1:7000,10.0.0.2:7001/')).toEqual({
      kind: 'cluster',
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 7001 },
      ],
      username: undefined,
      password: undefined,
      tls: false,
    });
    expect(parseRedisUrl('rediss+cluster://app:p%40ss@redis-a:6380,[::1]:6381')).toMatchObject({
      nodes: [
        { host: 'redis-a', port: 6380 },
        { host: '::1', port: 6381 },
      ],
      username: 'app',
      password: 'p@ss',
      tls: true,
    });
  });

  it('refuses a cluster with a database number, options, or a node without a port, naming both forms and never the password', () => {
    for (const [url, says] of [
      ['redis+cluster://:secret@h1:7000,h2:7001/1', /one database \(no \/db\)/],
      ['redis+cluster://h1:7000?tls=true', /takes no options/],
      ['redis+cluster://h1:7000,h2', /"h2" without host and port/],
      ['redis+cluster://', /without host and port/],
      ['http://h1:6379', /scheme http:/],
      ['not a url', /not a URL/],
    ] as const) {
      expect(() => parseRedisUrl(url), url).toThrow(RedisUrlError);
      const problem = redisUrlProblem(url)!;
      expect(problem, url).toMatch(says);
      expect(problem).toContain('redis+cluster://[user:pass@]host:port[,host:port...]');
      expect(problem).not.toContain('secret');
    }
    expect(redisUrlProblem(single)).toBeNull();
    expect(redisUrlProblem(cluster)).toBeNull();
  });
});

describe('a REDIS_URL of the wrong form', () => {
  it('naming one node of a cluster as a plain server: one error line with the fix, and the client closed', async () => {
    const { lines, logger } = memoryLogger();
    const node = hostsOf(cluster)[0]!;
    const client = createRedisClient(`redis://${node}`, { maxRetriesPerRequest: 1, enableOfflineQueue: false }, logger);
    await expect(redisReady(client)).rejects.toThrow(/names a node of a Redis Cluster/);
    expect(lines).toEqual([
      {
        level: 'error',
        fields: { code: 'redis_url_names_cluster_node', redis: node },
        msg: `REDIS_URL redis://${node} is a node of a Redis Cluster: use the cluster form redis+cluster://${node}[,host:port...]; Redis is not used until then`,
      },
    ]);
    // Refused, not half working (MOVED for other nodes' slots): every command fails as with Redis down.
    expect(client.status).toBe('end');
    await expect(client.get('tg:{any}:x')).rejects.toThrow(/Connection is closed/);
  });

  it('in the cluster form, naming a Redis that is no cluster: one error line with the fix, and the client closed', async () => {
    const { lines, logger } = memoryLogger();
    const client = createRedisClient(`redis+cluster://${new URL(single).host}`, { enableOfflineQueue: false }, logger);
    client.on('error', () => undefined); // its attempts, as every caller's client hears them
    await expect(redisReady(client)).rejects.toThrow(/ended/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', fields: { code: 'redis_url_not_a_cluster' } });
    expect(lines[0]!.msg).toMatch(/not in a Redis Cluster .*use redis:\/\/host:port for one server/);
    await expect(client.get('tg:{any}:x')).rejects.toThrow();
  });

  it('a plain server and a cluster in their own forms: nothing logged', async () => {
    const { lines, logger } = memoryLogger();
    const clients = [createRedisClient(single, {}, logger), createRedisClient(cluster, {}, logger)];
    for (const client of clients) {
      await redisReady(client);
      expect(await client.set(`tg:{${client.constructor.name}}:probe`, '1', 'EX', 5)).toBe('OK');
      client.disconnect();
    }
    expect(lines).toEqual([]);
  });
});

describe('pub/sub on a Redis Cluster', async () => {
  const { url: databaseUrl, pool } = await freshDatabase();
  const { logger } = memoryLogger();
  const admin = createRedisClient(cluster, {});
  await redisReady(admin);
  afterAll(() => admin.disconnect());

  it("carries the bridge's invalidations from PostgreSQL to a proxy's source", async () => {
    const bridge = await startInvalidationBridge(databaseUrl, cluster, logger);
    const source = new RedisInvalidationSource(cluster, logger);
    const heard: Change[] = [];
    await source.start(
      (change) => heard.push(change),
      () => undefined,
    );
    try {
      await pool.query(`select pg_notify('${INVALIDATION_CHANNEL}', '{"table":"models","id":"over-the-cluster"}')`);
      await expect.poll(() => heard, { timeout: 5_000 }).toEqual([{ table: 'models', id: 'over-the-cluster' }]);
      // Published on each primary in turn: a cluster's PUBLISH reaches a subscriber on any node.
      for (const [i, node] of primariesOf(admin).entries()) await node.publish(INVALIDATION_CHANNEL, JSON.stringify({ table: 'projects', id: `node-${i}` }));
      await expect.poll(() => heard.length, { timeout: 5_000 }).toBe(4);
    } finally {
      await source.close();
      await bridge.close();
    }
  });

  it("carries the proxies' live messages to a server", async () => {
    const heard: string[] = [];
    const ears = await listenLive(databaseUrl, cluster, logger, {
      live: (payload) => void heard.push(payload!),
      access: () => undefined,
      invalidation: () => undefined,
      reset: () => undefined,
    });
    const publisher = new RedisLivePublisher(cluster, logger);
    try {
      await publisher.publish(['one', 'two']);
      for (const [i, node] of primariesOf(admin).entries()) await node.publish(LIVE_CHANNEL, `node-${i}`);
      await expect.poll(() => [...heard].sort(), { timeout: 5_000 }).toEqual(['node-0', 'node-1', 'node-2', 'one', 'two']);
    } finally {
      await publisher.close();
      await ears.close();
    }
  });
});
