import { writeUsageBatch, type PartitionLogger, type UsageEvent } from '@tollgate/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { eraseExpiredContent, maintainRequestLogs } from '../src/modules/usage/request-log.service';
import { outcome, startHarness, type Client } from './support/harness';
import { call, usageWriter, type Caller } from './support/usage-events';

const h = await startHarness({ REQUEST_LOG_RETENTION_DAYS: '100' });
const usage = usageWriter(h.orm);

const TOTALS = `query($organizationId: ID!, $from: DateTime!, $to: DateTime!) {
  usage(organizationId: $organizationId, from: $from, to: $to) { totals { requests inputTokens outputTokens cost } }
}`;
const REQUESTS = `query($projectId: ID!) { requestLogs(projectId: $projectId, first: 50) { nodes { id time } } }`;

let admin: Client;
let who: Caller;

beforeAll(async () => {
  const user = await h.user();
  const org = await h.organization(user);
  const project = await h.project(org, 'logs');
  who = await usage.caller(org.id, project.id, user.id);
  admin = await h.signedIn(user);
});

/** Every line logged, as code and partition. */
function capturingLogger(): PartitionLogger & { lines: Array<{ level: string; code: unknown; partition: unknown }> } {
  const lines: Array<{ level: string; code: unknown; partition: unknown }> = [];
  const keep = (level: string) => (fields: object) => {
    const { code, partition } = fields as { code: unknown; partition: unknown };
    lines.push({ level, code, partition });
  };
  return { lines, info: keep('info'), warn: keep('warn') };
}

const sql = async <R>(text: string, params: unknown[] = []) => (await h.orm.em.fork().getConnection().execute(text, params)) as R[];
const partitions = async () =>
  (
    await sql<{ name: string }>(
      `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'request_logs'::regclass`,
    )
  )
    .map((r) => r.name)
    .sort();
const loggedIds = async () =>
  (await sql<{ id: string }>('select id from request_logs where organization_id = ? order by time', [who.organizationId])).map((r) => r.id);

async function totals(from: string, to: string) {
  const result = await admin.gql(TOTALS, { organizationId: who.organizationId, from, to });
  expect(outcome(result)).toBe('OK');
  return (result.data as { usage: { totals: unknown } }).usage.totals;
}

describe('request logs partitioned by month', () => {
  it('drops the months past the retention whole: the newer rows stay, and the usage totals (rollups) do not move', async () => {
    const may = [call(who, '2026-05-10T08:00:00Z'), call(who, '2026-05-31T23:59:59Z', { content: { request: { model: 'mock-small' } } })];
    const august = call(who, '2026-08-20T10:00:00Z', { content: { request: { model: 'mock-small' } } });
    const november = [call(who, '2026-11-15T10:00:00Z'), call(who, '2026-11-30T23:00:00Z', { inputTokens: 7, cost: 70n })];
    const logger = capturingLogger();
    await writeUsageBatch(usage.pool, [...may, august, ...november], logger);
    expect(await partitions()).toEqual(expect.arrayContaining(['request_logs_y2026m05', 'request_logs_y2026m08', 'request_logs_y2026m11']));
    expect(logger.lines.filter((l) => l.code === 'REQUEST_LOG_PARTITION_CREATED').map((l) => [l.level, l.partition])).toEqual([
      ['warn', 'request_logs_y2026m05'],
      ['warn', 'request_logs_y2026m08'],
      ['warn', 'request_logs_y2026m11'],
    ]);
    const before = await totals('2026-05-01T00:00:00Z', '2026-12-01T00:00:00Z');
    expect(before).toMatchObject({ requests: 5, inputTokens: 407 });

    // 100 days (the configured retention) before 1 December 12:00 is 23 August 12:00: May ended before it, August did not.
    const job = capturingLogger();
    const now = new Date('2026-12-01T12:00:00Z');
    const { dropped } = await maintainRequestLogs(h.orm.em.fork(), h.app.services.config.requestLogRetentionDays, job, now);
    expect(dropped.map((p) => p.name)).toEqual(['request_logs_y2026m05']);
    expect(job.lines).toContainEqual({ level: 'info', code: 'REQUEST_LOG_PARTITION_DROPPED', partition: 'request_logs_y2026m05' });
    expect(await partitions()).not.toContain('request_logs_y2026m05');
    expect(await loggedIds()).toEqual([august.requestId, ...november.map((e) => e.requestId)]);
    expect(await totals('2026-05-01T00:00:00Z', '2026-12-01T00:00:00Z')).toEqual(before);

    // The Requests page reads what is left, newest first.
    const page = await admin.gql(REQUESTS, { projectId: who.projectId });
    expect((page.data as { requestLogs: { nodes: Array<{ id: string }> } }).requestLogs.nodes.map((n) => n.id)).toEqual(
      [august, ...november].map((e) => e.requestId).reverse(),
    );

    // Run again: nothing more is past the retention.
    expect((await maintainRequestLogs(h.orm.em.fork(), 100, job, now)).dropped).toEqual([]);

    // Audit-content retention still erases stored content on the partitioned table.
    await eraseExpiredContent(h.orm.em.fork());
    expect(await sql('select content from request_logs where id = ?', [august.requestId])).toEqual([{ content: null }]);
  });

  it('a call in a month without a partition creates it and is written; its replay is a no-op', async () => {
    const logger = capturingLogger();
    const event: UsageEvent = call(who, '2026-02-03T04:05:06.789Z');
    expect(await partitions()).not.toContain('request_logs_y2026m02');
    await writeUsageBatch(usage.pool, [event], logger);
    expect(logger.lines).toEqual([{ level: 'warn', code: 'REQUEST_LOG_PARTITION_CREATED', partition: 'request_logs_y2026m02' }]);
    const february = await totals('2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z');
    expect(february).toMatchObject({ requests: 1, inputTokens: 100, cost: '0.001' });

    // A replay carries the same id and time: the row, the rollups and the log are as they were.
    await writeUsageBatch(usage.pool, [event], logger);
    expect(await sql('select count(*)::int as n from request_logs where id = ?', [event.requestId])).toEqual([{ n: 1 }]);
    expect(await totals('2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z')).toEqual(february);
    expect(logger.lines).toHaveLength(1);
  });

  it('a partition dropped after the writer saw it is made again, and the call written', async () => {
    const logger = capturingLogger();
    await writeUsageBatch(usage.pool, [call(who, '2026-03-01T00:00:00Z')], logger);
    // Another server's job (or an operator) drops the month this writer already knows.
    await sql('drop table request_logs_y2026m03');
    const late = call(who, '2026-03-20T00:00:00Z');
    await writeUsageBatch(usage.pool, [late], logger);
    expect(await sql('select count(*)::int as n from request_logs where id = ?', [late.requestId])).toEqual([{ n: 1 }]);
    expect(logger.lines.map((l) => l.partition)).toEqual(['request_logs_y2026m03', 'request_logs_y2026m03']);
  });
});

describe('REQUEST_LOG_RETENTION_DAYS', () => {
  it('unset keeps every row; anything but a whole number of days from 1 is refused by name', () => {
    expect(loadConfig({}).requestLogRetentionDays).toBeNull();
    expect(loadConfig({ REQUEST_LOG_RETENTION_DAYS: '400' }).requestLogRetentionDays).toBe(400);
    for (const bad of ['0', '-3', '1.5', 'forever']) {
      expect(() => loadConfig({ REQUEST_LOG_RETENTION_DAYS: bad })).toThrow(/^Invalid configuration: REQUEST_LOG_RETENTION_DAYS /);
    }
  });
});
