import { PgLivePublisher, Session, sha256Hex, usageDeltaPayloads, type UsageEvent } from '@tollgate/db';
import { formatMoney, OrgGrant, OrgRole } from '@tollgate/domain';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client } from './support/harness';
import { liveClient, subscribe } from './support/live-client';
import { call, usageWriter, type Caller } from './support/usage-events';

/**
 * The live subscriptions against usage recorded the way the proxies record it
 * (writeUsageBatch, then the numbered deltas on the live channel): counts and
 * money exact, each role's view, and the snapshot-then-deltas rule.
 */
const h = await startHarness();
const writer = usageWriter(h.orm);
const publisher = new PgLivePublisher(writer.pool);
/** What a proxy's recorder does with a batch. */
async function record(events: UsageEvent[], publish = true) {
  const deltas = await writer.write(events);
  if (publish) await publisher.publish(deltas.flatMap((d) => usageDeltaPayloads(d.organizationId, d.seq, d.rows)));
  return deltas;
}

const TICKS = `subscription($o: ID!, $p: ID) { usageTicks(organizationId: $o, projectId: $p) {
  organizationId projectId snapshot day timeZone
  delta { requests errors inputTokens cachedInputTokens outputTokens reasoningTokens cost }
  deltaRows { projectId model requests cost }
  today { requests errors inputTokens cachedInputTokens outputTokens reasoningTokens cost }
  todayRows { projectId model requests cost } } }`;
const WALLET = 'subscription($o: ID!) { walletChanged(organizationId: $o) { balance frozenAmount availableAmount isActive } }';
const QUOTA = 'subscription($p: ID!) { quotaChanged(projectId: $p) { projectId dailyUsage { requestCount spent } monthlyUsage { requestCount spent } } }';

let admin: Client;
let member: Client;
let finance: Client;
let outsider: Client;
let orgId: string;
let projectA: string;
let projectB: string;
let inA: Caller;
let inB: Caller;
const clients: Array<ReturnType<typeof liveClient>> = [];
const live = (as: Client | { bearer: string }) => {
  const client = liveClient(h.url, as);
  clients.push(client);
  return client;
};
afterAll(async () => {
  for (const c of clients) await c.dispose();
});

beforeAll(async () => {
  const adminUser = await h.user();
  const memberUser = await h.user();
  const financeUser = await h.user();
  const org = await h.organization(adminUser);
  orgId = org.id;
  await h.member(org, memberUser, OrgRole.MEMBER);
  await h.member(org, financeUser, OrgRole.MEMBER, [OrgGrant.FINANCE]);
  const a = await h.project(org, 'alpha', memberUser);
  const b = await h.project(org, 'beta');
  projectA = a.id;
  projectB = b.id;
  inA = await writer.caller(org.id, a.id, memberUser.id);
  inB = await writer.caller(org.id, b.id, adminUser.id);
  [admin, member, finance, outsider] = await Promise.all([h.signedIn(adminUser), h.signedIn(memberUser), h.signedIn(financeUser), h.signedIn(await h.user())]);
});

const now = () => new Date();
const money = (micros: bigint) => formatMoney(micros);

describe('usageTicks', () => {
  it('starts with a snapshot of today, then each message holds exactly what was recorded since the previous one', async () => {
    await record([call(inA, now(), { cost: 700n }), call(inA, now(), { cost: 300n })]);
    const ticks = subscribe<any>(live(admin), TICKS, { o: orgId });
    const first = await ticks.next();
    expect(first.data!.usageTicks).toMatchObject({ snapshot: true, organizationId: orgId, projectId: null, timeZone: 'UTC', delta: { requests: 0 } });
    expect(first.data!.usageTicks.today).toMatchObject({ requests: 2, cost: money(1000n) });

    await record([call(inA, now(), { cost: 1_234n }), call(inA, now(), { status: 500, cost: 0n }), call(inB, now(), { model: 'mock-large', cost: 99_999n })]);
    const tick = (await ticks.next((m) => m.data?.usageTicks.snapshot === false)).data!.usageTicks;
    expect(tick.delta).toEqual({
      requests: 3,
      errors: 1,
      inputTokens: 300,
      cachedInputTokens: 30,
      outputTokens: 60,
      reasoningTokens: 15,
      cost: money(101_233n),
    });
    expect(new Set(tick.deltaRows.map((r: any) => `${r.projectId} ${r.model} ${r.requests} ${r.cost}`))).toEqual(
      new Set([`${projectA} mock-small 2 ${money(1_234n)}`, `${projectB} mock-large 1 ${money(99_999n)}`]),
    );
    expect(tick.today).toMatchObject({ requests: 5, errors: 1, cost: money(102_233n) });
    ticks.unsubscribe();
  });

  it('coalesces: many batches within a second arrive as one message', async () => {
    const ticks = subscribe<any>(live(admin), TICKS, { o: orgId });
    const { today } = (await ticks.next()).data!.usageTicks;
    for (let i = 0; i < 10; i++) await record([call(inA, now(), { cost: 10n })]);
    const moved = await ticks.next((m) => m.data?.usageTicks.today.requests === today.requests + 10);
    expect(ticks.messages.length).toBeLessThanOrEqual(3);
    expect(moved.data!.usageTicks.today.cost).toBe(money(BigInt(Math.round(Number(today.cost) * 1e6)) + 100n));
    ticks.unsubscribe();
  });

  it('applies a delta once, however often it arrives, and not when the snapshot already holds it', async () => {
    const ticks = subscribe<any>(live(admin), TICKS, { o: orgId });
    const before = (await ticks.next()).data!.usageTicks.today.requests;
    const deltas = await record([call(inA, now())], false);
    const payloads = deltas.flatMap((d) => usageDeltaPayloads(d.organizationId, d.seq, d.rows));
    await publisher.publish([...payloads, ...payloads]);
    await ticks.next((m) => m.data?.usageTicks.today.requests === before + 1);
    await record([call(inA, now())]);
    await ticks.next((m) => m.data?.usageTicks.today.requests === before + 2);
    expect(ticks.messages.every((m) => m.data!.usageTicks.today.requests <= before + 2)).toBe(true);
    ticks.unsubscribe();
  });

  it('notices a lost delta by its number and reads today again', async () => {
    const ticks = subscribe<any>(live(admin), TICKS, { o: orgId });
    const before = (await ticks.next()).data!.usageTicks.today.requests;
    await record([call(inA, now())], false); // never published
    await record([call(inA, now())]);
    const again = await ticks.next((m) => m.data?.usageTicks.snapshot === true && m.data.usageTicks.today.requests === before + 2, 8_000);
    expect(again.data!.usageTicks.today.requests).toBe(before + 2);
    ticks.unsubscribe();
  });

  it("shows a project MEMBER only their projects' calls, for the organization or for one of them", async () => {
    const orgTicks = subscribe<any>(live(member), TICKS, { o: orgId });
    const projectTicks = subscribe<any>(live(member), TICKS, { o: orgId, p: projectA });
    const adminTicks = subscribe<any>(live(admin), TICKS, { o: orgId });
    const first = (await orgTicks.next()).data!.usageTicks;
    expect(first.todayRows.every((r: any) => r.projectId === projectA)).toBe(true);
    expect((await projectTicks.next()).data!.usageTicks.projectId).toBe(projectA);
    const adminBefore = (await adminTicks.next()).data!.usageTicks.today.requests;

    await record([call(inB, now())]);
    await adminTicks.next((m) => m.data?.usageTicks.today.requests === adminBefore + 1);
    await new Promise((r) => setTimeout(r, 1_200));
    expect(orgTicks.messages).toHaveLength(1);

    await record([call(inA, now(), { cost: 5n })]);
    const seen = (await orgTicks.next((m) => m.data?.usageTicks.snapshot === false)).data!.usageTicks;
    expect(seen.delta).toMatchObject({ requests: 1, cost: money(5n) });
    expect(seen.today.requests).toBe(first.today.requests + 1);
    expect((await projectTicks.next((m) => m.data?.usageTicks.snapshot === false)).data!.usageTicks.delta.requests).toBe(1);
    for (const t of [orgTicks, projectTicks, adminTicks]) t.unsubscribe();
  });

  it('lets FINANCE and a read-only BI token watch the whole organization', async () => {
    const minted = await finance.gql('mutation { createApiToken(input: { name: "bi", readOnly: true }) { secret } }');
    const bi = subscribe<any>(live({ bearer: minted.data!.createApiToken.secret }), TICKS, { o: orgId });
    const fin = subscribe<any>(live(finance), TICKS, { o: orgId });
    expect((await bi.next()).data!.usageTicks.snapshot).toBe(true);
    const before = (await fin.next()).data!.usageTicks.today.requests;
    await record([call(inB, now())]);
    await bi.next((m) => m.data?.usageTicks.today.requests === before + 1);
    await fin.next((m) => m.data?.usageTicks.today.requests === before + 1);
    bi.unsubscribe();
    fin.unsubscribe();
  });

  it.each([
    ['another organization', () => ({ o: randomUUID() }), 'NOT_FOUND'],
    ['a malformed id', () => ({ o: 'nope' }), 'VALIDATION'],
    ['a project of another organization', () => ({ o: orgId, p: randomUUID() }), 'NOT_FOUND'],
  ])('answers %s like a missing one', async (_what, variables, code) => {
    const ticks = subscribe<any>(live(admin), TICKS, variables());
    const { errors } = await ticks.ended;
    expect(errors?.[0]?.extensions?.code).toBe(code);
  });

  it('answers an outsider NOT_FOUND and a project MEMBER FORBIDDEN for a project they are not in', async () => {
    expect((await subscribe(live(outsider), TICKS, { o: orgId }).ended).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await subscribe(live(member), TICKS, { o: orgId, p: projectB }).ended).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('walletChanged and quotaChanged', () => {
  it("follows the wallet: money in from the ledger, and the proxies' live state with calls in flight", async () => {
    const operator = await h.signedIn(await h.user({ isOperator: true }));
    await operator.gql('mutation($o: ID!) { creditWallet(organizationId: $o, amount: "10.00", reference: "first") { balance } }', { o: orgId });
    const wallet = subscribe<any>(live(finance), WALLET, { o: orgId });
    expect((await wallet.next()).data!.walletChanged).toEqual({
      balance: money(10_000_000n),
      frozenAmount: money(0n),
      availableAmount: money(10_000_000n),
      isActive: true,
    });
    await operator.gql('mutation($o: ID!) { creditWallet(organizationId: $o, amount: "2.50", reference: "second") { balance } }', { o: orgId });
    await wallet.next((m) => m.data?.walletChanged.balance === money(12_500_000n));
    // As WalletSync publishes it: 0.75 held by calls in flight.
    await publisher.publish([
      JSON.stringify({ kind: 'wallet', organizationId: orgId, balance: '12400000', frozen: '750000', available: '11650000', at: Date.now() }),
    ]);
    const inFlight = await wallet.next((m) => m.data?.walletChanged.frozenAmount === money(750_000n));
    expect(inFlight.data!.walletChanged).toMatchObject({ balance: money(12_400_000n), availableAmount: money(11_650_000n) });
    wallet.unsubscribe();
  });

  it('refuses walletChanged to a project MEMBER', async () => {
    expect((await subscribe(live(member), WALLET, { o: orgId }).ended).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("moves the project's quota use as its calls are recorded", async () => {
    const quota = subscribe<any>(live(member), QUOTA, { p: projectA });
    const first = (await quota.next()).data!.quotaChanged;
    await record([call(inA, now(), { cost: 2_000n })]);
    const moved = (await quota.next((m) => m.data?.quotaChanged.dailyUsage.requestCount === first.dailyUsage.requestCount + 1)).data!.quotaChanged;
    expect(moved.monthlyUsage.requestCount).toBe(first.monthlyUsage.requestCount + 1);
    quota.unsubscribe();
  });
});

describe('access while subscribed', () => {
  /** Subscribes as a fresh ADMIN of the organization, changes their access, and answers how long the error took. */
  async function endedBy(change: (user: { id: string; session: string }) => Promise<void>, query = TICKS) {
    const user = await h.user();
    const org = (await h.orm.em.fork().findOneOrFail('Organization', orgId)) as any;
    await h.member(org, user, OrgRole.ADMIN);
    const client = await h.signedIn(user);
    const session = (await h.orm.em.fork().findOneOrFail(Session, { tokenHash: sha256Hex(client.cookie!.split('=')[1]!) })).id;
    const sub = subscribe<any>(live(client), query, { o: orgId });
    await sub.next();
    const started = Date.now();
    await change({ id: user.id, session });
    const { errors } = await sub.ended;
    return { ms: Date.now() - started, code: errors?.[0]?.extensions?.code };
  }
  const sql = (text: string, params: unknown[]) => writer.pool.query(text, params);

  it('ends when the member is removed', async () => {
    const ended = await endedBy(({ id }) =>
      sql('delete from organization_members where user_id = $1 and organization_id = $2', [id, orgId]).then(() => undefined),
    );
    expect(ended.code).toBe('NOT_FOUND');
    expect(ended.ms).toBeLessThan(1_000);
  });

  it('ends when the role is lowered', async () => {
    const ended = await endedBy(({ id }) => sql(`update organization_members set role = 'MEMBER' where user_id = $1`, [id]).then(() => undefined));
    expect(ended.code).toBe('FORBIDDEN');
    expect(ended.ms).toBeLessThan(1_000);
  });

  it('ends the wallet subscription when an ADMIN is lowered to MEMBER', async () => {
    const ended = await endedBy(({ id }) => sql(`update organization_members set role = 'MEMBER' where user_id = $1`, [id]).then(() => undefined), WALLET);
    expect(ended.code).toBe('FORBIDDEN');
    expect(ended.ms).toBeLessThan(1_000);
  });

  it('ends when they sign out', async () => {
    const ended = await endedBy(({ session }) => sql('delete from sessions where id = $1', [session]).then(() => undefined));
    expect(ended.code).toBe('UNAUTHENTICATED');
    expect(ended.ms).toBeLessThan(1_000);
  });

  it('ends when the session expires', async () => {
    const ended = await endedBy(({ session }) =>
      sql(`update sessions set expires_at = now() + interval '300 milliseconds' where id = $1`, [session]).then(() => undefined),
    );
    expect(ended.code).toBe('UNAUTHENTICATED');
    expect(ended.ms).toBeLessThan(1_300);
  });

  it('ends when the BI token is revoked', async () => {
    const minted = await finance.gql('mutation { createApiToken(input: { name: "revoked soon", readOnly: true }) { secret token { id } } }');
    const sub = subscribe<any>(live({ bearer: minted.data!.createApiToken.secret }), TICKS, { o: orgId });
    await sub.next();
    const started = Date.now();
    await finance.gql('mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', { id: minted.data!.createApiToken.token.id });
    const { errors } = await sub.ended;
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
