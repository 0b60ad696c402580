/**
 * `pnpm bench:usage [--write]`: the usage query over 10 million calls' worth of
 * rollups (90 days, 5 organizations, 200 projects, 2,000 keys, 50 models, Zipf
 * skew and a daily cycle; see usage-data.ts), timed through the real GraphQL
 * server (createApp, in this process, real HTTP POSTs with an organization
 * ADMIN's session) so resolver, serialisation and HTTP are in the figures.
 * Every query runs BENCH_WARMUP (3) times, then BENCH_RUNS (30) times; the
 * paged-to-the-end query BENCH_PASSES (2) times. Then BENCH_LOGS (2,000,000)
 * request-log rows are added for the organization measured and everything runs
 * again: the query reads rollups only, so the figures should not move.
 * Prints p50/p95 per HTTP request (a page is one request), the server
 * process's RSS and heap, and the machine; --write records them in
 * docs/benchmarks.md between the usage-bench markers (the proxy bench's parts
 * and every note are kept). DATABASE_URL (an admin URL; a throw-away database
 * is created and dropped), else an embedded PostgreSQL.
 */
import { benchDatabase, migrate, newCredentialKey, openOrm, randomBase62, Session, sha256Hex } from '@tollgate/db';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SESSION_COOKIE, SESSION_TOKEN_PREFIX } from '../src/auth/auth';
import { createApp, createLogger, loadConfig } from '../src';
import { CALLS, DAYS, generateRequestLogs, generateRollups, KEYS, MODELS, ORGANIZATIONS, PROJECTS, seedStructure } from './usage-data';

const root = new URL('../../..', import.meta.url).pathname;
const DOC = join(root, 'docs/benchmarks.md');
const BEGIN = '<!-- usage-bench: begin (written by pnpm bench:usage --write) -->';
const END = '<!-- usage-bench: end -->';
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const PASSES = Number(process.env.BENCH_PASSES ?? 2);
const LOGS = Number(process.env.BENCH_LOGS ?? 2_000_000);
const GOAL_MS = 100;
const DAY_MS = 86_400_000;
const log = (line: string) => console.log(line);

// ---------------------------------------------------------------- database, data, server

// BENCH_KEEP_DATABASE=1 leaves a DATABASE_URL database for a look at the plans (psql, EXPLAIN) afterwards.
const db = await benchDatabase('usage_bench', { keep: process.env.BENCH_KEEP_DATABASE === '1', log });
const interrupted = () => void db.stop().finally(() => process.exit(130));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, interrupted);

const orm = await openOrm({ databaseUrl: db.url });
await migrate(orm);
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
const writer = await pool.connect();
const end = new Date(Math.floor(Date.now() / 60_000) * 60_000);
log(
  `generating ${CALLS / 1e6} M calls' rollups: ${DAYS} days to ${end.toISOString()}, ${ORGANIZATIONS} organizations, ${PROJECTS} projects, ${KEYS} keys, ${MODELS} models`,
);
const structure = await seedStructure(writer);
const generated = await generateRollups(writer, end, log);
const vacuumStarted = performance.now();
for (const table of ['usage_quarter_hour', 'usage_hourly', 'usage_minute', 'usage_daily', 'usage_daily_key', 'usage_daily_model'])
  await writer.query(`vacuum (analyze) ${table}`);
const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;
const {
  rows: [bench],
} = await writer.query<{
  organization_id: string;
  quarters: string;
  hours: string;
  minutes: string;
  days: string;
  calls: string;
  projects: string;
  keys: string;
}>(
  `select q.organization_id, q.n::text as quarters, q.calls::text as calls,
          (select count(*) from usage_hourly h where h.organization_id = q.organization_id)::text as hours,
          (select count(*) from usage_daily d where d.organization_id = q.organization_id)::text as days,
          (select count(*) from usage_minute m where m.organization_id = q.organization_id)::text as minutes,
          (select count(*) from projects p where p.organization_id = q.organization_id)::text as projects,
          (select count(*) from api_keys k where k.organization_id = q.organization_id)::text as keys
     from (select organization_id, count(*) as n, sum(requests) as calls from usage_quarter_hour group by 1 order by 2 desc limit 1) q`,
);
const organizationId = bench!.organization_id;
const adminId = structure.admins[structure.organizations.indexOf(organizationId)]!;
log(
  `generated ${generated.calls.toLocaleString('en')} calls in ${generated.seconds.toFixed(0)} s (+ vacuum analyze ${vacuumSeconds.toFixed(0)} s): ` +
    `usage_quarter_hour ${generated.quarterRows.toLocaleString('en')}, usage_hourly ${generated.hourlyRows.toLocaleString('en')}, usage_minute ${generated.minuteRows.toLocaleString('en')}, usage_daily ${generated.dailyRows.toLocaleString('en')} (_key ${generated.dailyKeyRows.toLocaleString('en')}, _model ${generated.dailyModelRows.toLocaleString('en')}) rows`,
);
log(
  `measured organization: the largest, ${Number(bench!.calls).toLocaleString('en')} calls, ${bench!.projects} projects, ${bench!.keys} keys; its rows: ${Number(bench!.quarters).toLocaleString('en')} quarter-hour, ${Number(bench!.hours).toLocaleString('en')} hourly, ${Number(bench!.minutes).toLocaleString('en')} minute, ${Number(bench!.days).toLocaleString('en')} daily`,
);

const secret = SESSION_TOKEN_PREFIX + randomBase62(40);
{
  const em = orm.em.fork();
  em.create(Session, { user: adminId, tokenHash: sha256Hex(secret), expiresAt: new Date(Date.now() + 6 * 3_600_000) });
  await em.flush();
}
const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: db.url, CREDENTIAL_KEY: newCredentialKey() });
const app = await createApp(config, orm, createLogger('silent'));
const url = await app.listen();

// ---------------------------------------------------------------- queries

const USAGE = `query($organizationId: ID!, $from: DateTime!, $to: DateTime!, $window: UsageWindow, $timeZone: String, $groupBy: [UsageDimension!], $first: Int, $after: String) {
  usage(organizationId: $organizationId, from: $from, to: $to, window: $window, timeZone: $timeZone, groupBy: $groupBy, first: $first, after: $after) {
    rows { windowStart windowEnd projectId apiKeyId userId model status requests errors inputTokens cachedInputTokens outputTokens reasoningTokens cost }
    endCursor
  }
}`;

interface Vars {
  from: Date;
  to: Date;
  window?: 'MINUTE' | 'HOUR' | 'DAY' | 'MONTH';
  timeZone?: string;
  groupBy?: string[];
  first?: number;
}
interface Timed {
  ms: number;
  rows: number;
  endCursor: string | null;
}

/** One POST /graphql, timed until its whole body is read; throws on any error. */
async function post(query: string, variables: Record<string, unknown>): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${secret}` },
    body: JSON.stringify({ query, variables: { organizationId, ...variables } }),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  const body = JSON.parse(text) as {
    data?: { usage?: { rows?: unknown[]; endCursor?: string | null } };
    errors?: Array<{ message: string; extensions?: unknown }>;
  };
  if (response.status !== 200 || body.errors?.length) throw new Error(`${response.status}: ${JSON.stringify(body.errors ?? text.slice(0, 500))}`);
  const usage = body.data?.usage;
  return { ms, rows: usage?.rows?.length ?? 1, endCursor: usage?.endCursor ?? null };
}

/** Every page of a query, each a request: their times and the rows. */
async function pages(vars: Vars, maxPages = Infinity): Promise<{ times: number[]; rows: number; total: number }> {
  const times: number[] = [];
  let rows = 0;
  let after: string | null = null;
  const started = performance.now();
  do {
    const page: Timed = await post(USAGE, { ...vars, first: vars.first ?? 1000, after });
    times.push(page.ms);
    rows += page.rows;
    after = page.endCursor;
  } while (after && times.length < maxPages);
  return { times, rows, total: performance.now() - started };
}

const utcDay = (t: number) => Math.floor(t / DAY_MS) * DAY_MS;
/** The ranges, from the current minute: each query computes them when it runs. */
function ranges() {
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const today = utcDay(now);
  const d = new Date(now);
  const month = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const nextMonth = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return {
    now: new Date(now),
    today: new Date(today),
    tomorrow: new Date(today + DAY_MS),
    days: (n: number) => new Date(today - n * DAY_MS),
    month: new Date(month),
    nextMonth: new Date(nextMonth),
  };
}

interface Query {
  name: string;
  run(): Promise<{ times: number[]; rows: number; total: number }>;
}

const BI: Query[] = [
  {
    name: '30 days by day, grouped by project (every page)',
    run: () => pages({ from: ranges().days(29), to: ranges().tomorrow, window: 'DAY', groupBy: ['PROJECT'] }),
  },
  {
    name: '30 days by day, grouped by project, Asia/Kolkata (every page)',
    run: () => {
      const r = ranges();
      const kolkata = (t: Date) => new Date(t.getTime() - 5.5 * 3_600_000); // midnight in +05:30
      return pages({ from: kolkata(r.days(29)), to: kolkata(r.tomorrow), window: 'DAY', timeZone: 'Asia/Kolkata', groupBy: ['PROJECT'] });
    },
  },
  {
    name: '24 hours by minute (zero-filled, every page)',
    run: () => {
      const r = ranges();
      return pages({ from: new Date(r.now.getTime() - DAY_MS), to: r.now, window: 'MINUTE' });
    },
  },
];
const PAGED: Query = {
  name: '90 days by day, grouped by key and model, paged to the end',
  run: () => pages({ from: ranges().days(89), to: ranges().tomorrow, window: 'DAY', groupBy: ['API_KEY', 'MODEL'] }),
};
/** The SPA's UsageRows document (packages/web/src/features/usage/useUsage.ts): rows, and totals on the first page where a chart shows them; first 1000, every page. */
const SPA_ROWS = `query($organizationId: ID!, $withTotals: Boolean!, $from: DateTime!, $to: DateTime!, $window: UsageWindow, $timeZone: String, $groupBy: [UsageDimension!], $after: String) {
  usage(organizationId: $organizationId, from: $from, to: $to, window: $window, timeZone: $timeZone, groupBy: $groupBy, first: 1000, after: $after) {
    timeZone asOf endCursor
    totals @include(if: $withTotals) { requests errors inputTokens outputTokens cost }
    rows { windowStart windowEnd projectId apiKeyId userId model requests errors inputTokens outputTokens cost }
  }
}`;
/** The SPA's UsageSpendSummary (SpendSummary.tsx) for an organization: five totals, the limits and the wallet, one request. */
const SPA_SUMMARY = `query($organizationId: ID!, $todayFrom: DateTime!, $todayTo: DateTime!, $monthFrom: DateTime!, $monthTo: DateTime!, $weekFrom: DateTime!, $weekTo: DateTime!) {
  today: usage(organizationId: $organizationId, timeZone: "UTC", from: $todayFrom, to: $todayTo) { totals { cost requests errors } }
  month: usage(organizationId: $organizationId, timeZone: "UTC", from: $monthFrom, to: $monthTo) { totals { cost requests errors } }
  utcToday: usage(organizationId: $organizationId, timeZone: "UTC", from: $todayFrom, to: $todayTo) { totals { cost } }
  utcMonth: usage(organizationId: $organizationId, timeZone: "UTC", from: $monthFrom, to: $monthTo) { totals { cost } }
  lastWeek: usage(organizationId: $organizationId, timeZone: "UTC", from: $weekFrom, to: $weekTo) { totals { cost } }
  organizationLimits(organizationId: $organizationId) { dailyBudget monthlyBudget }
  wallet(organizationId: $organizationId) { balance availableAmount currency isActive }
}`;

/** Every page of the SPA's rows query, as useUsage fetches them: the totals with the first page when `totals`. */
async function spaPages(vars: Vars, totals: boolean): Promise<{ times: number[]; rows: number; total: number }> {
  const times: number[] = [];
  let rows = 0;
  let after: string | null = null;
  const started = performance.now();
  do {
    const page: Timed = await post(SPA_ROWS, { ...vars, after, withTotals: totals && times.length === 0 });
    times.push(page.ms);
    rows += page.rows;
    after = page.endCursor;
  } while (after && times.length < 10);
  return { times, rows, total: performance.now() - started };
}

/**
 * The organization's Usage tab (UsageDashboard.tsx) for a range of `days` days by day, stacked by project (the
 * default), in the organization's zone (UTC here): the spend summary, the series, the stacked series, the stack's
 * groups, and the top projects, keys (by project and key), members and models.
 */
function overview(days: number): Query[] {
  const range = () => ({ from: ranges().days(days - 1), to: ranges().tomorrow, timeZone: 'UTC' });
  const quarter = () => new Date(Math.floor(Date.now() / 900_000) * 900_000 + 900_000);
  const d = `${days} d`;
  return [
    {
      name: 'spend summary (today, month, UTC today and month, last 7 days; limits, wallet: one request)',
      run: async () => {
        const r = ranges();
        const week = quarter();
        const page = await post(SPA_SUMMARY, {
          todayFrom: r.today,
          todayTo: r.tomorrow,
          monthFrom: r.month,
          monthTo: r.nextMonth,
          weekFrom: new Date(week.getTime() - 7 * DAY_MS),
          weekTo: week,
        });
        return { times: [page.ms], rows: 1, total: page.ms };
      },
    },
    { name: `${d} by day (the series)`, run: () => spaPages({ ...range(), window: 'DAY' }, true) },
    { name: `${d} by day, stacked by project`, run: () => spaPages({ ...range(), window: 'DAY', groupBy: ['PROJECT'] }, false) },
    { name: `${d}: the stack's groups (by project)`, run: () => spaPages({ ...range(), groupBy: ['PROJECT'] }, false) },
    { name: `${d}: top projects`, run: () => spaPages({ ...range(), groupBy: ['PROJECT'] }, true) },
    { name: `${d}: top API keys (by project and key)`, run: () => spaPages({ ...range(), groupBy: ['PROJECT', 'API_KEY'] }, true) },
    { name: `${d}: top members`, run: () => spaPages({ ...range(), groupBy: ['USER'] }, true) },
    { name: `${d}: top models`, run: () => spaPages({ ...range(), groupBy: ['MODEL'] }, true) },
  ];
}
/** The whole tab at once, as it loads (each chart pages on its own, all in parallel): its wall time. */
const wholePage = (queries: Query[], days: number): Query => ({
  name: `the whole Usage tab, ${days} d (its queries at once: wall time)`,
  run: async () => {
    const started = performance.now();
    const results = await Promise.all(queries.map((q) => q.run()));
    const total = performance.now() - started;
    return { times: [total], rows: results.reduce((n, r) => n + r.rows, 0), total };
  },
});
const OVERVIEW_DAYS = [7, 30];
const OVERVIEWS = OVERVIEW_DAYS.map((days) => {
  const queries = overview(days);
  return { days, queries, page: wholePage(queries, days) };
});
const OVERVIEW: Query[] = OVERVIEWS.flatMap((o) => [
  ...o.queries.map((q) => ({ ...q, name: q.name.startsWith('spend summary') ? `${q.name} [${o.days} d tab]` : q.name })),
  o.page,
]);
const isPage = (q: Query) => OVERVIEWS.some((o) => o.page.name === q.name);

// ---------------------------------------------------------------- measuring

interface Figures {
  requests: number[];
  totals: number[];
  rows: number;
  pages: number;
}

async function measure(query: Query, runs: number, warmup: number): Promise<Figures> {
  for (let i = 0; i < warmup; i++) await query.run();
  const figures: Figures = { requests: [], totals: [], rows: 0, pages: 0 };
  for (let i = 0; i < runs; i++) {
    const r = await query.run();
    figures.requests.push(...r.times);
    figures.totals.push(r.total);
    figures.rows = r.rows;
    figures.pages = r.times.length;
  }
  return figures;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
};
const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

interface Memory {
  label: string;
  rss: number;
  heap: number;
}
const memory: Memory[] = [];
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const snapshot = (label: string) => {
  const m = process.memoryUsage();
  memory.push({ label, rss: m.rss, heap: m.heapUsed });
  log(`memory ${label}: RSS ${mib(m.rss)}, heap ${mib(m.heapUsed)}`);
};

type Pass = Map<string, Figures>;
async function pass(label: string): Promise<Pass> {
  const results: Pass = new Map();
  for (const query of [...BI, ...OVERVIEW]) {
    const f = await measure(query, RUNS, WARMUP);
    results.set(query.name, f);
    log(
      `${label} | ${query.name}: ${f.pages} request(s), ${f.rows} rows; per request p50 ${ms(quantile(f.requests, 0.5))}, p95 ${ms(quantile(f.requests, 0.95))}`,
    );
  }
  const f = await measure(PAGED, PASSES, 0);
  results.set(PAGED.name, f);
  log(
    `${label} | ${PAGED.name}: ${f.pages} pages, ${f.rows.toLocaleString('en')} rows; per page p50 ${ms(quantile(f.requests, 0.5))}, p95 ${ms(quantile(f.requests, 0.95))}, ` +
      `max ${ms(Math.max(...f.requests))}; whole pass ${ms(quantile(f.totals, 0.5))}`,
  );
  return results;
}

snapshot('at start (server listening, data generated)');
const without = await pass('0 request logs');
snapshot('after the runs without request logs');

log(`adding ${LOGS.toLocaleString('en')} request-log rows for the measured organization`);
const logSeconds = await generateRequestLogs(writer, organizationId, LOGS, end, log);
await writer.query('vacuum (analyze) request_logs');
const withLogs = await pass(`${(LOGS / 1e6).toFixed(1)} M request logs`);
snapshot('after the runs with request logs');
clearInterval(sampler);

// ---------------------------------------------------------------- report

const pgVersion = (await writer.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
writer.release();
const cpu = cpus();
const machine = `${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, PostgreSQL ${pgVersion}${process.env.DATABASE_URL ? ' (DATABASE_URL)' : ' (embedded)'}, load average ${loadavg()[0]!.toFixed(1)} at the end`;

const logsLabel = `${(LOGS / 1e6).toFixed(1)} M logs`;
const verdict = (a: Figures, b: Figures) => (Math.max(quantile(a.requests, 0.95), quantile(b.requests, 0.95)) <= GOAL_MS ? 'met' : '**missed**');
const row = (query: Query) => {
  const a = without.get(query.name)!;
  const b = withLogs.get(query.name)!;
  return `| ${query.name} | ${a.pages} | ${a.rows.toLocaleString('en')} | ${ms(quantile(a.requests, 0.5))} | ${ms(quantile(a.requests, 0.95))} | ${ms(quantile(b.requests, 0.5))} | ${ms(quantile(b.requests, 0.95))} | ${
    a.pages > 1 ? `${ms(quantile(a.totals, 0.5))} / ${ms(quantile(b.totals, 0.5))}` : '–'
  } | ${isPage(query) ? '(wall time, not a single query)' : verdict(a, b)} |`;
};
const paged = [without.get(PAGED.name)!, withLogs.get(PAGED.name)!];
const lines = [
  `\`pnpm bench:usage --write\` on ${new Date().toISOString().slice(0, 10)}: ${machine}.`,
  '',
  `Data: ${generated.calls.toLocaleString('en')} calls over ${DAYS} days (${ORGANIZATIONS} organizations, ${PROJECTS} projects, ${KEYS} keys, ${MODELS} models), ` +
    `generated in ${generated.seconds.toFixed(0)} s (+ ${vacuumSeconds.toFixed(0)} s vacuum analyze): usage_quarter_hour ${generated.quarterRows.toLocaleString('en')} rows, ` +
    `usage_hourly ${generated.hourlyRows.toLocaleString('en')}, usage_minute ${generated.minuteRows.toLocaleString('en')} (the last 8 days), usage_daily ${generated.dailyRows.toLocaleString('en')} (usage_daily_key ${generated.dailyKeyRows.toLocaleString('en')}, usage_daily_model ${generated.dailyModelRows.toLocaleString('en')}). ` +
    `Measured organization (the largest): ${Number(bench!.calls).toLocaleString('en')} calls, ${bench!.projects} projects, ${bench!.keys} keys; ` +
    `${Number(bench!.quarters).toLocaleString('en')} quarter-hour, ${Number(bench!.hours).toLocaleString('en')} hourly, ${Number(bench!.minutes).toLocaleString('en')} minute, ${Number(bench!.days).toLocaleString('en')} daily rows. ` +
    `Then ${LOGS.toLocaleString('en')} request-log rows for it (${logSeconds.toFixed(0)} s) and every query again.`,
  '',
  `Per HTTP request (one page is one request), ${WARMUP} warm-up runs then ${RUNS} runs of each query; the paged query ${PASSES} whole passes, no warm-up. ` +
    `Goal: p95 ≤ ${GOAL_MS} ms for each single query, with and without request logs.`,
  '',
  `| query | requests | rows | p50, 0 logs | p95, 0 logs | p50, ${logsLabel} | p95, ${logsLabel} | all pages, p50 (0 / ${logsLabel}) | p95 ≤ ${GOAL_MS} ms |`,
  '|---|---|---|---|---|---|---|---|---|',
  ...[...BI, PAGED].map(row),
  "| *the organization's Usage tab (the SPA's own queries):* | | | | | | | | |",
  ...OVERVIEW.map(row),
  '',
  `Paged to the end: ${paged[0]!.pages} pages of ≤ 1,000 rows, ${paged[0]!.rows.toLocaleString('en')} rows; per page max ${ms(Math.max(...paged[0]!.requests))} / ${ms(Math.max(...paged[1]!.requests))}; ` +
    `whole pass ${paged[0]!.totals.map(ms).join(', ')} / ${paged[1]!.totals.map(ms).join(', ')} (0 / ${logsLabel}).`,
  '',
  `Server memory (in this process: server and client; peak RSS sampled every 50 ms: ${mib(peakRss)}):`,
  '',
  '| when | RSS | heap used |',
  '|---|---|---|',
  ...memory.map((m) => `| ${m.label} | ${mib(m.rss)} | ${mib(m.heap)} |`),
];
log(['', ...lines].join('\n'));

if (process.argv.includes('--write')) {
  const doc = await readFile(DOC, 'utf8');
  const block = [BEGIN, '', ...lines, '', END].join('\n');
  const next =
    doc.includes(BEGIN) && doc.includes(END)
      ? doc.slice(0, doc.indexOf(BEGIN)) + block + doc.slice(doc.indexOf(END) + END.length)
      : `${doc.trimEnd()}\n\n## Usage query benchmark\n\n${block}\n`;
  await writeFile(DOC, next);
  log('wrote docs/benchmarks.md');
}

await app.close();
await pool.end();
await orm.close();
await db.stop();
process.exit(0);
