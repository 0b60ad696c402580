/**
 * Data for `pnpm bench:usage`: the structure (5 organizations, 200 projects,
 * 2,000 keys, 50 models, members) and the rollup rows that 10 million calls
 * over 90 days leave behind, written straight into usage_quarter_hour,
 * usage_hourly, usage_minute (the last 8 days, its retention) and usage_daily
 * (the organizations are in UTC, so their days are UTC days) with the grain
 * and sums the proxy's writeUsageBatch uses; the narrower daily rollups are
 * then derived from usage_daily as the migration does. Calls are drawn one by one
 * in SQL (generate_series), a UTC day per statement, then grouped: so the
 * rollups have as many rows as those calls would really produce.
 *
 * Skew: keys by Zipf (s = 1) over a shuffled rank, so a few keys, and through
 * them a few projects and organizations, make most calls; models by Zipf
 * (s = 1.2); a daily cycle peaking at 15:00 UTC (night at a quarter of the
 * peak), weekends at 45 %, and 50 % growth over the 90 days. Status: 97 % 200,
 * 1.5 % 429, 1 % 500, 0.5 % 400 (errors carry no tokens or cost).
 */
import { createRequestLogPartitions, deriveNarrowDailyRollups, executeOn, monthPartitionsBetween, randomBase62 } from '@tollgate/db';
import type pg from 'pg';

export const ORGANIZATIONS = 5;
export const PROJECTS = 200;
export const KEYS = 2000;
export const MODELS = 50;
export const DAYS = 90;
/** BENCH_CALLS shrinks the data for a smoke run (the figures are for the default). */
export const CALLS = Number(process.env.BENCH_CALLS ?? 10_000_000);
/** Projects per organization (sums to PROJECTS). */
const PROJECTS_PER_ORG = [80, 50, 35, 20, 15];
const MEMBERS_PER_ORG = 20;
const MINUTE_DAYS = 8;
const DAY_MS = 86_400_000;

export interface Structure {
  organizations: string[];
  /** One ADMIN per organization (the first member). */
  admins: string[];
}

/** Organizations, users and members, projects, keys (80 % made by a member, the rest service keys), models. */
export async function seedStructure(db: pg.Pool | pg.PoolClient): Promise<Structure> {
  await db.query(`select setseed(0.16)`);
  const organizations: string[] = [];
  const admins: string[] = [];
  for (let o = 1; o <= ORGANIZATIONS; o++) {
    const {
      rows: [org],
    } = await db.query<{ id: string }>(`insert into organizations (id, name, display_name) values (gen_random_uuid(), $1, $2) returning id`, [
      `bench-org-${o}`,
      `Bench ${o}`,
    ]);
    organizations.push(org!.id);
    const { rows: users } = await db.query<{ id: string }>(
      `insert into users (id, email, name, password_hash)
       select gen_random_uuid(), 'bench-' || $1 || '-' || i || '@example.test', 'Member ' || i, 'unused' from generate_series(1, $2) i returning id`,
      [o, MEMBERS_PER_ORG],
    );
    await db.query(
      `insert into organization_members (id, organization_id, user_id, role)
       select gen_random_uuid(), $1, u, (case when n = 1 then 'ADMIN' else 'MEMBER' end)::org_role from unnest($2::uuid[]) with ordinality as t(u, n)`,
      [org!.id, users.map((u) => u.id)],
    );
    admins.push(users[0]!.id);
  }

  await db.query(`create table bench_projects (idx int primary key, id uuid not null, organization_id uuid not null)`);
  let p = 0;
  for (const [o, count] of PROJECTS_PER_ORG.entries()) {
    await db.query(`insert into bench_projects select $1::int + i, gen_random_uuid(), $2 from generate_series(1, $3) i`, [p, organizations[o], count]);
    p += count;
  }
  await db.query(`insert into projects (id, organization_id, name) select id, organization_id, 'project-' || idx from bench_projects`);

  // Key k: project 1 + (k * 7919) % 200 (10 per project), Zipf weight by a shuffled rank; the key's member is one of its organization's.
  await db.query(
    `create table bench_keys (idx int primary key, id uuid not null, project_id uuid not null, organization_id uuid not null, user_id uuid, weight float8 not null)`,
  );
  await db.query(
    `insert into bench_keys
     select k, gen_random_uuid(), p.id, p.organization_id,
            case when random() < 0.8 then (select m.user_id from organization_members m where m.organization_id = p.organization_id order by m.user_id offset (k % ${MEMBERS_PER_ORG}) limit 1) end,
            1.0 / r.rank
       from generate_series(1, ${KEYS}) k
       join bench_projects p on p.idx = 1 + (k * 7919) % ${PROJECTS}
       join (select k2, row_number() over (order by random()) as rank from generate_series(1, ${KEYS}) k2) r on r.k2 = k`,
  );
  const salt = randomBase62(12);
  await db.query(
    `insert into api_keys (id, project_id, organization_id, owner, created_by_id, name, key_hash, prefix, last_four)
     select id, project_id, organization_id, (case when user_id is null then 'SERVICE_ACCOUNT' else 'MEMBER' end)::api_key_owner, user_id, 'key-' || idx, encode(sha256(convert_to($1 || idx, 'UTF8')), 'hex'), 'tg-bench', lpad((idx % 10000)::text, 4, '0') from bench_keys`,
    [salt],
  );

  // Models: Zipf (s = 1.2); $0.10 to $15 per million input tokens, output 4 x input, in micro-units per token; every 10th reasons.
  await db.query(
    `create table bench_models (idx int primary key, name text not null, weight float8 not null, input_price float8 not null, output_price float8 not null, reasons boolean not null)`,
  );
  await db.query(
    `insert into bench_models select m, 'model-' || lpad(m::text, 2, '0'), 1.0 / power(m, 1.2), 0.1 + 14.9 * ((m * 37) % ${MODELS}) / ${MODELS}.0,
            4 * (0.1 + 14.9 * ((m * 37) % ${MODELS}) / ${MODELS}.0), m % 10 = 0 from generate_series(1, ${MODELS}) m`,
  );

  // Sampling by table lookup: each key (model, quarter of the day) fills slots in proportion to its weight; a call draws a slot.
  const slots = async (table: string, select: string) => {
    await db.query(`create table ${table} (slot int primary key, idx int not null)`);
    await db.query(`insert into ${table} select row_number() over () - 1, idx from (${select}) s`);
    await db.query(`analyze ${table}`);
  };
  await slots(
    'bench_key_slots',
    `select idx from bench_keys, generate_series(1, greatest(1, round(weight / (select sum(weight) from bench_keys) * 400000)::int)) order by idx`,
  );
  await slots(
    'bench_model_slots',
    `select idx from bench_models, generate_series(1, greatest(1, round(weight / (select sum(weight) from bench_models) * 20000)::int)) order by idx`,
  );
  await slots(
    'bench_quarter_slots',
    `select q as idx from generate_series(0, 95) q, generate_series(1, round(100 * (0.25 + 0.75 * exp(-power(q / 4.0 - 15, 2) / (2 * 3.5 * 3.5))))::int) order by q`,
  );
  return { organizations, admins };
}

/** The share of the calls that day `d` (0 = oldest) gets: growth and weekends. */
function dayWeight(start: Date): number {
  const age = (start.getTime() - (Date.now() - DAYS * DAY_MS)) / (DAYS * DAY_MS);
  const weekday = start.getUTCDay();
  return (1 + 0.5 * Math.max(0, age)) * (weekday === 0 || weekday === 6 ? 0.45 : 1);
}

export interface Generated {
  calls: number;
  quarterRows: number;
  hourlyRows: number;
  minuteRows: number;
  dailyRows: number;
  dailyKeyRows: number;
  dailyModelRows: number;
  seconds: number;
}

/**
 * The rollups of CALLS calls over [end - DAYS, end), a UTC day per statement
 * (so no quarter hour or hour spans two statements); `progress` after each.
 */
export async function generateRollups(db: pg.PoolClient, end: Date, progress: (line: string) => void): Promise<Generated> {
  const started = performance.now();
  const from = new Date(end.getTime() - DAYS * DAY_MS);
  const minutesFrom = new Date(end.getTime() - MINUTE_DAYS * DAY_MS);
  const spans: Array<{ lo: Date; hi: Date; day: Date }> = [];
  for (let day = new Date(Math.floor(from.getTime() / DAY_MS) * DAY_MS); day < end; day = new Date(day.getTime() + DAY_MS)) {
    spans.push({ day, lo: new Date(Math.max(day.getTime(), from.getTime())), hi: new Date(Math.min(day.getTime() + DAY_MS, end.getTime())) });
  }
  // Full days' call counts, scaled so the kept calls (partial first and last days) come to CALLS.
  const kept = spans.map((s) => dayWeight(s.day) * ((s.hi.getTime() - s.lo.getTime()) / DAY_MS));
  const scale = CALLS / kept.reduce((a, b) => a + b, 0);
  const sums = `count(*) as requests, count(*) filter (where status >= 400) as errors, sum(input) as input, sum(cached) as cached, sum(output) as output, sum(reasoning) as reasoning, sum(cost) as cost`;
  const group = (bucket: string) => `select ${bucket} as b, k, m, status, ${sums} from calls group by 1, 2, 3, 4`;
  const dims = 'organization_id, project_id, api_key_id, user_id, model';
  let calls = 0;
  for (const [i, span] of spans.entries()) {
    const n = Math.round(dayWeight(span.day) * scale);
    const { rows } = await db.query<{ calls: string }>(
      `with n as (select (select count(*) from bench_key_slots) as keys, (select count(*) from bench_model_slots) as models, (select count(*) from bench_quarter_slots) as quarters),
       draws as materialized (
         select floor(random() * n.keys)::int as ks, floor(random() * n.models)::int as ms, floor(random() * n.quarters)::int as qs, floor(random() * 900)::int as second,
                random() as r, random() as r2, random() as r3, random() as r4
           from n, generate_series(1, $4::int)
       ),
       drawn as (
         select $1::timestamptz + (q.idx * 900 + d.second) * interval '1 second' as t, k.idx as k, m.idx as m, d.r, d.r2, d.r3, d.r4
           from draws d join bench_key_slots k on k.slot = d.ks join bench_model_slots m on m.slot = d.ms join bench_quarter_slots q on q.slot = d.qs
       ),
       calls as materialized (
         select d.t, d.k, d.m, s.status,
                case when s.status < 400 then 1 + floor(-ln(1 - d.r2) * 900)::int else 0 end as input,
                case when s.status < 400 and d.r4 < 0.3 then floor((1 + floor(-ln(1 - d.r2) * 900)) * d.r4 * 2)::int else 0 end as cached,
                case when s.status < 400 then 1 + floor(-ln(1 - d.r3) * 250)::int else 0 end as output,
                case when s.status < 400 and md.reasons then floor((1 + floor(-ln(1 - d.r3) * 250)) * 0.6)::int else 0 end as reasoning,
                case when s.status < 400 then round((1 + floor(-ln(1 - d.r2) * 900)) * md.input_price + (1 + floor(-ln(1 - d.r3) * 250)) * md.output_price)::bigint else 0 end as cost
           from drawn d join bench_models md on md.idx = d.m,
                lateral (select case when d.r < 0.97 then 200 when d.r < 0.985 then 429 when d.r < 0.995 then 500 else 400 end::smallint as status) s
          where d.t >= $2 and d.t < $3
       ),
       quarters as (
         insert into usage_quarter_hour (bucket, ${dims}, status, requests, errors, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost)
         select g.b, key.organization_id, key.project_id, key.id, key.user_id, md.name, g.status, g.requests, g.errors, g.input, g.cached, g.output, g.reasoning, g.cost
           from (${group(`date_bin('15 minutes', t, timestamptz '2000-01-01 00:00:00+00')`)}) g join bench_keys key on key.idx = g.k join bench_models md on md.idx = g.m
          order by key.organization_id, g.b
       ),
       hours as (
         insert into usage_hourly (id, hour, ${dims}, requests, errors, forwarded, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost)
         select gen_random_uuid(), g.b, key.organization_id, key.project_id, key.id, key.user_id, md.name, g.requests, g.errors, g.requests, g.input, g.cached, g.output, g.reasoning, g.cost
           from (select date_trunc('hour', t, 'UTC') as b, k, m, ${sums} from calls group by 1, 2, 3) g join bench_keys key on key.idx = g.k join bench_models md on md.idx = g.m
          order by g.b
       ),
       minutes as (
         insert into usage_minute (minute, ${dims}, status, requests, errors, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost)
         select g.b, key.organization_id, key.project_id, key.id, key.user_id, md.name, g.status, g.requests, g.errors, g.input, g.cached, g.output, g.reasoning, g.cost
           from (${group(`date_trunc('minute', t, 'UTC')`)}) g join bench_keys key on key.idx = g.k join bench_models md on md.idx = g.m
          where g.b >= $5
          order by key.organization_id, g.b
       ),
       days as (
         insert into usage_daily (day, day_start, day_end, time_zone, ${dims}, status, requests, errors, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, cost)
         select ($1::timestamptz at time zone 'UTC')::date, $1::timestamptz, $1::timestamptz + interval '1 day', 'UTC',
                key.organization_id, key.project_id, key.id, key.user_id, md.name, g.status, g.requests, g.errors, g.input, g.cached, g.output, g.reasoning, g.cost
           from (select k, m, status, ${sums} from calls group by 1, 2, 3) g join bench_keys key on key.idx = g.k join bench_models md on md.idx = g.m
          order by key.organization_id
       )
       select count(*)::text as calls from calls`,
      [span.day, span.lo, span.hi, n, minutesFrom],
    );
    calls += Number(rows[0]!.calls);
    if (i % 10 === 9 || i === spans.length - 1)
      progress(`  day ${i + 1}/${spans.length}: ${(calls / 1e6).toFixed(2)} M calls, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const { rows: organizations } = await db.query<{ id: string }>('select id from organizations order by id');
  for (const o of organizations) await deriveNarrowDailyRollups(executeOn(db), o.id);
  const count = async (table: string) => Number((await db.query<{ n: string }>(`select count(*)::text as n from ${table}`)).rows[0]!.n);
  return {
    calls,
    quarterRows: await count('usage_quarter_hour'),
    hourlyRows: await count('usage_hourly'),
    minuteRows: await count('usage_minute'),
    dailyRows: await count('usage_daily'),
    dailyKeyRows: await count('usage_daily_key'),
    dailyModelRows: await count('usage_daily_model'),
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * `n` request-log rows for `organizationId`, spread over the 90 days with its keys' skew: what
 * the query must not read (not added to the rollups: they already stand for the calls).
 */
export async function generateRequestLogs(db: pg.PoolClient, organizationId: string, n: number, end: Date, progress: (line: string) => void): Promise<number> {
  const started = performance.now();
  const chunk = 250_000;
  // request_logs is partitioned by month: the writers make a month's partition before writing into it.
  await createRequestLogPartitions((work) => work(db), monthPartitionsBetween(new Date(end.getTime() - DAYS * 86_400_000), end));
  for (let done = 0; done < n; done += chunk) {
    await db.query(
      `with keys as (select array_agg(idx order by idx) as ks from bench_keys k, generate_series(1, greatest(1, round(k.weight * 2000)::int)) where k.organization_id = $1)
       insert into request_logs (id, time, organization_id, project_id, api_key_id, user_id, model, status, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens,
                                 cost, latency_ms, upstream_latency_ms, stream, usage_source)
       select gen_random_uuid(), $2::timestamptz - random() * interval '${DAYS} days', key.organization_id, key.project_id, key.id, key.user_id,
              'model-' || lpad((1 + floor(random() * random() * ${MODELS}))::text, 2, '0'), 200, 500, 0, 200, 0, 1000, 800, 790, random() < 0.5, 'UPSTREAM'
         from (select ks[1 + floor(random() * cardinality(ks))::int] as k from keys, generate_series(1, $3::int)) d join bench_keys key on key.idx = d.k`,
      [organizationId, end, Math.min(chunk, n - done)],
    );
    progress(`  request_logs: ${((done + Math.min(chunk, n - done)) / 1e6).toFixed(2)} M rows, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  return (performance.now() - started) / 1000;
}
