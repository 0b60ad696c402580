import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src';
import { ServerMetrics } from '../src/modules/metrics/metrics.service';
import { startHarness } from './support/harness';
import { liveClient, subscribe } from './support/live-client';

const TOKEN = 'server-metrics-token-0123';
const logLines: string[] = [];
const h = await startHarness({ METRICS_TOKEN: TOKEN }, { logLines });
const sockets: Array<ReturnType<typeof liveClient>> = [];
afterAll(async () => {
  for (const socket of sockets) await socket.dispose();
});

async function scrape() {
  const started = performance.now();
  const res = await fetch(`${h.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return { text: await res.text(), ms: performance.now() - started };
}

/** A sample's value, or undefined when the scrape has no such line (labels exactly as prom-client writes them). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}
const operations = (text: string, type: string, status: string) => sample(text, `tollgate_server_graphql_operations_total{type="${type}",status="${status}"}`);

const TICKS = 'subscription($o: ID!) { usageTicks(organizationId: $o) { organizationId snapshot } }';

describe('GET /metrics on the server', () => {
  it('counts GraphQL operations by type and status over HTTP and WebSocket, and the open subscriptions', async () => {
    const adminUser = await h.user();
    const org = await h.organization(adminUser);
    const other = await h.organization(await h.user());
    const admin = await h.signedIn(adminUser);
    const anonymous = h.anonymous();

    const before = (await scrape()).text;
    for (const type of ['query', 'mutation', 'subscription', 'unknown']) for (const status of ['ok', 'error']) expect(operations(before, type, status)).toBe(0);

    expect((await anonymous.gql('{ __typename }')).errors).toBeUndefined();
    expect((await admin.gql('query { me { id } }')).errors).toBeUndefined();
    expect((await admin.gql('query($id: ID!) { organization(id: $id) { id } }', { id: other.id })).errors).toBeDefined();
    expect(
      (await anonymous.gql('mutation($i: SignInInput!) { signIn(input: $i) { id } }', { i: { email: 'nobody@example.test', password: 'x' } })).errors,
    ).toBeDefined();
    expect((await anonymous.gql('{ noSuchField }')).errors).toBeDefined();
    expect((await anonymous.gql('{')).errors).toBeDefined();

    const socket = liveClient(h.url, admin);
    sockets.push(socket);
    const ticks = subscribe(socket, TICKS, { o: org.id });
    await ticks.next();
    const refused = subscribe(socket, TICKS, { o: other.id });
    expect((await refused.ended).errors).toBeDefined();
    const malformed = subscribe(socket, 'subscription { noSuchField }');
    expect((await malformed.ended).errors).toBeDefined();

    const during = (await scrape()).text;
    expect(operations(during, 'query', 'ok')).toBe(2);
    expect(operations(during, 'query', 'error')).toBe(1);
    expect(operations(during, 'mutation', 'error')).toBe(1);
    expect(operations(during, 'mutation', 'ok')).toBe(0);
    expect(operations(during, 'subscription', 'ok')).toBe(1);
    expect(operations(during, 'subscription', 'error')).toBe(1);
    expect(operations(during, 'unknown', 'error')).toBe(3);
    expect(sample(during, 'tollgate_server_open_subscriptions')).toBe(h.app.services.live.stats.subscribers);
    expect(sample(during, 'tollgate_server_open_subscriptions')).toBe(1);

    ticks.unsubscribe();
    await expect.poll(async () => sample((await scrape()).text, 'tollgate_server_open_subscriptions')).toBe(0);
    expect(sample(during, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(during).toMatch(/^# TYPE nodejs_heap_size_used_bytes gauge$/m);
  });

  it('answers a scrape only with METRICS_TOKEN', async () => {
    expect((await fetch(`${h.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${h.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}-not` } })).status).toBe(401);
  });

  it('reads the outbox depth when scraped', async () => {
    const db = new pg.Pool({ connectionString: h.app.services.config.databaseUrl, max: 1 });
    try {
      // Due in an hour: the dispatcher leaves them pending meanwhile.
      await db.query(
        `insert into outbox_messages (id, "to", subject, text, next_attempt_at) select gen_random_uuid(), 'a@example.test', 's', 't', now() + interval '1 hour' from generate_series(1, 3)`,
      );
    } finally {
      await db.end();
    }
    expect(sample((await scrape()).text, 'tollgate_server_outbox_pending')).toBe(3);
  });

  it('still answers while the database is down: without the outbox gauge, counting and logging what it left out', async () => {
    const database = new URL(h.app.services.config.databaseUrl!).pathname.slice(1);
    const admin = new pg.Pool({ connectionString: h.app.services.config.databaseUrl!.replace(`/${database}`, '/postgres'), max: 1 });
    const errors = (text: string) => sample(text, 'tollgate_server_scrape_errors_total{gauge="tollgate_server_outbox_pending"}');
    expect(errors((await scrape()).text)).toBe(0);
    try {
      await admin.query(`alter database "${database}" allow_connections false`);
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database]);
      const { text, ms } = await scrape();
      expect(ms).toBeLessThan(3_000);
      expect(sample(text, 'tollgate_server_outbox_pending')).toBeUndefined();
      expect(text).toMatch(/^# TYPE tollgate_server_graphql_operations_total counter$/m);
      expect(errors(text)).toBe(1);
      expect(logLines.some((line) => line.includes('metrics: gauge left out of the scrape') && line.includes('tollgate_server_outbox_pending'))).toBe(true);
    } finally {
      await admin.query(`alter database "${database}" allow_connections true`);
    }
    await expect.poll(async () => sample((await scrape()).text, 'tollgate_server_outbox_pending'), { timeout: 10_000 }).toBe(3);
    await admin.end();
  });

  it('gives a database that does not answer (a partition, a full pool) 2 s, then answers without the gauge', async () => {
    const lines: string[] = [];
    const metrics = new ServerMetrics(
      { outboxPending: () => new Promise<number>(() => undefined), openSubscriptions: () => 7 },
      createLogger('warn', { write: (line) => void lines.push(line) }),
      null,
    );
    const started = performance.now();
    const text = await metrics.scrape();
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(sample(text, 'tollgate_server_outbox_pending')).toBeUndefined();
    expect(sample(text, 'tollgate_server_open_subscriptions')).toBe(7);
    expect(sample(text, 'tollgate_server_scrape_errors_total{gauge="tollgate_server_outbox_pending"}')).toBe(1);
    expect(lines.join('')).toContain('no answer within 2000 ms');
  });
});
