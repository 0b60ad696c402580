import { Cluster, Redis, type RedisOptions } from 'ioredis';

/*
 * The one home for opening REDIS_URL. Two forms (README "Configuration"):
 *
 *   redis://[user:pass@]host:port[/db]     one Redis server (rediss:// for TLS)
 *   redis+cluster://[user:pass@]host:port[,host:port...]
 *                                          a Redis Cluster, from any of its primaries (rediss+cluster://
 *                                          for TLS); ioredis learns the rest and sends each command to the
 *                                          primary of its key's slot. A cluster has one database: no /db.
 *
 * Everything Tollgate keeps in Redis is per organization under its hash tag `{<org>}`, so each script
 * and MULTI touches one slot; the stream registry `tg:usage-streams` is a key of its own, never in a
 * script with another. Pub/sub works on either: a cluster broadcasts PUBLISH to every node.
 *
 * A URL of the wrong form is caught once connected, with one error log line naming the fix, and the
 * client closed: everything using it then fails as when Redis is down (limited calls answer 503,
 * usage events wait in the proxy), rather than half working (a plain client on a cluster node reaches
 * only that node's slots and is answered MOVED for the rest).
 */

/** A client of REDIS_URL's Redis: one server's, or a cluster's. */
export type RedisClient = Redis | Cluster;

/** What a client is opened with; a cluster takes them for each connection to its nodes (retryStrategy as its clusterRetryStrategy). */
export type RedisClientOptions = Pick<
  RedisOptions,
  'maxRetriesPerRequest' | 'enableOfflineQueue' | 'lazyConnect' | 'commandTimeout' | 'autoResendUnfulfilledCommands' | 'retryStrategy' | 'enableAutoPipelining'
>;

/** Where a wrong REDIS_URL is told. */
export interface RedisClientLogger {
  error(details: object, message: string): void;
}

export type RedisTarget =
  { kind: 'server'; url: string } | { kind: 'cluster'; nodes: Array<{ host: string; port: number }>; username?: string; password?: string; tls: boolean };

/** A REDIS_URL that cannot be used (code redis_url_invalid); its message says which part and the forms accepted. */
export class RedisUrlError extends Error {
  readonly code = 'redis_url_invalid';
}

const FORMS = 'redis://[user:pass@]host:port[/db] or redis+cluster://[user:pass@]host:port[,host:port...]';
const CLUSTER_SCHEME = /^(rediss?)\+cluster:\/\//;

/** REDIS_URL's form and parts; throws RedisUrlError. The password never appears in the message. */
export function parseRedisUrl(url: string): RedisTarget {
  const scheme = CLUSTER_SCHEME.exec(url);
  if (!scheme) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new RedisUrlError(`REDIS_URL is not a URL: use ${FORMS}`);
    }
    if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new RedisUrlError(`REDIS_URL has scheme ${parsed.protocol} : use ${FORMS}`);
    return { kind: 'server', url };
  }
  const rest = url.slice(scheme[0].length);
  const at = rest.lastIndexOf('@');
  const [userinfo, hostlist] = at < 0 ? ['', rest] : [rest.slice(0, at + 1), rest.slice(at + 1)];
  const path = hostlist.search(/[/?#]/);
  if (path >= 0 && hostlist.slice(path) !== '/')
    throw new RedisUrlError(
      `REDIS_URL names a cluster with "${hostlist.slice(path)}" after its nodes: a cluster has one database (no /db) and takes no options; use ${FORMS}`,
    );
  const hosts = (path >= 0 ? hostlist.slice(0, path) : hostlist).split(',');
  let username: string | undefined;
  let password: string | undefined;
  const nodes = hosts.map((host) => {
    let node: URL;
    try {
      node = new URL(`redis://${userinfo}${host}`);
    } catch {
      throw new RedisUrlError(`REDIS_URL names a cluster node "${host}" that is not host:port: use ${FORMS}`);
    }
    if (!node.hostname || !node.port) throw new RedisUrlError(`REDIS_URL names a cluster node "${host}" without host and port: use ${FORMS}`);
    username = decodeURIComponent(node.username) || undefined;
    password = decodeURIComponent(node.password) || undefined;
    return { host: node.hostname.replace(/^\[(.*)\]$/, '$1'), port: Number(node.port) };
  });
  return { kind: 'cluster', nodes, username, password, tls: scheme[1] === 'rediss' };
}

/** What is wrong with a REDIS_URL (null: nothing), for configuration checks. */
export function redisUrlProblem(url: string): string | null {
  try {
    parseRedisUrl(url);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/** Where a URL points, for log lines: its hosts, never its password. */
export function describeRedisUrl(url: string): string {
  try {
    const target = parseRedisUrl(url);
    if (target.kind === 'cluster') return `cluster ${target.nodes.map((n) => `${n.host}:${n.port}`).join(',')}`;
    return new URL(url).host;
  } catch {
    return 'an invalid REDIS_URL';
  }
}

/** A client of the URL's Redis (see the top of this file). Throws RedisUrlError for a URL of neither form. */
export function createRedisClient(url: string, options: RedisClientOptions, logger?: RedisClientLogger): RedisClient {
  const target = parseRedisUrl(url);
  if (target.kind === 'server') {
    const client = new Redis(url, options);
    client.on('ready', () => checks.set(client, refuseClusterNode(client, url, logger)));
    return client;
  }
  const { enableOfflineQueue, lazyConnect, retryStrategy, enableAutoPipelining, ...perNode } = options;
  const client = new Cluster(target.nodes, {
    enableOfflineQueue,
    lazyConnect,
    enableAutoPipelining,
    ...(retryStrategy ? { clusterRetryStrategy: retryStrategy } : {}),
    redisOptions: { ...perNode, username: target.username, password: target.password, ...(target.tls ? { tls: {} } : {}) },
  });
  client.on('node error', (err: Error) => {
    if (!err.message.includes('cluster support disabled') || client.status === 'end') return;
    refused.add(client);
    tellOnce(
      logger,
      { code: 'redis_url_not_a_cluster', redis: describeRedisUrl(url) },
      'REDIS_URL is the cluster form (redis+cluster://) but its nodes are not in a Redis Cluster (cluster support disabled): use redis://host:port for one server; Redis is not used until then',
    );
    client.disconnect();
  });
  return client;
}

/** Clients closed as the wrong form of their URL. */
const refused = new WeakSet<RedisClient>();

/** The wrong-form lines told in this process: one per URL, however many clients it opens. */
const told = new Set<string>();

function tellOnce(logger: RedisClientLogger | undefined, details: { code: string; redis: string }, message: string) {
  const key = `${details.code} ${details.redis}`;
  if (told.has(key)) return;
  told.add(key);
  logger?.error(details, message);
}

/** By plain client, the check of its last connect: true when it was refused. */
const checks = new WeakMap<Redis, Promise<boolean>>();

/** A plain client connected to a node of a cluster: told once and closed (see the top of this file). */
async function refuseClusterNode(client: Redis, url: string, logger?: RedisClientLogger): Promise<boolean> {
  const info = await client.info('cluster').catch(() => '');
  if (!/^cluster_enabled:1\b/m.test(info) || client.status === 'end') return false;
  const host = describeRedisUrl(url);
  refused.add(client);
  tellOnce(
    logger,
    { code: 'redis_url_names_cluster_node', redis: host },
    `REDIS_URL redis://${host} is a node of a Redis Cluster: use the cluster form redis+cluster://${host}[,host:port...]; Redis is not used until then`,
  );
  const ended = new Promise((resolve) => client.once('end', resolve));
  client.disconnect();
  await ended;
  return true;
}

/** The connections to every primary (one, for a single server): for commands that see one node's keys only (SCAN, KEYS, FLUSHDB). */
export function primariesOf(client: RedisClient): Redis[] {
  return client instanceof Cluster ? client.nodes('master') : [client];
}

/** Resolves once the client is ready (connecting a lazy one) and of the URL's form; rejects when it ends first (closed, or refused as the wrong form). */
export async function redisReady(client: RedisClient): Promise<void> {
  if (client.status === 'wait') client.connect().catch(() => undefined); // failures end it, or are retried
  if (client.status !== 'ready')
    await new Promise<void>((resolve, reject) => {
      client.once('ready', resolve);
      client.once('end', () => reject(new Error('Redis connection ended')));
    });
  if (client instanceof Redis && (await checks.get(client))) throw new Error('Redis refused: REDIS_URL names a node of a Redis Cluster');
}

/**
 * Connects a lazy client: true once ready, false when it was refused as the wrong form of
 * REDIS_URL (told and closed: the caller goes on without Redis); rejects as connect() does.
 */
export async function connectRedis(client: RedisClient): Promise<boolean> {
  try {
    await client.connect();
  } catch (err) {
    if (refused.has(client)) return false;
    throw err;
  }
  return redisReady(client).then(
    () => true,
    () => false,
  );
}
