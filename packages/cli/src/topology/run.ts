/**
 * The scale-out topology, run for real (README "Scale-out"): two servers and two proxies as
 * separate processes on one PostgreSQL and one Redis, load through both proxies for a prepaid
 * organization with every limit set, proxy 1 killed with SIGKILL and server 1 stopped with
 * SIGTERM mid-run and both restarted on their ports, then every answer checked against the
 * records. `pnpm topology` runs it (main.ts); packages/cli/test/topology.test.ts runs it shorter.
 */
import { newCredentialKey, seedMockCatalog, type RedisClient } from '@tollgate/db';
import { startMockUpstream } from '@tollgate/mock-upstream';
import { CONSUMER_GROUP, streamKeyOf } from '@tollgate/proxy';
import { limitChecks, readRecorded, recordChecks, type Check } from './checks';
import { startInfrastructure, type Infrastructure } from './infrastructure';
import { call, SLOW_CALL_BODY, startLoad, type Outcome } from './load';
import { killRunning, spawnEntrypoint, stopProcess, type Spawned } from './processes';
import { startStallableRelay } from './relay';
import { createTenant, setLimits, type LoadShape, type Tenant, type TenantKey } from './tenant';

export interface TopologyOptions extends LoadShape {
  /** PostgreSQL to use; without it an embedded one is started. */
  databaseUrl?: string;
  /** Redis to use; without it a redis-server with AOF persistence is started. */
  redisUrl?: string;
  loopsPerProxy?: number;
  log?: (line: string) => void;
}

export interface TopologyResult {
  checks: Check[];
  figures: Record<string, string | number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SERVER = 'packages/server/src/main.ts';
const PROXY = 'packages/proxy/src/main.ts';
/** A mock upstream that takes a while, so calls are in flight when proxy 1 is killed. */
const UPSTREAM_LATENCY_MS = 40;
/** Calls sent to proxy 1 just before the kill that the upstream answers only after it: in flight when it dies. */
const SLOW_CALLS = 3;
/** How long proxy 1's PostgreSQL is silent before the kill: long enough for it to read a batch it cannot write. */
const STALL_BEFORE_KILL_MS = 500;

export async function runTopology(options: TopologyOptions): Promise<TopologyResult> {
  const log = options.log ?? (() => undefined);
  const infrastructure = await startInfrastructure(options, log);
  const mock = await startMockUpstream({ port: 0, latencyMs: UPSTREAM_LATENCY_MS });
  const relay = await startStallableRelay(new URL(infrastructure.databaseUrl));
  const running: Spawned[] = [];
  try {
    await seedMockCatalog(infrastructure.orm.em.fork(), mock.url);
    return await runOn({ infrastructure, relay, running, log }, options);
  } finally {
    await Promise.all(running.map((p) => stopProcess(p, 'SIGTERM')));
    killRunning();
    await relay.close();
    await mock.close();
    await infrastructure.close();
  }
}

interface RunContext {
  infrastructure: Infrastructure;
  relay: Awaited<ReturnType<typeof startStallableRelay>>;
  /** Every process started, for the teardown. */
  running: Spawned[];
  log: (line: string) => void;
}

async function runOn({ infrastructure, relay, running, log }: RunContext, options: TopologyOptions): Promise<TopologyResult> {
  const shared = { DATABASE_URL: infrastructure.databaseUrl, REDIS_URL: infrastructure.redisUrl, CREDENTIAL_KEY: newCredentialKey(), LIMIT_STORE: 'redis' };
  const start = async (path: string, readyWord: string, env: Record<string, string>) => {
    const spawned = await spawnEntrypoint({ path, readyWord, env: { ...shared, ...env } });
    running.push(spawned);
    return spawned;
  };
  const server = (port = 0) => start(SERVER, 'SERVER_READY', { PORT: String(port), HOST: '127.0.0.1' });
  const proxy = (port = 0, databaseUrl = infrastructure.databaseUrl) =>
    start(PROXY, 'PROXY_READY', { PROXY_PORT: String(port), PROXY_HOST: '127.0.0.1', DATABASE_URL: databaseUrl });
  const startedAt = Date.now();
  const [servers, proxies] = await Promise.all([Promise.all([server(), server()]), Promise.all([proxy(0, relay.url), proxy()])]);
  const processes = { servers, proxies, server, proxy };
  log(`servers ${servers.map((s) => s.url).join(', ')}; proxies ${proxies.map((p) => p.url).join(', ')}`);

  const tenant = await prepareTenant(infrastructure, servers[0]!.url, proxies[0]!.url, options);
  const load = startLoad({ proxyUrls: () => proxies.map((p) => p.url), keys: tenant.keys, rate: options.rate, loopsPerProxy: options.loopsPerProxy ?? 3 });
  await sleep(options.seconds * 400 - STALL_BEFORE_KILL_MS);
  relay.stall();
  const slowCalls = Array.from({ length: SLOW_CALLS }, () => call(proxies[0]!.url, tenant.keys[0]!, 0, SLOW_CALL_BODY));
  await sleep(STALL_BEFORE_KILL_MS);

  log('SIGKILL proxy 1, SIGTERM server 1');
  const failover = await killAndRestart(processes, infrastructure.redis, tenant.organizationId);
  const { killedAt, restartedAt } = failover;
  log(`restarted in ${restartedAt - killedAt} ms`);
  await sleep(options.seconds * 600);
  const outcomes = [tenant.warmUp, ...(await Promise.all(slowCalls)), ...(await load.stop())];
  const loadEndedAt = Date.now();

  const drained = await drain(infrastructure, tenant.organizationId, outcomes);
  const recorded = await readRecorded(infrastructure.orm, tenant.organizationId);
  const revocationMs = await revocationDelayMs(tenant, tenant.keys[0]!, proxies);
  const afterRestart = outcomes.filter((o) => o.proxy === 0 && o.startedAt >= restartedAt && o.status === 200).length;
  // The survivor or the restarted proxy, whichever sweeps first once the entries are 5 s idle.
  const claimed = proxies.reduce((n, p) => n + (p.output().match(/claimed usage events/g)?.length ?? 0), 0);
  const processFailures = [
    ...(failover.proxySignal === 'SIGKILL' ? [] : [`proxy 1 ended by ${failover.proxySignal ?? failover.proxyExit}, not SIGKILL`]),
    ...(failover.serverExit === 0 ? [] : [`server 1 exited ${failover.serverExit} on SIGTERM`]),
    ...(afterRestart > 0 ? [] : ['the restarted proxy answered no call']),
    ...(outcomes.slice(1, 1 + SLOW_CALLS).every((o) => o.status === null) ? [] : ['a call in flight at the kill was answered']),
  ];
  const checks: Check[] = [
    {
      name: 'kill and restart, load through both proxies',
      ok: processFailures.length === 0,
      detail:
        processFailures.join('; ') ||
        `${SLOW_CALLS} calls in flight at the kill unanswered; restarted in ${restartedAt - killedAt} ms on the same ports; ${afterRestart} 2xx through the restarted proxy`,
    },
    {
      name: "the dead proxy's stream entries claimed",
      ok: drained.ok && failover.heldAtKill > 0 && claimed > 0,
      detail: `${failover.heldAtKill} entries held unacknowledged at the kill; ${claimed} claims logged; stream ${drained.ok ? 'empty' : `not empty: ${drained.detail}`} after ${drained.ms} ms`,
    },
    ...recordChecks(outcomes, recorded, tenant.credit, failover.deadAt),
    ...limitChecks(tenant, outcomes, recorded.rows),
    {
      name: 'revocation reaches both proxies within 1 s',
      ok: revocationMs !== null && revocationMs < 1_000,
      detail: revocationMs === null ? 'a proxy still took the key after 5 s' : `${revocationMs} ms`,
    },
  ];
  const answered = outcomes.filter((o) => o.status !== null);
  return {
    checks,
    figures: {
      calls: outcomes.length,
      '2xx': answered.filter((o) => o.status! < 300).length,
      'refused (429)': answered.filter((o) => o.status === 429).length,
      'no answer': outcomes.length - answered.length,
      'calls/s': Math.round((outcomes.length / (loadEndedAt - (tenant.warmUp.startedAt || startedAt))) * 1000),
      'restart ms': restartedAt - killedAt,
      'revocation ms': revocationMs ?? 'never',
      'wall s': Math.round((Date.now() - startedAt) / 1000),
    },
  };
}

interface Processes {
  servers: Spawned[];
  proxies: Spawned[];
  server(port: number): Promise<Spawned>;
  proxy(port: number): Promise<Spawned>;
}

/**
 * SIGKILL to proxy 1 and SIGTERM to server 1 at once, then both started again on their ports
 * (proxy 1 now reaching PostgreSQL directly). Replaces them in `processes`.
 */
async function killAndRestart(processes: Processes, redis: RedisClient, organizationId: string) {
  const [server, proxy] = [processes.servers[0]!, processes.proxies[0]!];
  const killedAt = Date.now();
  // Calls started before proxy 1 was gone may have reached it: in flight at the kill.
  let deadAt = 0;
  const [proxyExit, serverExit] = await Promise.all([
    stopProcess(proxy, 'SIGKILL').then((code) => ((deadAt = Date.now()), code)),
    stopProcess(server, 'SIGTERM'),
  ]);
  const heldAtKill = await pendingOf(redis, organizationId, proxy.child.pid!);
  [processes.servers[0], processes.proxies[0]] = await Promise.all([
    processes.server(Number(new URL(server.url).port)),
    processes.proxy(Number(new URL(proxy.url).port)),
  ]);
  return { killedAt, deadAt, restartedAt: Date.now(), proxySignal: proxy.child.signalCode, proxyExit, serverExit, heldAtKill };
}

type PreparedTenant = Tenant & { warmUp: Outcome };

/** The tenant, and one call that tells what a call of the load costs (the budgets are sized by it). */
async function prepareTenant(infrastructure: Infrastructure, serverUrl: string, proxyUrl: string, shape: LoadShape): Promise<PreparedTenant> {
  const created = await createTenant(infrastructure.orm, serverUrl);
  const warmUp = await call(proxyUrl, created.steady, 0);
  if (warmUp.status !== 200) throw new Error(`the first call answered ${warmUp.status} ${warmUp.code}`);
  const cost = await until(async () => {
    const [row] = await infrastructure.orm.em
      .getConnection()
      .execute<Array<{ cost: string }>>('select cost::text as cost from request_logs where id = ?', [warmUp.requestId]);
    return row ? BigInt(row.cost) : null;
  }, 'the first call in the request log');
  return { ...(await setLimits(created, shape, cost)), warmUp };
}

async function until<T>(probe: () => Promise<T | null>, what: string, ms = 15_000): Promise<T> {
  for (const deadline = Date.now() + ms; ; await sleep(50)) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
  }
}

/** Entries the proxy with `pid` read from the organization's stream and did not acknowledge. */
async function pendingOf(redis: RedisClient, organizationId: string, pid: number): Promise<number> {
  // No stream: nothing was ever appended (a proxy not in Redis mode), so nothing is held.
  const consumers = ((await redis.xinfo('CONSUMERS', streamKeyOf(organizationId), CONSUMER_GROUP).catch(() => [])) as unknown[][]) ?? [];
  const fields = consumers.map((c) => Object.fromEntries(Array.from({ length: c.length / 2 }, (_, i) => [c[2 * i], c[2 * i + 1]])));
  return Number(fields.find((c) => String(c.name).includes(`-${pid}-`))?.pending ?? 0);
}

/**
 * Waits until every 2xx is in the request log and the stream is empty: the dead proxy's unacknowledged
 * entries are claimed once 5 s idle, so this takes that long at least when it held some.
 */
async function drain(infrastructure: Infrastructure, organizationId: string, outcomes: Outcome[]) {
  const ids = outcomes.filter((o) => o.status !== null && o.status < 300).map((o) => o.requestId!);
  const stream = streamKeyOf(organizationId);
  const started = Date.now();
  let detail = '';
  try {
    await until(
      async () => {
        const [row] = await infrastructure.orm.em
          .getConnection()
          .execute<Array<{ n: number }>>('select count(distinct id)::int as n from request_logs where id = any(?::uuid[])', [`{${ids.join(',')}}`]);
        const length = await infrastructure.redis.xlen(stream);
        detail = `${row!.n} of ${ids.length} answers logged, ${length} entries in the stream`;
        return row!.n === ids.length && length === 0 ? true : null;
      },
      'the stream drained',
      30_000,
    );
    return { ok: true, ms: Date.now() - started, detail };
  } catch {
    return { ok: false, ms: Date.now() - started, detail };
  }
}

/**
 * Revokes `key` through server 1's API (restarted by then) and answers how long until both proxies
 * refuse it, or null if one still takes it after 5 s.
 */
async function revocationDelayMs(tenant: Tenant, key: TenantKey, proxies: Spawned[]): Promise<number | null> {
  const status = async (proxy: Spawned) => (await fetch(`${proxy.url}/v1/models`, { headers: { authorization: `Bearer ${key.secret}` } })).status;
  for (const proxy of proxies) if ((await status(proxy)) !== 200) throw new Error(`${proxy.url} refused the ${key.name} key before it was revoked`);
  const revokedAt = Date.now();
  await tenant.admin.request('mutation($id: ID!, $p: ID!) { revokeApiKey(id: $id, projectId: $p) { id } }', { id: key.id, p: tenant.projectId });
  const refused = await Promise.all(
    proxies.map(async (proxy) => {
      while ((await status(proxy)) !== 401) {
        if (Date.now() - revokedAt > 5_000) return false;
        await sleep(10);
      }
      return true;
    }),
  );
  return refused.every(Boolean) ? Date.now() - revokedAt : null;
}
