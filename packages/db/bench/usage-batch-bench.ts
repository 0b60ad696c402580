/**
 * `pnpm bench:usage-batch`: writeUsageBatch in a loop, no proxy, as the proxy bench's limited
 * tenant writes them (every call charged, so a Consume record each): PostgreSQL's CPU per event
 * (its postmaster and every child: backends, WAL writer, checkpointer, autovacuum), and this
 * process's. A steadier figure than `pnpm bench:proxy` for the database's share of a call.
 *
 * An embedded PostgreSQL of its own (as the proxy bench), or DATABASE_URL's server (then the whole
 * server is measured: keep it otherwise idle). BATCH events a batch (default 200: 2,000 calls/s
 * flushed every 100 ms), BATCHES batches a round (default 60), ROUNDS rounds (default 5, after a
 * warm-up round); prints each round and the medians.
 *
 * BASELINE_DIR (a path relative to this file) writes every other round with another copy of src/
 * (its metering/usage-batch.ts), e.g. the previous version, on the same database: a before and
 * after in one sitting, round by round, as this machine's speed drifts by a third within minutes.
 * The copy must use the same schema (no migration between the two):
 *   mkdir packages/db/bench/_before && git archive HEAD packages/db/src | tar -x --strip-components=3 -C packages/db/bench/_before
 *   BASELINE_DIR=./_before pnpm bench:usage-batch
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { UsageSource } from '@tollgate/domain';
import pg from 'pg';
import { benchDatabase, migrate, openOrm, Organization, Project, seedApiKey, User, writeUsageBatch, type UsageEvent } from '../src/index';

/** A whole number of at least 1 from the environment, else the default; anything else stops the bench. */
function count(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, not ${process.env[name]}`);
  return value;
}
const BATCH = count('BATCH', 200);
const BATCHES = count('BATCHES', 60);
const ROUNDS = count('ROUNDS', 5);
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

async function seed(url: string) {
  const orm = await openOrm({ databaseUrl: url });
  await migrate(orm);
  const em = orm.em.fork();
  const user = em.create(User, { email: 'bench@example.test', name: 'Bench', passwordHash: 'unused' });
  const organization = em.create(Organization, { name: 'bench', displayName: 'bench', grantedGroups: ['general'] });
  const project = em.create(Project, { organization, name: 'bench' });
  await em.flush();
  const { key } = await seedApiKey(em, { organizationId: organization.id, projectId: project.id, userId: user.id });
  const sql = em.getConnection();
  await sql.execute('insert into wallets (organization_id) values (?)', [organization.id]);
  await sql.execute(`insert into wallet_records (id, organization_id, type, amount, reference) values (gen_random_uuid(), ?, 'RECHARGE', ?, 'bench')`, [
    organization.id,
    String(10n ** 15n),
  ]);
  await orm.close();
  return { organizationId: organization.id, projectId: project.id, apiKeyId: key.id, userId: user.id };
}

/** CPU seconds of a process and all its children (utime + stime of each, from /proc). */
function treeCpuSeconds(rootPid: number): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [ppid, utime, stime] = [Number(fields[1]), Number(fields[11]), Number(fields[12])];
    if (Number(entry) === rootPid || ppid === rootPid) ticks += utime + stime;
  }
  return ticks / TICKS_PER_SECOND;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const baseline = process.env.BASELINE_DIR
  ? ((await import(`${process.env.BASELINE_DIR}/metering/usage-batch.ts`)) as { writeUsageBatch: typeof writeUsageBatch }).writeUsageBatch
  : null;

const { url, stop } = await benchDatabase('usage_batch_bench');
try {
  const tenant = await seed(url);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined); // the server stopping at the end
  const { rows } = await pool.query<{ pid: number }>('select pg_backend_pid() as pid');
  const postmaster = Number(readFileSync(`/proc/${rows[0]!.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
  let clock = Date.now();
  const event = (): UsageEvent => ({
    requestId: randomUUID(),
    time: new Date((clock += 0.5)),
    ...tenant,
    model: 'gpt-4o-mini',
    status: 200,
    inputTokens: 13,
    cachedInputTokens: 0,
    outputTokens: 8,
    reasoningTokens: 0,
    usageSource: UsageSource.UPSTREAM,
    responseId: null,
    cost: 315n,
    charge: 315n,
    latencyMs: 1,
    upstreamLatencyMs: 0,
    stream: false,
    errorCode: null,
    content: null,
    forwarded: true,
  });
  const round = async (write: typeof writeUsageBatch) => {
    const [db0, own0] = [treeCpuSeconds(postmaster), process.cpuUsage()];
    for (let b = 0; b < BATCHES; b++) await write(pool, Array.from({ length: BATCH }, event));
    const own = process.cpuUsage(own0);
    const events = BATCH * BATCHES;
    return { db: ((treeCpuSeconds(postmaster) - db0) * 1e6) / events, own: (own.user + own.system) / events };
  };
  const versions = baseline ? { baseline, current: writeUsageBatch } : { current: writeUsageBatch };
  for (const write of Object.values(versions)) await round(write);
  const results = new Map<string, Array<{ db: number; own: number }>>();
  for (let r = 1; r <= ROUNDS; r++) {
    for (const [name, write] of Object.entries(versions)) {
      const result = await round(write);
      results.set(name, [...(results.get(name) ?? []), result]);
      console.log(`round ${r}, ${name}: PostgreSQL ${result.db.toFixed(1)} µs, this process ${result.own.toFixed(1)} µs per event`);
    }
  }
  for (const [name, rounds] of results) {
    console.log(
      `${name}, median of ${ROUNDS} × ${BATCHES} batches of ${BATCH}: PostgreSQL ${median(rounds.map((r) => r.db)).toFixed(1)} µs, ` +
        `this process ${median(rounds.map((r) => r.own)).toFixed(1)} µs per event`,
    );
  }
  if (baseline) {
    const [before, after] = [results.get('baseline')!, results.get('current')!];
    const ratio = (f: (r: { db: number; own: number }) => number) => median(after.map((a, i) => f(a) / f(before[i]!))).toFixed(2);
    console.log(`current ÷ baseline, median of the rounds' ratios: PostgreSQL ${ratio((r) => r.db)}, this process ${ratio((r) => r.own)}`);
  }
  await pool.end();
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await stop();
}
