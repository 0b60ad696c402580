/**
 * `tsx packages/server/bench/usage-batch-bench.ts [old-usage-batch.ts]`: what the
 * recorder's batch costs (writeUsageBatch: request logs, rollups, ledger in one
 * transaction), p50/p95 over 200 batches of 500 events spread over 5 minutes of
 * 50 keys x 5 models (what one busy proxy flushes every 100 ms). Pass the path of
 * another copy of usage-batch.ts (e.g. `git show <rev>:packages/db/src/metering/usage-batch.ts`)
 * to measure it on the same database for a before/after.
 */
import { ensureDatabase, migrate, openOrm, startEmbeddedPostgres, type UsageEvent } from '@tollgate/db';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

const other = process.argv[2];
const url =
  process.env.DATABASE_URL ??
  (await (async () => {
    const db = await startEmbeddedPostgres(await mkdtemp(join(tmpdir(), 'usage-batch-bench-')));
    await ensureDatabase(db.adminUrl, 'bench');
    process.on('exit', () => void db.stop());
    return db.urlFor('bench');
  })());
const orm = await openOrm({ databaseUrl: url });
await migrate(orm);
await orm.close();
const pool = new pg.Pool({ connectionString: url, max: 2 });
const {
  rows: [org],
} = await pool.query(`insert into organizations (id, name, display_name) values (gen_random_uuid(), 'bench-' || floor(random() * 1e9), 'Bench') returning id`);
const {
  rows: [project],
} = await pool.query(`insert into projects (id, organization_id, name) values (gen_random_uuid(), $1, 'p') returning id`, [org.id]);
/** BATCH_KEYS: how many keys the calls spread over (default 50, with 5 models: up to 250 rollup rows a batch). */
const keys = Array.from({ length: Number(process.env.BATCH_KEYS ?? 50) }, () => randomUUID());
const models = ['m1', 'm2', 'm3', 'm4', 'm5'];

const BATCH = Number(process.env.BATCH ?? 500);
/** BATCH_CHARGE=1: every event is charged to the organization's prepaid wallet (a Consume record each), as with limits and a wallet. */
const CHARGE = process.env.BATCH_CHARGE === '1';
if (CHARGE) await pool.query(`insert into wallets (organization_id) values ($1)`, [org.id]);

const batch = (t0: number): UsageEvent[] =>
  Array.from({ length: BATCH }, (_, i) => ({
    requestId: randomUUID(),
    time: new Date(t0 + Math.floor(Math.random() * 300_000)),
    organizationId: org.id,
    projectId: project.id,
    apiKeyId: keys[i % keys.length]!,
    userId: null,
    model: models[i % Math.min(5, keys.length)]!,
    status: i % 40 === 0 ? 429 : 200,
    inputTokens: 100,
    cachedInputTokens: 0,
    outputTokens: 20,
    reasoningTokens: 0,
    usageSource: null,
    responseId: null,
    cost: 100n,
    charge: CHARGE ? 100n : 0n,
    latencyMs: 3,
    upstreamLatencyMs: 2,
    stream: false,
    errorCode: null,
    content: null,
    forwarded: true,
  }));

/**
 * CPU seconds (user + system) this PostgreSQL's processes have used so far: those pg_stat_activity
 * lists (backends, the WAL writer, the checkpointer, ...), so other servers on the machine do not
 * count (Linux /proc; 0 elsewhere).
 */
async function postgresCpuSeconds(): Promise<number> {
  const { rows } = await pool.query<{ pid: number }>('select pid from pg_stat_activity');
  let ticks = 0;
  for (const { pid } of rows) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}

async function measure(label: string, write: (pool: pg.Pool, events: UsageEvent[]) => Promise<unknown>) {
  const times: number[] = [];
  const t0 = Date.now() - 3_600_000;
  let cpu = 0;
  let postgres = 0;
  let system = 0;
  for (let i = 0; i < 220; i++) {
    const events = batch(t0 + i * 100);
    if (i === 20) postgres = await postgresCpuSeconds();
    const started = performance.now();
    const before = process.cpuUsage();
    await write(pool, events);
    const used = process.cpuUsage(before);
    if (i >= 20) {
      times.push(performance.now() - started);
      cpu += used.user + used.system;
      system += used.system;
    }
  }
  const cpuUs = cpu;
  console.error(`system (kernel) share of this process: ${((100 * system) / cpu).toFixed(0)} %`);
  const postgresUs = ((await postgresCpuSeconds()) - postgres) * 1e6;
  times.sort((a, b) => a - b);
  const perEvent = (us: number) => `${(us / (200 * BATCH)).toFixed(1)} µs`;
  console.log(
    `| ${label} | ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms | ${times[Math.floor(times.length * 0.95)]!.toFixed(1)} ms | ${perEvent(cpuUs)} | ${perEvent(postgresUs)} |`,
  );
}

console.log(
  `| writeUsageBatch, ${BATCH} events${CHARGE ? ', each charged to a wallet' : ''} | p50 | p95 | this process's CPU / event | PostgreSQL's CPU / event |\n|---|---|---|---|---|`,
);
if (other) await measure(`given: ${other}`, (await import(resolve(other))).writeUsageBatch);
await measure('this tree', (await import('@tollgate/db')).writeUsageBatch);
if (other) await measure(`given: ${other} (again)`, (await import(resolve(other))).writeUsageBatch);
await pool.end();
process.exit(0);
