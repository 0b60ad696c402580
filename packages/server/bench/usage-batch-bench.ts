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
import { mkdtemp } from 'node:fs/promises';
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
const keys = Array.from({ length: 50 }, () => randomUUID());
const models = ['m1', 'm2', 'm3', 'm4', 'm5'];

const batch = (t0: number): UsageEvent[] =>
  Array.from({ length: 500 }, (_, i) => ({
    requestId: randomUUID(),
    time: new Date(t0 + Math.floor(Math.random() * 300_000)),
    organizationId: org.id,
    projectId: project.id,
    apiKeyId: keys[i % 50]!,
    userId: null,
    model: models[i % 5]!,
    status: i % 40 === 0 ? 429 : 200,
    inputTokens: 100,
    cachedInputTokens: 0,
    outputTokens: 20,
    reasoningTokens: 0,
    usageSource: null,
    responseId: null,
    cost: 100n,
    charge: 0n,
    latencyMs: 3,
    upstreamLatencyMs: 2,
    stream: false,
    errorCode: null,
    content: null,
    forwarded: true,
  }));

async function measure(label: string, write: (pool: pg.Pool, events: UsageEvent[]) => Promise<unknown>) {
  const times: number[] = [];
  const t0 = Date.now() - 3_600_000;
  for (let i = 0; i < 220; i++) {
    const events = batch(t0 + i * 100);
    const started = performance.now();
    await write(pool, events);
    if (i >= 20) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(`| ${label} | ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms | ${times[Math.floor(times.length * 0.95)]!.toFixed(1)} ms |`);
}

console.log('| writeUsageBatch, 500 events | p50 | p95 |\n|---|---|---|');
if (other) await measure(`given: ${other}`, (await import(resolve(other))).writeUsageBatch);
await measure('this tree', (await import('@tollgate/db')).writeUsageBatch);
if (other) await measure(`given: ${other} (again)`, (await import(resolve(other))).writeUsageBatch);
await pool.end();
process.exit(0);
