/**
 * `pnpm bench:live [--write]`: live dashboards at scale. One server process
 * (live-bench-server.ts: createApp, as `pnpm start` runs it) with 1,000, 5,000
 * and 10,000 concurrent graphql-ws `usageTicks` subscribers
 * (live-bench-clients.ts, another process, so the server's CPU is its own)
 * spread evenly over 50 organizations, while this process records usage at a
 * fixed rate exactly as the proxy's recorder does: a batch every 100 ms
 * (USAGE_FLUSH_MS) holding the calls made since the previous one, written by
 * writeUsageBatch, then its numbered deltas published with PgLivePublisher
 * (NOTIFY). The clients are told when each batch committed and measure, per
 * call and per subscriber, the delay from that commit to the first message
 * that holds it (1 s coalescing included). Figures per level: delay p50, p99
 * and max; the server's CPU (process.cpuUsage over the window, % of one core)
 * and its RSS and heap after a full collection, absolute and per 1,000
 * subscribers above the idle server; the clients' CPU too, since they share
 * the machine.
 *
 * BENCH_SUBSCRIBERS (1000,5000,10000: the levels, each adding to the last),
 * BENCH_ORGANIZATIONS (50), BENCH_RATE (200 calls/s), BENCH_SECONDS (30 per
 * level, after BENCH_SETTLE_SECONDS 5), BENCH_PROFILE=1 (a CPU profile of the
 * server over each level's window, written to the temporary directory; the
 * profiler's own cost is in that level's figures), BENCH_SERVER_FLAGS (node
 * flags for the server process, e.g. "--max-semi-space-size=64"). DATABASE_URL (an admin URL; a throw-away
 * database is created and dropped), else an embedded PostgreSQL. --write
 * records the figures in docs/benchmarks.md between the live-bench markers.
 */
import {
  benchDatabase,
  ApiKey,
  ApiToken,
  hashPassword,
  migrate,
  openOrm,
  Organization,
  OrganizationMember,
  PgLivePublisher,
  Project,
  ProjectMember,
  randomBase62,
  Session,
  sha256Hex,
  usageDeltaPayloads,
  User,
  writeUsageBatch,
  type UsageEvent,
} from '@tollgate/db';
import { API_KEY_RANDOM_LENGTH, apiKeyDisplay, formatApiKey, OrgGrant, OrgRole } from '@tollgate/domain';
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { API_TOKEN_PREFIX, SESSION_COOKIE, SESSION_TOKEN_PREFIX } from '../src/auth/auth';
import { maxOf, quantileOf, type ClientReport, type ServerSample, type SubscriberSpec, type ToClients, type ToServer } from './live-bench-shared';

const root = new URL('../../..', import.meta.url).pathname;
const DOC = join(root, 'docs/benchmarks.md');
const BEGIN = '<!-- live-bench: begin (written by pnpm bench:live --write) -->';
const END = '<!-- live-bench: end -->';
const LEVELS = (process.env.BENCH_SUBSCRIBERS ?? '1000,5000,10000').split(',').map(Number);
const ORGANIZATIONS = Number(process.env.BENCH_ORGANIZATIONS ?? 50);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const SETTLE_SECONDS = Number(process.env.BENCH_SETTLE_SECONDS ?? 5);
const PROFILE = process.env.BENCH_PROFILE === '1';
const FLUSH_MS = 100;
const PROJECTS_PER_ORG = 4;
const MODELS = ['mock-small', 'mock-large', 'gpt-4o-mini', 'claude-haiku', 'llama-70b'];
const GOAL = { subscribers: 10_000, p99Ms: 1_500, bytes: 2 ** 30 };
const log = (line: string) => console.log(line);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- database and data

interface OrgFixture {
  id: string;
  projects: Array<{ id: string; keyId: string }>;
  admin: string;
  /** One project member per project (same index): they see that project only. */
  members: string[];
  bi: string;
}

/** Per organization: an ADMIN, one MEMBER per project (a project MEMBER there), and a FINANCE member with a read-only BI token. */
async function seed(orm: Awaited<ReturnType<typeof openOrm>>): Promise<OrgFixture[]> {
  const em = orm.em.fork();
  const passwordHash = await hashPassword(randomBase62(20));
  const expiresAt = new Date(Date.now() + 24 * 3_600_000);
  const session = (user: User) => {
    const secret = SESSION_TOKEN_PREFIX + randomBase62(40);
    em.create(Session, { user: user.id, tokenHash: sha256Hex(secret), expiresAt });
    return `${SESSION_COOKIE}=${secret}`;
  };
  const user = (o: number, role: string) =>
    em.create(User, { email: `live-${o}-${role}-${randomBase62(6).toLowerCase()}@example.test`, name: `${role} ${o}`, passwordHash });
  const fixtures: OrgFixture[] = [];
  for (let o = 0; o < ORGANIZATIONS; o++) {
    const organization = em.create(Organization, { name: `live-bench-${o}`, displayName: `Live bench ${o}` });
    const admin = user(o, 'admin');
    em.create(OrganizationMember, { organization, user: admin, role: OrgRole.ADMIN });
    const finance = user(o, 'finance');
    em.create(OrganizationMember, { organization, user: finance, role: OrgRole.MEMBER, grants: [OrgGrant.FINANCE] });
    const bi = API_TOKEN_PREFIX + randomBase62(40);
    em.create(ApiToken, { user: finance, name: 'bi', readOnly: true, tokenHash: sha256Hex(bi), prefix: bi.slice(0, 10) });
    const projects: OrgFixture['projects'] = [];
    const members: string[] = [];
    for (let p = 0; p < PROJECTS_PER_ORG; p++) {
      const project = em.create(Project, { organization, name: `project-${p}` });
      const member = user(o, `member${p}`);
      em.create(OrganizationMember, { organization, user: member, role: OrgRole.MEMBER });
      em.create(ProjectMember, { project, user: member, role: 'MEMBER' });
      const secret = formatApiKey(randomBase62(API_KEY_RANDOM_LENGTH));
      const key = em.create(ApiKey, {
        project,
        organizationId: organization.id,
        createdBy: admin.id,
        name: 'k',
        keyHash: sha256Hex(secret),
        ...apiKeyDisplay(secret),
      } as never) as ApiKey;
      projects.push({ id: project.id, keyId: key.id });
      members.push(session(member));
    }
    fixtures.push({ id: organization.id, projects, admin: session(admin), members, bi });
  }
  await em.flush();
  return fixtures;
}

/**
 * Subscriber k of an organization, in a cycle of ten: five of its ADMIN on the organization's dashboard (the SPA's
 * document), one on a project's, two project MEMBERs on the organization's (they see their project only), one on
 * their project's, and a BI tool with a read-only token asking every row.
 */
function subscriber(fixtures: OrgFixture[], n: number): SubscriberSpec {
  const organization = n % fixtures.length;
  const org = fixtures[organization]!;
  const k = Math.floor(n / fixtures.length);
  const member = k % PROJECTS_PER_ORG;
  const base = { organization, organizationId: org.id, document: 'spa' as const };
  switch (k % 10) {
    case 5:
      return { ...base, scope: member, projectId: org.projects[member]!.id, cookie: org.admin };
    case 6:
    case 7:
      return { ...base, scope: member, projectId: null, cookie: org.members[member] };
    case 8:
      return { ...base, scope: member, projectId: org.projects[member]!.id, cookie: org.members[member] };
    case 9:
      return { ...base, scope: -1, projectId: null, bearer: org.bi, document: 'bi' };
    default:
      return { ...base, scope: -1, projectId: null, cookie: org.admin };
  }
}

// ---------------------------------------------------------------- processes

function child(file: string, env: Record<string, string>, execArgv: string[] = []): ChildProcess {
  return fork(new URL(file, import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx', ...execArgv],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}
function nextMessage<T>(proc: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== type) return;
      proc.off('message', onMessage);
      proc.off('exit', onExit);
      resolve(m as T);
    };
    const onExit = (code: number | null, signal: string | null) => reject(new Error(`${type}: the child exited (${code ?? signal})`));
    proc.on('message', onMessage);
    proc.once('exit', onExit);
  });
}

const db = await benchDatabase('live_bench');
let server: ChildProcess | null = null;
let clients: ChildProcess | null = null;
const stopAll = async () => {
  server?.kill();
  clients?.kill();
  await db.stop();
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAll().finally(() => process.exit(130)));

const orm = await openOrm({ databaseUrl: db.url });
await migrate(orm);
const fixtures = await seed(orm);
await orm.close();
log(`seeded ${ORGANIZATIONS} organizations, ${PROJECTS_PER_ORG} projects each, ${MODELS.length} models`);

const SERVER_FLAGS = (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);
server = child('./live-bench-server.ts', { BENCH_DATABASE_URL: db.url }, SERVER_FLAGS);
const { url, origin } = await nextMessage<{ url: string; origin: string }>(server, 'ready');
const serverUrl = url.replace('localhost', '127.0.0.1');
clients = child('./live-bench-clients.ts', {}, ['--max-old-space-size=4096']);
const toClients = (message: ToClients) => clients!.send(message);
toClients({ type: 'start', url: serverUrl, origin, organizations: ORGANIZATIONS, projects: PROJECTS_PER_ORG });
const sample = async (gc = false) => {
  server!.send({ type: 'sample', gc } satisfies ToServer);
  return nextMessage<ServerSample>(server!, 'sample');
};

// ---------------------------------------------------------------- the usage driver: the proxy recorder's batches

const pool = new pg.Pool({ connectionString: db.url, max: 2 });
const publisher = new PgLivePublisher(pool);
/** Today's calls so far by organization, then scope + 1 (0: the organization, 1 + p: its project p). */
const totals = fixtures.map(() => new Array<number>(PROJECTS_PER_ORG + 1).fill(0));
const projectIndex = new Map(fixtures.flatMap((f, o) => f.projects.map((p, i) => [p.id, [o, i] as const])));
const writes: number[] = [];
let driving = true;
let made = 0;
const drivenFrom = Date.now();

function event(time: Date): UsageEvent {
  const o = Math.floor(Math.random() * ORGANIZATIONS);
  const org = fixtures[o]!;
  const project = org.projects[Math.floor(Math.random() * PROJECTS_PER_ORG)]!;
  const output = 20 + Math.floor(Math.random() * 400);
  return {
    requestId: randomUUID(),
    organizationId: org.id,
    projectId: project.id,
    apiKeyId: project.keyId,
    userId: null,
    time,
    model: MODELS[Math.floor(Math.random() * MODELS.length)]!,
    status: Math.random() < 0.02 ? 500 : 200,
    inputTokens: 100 + Math.floor(Math.random() * 2_000),
    cachedInputTokens: 0,
    outputTokens: output,
    reasoningTokens: 0,
    usageSource: 'UPSTREAM' as UsageEvent['usageSource'],
    responseId: null,
    cost: BigInt(100 + output * 3),
    charge: 0n,
    latencyMs: 300,
    upstreamLatencyMs: 290,
    stream: false,
    errorCode: null,
    content: null,
    forwarded: true,
  };
}

const driver = (async () => {
  while (driving) {
    const started = Date.now();
    // The calls "made" since the previous batch, at RATE a second, as the recorder's queue would hold them.
    const due = Math.floor(((started - drivenFrom) * RATE) / 1000) - made;
    if (due > 0) {
      const time = new Date(started);
      const events = Array.from({ length: due }, () => event(time));
      made += due;
      const deltas = await writeUsageBatch(pool, events);
      const at = Date.now();
      writes.push(at - started);
      const moved = new Map<string, [number, number]>();
      for (const e of events) {
        const [o, p] = projectIndex.get(e.projectId)!;
        totals[o]![0]!++;
        totals[o]![p + 1]!++;
        moved.set(`${o}`, [o, -1]).set(`${o}|${p}`, [o, p]);
      }
      // The clients hear of the commit before any server can: NOTIFY goes out after this.
      toClients({ type: 'commit', at, totals: [...moved.values()].map(([o, scope]) => [o, scope, totals[o]![scope + 1]!]) });
      await publisher.publish(deltas.flatMap((d) => usageDeltaPayloads(d.organizationId, d.seq, d.rows)));
    }
    await sleep(Math.max(0, FLUSH_MS - (Date.now() - started)));
  }
})();

// ---------------------------------------------------------------- the levels

interface Level {
  subscribers: number;
  rampMs: number;
  report: ClientReport;
  cpuPercent: number;
  clientCpuPercent: number;
  idle: ServerSample;
  after: ServerSample;
  loopP99Ms: number;
  loopMaxMs: number;
  writeP50Ms: number;
}
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);
const percentile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(values.length * q)] ?? NaN;

await sleep(2_000);
const idle = await sample(true);
log(`idle server: RSS ${mib(idle.memory.rss)}, heap ${mib(idle.memory.heapUsed)} after a full collection`);
const levels: Level[] = [];
let opened = 0;
for (const target of LEVELS) {
  const ramp = Date.now();
  toClients({ type: 'add', subscribers: Array.from({ length: target - opened }, (_, i) => subscriber(fixtures, opened + i)) });
  const added = await nextMessage<{ open: number; failed: number; ms: number; errors: string[] }>(clients, 'added');
  opened = target;
  const rampMs = Date.now() - ramp;
  log(`${added.open} subscribers open (${added.failed} failed${added.errors.length ? `: ${added.errors.join('; ')}` : ''}) in ${ms(rampMs)}`);
  await sleep(SETTLE_SECONDS * 1000);

  writes.length = 0;
  const profile = PROFILE ? join(tmpdir(), `live-bench-${target}.cpuprofile`) : null;
  if (profile) server.send({ type: 'profile', file: profile } satisfies ToServer);
  const before = await sample();
  const report = await (async () => {
    toClients({ type: 'measure', on: true });
    await sleep(SECONDS * 1000);
    toClients({ type: 'measure', on: false });
    return nextMessage<ClientReport>(clients, 'report');
  })();
  const after = await sample();
  if (profile) {
    server.send({ type: 'profile', file: null } satisfies ToServer);
    log(`server CPU profile of the window: ${(await nextMessage<{ file: string }>(server, 'profiled')).file}`);
  }
  const withGc = await sample(true);
  const cpuMicros = (s: ServerSample) => s.cpu.user + s.cpu.system;
  const wallMs = after.at - before.at;
  const level: Level = {
    subscribers: target,
    rampMs,
    report,
    cpuPercent: ((cpuMicros(after) - cpuMicros(before)) / 1000 / wallMs) * 100,
    clientCpuPercent: ((report.cpu.user + report.cpu.system) / 1000 / report.wallMs) * 100,
    idle,
    after: withGc,
    loopP99Ms: after.loopP99Ms,
    loopMaxMs: after.loopMaxMs,
    writeP50Ms: percentile(writes, 0.5),
  };
  levels.push(level);
  const r = report;
  log(
    `${target} subscribers: delay p50 ${ms(quantileOf(r.histogram, 0.5))}, p99 ${ms(quantileOf(r.histogram, 0.99))}, max ${ms(maxOf(r.histogram))} ` +
      `(${r.samples.toLocaleString('en')} call deliveries, ${r.messages.toLocaleString('en')} messages, ${r.unmatched} unmatched, ${r.open} open, ${r.failed} failed); ` +
      `server CPU ${level.cpuPercent.toFixed(0)} %, clients' CPU ${level.clientCpuPercent.toFixed(0)} %, event-loop p99 ${level.loopP99Ms.toFixed(0)} ms (max ${level.loopMaxMs.toFixed(0)}); ` +
      `RSS ${mib(withGc.memory.rss)}, heap ${mib(withGc.memory.heapUsed)} of ${mib(withGc.memory.heapTotal)}, external ${mib(withGc.memory.external)} (array buffers ${mib(withGc.memory.arrayBuffers)}); hub ${JSON.stringify(withGc.hub)}; batch write p50 ${level.writeP50Ms} ms`,
  );
}

// ---------------------------------------------------------------- report

driving = false;
await driver;
clients.send({ type: 'stop' } satisfies ToClients);
await nextMessage(clients, 'stopped');
server.send({ type: 'stop' } satisfies ToServer);
await nextMessage(server, 'stopped');
const pgVersion = (await pool.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
await pool.end();
await db.stop();

const cpu = cpus();
const machine = `${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, PostgreSQL ${pgVersion}${process.env.DATABASE_URL ? ' (DATABASE_URL)' : ' (embedded)'}, load average ${loadavg()[0]!.toFixed(1)} at the end`;
const per1000 = (bytes: number, n: number) => `${(((bytes / n) * 1000) / 2 ** 20).toFixed(1)} MiB`;
const top = levels.find((l) => l.subscribers === GOAL.subscribers);
const goalMet = top && quantileOf(top.report.histogram, 0.99) < GOAL.p99Ms && top.after.memory.rss < GOAL.bytes;
const lines = [
  `\`${SERVER_FLAGS.length ? `BENCH_SERVER_FLAGS="${SERVER_FLAGS.join(' ')}" ` : ''}pnpm bench:live --write\` on ${new Date().toISOString().slice(0, 10)}: ${machine}.`,
  '',
  `${ORGANIZATIONS} organizations (${PROJECTS_PER_ORG} projects, ${MODELS.length} models each); ${RATE} calls/s spread evenly over them, a batch every ${FLUSH_MS} ms ` +
    `written by writeUsageBatch and published with PgLivePublisher (NOTIFY), as the proxy's recorder does. Subscribers: one graphql-ws connection each, ` +
    `evenly over the organizations: ADMINs and project MEMBERs with session cookies (the SPA's document), one in ten a BI token asking every row. ` +
    `Each level adds to the previous one, settles ${SETTLE_SECONDS} s, then measures ${SECONDS} s. Delay: from a call's batch commit to each subscriber's ` +
    `first message holding it (the hub's 1 s coalescing included), one sample per call per subscriber. Server CPU: its process's user + system time ` +
    `over the window, in % of one core; memory after a full collection; "per 1,000" is above the idle server (RSS ${mib(idle.memory.rss)}, heap ${mib(idle.memory.heapUsed)}).`,
  '',
  "| subscribers | delay p50 | delay p99 | delay max | messages/s | server CPU | clients' CPU | event-loop delay p99 | RSS | heap | RSS per 1,000 | heap per 1,000 |",
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...levels.map(
    (l) =>
      `| ${l.subscribers.toLocaleString('en')} | ${ms(quantileOf(l.report.histogram, 0.5))} | ${ms(quantileOf(l.report.histogram, 0.99))} | ${ms(maxOf(l.report.histogram))} | ` +
      `${Math.round(l.report.messages / SECONDS).toLocaleString('en')} | ${l.cpuPercent.toFixed(0)} % | ${l.clientCpuPercent.toFixed(0)} % | ${l.loopP99Ms.toFixed(0)} ms | ${mib(l.after.memory.rss)} | ${mib(l.after.memory.heapUsed)} | ` +
      `${per1000(l.after.memory.rss - idle.memory.rss, l.subscribers)} | ${per1000(l.after.memory.heapUsed - idle.memory.heapUsed, l.subscribers)} |`,
  ),
  '',
  top
    ? `Goal (10,000 subscribers on one process, p99 < ${ms(GOAL.p99Ms)}, under 1 GiB): ${goalMet ? 'met' : '**missed**'}.`
    : `Goal (10,000 subscribers on one process, p99 < ${ms(GOAL.p99Ms)}, under 1 GiB): not measured at these levels.`,
];
log(['', ...lines].join('\n'));

if (process.argv.includes('--write')) {
  const doc = await readFile(DOC, 'utf8');
  const block = [BEGIN, '', ...lines, '', END].join('\n');
  const next =
    doc.includes(BEGIN) && doc.includes(END)
      ? doc.slice(0, doc.indexOf(BEGIN)) + block + doc.slice(doc.indexOf(END) + END.length)
      : `${doc.trimEnd()}\n\n## Live subscriptions benchmark\n\n${block}\n`;
  await writeFile(DOC, next);
  log('wrote docs/benchmarks.md');
}
process.exit(0);
