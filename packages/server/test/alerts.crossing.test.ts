import { AlertRule, appendMoneyIn, Organization, Project, writeUsageBatch } from '@tollgate/db';
import { OrgGrant, OrgRole, toStoredLimits, WalletRecordType } from '@tollgate/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness } from './support/harness';
import { call, usageWriter, type Caller } from './support/usage-events';

/**
 * Alerts fire at the batch (or ledger move) that crosses, once, however many
 * recorders write at the same time; balance thresholds re-arm on a recharge;
 * consumption and quota alerts fire once per threshold and period.
 */
const h = await startHarness();
const writer = usageWriter(h.orm);
const second = new pg.Pool({ connectionString: h.orm.config.getClientUrl(), max: 4 });
afterAll(() => second.end());
const sql = (text: string, params: unknown[] = []) => writer.pool.query(text, params).then((r) => r.rows);

let who: Caller;
let org: Organization;
let project: Project;
const CENT = 10_000n;

async function credit(amount: bigint, reference: string) {
  await h.orm.em
    .fork()
    .transactional((em) => appendMoneyIn(em, { organizationId: org.id, type: WalletRecordType.RECHARGE, amount, reference, description: 'test' }));
}
const alertsOf = (kind: string) => sql('select * from alerts where organization_id = $1 and kind = $2 order by fired_at, threshold desc', [org.id, kind]);
const outboxOf = (alertId: string) => sql('select channel, "to" from outbox_messages where alert_id = $1 order by "to"', [alertId]);

beforeAll(async () => {
  const admin = await h.user();
  const finance = await h.user();
  const plain = await h.user();
  org = await h.organization(admin);
  await h.member(org, finance, OrgRole.MEMBER, [OrgGrant.FINANCE]);
  await h.member(org, plain, OrgRole.MEMBER);
  project = await h.project(org, 'alpha');
  who = await writer.caller(org.id, project.id, admin.id);
  await credit(600n * CENT, 'six dollars');
});

describe('balance alerts', () => {
  it('starts every wallet with one at 5.00, by email to the ADMINs and FINANCE members', async () => {
    const [rule] = await sql(`select thresholds::text[], email_enabled, max_daily_alerts from alert_rules where organization_id = $1 and kind = 'BALANCE'`, [
      org.id,
    ]);
    expect(rule).toEqual({ thresholds: ['5000000'], email_enabled: true, max_daily_alerts: 3 });
  });

  it('fires once, at the batch that takes the balance below the threshold, with two recorders writing at once', async () => {
    // 6.00 − 0.60: still above; then 40 batches of 0.05 from two pools at once, crossing 5.00 on the way down to 3.40.
    await writer.write([call(who, new Date(), { charge: 60n * CENT, cost: 60n * CENT })]);
    expect(await alertsOf('BALANCE')).toHaveLength(0);
    const batch = () => [call(who, new Date(), { charge: 5n * CENT, cost: 5n * CENT })];
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? writer.write(batch()) : writeUsageBatch(second, batch()))));
    const fired = await alertsOf('BALANCE');
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ threshold: '5000000', suppressed: false, resolved_at: null });
    expect(BigInt(fired[0]!.value)).toBeLessThan(5_000_000n);
    expect(BigInt(fired[0]!.value)).toBeGreaterThanOrEqual(4_950_000n);
    const sent = await outboxOf(fired[0]!.id);
    expect(sent.map((m) => m.channel)).toEqual(['EMAIL', 'EMAIL']);
  });

  it('re-arms when a recharge lifts the balance above it, and fires again on the next fall', async () => {
    await credit(300n * CENT, 'three dollars'); // 3.40 + 3.00 = 6.40
    const [first] = await alertsOf('BALANCE');
    expect(first!.resolved_at).not.toBeNull();
    await writer.write([call(who, new Date(), { charge: 150n * CENT, cost: 150n * CENT })]);
    const fired = await alertsOf('BALANCE');
    expect(fired).toHaveLength(2);
    expect(fired[1]).toMatchObject({ value: String(490n * CENT), resolved_at: null });
  });

  it('sends at most maxDailyAlerts a UTC day: the rest are recorded as suppressed', async () => {
    const em = h.orm.em.fork();
    await em.nativeUpdate(
      AlertRule,
      { organizationId: org.id, kind: 'BALANCE' },
      { thresholds: ['4000000', '3000000', '2000000', '1000000'], maxDailyAlerts: 3 },
    );
    await writer.write([call(who, new Date(), { charge: 400n * CENT, cost: 400n * CENT })]); // 4.90 → 0.90: crosses all four
    const fired = (await alertsOf('BALANCE')).slice(2);
    expect(fired.map((a) => [a.threshold, a.suppressed])).toEqual([
      ['4000000', false],
      ['3000000', true],
      ['2000000', true],
      ['1000000', true],
    ]);
    expect(await outboxOf(fired[1]!.id)).toEqual([]);
  });
});

describe('consumption and quota alerts', () => {
  it("fires a project's daily spend alert once per day of the organization's zone", async () => {
    await h.orm.em.fork().nativeUpdate(Organization, { id: org.id }, { timeZone: 'Asia/Kathmandu' });
    const em = h.orm.em.fork();
    em.create(AlertRule, { organizationId: org.id, projectId: project.id, kind: 'CONSUMPTION', period: 'DAY', thresholds: ['30000'] });
    await em.flush();
    // Kathmandu is +05:45: its 2026-11-10 ends at 2026-11-10T18:15Z.
    await writer.write([call(who, '2026-11-10T18:00:00Z', { cost: 20_000n })]);
    await writer.write([call(who, '2026-11-10T18:14:00Z', { cost: 20_000n })]); // 0.04 on 11-10: fires
    await writer.write([call(who, '2026-11-10T18:15:00Z', { cost: 20_000n })]); // 11-11 starts: 0.02
    await writer.write([call(who, '2026-11-10T18:20:00Z', { cost: 5_000n })]); // 0.025
    expect((await alertsOf('CONSUMPTION')).map((a) => [a.period_key, a.value])).toEqual([['2026-11-10', '40000']]);
    await writer.write([call(who, '2026-11-10T19:00:00Z', { cost: 5_000n })]); // 0.03 on 11-11: fires
    await writer.write([call(who, '2026-11-10T19:30:00Z', { cost: 5_000n })]);
    expect((await alertsOf('CONSUMPTION')).map((a) => [a.period_key, a.value, a.period_end.toISOString()])).toEqual([
      ['2026-11-10', '40000', '2026-11-10T18:15:00.000Z'],
      ['2026-11-11', '30000', '2026-11-11T18:15:00.000Z'],
    ]);
  });

  it("fires a monthly spend alert once per month of the organization's zone, at New York's month end", async () => {
    const own = await h.project(org, 'monthly');
    const caller = { ...who, projectId: own.id, apiKeyId: await writer.key(org.id, own.id, who.userId) };
    await h.orm.em.fork().nativeUpdate(Organization, { id: org.id }, { timeZone: 'America/New_York' });
    const em = h.orm.em.fork();
    em.create(AlertRule, { organizationId: org.id, projectId: own.id, kind: 'CONSUMPTION', period: 'MONTH', thresholds: ['50000'] });
    await em.flush();
    // New York's November ends at 2026-12-01T05:00Z (EST, −05:00).
    await writer.write([call(caller, '2026-11-30T23:00:00Z', { cost: 30_000n })]);
    await writer.write([call(caller, '2026-12-01T04:59:00Z', { cost: 30_000n })]); // 0.06 in November: fires
    await writer.write([call(caller, '2026-12-01T05:00:00Z', { cost: 40_000n })]); // December: 0.04
    await writer.write([call(caller, '2026-12-01T06:00:00Z', { cost: 10_000n })]); // 0.05: fires
    const fired = (await alertsOf('CONSUMPTION')).filter((a) => a.project_id === own.id);
    expect(fired.map((a) => [a.period, a.period_key, a.value, a.period_end.toISOString()])).toEqual([
      ['MONTH', '2026-11-01', '60000', '2026-12-01T05:00:00.000Z'],
      ['MONTH', '2026-12-01', '50000', '2027-01-01T05:00:00.000Z'],
    ]);
  });

  it('fires quota alerts at their shares of the daily request limit, once per UTC day', async () => {
    await h.orm.em.fork().nativeUpdate(Project, { id: project.id }, { quota: toStoredLimits({ dailyRequestLimit: 10 }) });
    const em = h.orm.em.fork();
    em.create(AlertRule, { organizationId: org.id, projectId: project.id, kind: 'QUOTA', thresholds: ['80', '100'] });
    await em.flush();
    const day = '2026-11-20T10:00:00Z';
    for (let i = 0; i < 7; i++) await writer.write([call(who, day)]);
    expect(await alertsOf('QUOTA')).toHaveLength(0);
    await writer.write([call(who, day), call(who, day)]); // 9: 80 %
    await writer.write([call(who, day, { forwarded: false, status: 429 })]); // refused: not counted
    await writer.write([call(who, day)]); // 10: 100 %
    await writer.write([call(who, day)]);
    await writer.write([call(who, '2026-11-21T00:00:00Z')]);
    const fired = await alertsOf('QUOTA');
    expect(fired.map((a) => [a.metric, a.threshold, a.value, a.limit_value, a.period_key])).toEqual([
      ['dailyRequestLimit', '80', '9', '10', '2026-11-20'],
      ['dailyRequestLimit', '100', '10', '10', '2026-11-20'],
    ]);
  });
});
