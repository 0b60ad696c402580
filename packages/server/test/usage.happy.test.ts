import { DAILY_ROLLUPS, executeOn, Organization, rebuildUsageDaily } from '@tollgate/db';
import { OrgGrant, OrgRole, ProjectRole, zonedWindows } from '@tollgate/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { executorOf, usagePage, usageTotals, type UsageQuery } from '../src/modules/usage/usage.query';
import { outcome, startHarness, type Client } from './support/harness';
import { call, usageWriter, type Caller } from './support/usage-events';

const h = await startHarness();
const usage = usageWriter(h.orm);

const USAGE = `query($organizationId: ID!, $from: DateTime!, $to: DateTime!, $window: UsageWindow, $timeZone: String, $groupBy: [UsageDimension!], $filter: UsageFilter, $first: Int, $after: String) {
  usage(organizationId: $organizationId, from: $from, to: $to, window: $window, timeZone: $timeZone, groupBy: $groupBy, filter: $filter, first: $first, after: $after) {
    rows { windowStart windowEnd projectId apiKeyId userId model status requests errors inputTokens cachedInputTokens outputTokens reasoningTokens cost }
    endCursor timeZone asOf
    totals { requests errors inputTokens cachedInputTokens outputTokens reasoningTokens cost }
  }
}`;

let admin: Client;
let a: Caller;
let b: Caller;
let orgId: string;

beforeAll(async () => {
  const user = await h.user();
  const org = await h.organization(user);
  orgId = org.id;
  const alpha = await h.project(org, 'alpha');
  const beta = await h.project(org, 'beta');
  a = await usage.caller(org.id, alpha.id, user.id);
  b = await usage.caller(org.id, beta.id, user.id);
  admin = await h.signedIn(user);
});

/** Without totals: the edge counts a page's fields once per row it may hold, so first: 1000 with totals is past GRAPHQL_MAX_COST. */
const USAGE_ROWS = USAGE.replace(/totals \{[^}]*\}/, '');

async function ask(variables: Record<string, unknown>, client = admin) {
  const result = await client.gql(Number(variables.first ?? 0) > 500 ? USAGE_ROWS : USAGE, { organizationId: orgId, ...variables });
  return { code: outcome(result), field: result.errors?.[0]?.extensions?.field, page: result.data?.usage as any };
}
const requestsPerWindow = (page: any) => page.rows.map((r: any) => [r.windowStart, r.requests]);

describe('exact windows in every zone (hand-computed from the offsets)', () => {
  it('Asia/Kolkata days start at 18:30 UTC: 18:29 and 18:30 are different days, though the same UTC hour', async () => {
    await usage.write([call(a, '2026-03-01T18:29:00Z'), call(a, '2026-03-01T18:30:00Z'), call(a, '2026-03-01T18:44:00Z'), call(a, '2026-03-02T18:29:59Z')]);
    const { page } = await ask({ from: '2026-02-28T18:30:00Z', to: '2026-03-02T18:30:00Z', window: 'DAY', timeZone: 'Asia/Kolkata' });
    expect(requestsPerWindow(page)).toEqual([
      ['2026-02-28T18:30:00.000Z', 1],
      ['2026-03-01T18:30:00.000Z', 3],
    ]);
    expect(page.rows[1].windowEnd).toBe('2026-03-02T18:30:00.000Z');
    expect(page.totals.requests).toBe(4);
  });

  it('Asia/Kathmandu days start at 18:15 UTC', async () => {
    await usage.write([call(a, '2026-04-01T18:14:00Z'), call(a, '2026-04-01T18:15:00Z')]);
    const { page } = await ask({ from: '2026-03-31T18:15:00Z', to: '2026-04-02T18:15:00Z', window: 'DAY', timeZone: 'Asia/Kathmandu' });
    expect(requestsPerWindow(page)).toEqual([
      ['2026-03-31T18:15:00.000Z', 1],
      ['2026-04-01T18:15:00.000Z', 1],
    ]);
  });

  it('America/New_York: 1 November 2026 lasts 25 hours, 8 March 2026 23', async () => {
    await usage.write([call(a, '2026-11-01T04:00:00Z'), call(a, '2026-11-02T04:30:00Z'), call(a, '2026-11-02T05:00:00Z')]);
    const fall = await ask({ from: '2026-11-01T04:00:00Z', to: '2026-11-03T05:00:00Z', window: 'DAY', timeZone: 'America/New_York' });
    expect(fall.page.rows.map((r: any) => [r.windowStart, r.windowEnd, r.requests])).toEqual([
      ['2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z', 2],
      ['2026-11-02T05:00:00.000Z', '2026-11-03T05:00:00.000Z', 1],
    ]);
    await usage.write([call(a, '2026-03-09T03:59:00Z'), call(a, '2026-03-09T04:00:00Z')]);
    const spring = await ask({ from: '2026-03-08T05:00:00Z', to: '2026-03-10T04:00:00Z', window: 'DAY', timeZone: 'America/New_York' });
    expect(spring.page.rows.map((r: any) => [r.windowStart, r.windowEnd, r.requests])).toEqual([
      ['2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z', 1],
      ['2026-03-09T04:00:00.000Z', '2026-03-10T04:00:00.000Z', 1],
    ]);
  });

  it('Kolkata months: 31 January 18:29 UTC is January, 18:30 is February', async () => {
    await usage.write([call(b, '2026-01-31T18:29:00Z', { cost: 7n }), call(b, '2026-01-31T18:30:00Z', { cost: 11n })]);
    const { page } = await ask({
      from: '2025-12-31T18:30:00Z',
      to: '2026-02-28T18:30:00Z',
      window: 'MONTH',
      timeZone: 'Asia/Kolkata',
      filter: { projectIds: [b.projectId] },
    });
    expect(page.rows.map((r: any) => [r.windowStart, r.cost])).toEqual([
      ['2025-12-31T18:30:00.000Z', '0.000007'],
      ['2026-01-31T18:30:00.000Z', '0.000011'],
    ]);
  });
});

describe('rows and totals', () => {
  beforeAll(async () => {
    await usage.write([
      call(a, '2026-05-10T01:05:00Z'),
      call(a, '2026-05-10T01:50:00Z', { model: 'mock-large', cost: 5000n }),
      call(b, '2026-05-10T01:20:00Z', { status: 429, forwarded: false, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, reasoningTokens: 0, cost: 0n }),
      call(b, '2026-05-10T04:00:00Z', { status: 500 }),
    ]);
  });
  const range = { from: '2026-05-10T00:00:00Z', to: '2026-05-10T06:00:00Z' };

  it('zero-fills every window of the range without groupBy', async () => {
    const { page } = await ask({ ...range, window: 'HOUR' });
    expect(requestsPerWindow(page)).toEqual([
      ['2026-05-10T00:00:00.000Z', 0],
      ['2026-05-10T01:00:00.000Z', 3],
      ['2026-05-10T02:00:00.000Z', 0],
      ['2026-05-10T03:00:00.000Z', 0],
      ['2026-05-10T04:00:00.000Z', 1],
      ['2026-05-10T05:00:00.000Z', 0],
    ]);
    expect(page.rows[1]).toMatchObject({
      projectId: null,
      apiKeyId: null,
      userId: null,
      model: null,
      status: null,
      errors: 1,
      inputTokens: 200,
      cachedInputTokens: 20,
      outputTokens: 40,
      reasoningTokens: 10,
      cost: '0.006',
    });
    expect(page.totals).toEqual({ requests: 4, errors: 2, inputTokens: 300, cachedInputTokens: 30, outputTokens: 60, reasoningTokens: 15, cost: '0.007' });
    expect(page.endCursor).toBeNull();
  });

  it('groups by the dimensions asked for, the others null, sorted by window then dimension', async () => {
    const { page } = await ask({ ...range, window: 'HOUR', groupBy: ['PROJECT', 'STATUS'] });
    const expected = [
      { windowStart: '2026-05-10T01:00:00.000Z', projectId: a.projectId, status: 200, requests: 2 },
      { windowStart: '2026-05-10T01:00:00.000Z', projectId: b.projectId, status: 429, requests: 1 },
      { windowStart: '2026-05-10T04:00:00.000Z', projectId: b.projectId, status: 500, requests: 1 },
    ].sort((x, y) => x.windowStart.localeCompare(y.windowStart) || x.projectId.localeCompare(y.projectId));
    expect(page.rows.map((r: any) => ({ windowStart: r.windowStart, projectId: r.projectId, status: r.status, requests: r.requests }))).toEqual(expected);
    expect(page.rows.every((r: any) => r.apiKeyId === null && r.model === null && r.userId === null)).toBe(true);
  });

  it('answers the same sums from whole hours (no status asked) as from quarter hours (status asked)', async () => {
    const plain = await ask({ ...range, groupBy: ['MODEL'] });
    const byStatus = await ask({ ...range, groupBy: ['MODEL', 'STATUS'] });
    const sum = (rows: any[], model: string) => rows.filter((r) => r.model === model).reduce((n, r) => n + r.requests, 0);
    expect(plain.page.rows.map((r: any) => [r.model, r.requests])).toEqual([
      ['mock-large', 1],
      ['mock-small', 3],
    ]);
    expect([sum(byStatus.page.rows, 'mock-large'), sum(byStatus.page.rows, 'mock-small')]).toEqual([1, 3]);
    expect(byStatus.page.totals).toEqual(plain.page.totals);
  });

  it('sums the totals of a page that holds every row from its rows, and of other pages from the range', async () => {
    /** The page and how many statements read rollups, with the totals asked for or not. */
    const reads = async (variables: Record<string, unknown>, withTotals: boolean) => {
      const mark = h.queries.length;
      const result = await admin.gql(withTotals ? USAGE : USAGE_ROWS, { organizationId: orgId, ...variables });
      const count = h.requestStatements(mark).filter((sql) => /\bfrom usage_(hourly|quarter_hour|minute|daily)\b/.test(sql)).length;
      return { page: result.data?.usage as any, count };
    };
    const vars = { ...range, window: 'HOUR', groupBy: ['PROJECT', 'MODEL'] };
    const whole = await reads({ ...vars, first: 100 }, true);
    expect(whole.page.endCursor).toBeNull();
    expect(whole.count).toBe((await reads({ ...vars, first: 100 }, false)).count);
    expect(whole.page.totals).toEqual({
      requests: 4,
      errors: 2,
      inputTokens: 300,
      cachedInputTokens: 30,
      outputTokens: 60,
      reasoningTokens: 15,
      cost: '0.007',
    });
    const first = await reads({ ...vars, first: 2 }, true);
    expect(first.page.endCursor).not.toBeNull();
    expect(first.count).toBe((await reads({ ...vars, first: 2 }, false)).count + 1);
    expect(first.page.totals).toEqual(whole.page.totals);
  });

  it('filters by statuses, models and keys', async () => {
    expect((await ask({ ...range, filter: { statuses: [429, 500] } })).page.totals.requests).toBe(2);
    expect((await ask({ ...range, filter: { models: ['mock-large'] } })).page.totals.cost).toBe('0.005');
    expect((await ask({ ...range, filter: { apiKeyIds: [b.apiKeyId] } })).page.totals.requests).toBe(2);
  });
});

describe('pagination is stable while calls arrive', () => {
  it('pins asOf on the first page: paging by two while calls arrive in the open window loses and duplicates nothing', async () => {
    const quarter = Math.floor(Date.now() / 900_000) * 900_000;
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    const models = ['m-a', 'm-b', 'm-c', 'm-d', 'm-e'];
    // Ten groups in the last two hours, all before the current minute.
    await usage.write(
      models.flatMap((model, i) => [
        call(a, new Date(minute - (i * 20 + 2) * 60_000), { model }),
        call(b, new Date(minute - (i * 20 + 3) * 60_000), { model }),
      ]),
    );
    const vars = {
      from: new Date(quarter - 7_200_000).toISOString(),
      to: new Date(quarter + 3_600_000).toISOString(),
      window: 'HOUR',
      groupBy: ['PROJECT', 'MODEL'],
      filter: { models: [...models, 'm-0', 'm-z'] },
    };
    const all = await ask({ ...vars, first: 1000 });
    expect(all.code).toBe('OK');
    const whole = all.page;
    expect(whole.rows.reduce((n: number, r: any) => n + r.requests, 0)).toBe(10);

    const seen: any[] = [];
    let after: string | null = null;
    let asOf: string | null = null;
    do {
      const { page } = await ask({ ...vars, first: 2, after });
      asOf ??= page.asOf;
      expect(page.asOf).toBe(asOf);
      seen.push(...page.rows);
      after = page.endCursor;
      // New calls in the open window, sorting before and after the groups already read.
      await usage.write([call(a, new Date(), { model: 'm-0' }), call(b, new Date(), { model: 'm-z' }), call(a, new Date(), { model: 'm-e' })]);
    } while (after);
    expect(seen.reduce((n, r) => n + r.requests, 0)).toBe(10);
    expect(new Set(seen.map((r) => `${r.windowStart}|${r.projectId}|${r.model}`)).size).toBe(seen.length);
    expect(seen.map((r) => r.model).filter((m) => m === 'm-0' || m === 'm-z')).toEqual([]);
    // A new query has a new pin, and sees them.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, minute + 60_000 - Date.now() + 50)));
    const later = await ask({ ...vars, first: 1000 });
    expect(later.page.rows.some((r: any) => r.model === 'm-0')).toBe(true);
  }, 90_000);

  it('pages zero-filled windows too, and refuses a cursor from other arguments', async () => {
    const vars = { from: '2026-06-02T00:00:00Z', to: '2026-06-02T05:00:00Z', window: 'HOUR' };
    const first = await ask({ ...vars, first: 3 });
    expect(first.page.rows).toHaveLength(3);
    const second = await ask({ ...vars, first: 3, after: first.page.endCursor });
    expect(second.page.rows.map((r: any) => r.windowStart)).toEqual(['2026-06-02T03:00:00.000Z', '2026-06-02T04:00:00.000Z']);
    expect(second.page.endCursor).toBeNull();
    expect(await ask({ ...vars, window: 'DAY', first: 3, after: first.page.endCursor })).toMatchObject({ code: 'VALIDATION', field: 'after' });
    expect(await ask({ ...vars, first: 3, after: 'garbage' })).toMatchObject({ code: 'VALIDATION', field: 'after' });
  });
});

describe('minute windows and the open minute', () => {
  it('counts calls up to the current minute (exclusive) and zero-fills the rest', async () => {
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    const m = { model: 'm-minute' };
    await usage.write([
      call(a, new Date(minute - 120_000), m),
      call(a, new Date(minute - 119_000), m),
      call(a, new Date(minute - 1), m),
      call(a, new Date(Math.max(minute, Date.now() - 1)), m),
    ]);
    const { page } = await ask({
      from: new Date(minute - 180_000).toISOString(),
      to: new Date(minute + 60_000).toISOString(),
      window: 'MINUTE',
      filter: { models: ['m-minute'] },
    });
    expect(page.rows.map((r: any) => r.requests)).toEqual([0, 2, 1, 0]);
    expect(Date.parse(page.asOf)).toBeGreaterThanOrEqual(minute);
  });

  it('sums the open quarter hour from minutes in HOUR windows', async () => {
    const quarter = Math.floor(Date.now() / 900_000) * 900_000;
    const before = (
      await ask({ from: new Date(quarter - 900_000).toISOString(), to: new Date(quarter + 900_000).toISOString(), filter: { models: ['m-open'] } })
    ).page.totals.requests;
    await usage.write([
      call(a, new Date(quarter - 60_000), { model: 'm-open' }),
      call(a, new Date(Math.floor(Date.now() / 60_000) * 60_000 - 1), { model: 'm-open' }),
    ]);
    const after = (
      await ask({ from: new Date(quarter - 900_000).toISOString(), to: new Date(quarter + 900_000).toISOString(), filter: { models: ['m-open'] } })
    ).page.totals.requests;
    expect(after - before).toBe(2);
  });
});

describe('bad input: a stable code naming the field, nothing partial', () => {
  const range = { from: '2026-05-10T00:00:00Z', to: '2026-05-11T00:00:00Z' };
  it.each([
    ['from after to', { from: '2026-05-11T00:00:00Z', to: '2026-05-10T00:00:00Z' }, 'VALIDATION', 'to'],
    ['a window too fine for the span', { ...range, to: '2026-05-13T00:00:00Z', window: 'MINUTE' }, 'VALIDATION', 'window'],
    ['hours over 93 days', { from: '2026-01-01T00:00:00Z', to: '2026-05-01T00:00:00Z', window: 'HOUR' }, 'VALIDATION', 'window'],
    ['an unknown zone', { ...range, timeZone: 'Mars/Olympus' }, 'VALIDATION', 'timeZone'],
    ['a range off the quarter hour', { ...range, from: '2026-05-10T00:07:00Z' }, 'VALIDATION', 'from'],
    ['a malformed id', { ...range, filter: { projectIds: ['nope'] } }, 'VALIDATION', 'filter.projectIds.0'],
    ['a missing project', { ...range, filter: { projectIds: ['00000000-0000-4000-8000-000000000000'] } }, 'NOT_FOUND', 'filter.projectIds'],
    ['a missing key', { ...range, filter: { apiKeyIds: ['00000000-0000-4000-8000-000000000000'] } }, 'NOT_FOUND', 'filter.apiKeyIds'],
  ])('%s', async (_name, variables, code, field) => {
    const result = await admin.gql(USAGE, { organizationId: orgId, ...variables });
    expect(outcome(result)).toBe(code);
    expect(result.errors?.[0]?.extensions?.field).toBe(field);
    expect(result.data?.usage ?? null).toBeNull();
  });

  it("first above 1000 (asked with few fields, so the edge's cost limit lets it through)", async () => {
    const result = await admin.gql(
      'query($o: ID!) { usage(organizationId: $o, from: "2026-05-10T00:00:00Z", to: "2026-05-11T00:00:00Z", first: 1001) { endCursor } }',
      { o: orgId },
    );
    expect([outcome(result), result.errors?.[0]?.extensions?.field, result.data?.usage ?? null]).toEqual(['VALIDATION', 'first', null]);
  });

  it('a filter value of the wrong type is refused before it runs', async () => {
    const result = await admin.gql(USAGE, { organizationId: orgId, ...range, filter: { statuses: ['teapot'] } });
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.data?.usage ?? null).toBeNull();
  });
});

describe("the organization's time zone", () => {
  it('is validated, and used by default', async () => {
    const set = (timeZone: string) =>
      admin.gql('mutation($id: ID!, $tz: String!) { setOrganizationTimeZone(organizationId: $id, timeZone: $tz) { timeZone } }', { id: orgId, tz: timeZone });
    const bad = await set('Europe/Atlantis');
    expect([outcome(bad), bad.errors?.[0]?.extensions?.field]).toEqual(['VALIDATION', 'timeZone']);
    expect((await set('Asia/Kolkata')).data?.setOrganizationTimeZone).toEqual({ timeZone: 'Asia/Kolkata' });
    expect((await h.orm.em.fork().findOneOrFail(Organization, orgId)).timeZone).toBe('Asia/Kolkata');
    const { page } = await ask({ from: '2026-02-28T18:30:00Z', to: '2026-03-02T18:30:00Z', window: 'DAY' });
    expect(page.timeZone).toBe('Asia/Kolkata');
    expect(requestsPerWindow(page)).toEqual([
      ['2026-02-28T18:30:00.000Z', 1],
      ['2026-03-01T18:30:00.000Z', 3],
    ]);
    await set('UTC');
  });
});

describe("the daily rollup, in the organization's zone", () => {
  let d: Caller;
  let client: Client;
  beforeAll(async () => {
    const user = await h.user();
    const org = await h.organization(user);
    const project = await h.project(org, 'daily');
    d = await usage.caller(org.id, project.id, user.id);
    client = await h.signedIn(user);
  });
  const setZone = async (timeZone: string) => {
    const result = await client.gql('mutation($id: ID!, $tz: String!) { setOrganizationTimeZone(organizationId: $id, timeZone: $tz) { timeZone } }', {
      id: d.organizationId,
      tz: timeZone,
    });
    expect(result.data?.setOrganizationTimeZone).toEqual({ timeZone });
  };
  /** The organization's days as stored: date, start, end, zone, calls. */
  const days = async () =>
    (
      await usage.pool.query(
        `select day::text, day_start, day_end, time_zone, sum(requests)::int as requests from usage_daily where organization_id = $1
          group by 1, 2, 3, 4 order by 2`,
        [d.organizationId],
      )
    ).rows.map((r) => [r.day, r.day_start.toISOString(), r.day_end.toISOString(), r.time_zone, r.requests]);
  /** Each daily rollup holds what the quarter hours hold, dimension by dimension, and every day of it has the organization's zone. */
  const expectDaysSumQuarters = async () => {
    const sums = (table: string, dims: readonly string[]) =>
      usage.pool
        .query(
          `select ${dims.join(', ')}, sum(requests)::text as r, sum(errors)::text as e, sum(input_tokens)::text as i, sum(cached_input_tokens)::text as ci,
                  sum(output_tokens)::text as o, sum(reasoning_tokens)::text as ro, sum(cost)::text as c
             from ${table} where organization_id = $1 group by ${dims.join(', ')} order by ${dims.join(', ')}`,
          [d.organizationId],
        )
        .then((r) => r.rows);
    const [{ time_zone: zone }] = (await usage.pool.query('select time_zone from organizations where id = $1', [d.organizationId])).rows;
    for (const r of DAILY_ROLLUPS) {
      expect(await sums(r.table, r.dimensions)).toEqual(await sums('usage_quarter_hour', r.dimensions));
      const zones = await usage.pool.query(`select distinct time_zone from ${r.table} where organization_id = $1`, [d.organizationId]);
      expect(zones.rows.map((z) => z.time_zone)).toEqual([zone]);
    }
  };

  it("a batch writes each call to its day of the organization's zone; a zone change rebuilds the days in the new one", async () => {
    await setZone('Asia/Kathmandu');
    await usage.write([call(d, '2026-04-01T18:14:00Z'), call(d, '2026-04-01T18:15:00Z'), call(d, '2026-04-01T18:16:00Z', { status: 429 })]);
    expect(await days()).toEqual([
      ['2026-04-01', '2026-03-31T18:15:00.000Z', '2026-04-01T18:15:00.000Z', 'Asia/Kathmandu', 1],
      ['2026-04-02', '2026-04-01T18:15:00.000Z', '2026-04-02T18:15:00.000Z', 'Asia/Kathmandu', 2],
    ]);
    await setZone('America/New_York');
    // 1 November 2026 lasts 25 hours in New York: 04:00 UTC to 05:00 UTC the next day.
    await usage.write([call(d, '2026-11-01T04:00:00Z'), call(d, '2026-11-02T04:30:00Z'), call(d, '2026-11-02T05:00:00Z')]);
    expect(await days()).toEqual([
      ['2026-04-01', '2026-04-01T04:00:00.000Z', '2026-04-02T04:00:00.000Z', 'America/New_York', 3],
      ['2026-11-01', '2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z', 'America/New_York', 2],
      ['2026-11-02', '2026-11-02T05:00:00.000Z', '2026-11-03T05:00:00.000Z', 'America/New_York', 1],
    ]);
    await expectDaysSumQuarters();
    await setZone('UTC');
    expect((await days()).map((r) => [r[0], r[3], r[4]])).toEqual([
      ['2026-04-01', 'UTC', 3],
      ['2026-11-01', 'UTC', 1],
      ['2026-11-02', 'UTC', 2],
    ]);
    await expectDaysSumQuarters();
  });

  it('a batch and a zone change wait for each other (the batch locks its organizations for key share, the change for update)', async () => {
    const other = await usage.pool.connect();
    try {
      // A zone change in progress (as setOrganizationTimeZone runs it): a batch started meanwhile waits, then writes in the new zone.
      await other.query('begin');
      await other.query('select 1 from organizations where id = $1 for update', [d.organizationId]);
      let written = false;
      const batch = usage.write([call(d, '2026-05-01T18:20:00Z')]).then(() => (written = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(written).toBe(false);
      await other.query(`update organizations set time_zone = 'Asia/Kathmandu' where id = $1`, [d.organizationId]);
      await rebuildUsageDaily(executeOn(other), d.organizationId, 'Asia/Kathmandu');
      await other.query('commit');
      await batch;
      expect((await days()).filter((r) => r[0] === '2026-05-02')).toEqual([
        ['2026-05-02', '2026-05-01T18:15:00.000Z', '2026-05-02T18:15:00.000Z', 'Asia/Kathmandu', 1],
      ]);
      expect(new Set((await days()).map((r) => r[3]))).toEqual(new Set(['Asia/Kathmandu']));
      await expectDaysSumQuarters();

      // A batch in progress (its lock held here): the zone change waits for it.
      await other.query('begin');
      await other.query('select 1 from organizations where id = $1 for key share', [d.organizationId]);
      let changed = false;
      const change = setZone('UTC').then(() => (changed = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(changed).toBe(false);
      await other.query('commit');
      await change;
      expect(new Set((await days()).map((r) => r[3]))).toEqual(new Set(['UTC']));
      await expectDaysSumQuarters();
    } finally {
      await other.query('rollback').catch(() => undefined);
      other.release();
    }
  });

  /** Asks as the organization's admin (without totals with `rowsOnly`); `daily` names the daily rollup the statements read, if any. */
  const askDaily = async (variables: Record<string, unknown>, { rowsOnly = false } = {}) => {
    const mark = h.queries.length;
    const result = await client.gql(rowsOnly ? USAGE_ROWS : USAGE, { organizationId: d.organizationId, first: 500, ...variables });
    expect(outcome(result)).toBe('OK');
    const daily = new Set(h.requestStatements(mark).flatMap((sql) => [...sql.matchAll(/\bfrom (usage_daily(?:_key|_model)?)\b/g)].map((m) => m[1])));
    return { page: result.data?.usage as any, daily: daily.size > 0, tables: [...daily].sort() };
  };

  it("reads the whole days of DAY windows in the organization's zone from usage_daily, the cut first and last days from hours and quarters", async () => {
    await setZone('Asia/Kathmandu');
    // Kathmandu days start at 18:15 UTC. The range starts and ends inside a day.
    await usage.write(
      [
        '2026-06-01T06:00:00Z',
        '2026-06-01T18:14:00Z',
        '2026-06-01T18:15:00Z',
        '2026-06-02T12:00:00Z',
        '2026-06-03T18:15:00Z',
        '2026-06-04T18:14:59Z',
        '2026-06-04T18:15:00Z',
        '2026-06-05T11:59:00Z',
        '2026-06-05T12:00:00Z',
      ].map((t, i) => call(d, t, { status: i % 3 === 0 ? 429 : 200 })),
    );
    const range = { from: '2026-06-01T00:00:00Z', to: '2026-06-05T12:00:00Z', window: 'DAY' };
    const { page, daily } = await askDaily(range);
    expect(daily).toBe(true);
    expect(page.timeZone).toBe('Asia/Kathmandu');
    expect(page.rows.map((r: any) => [r.windowStart, r.windowEnd, r.requests])).toEqual([
      ['2026-06-01T00:00:00.000Z', '2026-06-01T18:15:00.000Z', 2],
      ['2026-06-01T18:15:00.000Z', '2026-06-02T18:15:00.000Z', 2],
      ['2026-06-02T18:15:00.000Z', '2026-06-03T18:15:00.000Z', 0],
      ['2026-06-03T18:15:00.000Z', '2026-06-04T18:15:00.000Z', 2],
      ['2026-06-04T18:15:00.000Z', '2026-06-05T12:00:00.000Z', 2],
    ]);
    expect(page.totals.requests).toBe(8);
    // By status, and filtered by it: usage_daily has the status.
    const byStatus = await askDaily({ ...range, groupBy: ['STATUS'] });
    expect(byStatus.daily).toBe(true);
    expect(byStatus.page.rows.map((r: any) => [r.windowStart, r.status, r.requests])).toEqual([
      ['2026-06-01T00:00:00.000Z', 200, 1],
      ['2026-06-01T00:00:00.000Z', 429, 1],
      ['2026-06-01T18:15:00.000Z', 200, 1],
      ['2026-06-01T18:15:00.000Z', 429, 1],
      ['2026-06-03T18:15:00.000Z', 200, 2],
      ['2026-06-04T18:15:00.000Z', 200, 1],
      ['2026-06-04T18:15:00.000Z', 429, 1],
    ]);
    const only429 = await askDaily({ ...range, filter: { statuses: [429] } });
    expect([only429.daily, only429.page.totals.requests]).toEqual([true, 3]);
    // HOUR windows cannot use days; DAY windows in another zone neither (their totals can: one window, any zone).
    expect((await askDaily({ ...range, window: 'HOUR' }, { rowsOnly: true })).daily).toBe(false);
    expect((await askDaily({ ...range, timeZone: 'Asia/Kolkata' }, { rowsOnly: true })).daily).toBe(false);
    expect((await askDaily({ ...range, timeZone: 'Asia/Kolkata' })).page.totals.requests).toBe(8);
  });

  it('reads the narrowest daily rollup that has the dimensions grouped or filtered by, with the same sums', async () => {
    const range = { from: '2026-06-01T00:00:00Z', to: '2026-06-05T12:00:00Z', window: 'DAY' };
    const tables = async (variables: Record<string, unknown>) => (await askDaily({ ...range, ...variables }, { rowsOnly: true })).tables;
    expect(await tables({})).toEqual(['usage_daily_key']);
    expect(await tables({ groupBy: ['PROJECT', 'API_KEY'] })).toEqual(['usage_daily_key']);
    expect(await tables({ groupBy: ['USER', 'STATUS'], filter: { statuses: [200] } })).toEqual(['usage_daily_key']);
    expect(await tables({ groupBy: ['MODEL'] })).toEqual(['usage_daily_model']);
    expect(await tables({ groupBy: ['PROJECT'], filter: { models: ['mock-small'] } })).toEqual(['usage_daily_model']);
    expect(await tables({ groupBy: ['API_KEY', 'MODEL'] })).toEqual(['usage_daily']);
    expect(await tables({ groupBy: ['USER'], filter: { models: ['mock-small'] } })).toEqual(['usage_daily']);
    const sum = async (groupBy: string[]) =>
      (await askDaily({ ...range, window: null, groupBy }, { rowsOnly: true })).page.rows.reduce((n: number, r: any) => n + r.requests, 0);
    expect([await sum([]), await sum(['MODEL']), await sum(['API_KEY', 'MODEL'])]).toEqual([8, 8, 8]);
  });

  it("America/New_York's 23- and 25-hour days, and months, from usage_daily", async () => {
    await setZone('America/New_York');
    await usage.write([
      call(d, '2026-03-08T05:00:00Z'),
      call(d, '2026-03-09T03:59:00Z'),
      call(d, '2026-03-09T04:00:00Z'),
      call(d, '2026-11-08T04:59:00Z'),
      call(d, '2026-11-08T05:00:00Z'),
    ]);
    const spring = await askDaily({ from: '2026-03-07T05:00:00Z', to: '2026-03-10T04:00:00Z', window: 'DAY' });
    expect(spring.daily).toBe(true);
    expect(spring.page.rows.map((r: any) => [r.windowStart, r.windowEnd, r.requests])).toEqual([
      ['2026-03-07T05:00:00.000Z', '2026-03-08T05:00:00.000Z', 0],
      ['2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z', 2],
      ['2026-03-09T04:00:00.000Z', '2026-03-10T04:00:00.000Z', 1],
    ]);
    const fall = await askDaily({ from: '2026-11-01T04:00:00Z', to: '2026-11-09T05:00:00Z', window: 'DAY', groupBy: ['PROJECT'] });
    expect(fall.daily).toBe(true);
    // Calls of the earlier test, at 04:00 and 04:30 UTC on 1 and 2 November (local 1 November, 25 hours), 05:00 on 2 November.
    expect(fall.page.rows.map((r: any) => [r.windowStart, r.requests])).toEqual([
      ['2026-11-01T04:00:00.000Z', 2],
      ['2026-11-02T05:00:00.000Z', 1],
      ['2026-11-07T05:00:00.000Z', 1],
      ['2026-11-08T05:00:00.000Z', 1],
    ]);
    const months = await askDaily({ from: '2026-03-01T05:00:00Z', to: '2026-12-01T05:00:00Z', window: 'MONTH', filter: { projectIds: [d.projectId] } });
    expect(months.daily).toBe(true);
    expect(months.page.rows.filter((r: any) => r.requests > 0).map((r: any) => [r.windowStart, r.requests])).toEqual([
      ['2026-03-01T05:00:00.000Z', 3],
      ['2026-04-01T04:00:00.000Z', 3],
      ['2026-05-01T04:00:00.000Z', 1],
      ['2026-06-01T04:00:00.000Z', 9],
      ['2026-11-01T04:00:00.000Z', 5],
    ]);
    expect(months.page.totals.requests).toBe(21);
  });

  it('answers exactly what the hours and quarters answer: random calls and ranges in Kathmandu and New York', async () => {
    let seed = 20261201;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const QUARTER = 900_000;
    const span = [Date.parse('2026-02-20T00:00:00Z'), Date.parse('2026-04-10T00:00:00Z')];
    const fallSpan = [Date.parse('2026-10-20T00:00:00Z'), Date.parse('2026-11-10T00:00:00Z')];
    const at = ([a, b]: number[]) => a! + Math.floor(random() * (b! - a!));
    await usage.write(
      Array.from({ length: 400 }, (_, i) =>
        call(d, new Date(at(i % 2 ? span : fallSpan)), {
          status: [200, 200, 200, 429, 500][Math.floor(random() * 5)]!,
          model: random() < 0.5 ? 'mock-small' : 'mock-large',
          cost: BigInt(1 + Math.floor(random() * 5000)),
        }),
      ),
    );
    const ranges = Array.from({ length: 6 }, (_, i) => {
      const [a, b] = i % 2 ? span : fallSpan;
      const lo = Math.floor(at([a!, b!]) / QUARTER) * QUARTER;
      const hi = Math.floor((lo + (1 + random() * 20) * 86_400_000) / QUARTER) * QUARTER;
      return { from: new Date(lo).toISOString(), to: new Date(hi).toISOString() };
    });
    ranges.push({ from: '2026-02-20T00:00:00Z', to: '2026-11-10T00:00:00Z' });
    // usage_daily_key serves most, usage_daily_model the models, usage_daily keys with models.
    const shapes = [
      { window: 'DAY' },
      { window: 'DAY', groupBy: ['MODEL', 'STATUS'] },
      { window: 'MONTH', groupBy: ['PROJECT', 'USER'] },
      { window: null, groupBy: ['STATUS'] },
      { window: 'DAY', filter: { statuses: [429, 500] } },
      { window: 'DAY', groupBy: ['API_KEY', 'MODEL'] },
    ];
    for (const zone of ['Asia/Kathmandu', 'America/New_York']) {
      await setZone(zone);
      const viaDays: any[] = [];
      for (const range of ranges) for (const shape of shapes) viaDays.push(await askDaily({ ...range, ...shape }));
      expect(viaDays.every((r) => r.daily)).toBe(true);
      expect(viaDays.filter((r) => r.page.totals.requests > 20).length).toBeGreaterThan(20);
      // Now the organization's zone is UTC: the same windows in `zone` cannot come from its days.
      await setZone('UTC');
      let i = 0;
      for (const range of ranges) {
        for (const shape of shapes) {
          const viaHours = await askDaily({ ...range, ...shape, timeZone: zone }, { rowsOnly: true });
          if (shape.window) expect(viaHours.daily).toBe(false);
          // Totals come from days in any zone: here UTC's, so their edges are other hours and quarters.
          const { totals } = (await askDaily({ ...range, ...shape, timeZone: zone })).page;
          const { asOf: _a, ...want } = { ...viaHours.page, totals };
          const { asOf: _b, ...got } = viaDays[i++].page;
          expect(got).toEqual(want);
        }
      }
    }
  }, 120_000);

  it('a query checked before a zone change still answers exactly (the days are in the new zone by then)', async () => {
    await setZone('UTC');
    const range = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };
    const want = (await askDaily({ ...range, window: 'DAY', timeZone: 'Asia/Kathmandu' })).page;
    // What prepareUsage answered while the organization was still in Kathmandu.
    const stale: UsageQuery = {
      organizationId: d.organizationId,
      organizationTimeZone: 'Asia/Kathmandu',
      windows: zonedWindows({ from: new Date(range.from), to: new Date(range.to), window: 'DAY', timeZone: 'Asia/Kathmandu', now: new Date() }),
      groupBy: [],
      projectIds: null,
      apiKeyIds: null,
      userIds: null,
      models: null,
      statuses: null,
      asOf: new Date(Math.floor(Date.now() / 60_000) * 60_000),
      first: 500,
      position: null,
      fingerprint: 'stale',
    };
    const execute = executorOf({ em: h.orm.em.fork() });
    const mark = h.queries.length;
    const page = await usagePage(execute, stale);
    expect(h.queries.slice(mark).some((sql) => /\bfrom usage_daily(_key|_model)?\b/.test(sql))).toBe(true);
    expect(page.rows.map((r) => [r.windowStart.toISOString(), r.requests, r.cost.toString()])).toEqual(
      want.rows.map((r: any) => [r.windowStart, r.requests, String(Math.round(Number(r.cost) * 1e6))]),
    );
    expect((await usageTotals(execute, stale)).requests).toBe(want.totals.requests);
  });
});
export { OrgGrant, OrgRole, ProjectRole };
