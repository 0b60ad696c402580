/**
 * `pnpm bench:proxy [--write]`: the proxy against a bare node:http + undici
 * pass-through, both in front of the mock upstream (zero latency), each in its
 * own process (the proxy compiled, as it ships). autocannon drives each at concurrency 1 and at saturation,
 * non-streamed and streamed; a sequential probe measures time to the first
 * streamed token. Besides the proxy without limits, the same proxy runs with
 * every limit configured (organization 7, project 8, key 3: 18 counters per
 * call) and a prepaid wallet (2 more), all far above what the run uses, once
 * with LIMIT_STORE=memory and
 * once with LIMIT_STORE=redis (REDIS_URL, else redis://127.0.0.1:6379 if it
 * answers; skipped, and said so, otherwise). For the Redis runs, INFO
 * commandstats gives the round trips per call. Prints p50, p99, requests/s,
 * the ratios to the bare pass-through and the non-2xx answers; --write also
 * records them in docs/benchmarks.md (keeping its notes section).
 * BENCH_SECONDS (8) and BENCH_CONNECTIONS (64) shorten or widen the runs; BENCH_ONLY,
 * BENCH_RATE and BENCH_PROFILE: see docs/benchmarks.md.
 */
import {
  benchDatabase,
  migrate,
  openOrm,
  Organization,
  OrganizationMember,
  Project,
  seedApiKey,
  seedMockCatalog,
  User,
  type EntityManager,
} from '@tollgate/db';
import { toStoredLimits } from '@tollgate/domain';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { request } from 'undici';
import { KEY_LIMITS, LIMIT_COUNT, ORGANIZATION_LIMITS, PROJECT_QUOTA } from './limiter-fixture';

const root = new URL('../../..', import.meta.url).pathname;
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const SATURATION = Number(process.env.BENCH_CONNECTIONS ?? 64);
const TARGET_RATIO = 0.5;
const TARGET_ROUND_TRIPS = 2;
const DOC = join(root, 'docs/benchmarks.md');
const NOTES_MARKER = '<!-- notes: everything below is kept by --write -->';
const children: ChildProcess[] = [];
/** BENCH_PROFILE=<dir>: every server writes a V8 CPU profile there as it exits (open it in Chrome's DevTools). */
const PROFILE = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
/** BENCH_NODE_ARGS: more flags for every server's node, e.g. `--perf-basic-prof` to read `perf record`'s samples by JS function. */
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
/**
 * BENCH_PIN=1 (Linux, taskset): every server under test on CPU 0; the mock upstream and this process (the load
 * generator) on CPU 1, so a server's tail is its own and not the load generator's. The embedded PostgreSQL inherits CPU 1;
 * Redis and a DATABASE_URL server are not pinned.
 */
const PIN = process.env.BENCH_PIN === '1';
if (PIN) execFileSync('taskset', ['-a', '-c', '-p', '1', String(process.pid)], { stdio: 'ignore' });
const servers = new Map<string, number>(); // url → pid, for CPU per call
const roles = new Map<number, string>([[process.pid, 'load generator']]); // pid → what it is, for CPU by process

// ---------------------------------------------------------------- processes and data

/**
 * Starts a server script and answers the URL it prints: a compiled one (.js) with plain node, as production runs it,
 * others with the tsx loader; either way one process, so its CPU time is its own.
 */
function run(role: string, script: string, env: Record<string, string>, ready: RegExp): Promise<string> {
  const node = [process.execPath, ...PROFILE, ...NODE_ARGS, ...(script.endsWith('.js') ? [] : ['--import', 'tsx']), join(root, script)];
  const [command, ...args] = PIN ? ['taskset', '-c', role === 'mock upstream' ? '1' : '0', ...node] : node;
  const child = spawn(command!, args, {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    if (process.env.BENCH_LOG) child.stdout!.pipe(createWriteStream(join(process.env.BENCH_LOG, `${role.replace(/\W+/g, '-')}.log`)));
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const url = ready.exec(out)?.[1];
      if (url) {
        servers.set(url, child.pid!);
        roles.set(child.pid!, role);
        resolve(url);
      }
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

const ORG_LIMITS = toStoredLimits(ORGANIZATION_LIMITS);
const STORED_QUOTA = toStoredLimits(PROJECT_QUOTA);
const STORED_KEY_LIMITS = { rpmLimit: KEY_LIMITS.rpm, tpmLimit: KEY_LIMITS.tpm, dailyBudget: KEY_LIMITS.dailyBudget };
/** $1,000,000: far more than a run spends. */
const WALLET_FUNDS = 1_000_000_000_000n;

interface Tenant {
  secret: string;
  organizationId: string;
}

async function seedTenant(em: EntityManager, user: User, name: string, limited: boolean): Promise<Tenant> {
  const organization = em.create(Organization, { name, displayName: name, grantedGroups: ['general'], limits: limited ? ORG_LIMITS : {} });
  em.create(OrganizationMember, { organization, user, role: 'ADMIN' });
  const project = em.create(Project, { organization, name, quota: limited ? STORED_QUOTA : {} });
  await em.flush();
  const { key, secret } = await seedApiKey(em, { organizationId: organization.id, projectId: project.id, userId: user.id });
  if (limited) Object.assign(key, STORED_KEY_LIMITS);
  await em.flush();
  return { secret, organizationId: organization.id };
}

/** One tenant without limits (bare and plain proxy), one with every limit set. */
async function seed(url: string, upstreamUrl: string) {
  const orm = await openOrm({ databaseUrl: url });
  await migrate(orm);
  const em = orm.em.fork();
  await seedMockCatalog(em, upstreamUrl);
  const user = em.create(User, { email: 'bench@example.test', name: 'Bench', passwordHash: 'unused' });
  const plain = await seedTenant(em, user, 'bench', false);
  const limited = await seedTenant(em, user, 'bench-limited', true);
  // The limited tenant is prepaid too: each call also reserves in its wallet (2 more counters) and gets a Consume record.
  const sql = em.getConnection();
  await sql.execute('insert into wallets (organization_id) values (?)', [limited.organizationId]);
  await sql.execute(`insert into wallet_records (id, organization_id, type, amount, reference) values (gen_random_uuid(), ?, 'RECHARGE', ?, 'bench')`, [
    limited.organizationId,
    String(WALLET_FUNDS),
  ]);
  await orm.close();
  return { plain, limited };
}

// ---------------------------------------------------------------- Redis

/** REDIS_URL, else the local default if it answers a PING within a second; null when neither. */
async function findRedis(): Promise<{ url: string; client: Redis } | null> {
  const url = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return { url, client };
  } catch {
    client.disconnect();
    return null;
  }
}

/** Calls per command since the server started (commands run inside scripts included); our own INFO left out. */
async function commandStats(redis: Redis): Promise<Map<string, number>> {
  const stats = new Map<string, number>();
  for (const [, name, calls] of (await redis.info('commandstats')).matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm))
    if (name !== 'info') stats.set(name!, Number(calls));
  return stats;
}

const statsDelta = (before: Map<string, number>, after: Map<string, number>) =>
  new Map([...after].map(([name, calls]) => [name, calls - (before.get(name) ?? 0)] as const).filter(([, d]) => d > 0));

const roundTrips = (delta: Map<string, number>) => ['evalsha', 'eval', 'set'].reduce((n, c) => n + (delta.get(c) ?? 0), 0);
const sum = (delta: Map<string, number>) => [...delta.values()].reduce((a, b) => a + b, 0);

/** Commands Redis ran while nothing of ours did: anything here is another client sharing the server. */
async function foreignTraffic(redis: Redis, ms = 1_000): Promise<number> {
  const before = await commandStats(redis);
  await sleep(ms);
  return sum(statsDelta(before, await commandStats(redis)));
}

/** The bench tenant's counters in Redis (every key of a call carries its organization as hash tag). */
async function counterKeys(redis: Redis, organizationId: string): Promise<string[]> {
  const found: string[] = [];
  for await (const keys of redis.scanStream({ match: `tg:{${organizationId}}:*`, count: 1000 }) as AsyncIterable<string[]>) found.push(...keys);
  return found;
}

async function dropKeys(redis: Redis, organizationId: string): Promise<number> {
  const keys = await counterKeys(redis, organizationId);
  return keys.length ? redis.del(...keys) : 0;
}

// ---------------------------------------------------------------- load

interface Figures {
  p50: number;
  p99: number;
  rps: number;
  non2xx: number;
  statuses: Record<string, number>;
  calls: number;
}

const chatBody = (stream: boolean) => JSON.stringify({ model: 'mock-small', messages: [{ role: 'user', content: 'benchmark' }], stream });
const headersFor = (secret: string) => ({ authorization: `Bearer ${secret}`, 'content-type': 'application/json' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function statusesOf(result: autocannon.Result): Record<string, number> {
  return Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {})
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, s]) => [code, s.count ?? 0]),
  );
}

/** autocannon at `connections` for `seconds`. */
async function drive(url: string, secret: string, connections: number, stream: boolean, seconds: number): Promise<Figures> {
  const result = await autocannon({
    url: `${url}/v1/chat/completions`,
    method: 'POST' as const,
    headers: headersFor(secret),
    body: chatBody(stream),
    connections,
    pipelining: 1,
    duration: seconds,
    ...(process.env.BENCH_RATE ? { overallRate: Number(process.env.BENCH_RATE) } : {}),
  });
  const statuses = statusesOf(result);
  if (result.errors) statuses.errors = result.errors;
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    non2xx: result.non2xx + result.errors,
    statuses,
    calls: result.requests.total,
  };
}

/** Sequential calls timed with performance.now (autocannon's histogram has whole-millisecond resolution). */
async function probe(url: string, secret: string, stream: boolean, samples: number): Promise<Figures> {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  const started = performance.now();
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    const res = await request(`${url}/v1/chat/completions`, { method: 'POST', headers: headersFor(secret), body: chatBody(stream) });
    await res.body.dump({ limit: Infinity });
    if (res.statusCode !== 200) statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
    times.push(performance.now() - t0);
  }
  const elapsed = performance.now() - started;
  times.sort((a, b) => a - b);
  const at = (q: number) => Number(times[Math.floor(times.length * q)]!.toFixed(3));
  return {
    p50: at(0.5),
    p99: at(0.99),
    rps: samples / (elapsed / 1000),
    non2xx: Object.values(statuses).reduce((a, b) => a + b, 0),
    statuses,
    calls: samples,
  };
}

/** Median time from sending a streamed request to its first content chunk, over sequential calls. */
async function firstToken(url: string, secret: string, samples = 300): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < samples + 30; i++) {
    const started = performance.now();
    const res = await request(`${url}/v1/chat/completions`, { method: 'POST', headers: headersFor(secret), body: chatBody(true) });
    let first = 0;
    for await (const chunk of res.body) if (!first && String(chunk).includes('"content":"M')) first = performance.now() - started;
    if (i >= 30) times.push(first);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

// ---------------------------------------------------------------- targets and rows

interface Target {
  name: string;
  url: string;
  tenant: Tenant;
  redis?: Redis;
}
interface Scenario {
  name: string;
  stream: boolean;
  connections: number;
}
interface RedisFigures {
  calls: number;
  roundTrips: number;
  commands: number;
  top: string;
  foreign: number;
  cpuUs: number;
}
/** cpuUs: the server process's CPU time per call of the run (after its warm-up); machine: every process's, by role ("server": the one measured). */
interface Row {
  scenario: Scenario;
  target: Target;
  figures: Figures;
  cpuUs: number;
  machine: Map<string, number>;
  bare: Figures;
  redis?: RedisFigures;
  /** Per round (BENCH_ROUNDS): the server's CPU per call, and its ratio to the bare pass-through's in the same round. */
  roundCpuUs: number[];
  roundCpuRatios: number[];
}

/**
 * BENCH_ROUNDS (1): each scenario's targets run this many times in turn (bare, proxy, ..., bare, proxy, ...), so a
 * drift of the machine's speed touches every target alike; a row is its target's median round (by CPU per call), with
 * "CPU ÷ bare" the median of the rounds' ratios to the bare run of the same round, and non-2xx summed over the rounds.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error(`BENCH_ROUNDS must be a whole number of rounds, 1 or more (got ${process.env.BENCH_ROUNDS})`);
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
};

/** BENCH_ONLY (a regular expression) keeps the scenarios whose name matches, e.g. "c=64" or "json, c=64". */
const ONLY = new RegExp(process.env.BENCH_ONLY ?? '');
const SCENARIOS: Scenario[] = [false, true]
  .flatMap((stream) => [1, SATURATION].map((connections) => ({ name: `${stream ? 'stream' : 'json'}, c=${connections}`, stream, connections })))
  .filter((s) => ONLY.test(s.name));

/** A scenario's run against a target, or its warm-up (JIT, pools, caches; 2 s, or 200 sequential calls), which is not measured. */
const measure = (scenario: Scenario, target: Target, warmUp = false) =>
  scenario.connections === 1
    ? probe(target.url, target.tenant.secret, scenario.stream, warmUp ? 200 : 2000)
    : drive(target.url, target.tenant.secret, scenario.connections, scenario.stream, warmUp ? 2 : DURATION);

/** Calls the proxy has recorded for the tenant (usage events are flushed within 100 ms; waits for them). */
async function recordedCalls(db: pg.Pool, organizationId: string): Promise<number> {
  await sleep(500);
  const { rows } = await db.query<{ n: string }>('select count(*)::text as n from request_logs where organization_id = $1', [organizationId]);
  return Number(rows[0]!.n);
}

/**
 * CPU seconds (user + system) each process on the machine has used so far, with its role: our servers
 * and this process (the load generator) by name, PostgreSQL's and Redis's processes by command, the rest
 * "other" (Linux /proc, 100 ticks a second; empty elsewhere).
 */
async function machineCpu(): Promise<Map<number, { role: string; seconds: number }>> {
  const processes = new Map<number, { role: string; seconds: number }>();
  const pids = (await readdir('/proc').catch(() => [])).filter((p) => /^\d+$/.test(p)).map(Number);
  await Promise.all(
    pids.map(async (pid) => {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
      if (!stat) return;
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      const role = roles.get(pid) ?? (command === 'postgres' ? 'postgres' : command.startsWith('redis') ? 'redis' : 'other');
      processes.set(pid, { role, seconds: (Number(fields[11]) + Number(fields[12])) / 100 }); // utime, stime
    }),
  );
  return processes;
}

/** CPU µs per call by role between two snapshots: a process started meanwhile counts whole, one that exited is left out. */
function cpuPerCall(before: Awaited<ReturnType<typeof machineCpu>>, after: Awaited<ReturnType<typeof machineCpu>>, calls: number, server: string) {
  const byRole = new Map<string, number>();
  for (const [pid, { role, seconds }] of after) {
    const key = role === server ? 'server' : role;
    byRole.set(key, (byRole.get(key) ?? 0) + ((seconds - (before.get(pid)?.seconds ?? 0)) * 1e6) / calls);
  }
  return byRole;
}

async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  return ['used_cpu_user', 'used_cpu_sys'].reduce((t, field) => t + Number(new RegExp(`^${field}:([\\d.]+)`, 'm').exec(info)?.[1]), 0);
}

/**
 * measure, after a warm-up whose usage events are written before the run starts: the CPU per call of the
 * server and of every other process over the run (taken once its last usage events are written); for a
 * Redis-backed target also the commandstats delta over the same calls. The warm-up's non-2xx count too.
 */
async function measureTarget(scenario: Scenario, target: Target, db: pg.Pool): Promise<Pick<Row, 'figures' | 'cpuUs' | 'machine' | 'redis'>> {
  const role = roles.get(servers.get(target.url)!)!;
  const foreign = target.redis ? await foreignTraffic(target.redis) : 0;
  const warm = await measure(scenario, target, true);
  await sleep(500);
  const before = target.redis && {
    calls: await recordedCalls(db, target.tenant.organizationId),
    stats: await commandStats(target.redis),
    cpu: await redisCpuSeconds(target.redis),
  };
  const cpu0 = await machineCpu();
  const run = await measure(scenario, target);
  await sleep(300);
  const cpu1 = await machineCpu();
  const figures = { ...run, non2xx: run.non2xx + warm.non2xx, statuses: { ...run.statuses } };
  for (const [code, n] of Object.entries(warm.statuses)) figures.statuses[code] = (figures.statuses[code] ?? 0) + n;
  const machine = cpuPerCall(cpu0, cpu1, run.calls, role);
  const cpuUs = machine.get('server') ?? NaN;
  if (!target.redis || !before) return { figures, cpuUs, machine };
  const calls = (await recordedCalls(db, target.tenant.organizationId)) - before.calls; // also lets the last settles land
  const delta = statsDelta(before.stats, await commandStats(target.redis));
  const redisCpuUs = (((await redisCpuSeconds(target.redis)) - before.cpu) * 1e6) / calls;
  const top = [...delta]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, n]) => `${name} ${(n / calls).toFixed(2)}`)
    .join(', ');
  return { figures, cpuUs, machine, redis: { calls, roundTrips: roundTrips(delta) / calls, commands: sum(delta) / calls, top, foreign, cpuUs: redisCpuUs } };
}

/** A target's rounds as one row: its median round by CPU per call, with every round's CPU figures and the non-2xx of all. */
function medianRound(rounds: Row[]): Row {
  const byCpu = [...rounds].sort((a, b) => a.cpuUs - b.cpuUs);
  const row = byCpu[Math.floor((byCpu.length - 1) / 2)]!;
  const statuses: Record<string, number> = {};
  for (const r of rounds) for (const [code, n] of Object.entries(r.figures.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  return {
    ...row,
    figures: { ...row.figures, non2xx: rounds.reduce((n, r) => n + r.figures.non2xx, 0), statuses },
    roundCpuUs: rounds.map((r) => r.cpuUs),
    roundCpuRatios: rounds.map((r) => r.roundCpuRatios[0]!),
  };
}

/** Before measuring: a limited target answers 200 with the x-ratelimit headers, i.e. its limits are in force. */
async function checkLimited(target: Target) {
  const res = await request(`${target.url}/v1/chat/completions`, { method: 'POST', headers: headersFor(target.tenant.secret), body: chatBody(false) });
  await res.body.dump();
  if (res.statusCode !== 200 || !res.headers['x-ratelimit-limit-requests'])
    throw new Error(`${target.name}: status ${res.statusCode}, x-ratelimit-limit-requests ${res.headers['x-ratelimit-limit-requests']}`);
  const keys = target.redis ? `, ${(await counterKeys(target.redis, target.tenant.organizationId)).length} Redis counters` : '';
  console.log(`${target.name}: limits in force (x-ratelimit-limit-requests ${res.headers['x-ratelimit-limit-requests']}${keys})`);
}

const ms = (v: number) => `${v.toFixed(2)} ms`;
const isBare = (row: Row) => row.target.name === 'bare';

/** The main table: one row per scenario and server; "added" and "÷ bare" against the bare run of the same scenario. */
const COLUMNS: Array<[string, (row: Row) => string]> = [
  ['scenario', (r) => r.scenario.name],
  ['server', (r) => r.target.name],
  ['p50', (r) => `${r.figures.p50} ms`],
  ['added p50', (r) => (isBare(r) ? '–' : ms(r.figures.p50 - r.bare.p50))],
  ['p99', (r) => `${r.figures.p99} ms`],
  ['added p99', (r) => (isBare(r) ? '–' : ms(r.figures.p99 - r.bare.p99))],
  ['req/s', (r) => r.figures.rps.toFixed(0)],
  ['÷ bare', (r) => (r.figures.rps / r.bare.rps).toFixed(2)],
  ['server CPU / call', (r) => (Number.isFinite(r.cpuUs) ? `${r.cpuUs.toFixed(0)} µs` : '–')],
  ['CPU ÷ bare', (r) => (isBare(r) ? '–' : median(r.roundCpuRatios).toFixed(2))],
  ...(ROUNDS > 1
    ? ([
        [
          'CPU / call by round (÷ bare)',
          (r) => r.roundCpuUs.map((v, i) => `${v.toFixed(0)}${isBare(r) ? '' : ` (${r.roundCpuRatios[i]!.toFixed(2)})`}`).join(', '),
        ],
      ] as Array<[string, (row: Row) => string]>)
    : []),
  ['non-2xx', (r) => (r.figures.non2xx ? `**${r.figures.non2xx}** ${JSON.stringify(r.figures.statuses)}` : '0')],
];

/** Where the machine's CPU went per call during each run: what the ratios to bare come down to on a CPU-bound machine. */
const CPU_ROLES = ['server', 'mock upstream', 'postgres', 'redis', 'load generator'];
const us = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : `${v.toFixed(0)} µs`);
const CPU_COLUMNS: Array<[string, (row: Row) => string]> = [
  ['scenario', (r) => r.scenario.name],
  ['server', (r) => r.target.name],
  ...CPU_ROLES.map((role): [string, (row: Row) => string] => [role === 'server' ? 'the server' : role, (r) => us(r.machine.get(role))]),
  ['other (idle servers, the rest)', (r) => us([...r.machine].filter(([role]) => !CPU_ROLES.includes(role)).reduce((t, [, v]) => t + v, 0))],
  ['machine total', (r) => us([...r.machine.values()].reduce((t, v) => t + v, 0))],
];

const REDIS_COLUMNS: Array<[string, (row: Row & { redis: RedisFigures }) => string]> = [
  ['scenario', (r) => r.scenario.name],
  ['proxied calls', (r) => String(r.redis.calls)],
  ['round trips / call (evalsha+eval+set)', (r) => r.redis.roundTrips.toFixed(2)],
  ['commands / call (all, incl. inside scripts)', (r) => r.redis.commands.toFixed(2)],
  ['most frequent, per call', (r) => r.redis.top],
  ['Redis CPU / call', (r) => `${r.redis.cpuUs.toFixed(0)} µs`],
  ['foreign commands in 1 s idle before', (r) => String(r.redis.foreign)],
];

function table<R>(columns: Array<[string, (row: R) => string]>, rows: R[]): string[] {
  return [
    `| ${columns.map(([h]) => h).join(' | ')} |`,
    `|${columns.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${columns.map(([, cell]) => cell(r)).join(' | ')} |`),
  ];
}

/** Pass/fail of the issue's targets: limited runs ≥ 0.5 × bare req/s at saturation, ≤ 2 Redis round trips per call. */
function verdicts(rows: Row[]): string[] {
  const limited = rows.filter((r) => r.target.name.startsWith('limits') && r.scenario.connections > 1);
  const mark = (ok: boolean) => (ok ? 'met' : '**missed**');
  return [
    ...limited.map(
      (r) =>
        `- ${r.scenario.name}, ${r.target.name}: ${(r.figures.rps / r.bare.rps).toFixed(2)} × bare req/s (target ≥ ${TARGET_RATIO}): ${mark(r.figures.rps / r.bare.rps >= TARGET_RATIO)}`,
    ),
    ...rows
      .filter((r) => r.redis)
      .map(
        (r) =>
          `- ${r.scenario.name}, Redis round trips per call: ${r.redis!.roundTrips.toFixed(2)} (target ≤ ${TARGET_ROUND_TRIPS}): ${mark(r.redis!.roundTrips <= TARGET_ROUND_TRIPS + 0.005)}`,
      ),
  ];
}

async function writeDoc(lines: string[]) {
  const existing = await readFile(DOC, 'utf8').catch(() => '');
  const notes = existing.includes(NOTES_MARKER) ? existing.slice(existing.indexOf(NOTES_MARKER) + NOTES_MARKER.length).trim() : '';
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  await writeFile(
    DOC,
    [
      '# Proxy benchmark',
      '',
      `\`pnpm bench:proxy --write\` on ${new Date().toISOString().slice(0, 10)}: ${machine}. Mock upstream with zero latency,`,
      `autocannon ${DURATION} s per run after a 2 s warm-up; saturation = ${SATURATION} connections. Each server in its own process;`,
      'the bare pass-through is node:http + an undici pool with no checks. At c=1, 2,000 sequential calls timed with performance.now',
      '(after 200 warm-up calls); at saturation, autocannon (whole-millisecond latency resolution). Same run, same machine: compare',
      'the ratios and the added latency, not the absolute numbers.',
      '',
      `"limits" rows: the same proxy with every limit configured (organization 7, project 8 with enforceQuota, key rpm/tpm/daily budget:`,
      `${LIMIT_COUNT} counters) and a prepaid wallet (2 more: spent and frozen), all checked and reserved per call, then settled, and a`,
      'Consume record written per call; all far above what the run uses; non-2xx must be 0.',
      '',
      ...lines,
      '',
      NOTES_MARKER,
      '',
      notes,
      '',
    ].join('\n'),
  );
  console.log('wrote docs/benchmarks.md');
}

// ---------------------------------------------------------------- main

async function startTargets(
  dbUrl: string,
  mockUrl: string,
  tenants: Awaited<ReturnType<typeof seed>>,
  redis: Awaited<ReturnType<typeof findRedis>>,
): Promise<Target[]> {
  const proxy = (env: Record<string, string>) =>
    run(
      `proxy${env.LIMIT_STORE ? `, limits ${env.LIMIT_STORE}` : ''}`,
      'packages/proxy/dist/main.js',
      { DATABASE_URL: dbUrl, PROXY_PORT: '0', PROXY_HOST: '127.0.0.1', REDIS_URL: '', ...env },
      /PROXY_READY (\S+)/,
    );
  const targets: Target[] = [
    {
      name: 'bare',
      url: await run('bare', 'packages/proxy/bench/bare.ts', { UPSTREAM: new URL(mockUrl).origin, PORT: '0' }, /BARE_READY (\S+)/),
      tenant: tenants.plain,
    },
    { name: 'proxy', url: await proxy({}), tenant: tenants.plain },
    { name: 'limits, memory', url: await proxy({ LIMIT_STORE: 'memory' }), tenant: tenants.limited },
  ];
  if (redis)
    targets.push({ name: 'limits, redis', url: await proxy({ LIMIT_STORE: 'redis', REDIS_URL: redis.url }), tenant: tenants.limited, redis: redis.client });
  return targets;
}

/** The proxy as it ships: compiled (swc, scripts/build-package.mjs) with the packages it imports, so a run never measures a stale build. */
function buildProxy() {
  execFileSync('pnpm', ['--filter', '@tollgate/proxy...', 'run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

buildProxy();
const db = await benchDatabase('proxy_bench');
// Interrupted: stop the servers (their drain would wait on the database) and the database rather than orphan them.
const interrupted = () => (children.forEach((c) => c.kill('SIGKILL')), void db.stop().finally(() => process.exit(130)));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, interrupted);
let redis: Awaited<ReturnType<typeof findRedis>> = null;
let tenants: Awaited<ReturnType<typeof seed>> | null = null;
let failed = false;
try {
  const mockUrl = await run('mock upstream', 'packages/mock-upstream/src/main.ts', { MOCK_PORT: '0' }, /MOCK_READY (\S+)/);
  tenants = await seed(db.url, mockUrl);
  redis = await findRedis();
  const redisNote = redis
    ? `"limits, redis": LIMIT_STORE=redis at ${redis.url}.`
    : `"limits, redis": SKIPPED: nothing answers at ${process.env.REDIS_URL || 'redis://127.0.0.1:6379 (REDIS_URL is unset)'}.`;
  console.log(redisNote);
  const targets = await startTargets(db.url, mockUrl, tenants, redis);
  for (const target of targets.filter((t) => t.name.startsWith('limits'))) await checkLimited(target);
  const logs = new pg.Pool({ connectionString: db.url, max: 1 });
  logs.on('error', () => undefined); // the database stopping under an interrupted run

  const rows: Row[] = [];
  for (const scenario of SCENARIOS) {
    const rounds: Row[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      let bare: Row | undefined;
      const ofRound: Row[] = [];
      for (const target of targets) {
        const measured = await measureTarget(scenario, target, logs);
        const row: Row = { scenario, target, bare: bare?.figures ?? measured.figures, ...measured, roundCpuUs: [], roundCpuRatios: [] };
        bare ??= row;
        row.roundCpuRatios.push(row.cpuUs / bare.cpuUs);
        ofRound.push(row);
        console.log(table(COLUMNS, [row])[2]);
      }
      rounds.push(ofRound);
    }
    rows.push(...targets.map((_, t) => medianRound(rounds.map((ofRound) => ofRound[t]!))));
  }
  const ttft: Array<[string, number]> = [];
  for (const t of targets) ttft.push([t.name, await firstToken(t.url, t.tenant.secret)]);
  await logs.end();

  const redisRows = rows.filter((r): r is Row & { redis: RedisFigures } => !!r.redis);
  const lines = [
    ...table(COLUMNS, rows),
    '',
    'CPU per call, whole machine, by process (user + system, over the run after its warm-up):',
    '',
    ...table(
      CPU_COLUMNS,
      rows.filter((r) => r.scenario.connections > 1),
    ),
    '',
    `First streamed token (median of 300 sequential calls): ${ttft.map(([name, t], i) => `${name} ${t.toFixed(3)} ms${i ? ` (+${(t - ttft[0]![1]).toFixed(3)})` : ''}`).join(', ')}.`,
    '',
    redisNote,
    '',
    ...(redisRows.length ? [...table(REDIS_COLUMNS, redisRows), ''] : []),
    'Targets:',
    ...verdicts(rows),
  ];
  console.log(['', ...lines].join('\n'));
  const non2xx = rows.reduce((n, r) => n + r.figures.non2xx, 0);
  if (non2xx) {
    failed = true;
    console.error(`${non2xx} non-2xx answers or errors (see the non-2xx column): not writing docs/benchmarks.md.`);
  } else if (process.argv.includes('--write')) await writeDoc(lines);
} finally {
  for (const child of children) child.kill('SIGTERM');
  await sleep(500);
  if (redis && tenants) console.log(`dropped ${await dropKeys(redis.client, tenants.limited.organizationId)} Redis counters of the bench`);
  redis?.client.disconnect();
  await db.stop();
}
if (failed) process.exitCode = 1;
